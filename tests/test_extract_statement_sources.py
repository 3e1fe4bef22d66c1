"""Statements (kg.extract.statements): who stands behind words beyond the verb's subject,
and words that are nobody's report.

* a paragraph ending with its source ("— Daily Herald", "(via Kell Wire)") is the outlet's:
  unnamed people speaking in it speak through the outlet, named speakers' words come via it;
* "according to a <body> official" is the body's word;
* a free relative ("whatever the ministry says") and a name modifying a noun ("the Freedonia
  remarks have ...") report no words;
* in a transcript answer, a third party's conduct told in the answerer's own words stays
  the answer; a labelled note after the answer ends it.

Fictional actors, one phenomenon per test: inline texts, and two fixture articles of
``tests/fixtures/statements/`` (a digest, a transcript).
"""

from __future__ import annotations

from extract_support import actor
from test_extract_statements import FIXTURES, run, shown

from kg.model import StatementKind

FREEDONIA = actor("Freedonia", "state", "Freedonia", "Fredville")
RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau")
COMMERCE = actor("Ministry of Commerce of Ruritania", "government_body", "Ministry of Commerce",
                 "commerce ministry", "the commerce ministry", part_of="Ruritania")
TRADE_BOARD = actor("Freedonian Trade Board", "government_body", "Trade Board",
                    "Freedonian Trade Board", part_of="Freedonia")
BRANDT = actor("Karl Brandt", "person", "Karl Brandt", "Brandt", affiliation="Freedonia")
PRIME = actor("Olga Varga", "person", "Prime Minister Olga Varga", "Olga Varga",
              affiliation="Freedonia")
BAO = actor("Bao Lin", "person", "Bao Lin", affiliation="Ministry of Commerce of Ruritania")
HERALD = actor("Daily Herald", "media", "Daily Herald")
WIRE = actor("Kell Wire", "media", "Kell Wire")
TABLE = [FREEDONIA, RURITANIA, COMMERCE, TRADE_BOARD, BRANDT, PRIME, BAO, HERALD, WIRE]

DIGEST = (FIXTURES / "digest_items_with_trailing_sources.txt").read_text(encoding="utf-8")


def test_unnamed_people_in_an_item_ending_with_its_source_speak_through_the_outlet() -> None:
    found = run(DIGEST, table=TABLE)
    by_text = {s.span.text: s for s in found}
    herald = by_text["The cabinet is studying whether to sell part of its cobalt reserve to "
                     "battery makers"]
    assert (herald.speaker, herald.kind) == ("Daily Herald", StatementKind.REPORTED)
    # The words end before the source line, never run into it.
    wire = by_text["customs checks on tin cargoes could take another fortnight to clear"]
    assert wire.speaker == "Kell Wire"
    relayed = by_text["the tribunal would widen its review to graphite anodes"]
    assert (relayed.speaker, relayed.via) == ("Daily Herald", "Kell Wire")
    assert not any("— " in s.span.text or "(via" in s.span.text for s in found)


def test_a_named_speaker_in_a_sourced_item_keeps_the_words_via_the_outlet() -> None:
    found = run(DIGEST, table=TABLE)
    [brandt] = [s for s in found if s.speaker == "Karl Brandt"]
    assert brandt.via == "Daily Herald"
    assert brandt.span.text == ("the Trade Board would publish its licence figures every month "
                                "from now on")


def test_unnamed_people_without_a_source_line_name_no_speaker() -> None:
    found = run(DIGEST, table=TABLE)
    assert not any("harbour" in s.span.text for s in found)
    # A source in a dateline opening a paragraph is no source line of the paragraph.
    text = ("FREDVILLE (Kell Wire) - Officials said the harbour would reopen by the end of the "
            "week after the storm damage.\n")
    assert run(text, table=TABLE) == []


def test_according_to_an_unnamed_member_of_a_body_is_the_bodys_word() -> None:
    text = ("Exporters of rare metals will need a second permit from March, according to a "
            "Trade Board official.\n")
    [s] = run(text, table=TABLE)
    assert (s.speaker, s.span.text) == (
        "Freedonian Trade Board", "Exporters of rare metals will need a second permit from March")
    # A member of a state is no word of the state's.
    assert run("Exporters of rare metals will need a second permit from March, according to "
               "a Freedonia official.\n", table=TABLE) == []


def test_a_free_relative_reports_no_words_but_what_it_called_in_quotes_does() -> None:
    text = ("My own guess is that licence reviews will slow for civilian buyers too, whatever "
            "the commerce ministry says in public.\n")
    assert run(text, table=TABLE) == []
    # "what X called Y" credits a label in passing (review 4): words only when quoted
    assert run("Freedonia sent two frigates to what the commerce ministry called a "
               "provocative exercise near the strait.\n", table=TABLE) == []
    found = run("Freedonia sent two frigates to what the commerce ministry called a "
                "\"provocative\" exercise near the strait.\n", table=TABLE)
    assert shown(found) == [("Ministry of Commerce of Ruritania",
                             "called a \"provocative\" exercise near the strait")]


def test_a_name_after_the_modifies_a_plural_noun_that_looks_like_a_verb() -> None:
    text = ("Strelsau will keep its curbs for as long as it believes the Freedonia remarks "
            "have not been taken back.\n")
    assert run(text, table=TABLE) == []


TRANSCRIPT = (FIXTURES / "answer_tells_conduct_and_relays_words.txt").read_text(
    encoding="utf-8")


def test_an_answer_telling_a_partys_conduct_in_its_own_words_stays_the_answer() -> None:
    found = run(TRANSCRIPT, table=TABLE)
    assert not any(s.speaker == "Olga Varga" for s in found)
    [charge] = [s for s in found if "provocative remarks" in s.span.text]
    assert (charge.speaker, charge.kind) == ("Ministry of Commerce of Ruritania",
                                             StatementKind.DIRECT_QUOTE)


def test_an_answer_relaying_a_partys_words_with_a_verb_of_saying_gives_that_party() -> None:
    found = run(TRANSCRIPT, table=TABLE)
    [brandt] = [s for s in found if s.speaker == "Karl Brandt"]
    assert brandt.span.text.startswith("Freedonia is ready to talk at any level")


def test_a_labelled_note_after_an_answer_is_not_part_of_it() -> None:
    found = run(TRANSCRIPT, table=TABLE)
    assert not any("Article 12" in s.span.text for s in found)
    assert any(s.span.text == "Freedonia should correct its course" for s in found)


def test_a_generic_spokesperson_speaks_for_the_state_the_sentence_is_about() -> None:
    import datetime as dt

    from kg.extract import extract
    from kg.model import Article, ArticleMetadata

    def speakers(text: str) -> list[str | None]:
        found = extract(Article("x.txt", text, ArticleMetadata(date=dt.date(2026, 1, 9))))
        return [s.speaker for s in found.statements]

    # the subject, not the state after "to", whose commerce ministry is Japan's METI
    assert speakers("China has not banned exports of rare earths to Japan, a commerce "
                    "ministry spokesperson said on Tuesday.\n") == ["Ministry of Commerce of China"]
    assert speakers("In talks with Japan, China refused to lift the ban, a foreign ministry "
                    "spokesperson said.\n") == ["Ministry of Foreign Affairs of China"]


def test_a_dateline_without_a_date_is_not_part_of_the_reported_words() -> None:
    import datetime as dt

    from kg.extract import extract
    from kg.model import Article, ArticleMetadata

    def quotes(text: str) -> list[str]:
        found = extract(Article("x.txt", text, ArticleMetadata(date=dt.date(2023, 3, 24))))
        return [s.span.text for s in found.statements]

    assert quotes("Curbs eased\n\nTOKYO - Japan on Thursday lifted export restrictions on "
                  "three chipmaking materials, the trade ministry said.\n") == [
        "Japan on Thursday lifted export restrictions on three chipmaking materials"]
    assert quotes("Curbs eased\n\nBEIJING (AP) — China will curb exports of gallium, the "
                  "commerce ministry said.\n") == ["China will curb exports of gallium"]
