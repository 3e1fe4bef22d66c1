"""Statement dates in wire reports and issuers' own releases (kg.extract.statement_dates,
rule 2c; undated words in a wire report stay undated), and dates that belong to another
event than the saying.

Fixtures are written for one phenomenon each, with their own actors and wording."""

from __future__ import annotations

import datetime as dt

from extract_support import actor, article, mentions

from kg.extract.statements import find_statements
from kg.model import Article, ArticleMetadata, StatementMention

INDONESIA = actor("Indonesia", "state", "Indonesia", "Jakarta")
TRADE = actor("Ministry of Trade of Indonesia", "government_body", "Indonesia's trade ministry",
              "the trade ministry", "The ministry", "the ministry", part_of="Indonesia")
NORWAY = actor("Norway", "state", "Norway", "Oslo")
SOLBERG = actor("Kari Solberg", "person", "Kari Solberg", "Solberg", affiliation="Norway",
                role="trade minister")
ORBIS = actor("Orbis Research", "organization", "Orbis Research")
BERG = actor("Lena Berg", "person", "Lena Berg", "Berg", affiliation="Orbis Research",
             role="analyst")
AGENCY = actor("Nordic Energy Agency", "government_body", "Nordic Energy Agency",
               "the agency")
DAHL = actor("Ola Dahl", "person", "Ola Dahl", "Dahl", affiliation="Nordic Energy Agency",
             role="director")
HAUGE = actor("Siri Hauge", "person", "Siri Hauge", "Hauge", affiliation="Norway",
              role="finance minister")
MORI = actor("Aiko Mori", "person", "Aiko Mori", "Mori")
TABLE = [INDONESIA, TRADE, NORWAY, SOLBERG, ORBIS, BERG, AGENCY, DAHL, HAUGE, MORI]

# 12 March 2026 is a Thursday.
WIRE_LEAD = ("JAKARTA, March 12 (Nordwire) - Indonesia on Thursday extended its quotas on "
             "nickel ore exports for another year, the trade ministry said, in a blow to "
             "smelter projects abroad that had hoped for a looser regime.\n\n")


def run(doc: Article) -> list[StatementMention]:
    return find_statements(doc, mentions(doc.text, TABLE))


def dates_of(text: str, speaker: str, date: str | None = "2026-03-12",
             reference: str | None = None) -> list[str | None]:
    found = [s for s in run(article(text, date=date, reference=reference))
             if s.speaker == speaker]
    assert found, [(s.speaker, s.span.text) for s in run(article(text, date=date))]
    return [s.date.isoformat() if s.date else None for s in found]


def test_an_officials_undated_words_in_a_wire_report_stay_undated() -> None:
    # the dateline dates the report, not the words: a date the text does not give is null
    text = WIRE_LEAD + ("In Oslo, trade minister Kari Solberg said Norway would ask Jakarta "
                        "for talks on the quotas before the summer.")
    assert dates_of(text, "Kari Solberg") == [None]


def test_an_analysts_undated_words_in_a_wire_report_stay_undated() -> None:
    # the analyst may have been asked on any day
    text = WIRE_LEAD + ("\"Buyers will have to look to the Philippines,\" said Lena Berg, an "
                        "analyst at Orbis Research.")
    assert dates_of(text, "Lena Berg") == [None]


def test_a_wire_datelines_day_anchors_an_undated_article_by_the_corpus_year() -> None:
    # no date of its own: the yearless dateline takes its year from the corpus date, and
    # "said on Thursday" falls on it; without a corpus date the weekday stays unplaced
    text = ("OSLO, March 12 (Nordwire) - Norway's trade minister Kari Solberg said on "
            "Thursday that Oslo would seek talks with Jakarta on the nickel ore quotas, "
            "which smelter groups in the north call a threat to their supply.\n\n")
    assert dates_of(text, "Kari Solberg", date=None, reference="2026-05-20") == ["2026-03-12"]
    assert dates_of(text, "Kari Solberg", date=None) == [None]


def test_a_date_before_an_after_clause_is_not_the_time_of_its_words() -> None:
    text = ("Norway suspended the fisheries talks in November, after Kari Solberg said "
            "the quotas were a breach of the partnership agreement.")
    assert dates_of(text, "Kari Solberg", date="2026-03-12") == [None]


def test_a_fronted_day_of_a_bodys_act_dates_its_next_words() -> None:
    text = ("On Monday, Indonesia's trade ministry extended the nickel quotas by a year. "
            "The ministry said the step would protect domestic smelters.")
    assert dates_of(text, "Ministry of Trade of Indonesia") == ["2026-03-09"]


def test_words_told_to_the_same_session_take_its_day_from_the_paragraph_before() -> None:
    text = ("\"We will not be pushed around,\" trade minister Kari Solberg told a "
            "parliamentary hearing on Tuesday.\n\n"
            "Finance minister Siri Hauge told the same session that the budget could absorb "
            "the cost.")
    assert dates_of(text, "Siri Hauge") == ["2026-03-10"]


def test_the_people_of_the_body_publishing_a_release_speak_on_its_date() -> None:
    text = ("NORDIC ENERGY AGENCY\nPRESS RELEASE\n\n"
            "The agency will publish weekly figures on ore stocks.\n\n"
            "\"Our members need a clear picture of their supplies,\" said Ola Dahl, director "
            "of the agency.")
    doc = Article(identifier="release.txt", text=text,
                  metadata=ArticleMetadata(date=dt.date(2026, 3, 12),
                                           publisher="Nordic Energy Agency"))
    found = [s for s in run(doc) if s.speaker == "Ola Dahl"]
    assert [s.date.isoformat() if s.date else None for s in found] == ["2026-03-12"]


def test_the_founding_year_in_a_speakers_description_does_not_date_the_quotes() -> None:
    text = ("\"We used to restock every week,\" said Aiko Mori, 61, who runs the shop her "
            "mother opened in 1975. \"Now I count every box.\"\n\n"
            "\"Nobody knows how long it will last,\" Mori said.")
    assert set(dates_of(text, "Aiko Mori")) == {None}


# -- whose release it is --------------------------------------------------------------------------

US = actor("United States", "state", "United States")
COMMERCE = actor("United States Department of Commerce", "government_body",
                 "Department of Commerce", "the department", part_of="United States")
SECRETARY = actor("Mara Quist", "person", "Mara Quist", "Quist", affiliation="United States",
                  role="Secretary of Commerce")
NICKEL = actor("Nickel Review Bureau", "government_body", "Nickel Review Bureau",
               part_of="Ministry of Trade of Indonesia")
SPOKESMAN = actor("Budi Hartono", "person", "Budi Hartono", "Hartono",
                  affiliation="Ministry of Trade of Indonesia", role="ministry spokesperson")


def _speaker_dates(text: str, publisher: str, table: list[dict[str, object]],
                   speaker: str) -> list[str | None]:
    doc = Article(identifier="release.txt", text=text,
                  metadata=ArticleMetadata(date=dt.date(2026, 3, 12), publisher=publisher))
    return [s.date.isoformat() if s.date else None
            for s in find_statements(doc, mentions(text, table)) if s.speaker == speaker]


def test_a_release_whose_publisher_is_a_known_alias_with_its_office_dates_its_peoples_words(
        ) -> None:
    # "U.S. Department of Commerce" is an alias of the department in the reference data;
    # the office after the comma only says which part of it publishes
    text = ("FACT SHEET\n\nToday, the Department of Commerce added two firms to its list.\n\n"
            "\"We will act again if we must,\" said Secretary of Commerce Mara Quist.")
    assert _speaker_dates(text, "U.S. Department of Commerce, Office of Public Affairs",
                          [US, COMMERCE, SECRETARY], "Mara Quist") == ["2026-03-12"]


def test_a_department_releasing_its_ministrys_answers_dates_the_spokespersons_words() -> None:
    text = ("Nickel Review Bureau\n\nMinistry spokesperson Budi Hartono answers questions on "
            "the ore quotas.\n\nThe spokesperson said that the quotas would be reviewed "
            "every year with the smelters.")
    assert _speaker_dates(text, "Nickel Review Bureau", [INDONESIA, TRADE, NICKEL, SPOKESMAN],
                          "Budi Hartono") == ["2026-03-12"]


# -- a body named again after its dated words -------------------------------------------------

def test_a_body_named_again_after_its_dated_words_in_the_paragraph_speaks_on_that_day() -> None:
    text = ("Prices of nickel ore fell.\n\n"
            "On Monday, Orbis Research said demand from smelters had dropped by a fifth. "
            "Orbis Research said in a note that prices would recover by the summer.")
    assert dates_of(text, "Orbis Research") == ["2026-03-09", "2026-03-09"]


def test_a_body_named_again_in_a_later_paragraph_does_not_take_its_earlier_day() -> None:
    text = ("On Monday, Orbis Research said demand from smelters had dropped by a fifth.\n\n"
            "Orbis Research said in a note that prices would recover by the summer.")
    assert dates_of(text, "Orbis Research") == ["2026-03-09", None]
