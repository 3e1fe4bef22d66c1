"""Dates that lie ahead of the day of writing (round 15b): a weekday opening a period in a
future clause, a measure announced to start after the article's day, "the same day" after
a date bounding a state, and a spokesperson's words after a body's written statement; and
a translated "of the last year".

Each test is one phenomenon, in words and with actors of its own.
"""

from __future__ import annotations

import datetime as dt

from extract_support import actor, article, mentions
from test_measure_timing import dated

from kg.extract.dates import find_dates
from kg.extract.statements import find_statements

THURSDAY = dt.date(2026, 3, 12)


def found(text: str, anchor: dt.date | None = THURSDAY) -> list[tuple[str, str]]:
    return [(d.span.text, d.date.isoformat()) for d in find_dates(text, anchor)]


# -- a weekday opening a period in a future clause ---------------------------------------------

def test_a_weekday_after_from_in_a_future_clause_is_the_coming_one() -> None:
    # the future cue stands far before the weekday, and a participle ("grown") between
    text = ("Ruritania will charge a levy of up to 12% on the oranges and lemons grown in "
            "Freedonia from Monday.")
    assert found(text) == [("Monday", "2026-03-16")]
    assert found("The quotas are set to apply to every smelter in the province as of "
                 "Friday.") == [("Friday", "2026-03-13")]


def test_a_weekday_after_from_in_a_past_clause_stays_behind() -> None:
    assert found("Ruritania charged a levy on Freedonian oranges from Monday.") == [
        ("Monday", "2026-03-09")]
    # a past auxiliary after the future cue governs the clause
    assert found("Ruritania, which will review the levy next year, was charging it from "
                 "Monday.") == [("next year", "2027"), ("Monday", "2026-03-09")]


def test_a_future_clause_before_a_new_clause_does_not_reach_the_weekday() -> None:
    assert found("Ruritania will review the levy in the summer, but importers paid it from "
                 "Monday.") == [("Monday", "2026-03-09")]


# -- a measure announced to start after the day of writing -------------------------------------

def test_a_measure_starting_after_the_articles_day_takes_the_articles_day() -> None:
    # Tuesday 10 February 2026: "from Friday" is 13 February, the day the levy starts; the
    # measure is announced by the day of writing
    assert dated("Ruritania will impose duties of up to 20% on cheese imported from "
                 "Freedonia from Friday.") == [("other", "2026-02-10")]
    assert dated("Freedonia's cabinet will ban exports of graphite to Ruritania starting "
                 "March 1.") == [("export_ban", "2026-02-10")]


def test_an_announcement_date_beats_the_start_date() -> None:
    assert dated("Ruritania said on Monday it will impose duties of up to 20% on cheese "
                 "imported from Freedonia from March 1.") == [("other", "2026-02-09")]


def test_a_start_date_already_past_stays_the_measures_date() -> None:
    assert dated("Ruritania's duties on cheese imported from Freedonia took effect from "
                 "Feb. 2.") == [("other", "2026-02-02")]


def test_a_measure_starting_ahead_in_an_article_without_its_own_date_is_not_dated() -> None:
    assert dated("Ruritania will impose duties of up to 20% on cheese imported from "
                 "Freedonia from March 1, 2026.", date=None) == [("other", "2026-03-01")]


def test_the_same_day_after_a_date_bounding_a_state_is_the_acts_day() -> None:
    # (the protest's own words name another measure before it: "the same day" is counted
    # from the last day told, which is not "effective 20 May")
    found = dated("On 3 May, Freedonia's cabinet approved a ban on graphite exports to "
                  "Ruritania, effective 20 May. The same day, Ruritania's foreign ministry "
                  "summoned Freedonia's ambassador to protest.", date="2026-06-01")
    assert found[1:] == [("protest", "2026-05-03"), ("protest", "2026-05-03")]


# -- a spokesperson after the body's written statement -----------------------------------------

BALTIA = actor("Baltia", "state", "Baltia")
FISHERIES = actor("Ministry of Fisheries of Baltia", "government_body", "Baltia's fisheries "
                  "ministry", "the fisheries ministry", "the ministry", part_of="Baltia")
KASK = actor("Mart Kask", "person", "Mart Kask", "Kask",
             affiliation="Ministry of Fisheries of Baltia", role="spokesman")
TABLE = [BALTIA, FISHERIES, KASK]


def kask_dates(text: str) -> list[str | None]:
    said = [s for s in find_statements(article(text, date="2026-03-12"), mentions(text, TABLE))
            if s.speaker == "Mart Kask"]
    assert said
    return [s.date.isoformat() if s.date else None for s in said]


def test_a_spokesperson_after_a_written_statement_of_the_body_is_not_dated_by_it() -> None:
    text = ("Baltia's fisheries ministry said in a statement on Monday that the cod quota "
            "would be halved.\n\nTrawler crews in the north have stayed in port.\n\n"
            "A ministry spokesman, Mart Kask, told reporters the quota was \"not up for "
            "debate\".")
    assert kask_dates(text) == [None]


def test_a_spokesperson_after_the_bodys_spoken_words_takes_their_day() -> None:
    text = ("Baltia's fisheries ministry said on Monday that the cod quota would be "
            "halved.\n\nTrawler crews in the north have stayed in port.\n\n"
            "Ministry spokesman Mart Kask told a briefing the quota was \"not up for "
            "debate\".")
    assert kask_dates(text) == ["2026-03-09"]


# -- a translated "of the last year" -----------------------------------------------------------

def test_a_month_of_the_last_year_is_of_the_year_before_the_anchor() -> None:
    # (machine translation of "last year"): not the anchor's own March
    assert found("In March of the last year, the agency tightened the rules.") == [
        ("March of the last year", "2025-03")]
    assert found("On 9 March of the last year, the agency tightened the rules.")[0] == (
        "9 March", "2025-03-09")
