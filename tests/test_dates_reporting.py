"""Whose day a reporting clause gives (round 7): an outlet's day of reporting is not the date
of a step it reports as done or as only weighed, while an issuer's own "said on Tuesday" is;
a relative clause's day is its own event's, not the saying's; a byline's numeric date is
the article's date when no number can be read two ways.

Each test is one phenomenon, in words and with actors of its own.
"""

from __future__ import annotations

import datetime as dt

from extract_support import actor, article, mentions, parse
from test_measure_phrasings import run

from kg.extract.statements import find_statements


def dates(text: str) -> list[tuple[str, str | None]]:
    return [(m.type.value, m.date.isoformat() if m.date else None) for m in run(text)]


# -- an outlet's day of reporting ---------------------------------------------------------------

def test_an_outlets_trailing_report_day_does_not_date_a_step_told_as_begun() -> None:
    assert dates("Ruritania has begun restricting exports of graphite to Freedonia, the Daily "
                 "Herald reported on Friday.") == [("export_control", None)]


def test_an_outlets_report_day_does_not_date_a_step_only_weighed() -> None:
    got = dates("The Daily Herald reported on Friday that Ruritania is considering a ban on "
                "exports of antimony to Freedonia.")
    assert got and all(date is None for _, date in got)


def test_an_issuers_own_ministry_saying_on_a_day_dates_the_ban() -> None:
    assert dates("Ruritania's commerce ministry said on Friday it was banning exports of "
                 "antimony to Freedonia.") == [("export_ban", "2026-02-06")]


def test_an_issuer_telling_its_own_act_in_the_past_perfect_dates_it_to_the_day_of_saying() -> None:
    assert dates("Ruritania's commerce ministry said on Friday it had opened an anti-dumping "
                 "investigation into Freedonian steel.") == [("other", "2026-02-06")]


def test_a_speaker_telling_another_subjects_earlier_act_leaves_it_undated() -> None:
    got = dates("Ruritania's commerce ministry said on Friday the customs office had opened "
                "an anti-dumping investigation into Freedonian steel.")
    assert got and all(date is None for _, date in got)


# -- a relative clause's day --------------------------------------------------------------------

LUND = actor("Mia Lund", "person", "Mia Lund", "Lund", affiliation="Valmont")


def test_a_day_in_a_relative_clause_before_the_verb_does_not_date_the_words() -> None:
    text = ("Finance Minister Mia Lund, who attended a summit of trade ministers in Oslo on "
            "Monday, said partners were worried about the quotas.")
    art = article(text, date="2026-03-12")
    got = [(s.speaker, s.date) for s in find_statements(art, mentions(text, [LUND]))]
    assert got == [("Mia Lund", None)]


def test_a_day_on_the_verb_after_a_relative_clause_still_dates_the_words() -> None:
    text = ("Finance Minister Mia Lund, who attended a summit of trade ministers in Oslo, "
            "said on Monday partners were worried about the quotas.")
    art = article(text, date="2026-03-12")
    got = [(s.speaker, s.date.isoformat() if s.date else None)
           for s in find_statements(art, mentions(text, [LUND]))]
    assert got == [("Mia Lund", "2026-03-09")]


# -- a byline's numeric date --------------------------------------------------------------------

def test_a_day_first_numeric_byline_date_is_the_articles_date() -> None:
    art = parse("Ports brace for a quiet spring   By Ana Ruiz, trade desk | 23/02/2026   "
                "Shipping lines cut sailings on Tuesday.\n")
    assert art.metadata.date == dt.date(2026, 2, 23)


def test_a_month_first_numeric_date_is_read_when_the_day_exceeds_twelve() -> None:
    art = parse("Ports brace for a quiet spring\nBy Ana Ruiz | 02/23/2026\n\nLines cut sailings.\n")
    assert art.metadata.date == dt.date(2026, 2, 23)


def test_a_numeric_date_that_reads_both_ways_gives_no_date() -> None:
    art = parse("Ports brace for a quiet spring\nBy Ana Ruiz | 06/02/2026\n\nLines cut sailings.\n")
    assert art.metadata.date is None
