"""Statements (kg.extract.statements): quotes and reported speech, one phenomenon per test."""

from __future__ import annotations

import pytest
from extract_support import STYLE_NAMES, actor, article, load_style, mentions

from kg.extract.statements import find_statements
from kg.model import StatementKind, StatementMention

CHINA = actor("China", "state", "China", "Beijing", "Chinese")
JAPAN = actor("Japan", "state", "Japan", "Tokyo", "Japan’s government")
MOFCOM = actor("Ministry of Commerce of China", "government_body", "China's commerce ministry",
               "the ministry", "China’s commerce ministry", part_of="China")
MOFA = actor("Ministry of Foreign Affairs of Japan", "government_body", "Japan's foreign ministry",
             "Japan’s foreign ministry", part_of="Japan")
HE = actor("He Yadong", "person", "He Yadong", affiliation="Ministry of Commerce of China")
KANAI = actor("Masaaki Kanai", "person", "Masaaki Kanai", "Kanai",
              affiliation="Ministry of Foreign Affairs of Japan")
TAKAICHI = actor("Sanae Takaichi", "person", "Sanae Takaichi", affiliation="Japan")
JOURNAL = actor("The Wall Street Journal", "media", "The Wall Street Journal", "the Journal")
ANALYSTS = actor("unnamed analysts", "person", "Analysts", "analysts")
TABLE = [CHINA, JAPAN, MOFCOM, MOFA, HE, KANAI, TAKAICHI, JOURNAL, ANALYSTS]


def run(text: str, *, date: str | None = "2026-01-08",
        table: list | None = None) -> list[StatementMention]:
    art = article(text, date=date)
    return find_statements(art, mentions(text, table or TABLE))


def one(text: str, **kwargs: object) -> StatementMention:
    found = run(text, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, [(s.speaker, s.span.text) for s in found]
    return found[0]


def test_a_quote_before_said_and_a_name_belongs_to_that_name() -> None:
    s = one('“Civilian users will not be affected,” said He Yadong, a spokesperson.')
    assert (s.speaker, s.kind, s.span.text) == ("He Yadong", StatementKind.DIRECT_QUOTE,
                                                "Civilian users will not be affected")


def test_a_quote_before_a_name_and_said_belongs_to_that_name() -> None:
    s = one('"We will respond firmly," Masaaki Kanai said on Tuesday.')
    assert (s.speaker, s.span.text) == ("Masaaki Kanai", "We will respond firmly")
    assert s.date is not None and s.date.isoformat() == "2026-01-06"


def test_he_said_after_a_quote_is_the_last_person_mentioned() -> None:
    text = ('Masaaki Kanai met reporters. "This cannot be accepted," he said.')
    assert one(text).speaker == "Masaaki Kanai"


def test_a_capitalised_surname_after_a_quote_is_that_person_not_a_pronoun() -> None:
    text = ('He Yadong spoke first. Sanae Takaichi answered later. '
            '"Exports for military use are prohibited," He said.')
    assert one(text).speaker == "He Yadong"


def test_a_colon_introduces_the_quotation_of_the_subject() -> None:
    s = one("Analysts admitted: 'This is suffocating the entire industry.'")
    assert (s.speaker, s.span.text) == ("unnamed analysts",
                                        "This is suffocating the entire industry.")


def test_an_unattributed_quote_after_a_quote_continues_it() -> None:
    text = ('“Civilian users will not be affected,” said He Yadong. '
            '“China has always been committed to stable supply chains.”')
    found = run(text)
    assert [(s.speaker, s.kind) for s in found] == [("He Yadong", StatementKind.DIRECT_QUOTE)] * 2


def test_a_quote_spanning_two_paragraphs_is_one_statement() -> None:
    text = ('Masaaki Kanai said: "The measure deviates from practice\n'
            '"and we demand its withdrawal."\n')
    s = one(text)
    assert s.speaker == "Masaaki Kanai"
    assert "deviates from practice" in s.span.text and "demand its withdrawal" in s.span.text


def test_said_that_reports_the_clause_after_that() -> None:
    s = one("Beijing said that the measure is designed to safeguard national security.")
    assert (s.speaker, s.kind) == ("China", StatementKind.REPORTED)
    assert s.span.text == "the measure is designed to safeguard national security"


def test_told_reporters_that_skips_the_listeners() -> None:
    s = one("Masaaki Kanai told reporters on Tuesday that Japan would not accept the ban.")
    assert s.span.text == "Japan would not accept the ban"
    assert s.date is not None and s.date.isoformat() == "2026-01-06"


def test_called_it_reports_the_object_and_its_description() -> None:
    s = one("Japan's foreign ministry called the measure 'extremely regrettable'.")
    assert (s.speaker, s.kind) == ("Ministry of Foreign Affairs of Japan",
                                   StatementKind.DIRECT_QUOTE)
    assert s.span.text.startswith("called the measure 'extremely regrettable'")


def test_a_scare_quoted_term_does_not_make_a_direct_quote() -> None:
    s = one("Beijing views these remarks as a violation of the 'One China' principle.")
    assert s.kind is StatementKind.REPORTED


def test_a_participle_after_a_comma_is_a_further_statement_of_the_subject() -> None:
    text = ("Masaaki Kanai called the measure 'extremely regrettable' and 'unacceptable,' "
            "noting it targets only Japan.")
    found = run(text)
    assert [s.speaker for s in found] == ["Masaaki Kanai", "Masaaki Kanai"]
    assert found[1].span.text == "it targets only Japan"


def test_a_short_statement_keeps_its_participle() -> None:
    s = one("Japan’s government condemned the ban, calling it “absolutely unacceptable”.")
    assert s.span.text.startswith("condemned the ban, calling it")


def test_a_participle_after_reports_in_an_outlet_is_the_outlets_statement() -> None:
    text = ("He Yadong declined to comment on reports in The Wall Street Journal, suggesting "
            "the government is considering tighter controls.")
    found = run(text)
    assert [(s.speaker, s.negated) for s in found] == [("He Yadong", True),
                                                       ("The Wall Street Journal", False)]
    assert found[1].span.text == "the government is considering tighter controls"


def test_a_verb_of_saying_inside_reported_words_splits_them_after_a_comma() -> None:
    text = ("China says its ban will be limited to military companies, a move Beijing says "
            "is aimed at easing concerns.")
    found = run(text)
    assert [s.span.text for s in found] == [
        "its ban will be limited to military companies", "is aimed at easing concerns"]


def test_according_to_names_the_source_of_a_sentence_with_no_speech_verb() -> None:
    s = one("China supplies around 60% of Japan's imports, according to Analysts.")
    assert (s.speaker, s.span.text) == ("unnamed analysts",
                                        "China supplies around 60% of Japan's imports")


def test_according_to_is_the_via_of_a_sentence_with_a_speaker() -> None:
    text = ("Masaaki Kanai lodged a protest, demanding that Beijing withdraw the ban, "
            "according to Japan's foreign ministry.")
    s = one(text)
    assert (s.speaker, s.via) == ("Masaaki Kanai", "Ministry of Foreign Affairs of Japan")
    assert s.span.text == "demanding that Beijing withdraw the ban"


def test_an_outlet_reporting_that_an_actor_said_is_the_via_of_the_actors_words() -> None:
    s = one("The Wall Street Journal reported that Masaaki Kanai said Tokyo would retaliate.")
    assert (s.speaker, s.via) == ("Masaaki Kanai", "The Wall Street Journal")
    assert s.span.text == "Tokyo would retaliate"


def test_a_body_reporting_what_a_person_did_keeps_the_statement() -> None:
    text = "China's commerce ministry said Masaaki Kanai rejected the offer."
    s = one(text)
    assert (s.speaker, s.span.text) == ("Ministry of Commerce of China",
                                        "Masaaki Kanai rejected the offer")


def test_did_not_specify_is_a_negated_report_starting_at_the_negation() -> None:
    s = one("He Yadong did not specify whether rare earths are covered by the ban.")
    assert s.negated
    assert s.kind is StatementKind.REPORTED
    assert s.span.text == "did not specify whether rare earths are covered by the ban"


def test_two_coordinated_negations_are_two_negated_reports() -> None:
    text = "He Yadong did not specify the items and declined to comment on the reports."
    found = run(text)
    assert [(s.negated, s.span.text) for s in found] == [
        (True, "did not specify the items"), (True, "declined to comment on the reports")]


def test_a_trailing_attribution_reports_the_words_before_it() -> None:
    s = one("Exports fell sharply last year, analysts said on Monday.")
    assert (s.speaker, s.span.text) == ("unnamed analysts", "Exports fell sharply last year")


def test_it_said_is_the_last_organisation_that_spoke() -> None:
    text = ("China's commerce ministry said the ban is lawful. It said exports to civilian "
            "users would continue.")
    found = run(text)
    assert [s.speaker for s in found] == ["Ministry of Commerce of China"] * 2


def test_a_spokesperson_for_a_body_is_the_person_the_article_names_so() -> None:
    text = ("Speaking on Thursday, a spokesperson for China's commerce ministry said civilian "
            "users would not be affected. “The ban is lawful,” said He Yadong, a "
            "spokesperson for the ministry.")
    found = run(text)
    assert [s.speaker for s in found] == ["He Yadong", "He Yadong"]


def test_a_relative_who_clause_speaks_for_its_antecedent() -> None:
    text = ("The move follows remarks made in late 2025 by Sanae Takaichi, who suggested that "
            "an attack might constitute a “survival-threatening situation”.")
    s = one(text)
    assert (s.speaker, s.kind) == ("Sanae Takaichi", StatementKind.DIRECT_QUOTE)
    assert s.date is not None and s.date.isoformat() == "2025"


def test_a_present_tense_verb_dates_the_statement_to_the_article() -> None:
    s = one("China says its ban will be limited to military companies.")
    assert s.date is not None and s.date.isoformat() == "2026-01-08"


def test_a_past_statement_with_no_date_in_its_sentence_has_no_date() -> None:
    assert one("Beijing said the measure is lawful.").date is None


def test_a_date_inside_the_reported_words_is_not_the_statements_date() -> None:
    s = one("Beijing said the ban took effect on January 6.")
    assert s.date is None


def test_a_persons_later_quotes_keep_the_date_the_article_gave_that_person() -> None:
    text = ("Masaaki Kanai lodged a protest on January 6. Kanai called the measure "
            "'extremely regrettable'.")
    s = one(text)
    assert s.date is not None and s.date.isoformat() == "2026-01-06"


def test_a_noun_that_looks_like_a_verb_is_not_a_statement() -> None:
    text = "Beijing denounced Takaichi's comments as provocative. Her remarks angered China."
    found = run(text, table=[CHINA, TAKAICHI])
    assert [(s.speaker, s.span.text) for s in found] == [
        ("China", "denounced Takaichi's comments as provocative")]


def test_announced_a_ban_is_an_act_not_a_statement() -> None:
    assert run("China announced a ban on exports to Japan.") == []


def test_demanded_with_an_object_only_is_an_act_not_a_statement() -> None:
    assert run("Japan's foreign ministry protested the move and demanded its withdrawal.") == []


def test_the_time_after_said_is_not_part_of_the_words() -> None:
    s = one("Beijing said on Thursday it would suspend imports from Japan.")
    assert s.span.text == "it would suspend imports from Japan"
    assert s.date is not None and s.date.isoformat() == "2026-01-08"


def test_told_reporters_without_that_skips_the_listeners() -> None:
    s = one('Masaaki Kanai told reporters the rules were "designed to protect security".')
    assert s.span.text == 'the rules were "designed to protect security"'


def test_a_body_the_actor_data_does_not_know_speaks_for_its_possessor() -> None:
    s = one("China's customs authority said it would suspend imports.")
    assert (s.speaker, s.span.text) == ("China", "it would suspend imports")


def test_a_negated_report_stops_where_the_narrator_goes_on() -> None:
    s = one("Masaaki Kanai did not name China, but the rules are widely seen as aimed at it.")
    assert (s.negated, s.span.text) == (True, "did not name China")


def test_a_negated_report_takes_the_date_in_its_words() -> None:
    s = one("China's commerce ministry did not respond to a request for comment on Tuesday.")
    assert s.date is not None and s.date.isoformat() == "2026-01-06"


def test_statement_spans_count_into_the_text() -> None:
    text = ('“The ban is lawful,” said He Yadong. Beijing said that exports would continue. '
            'Analysts warn that prices could rise.')
    found = run(text)
    assert len(found) == 3
    for s in found:
        assert text[s.span.begin:s.span.end] == s.span.text


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_style_fixture_statements_match_annotations(name: str) -> None:
    style = load_style(name)
    found = find_statements(style.article, style.actors)
    expected = style.expected.get("statements", [])
    for item in expected:
        hits = [s for s in found if s.speaker == item["speaker"]
                and item["contains"] in s.span.text]
        shown = [(s.speaker, s.span.text) for s in found]
        assert hits, f"{name}: no statement {item}; found {shown}"
        s = hits[0]
        assert s.kind.value == item["kind"], (name, item)
        if "date" in item:
            assert (s.date.isoformat() if s.date else None) == item["date"], (name, item)
        if "negated" in item:
            assert s.negated == item["negated"], (name, item)
        if "via" in item:
            assert s.via == item["via"], (name, item)
    if style.expected.get("statements_exhaustive"):
        assert len(found) == len(expected), [(s.speaker, s.span.text) for s in found]
