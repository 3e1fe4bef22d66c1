"""Dates carried by the occasion the text tells (round 7): a connective places words at the
occasion just told ("afterwards", "after the talks"), "later in the day" is the story's day
unless its paragraph names another, a day next to an occasion of speaking is its own;
day precision kept where a colon or a translated word order follows the day; an ambiguous
numeric date settled by the bracket after it; "a Tuesday" names a weekday, not a date.

Each test is one phenomenon, in words and with actors of its own.
"""

from __future__ import annotations

import datetime as dt

from extract_support import actor, article, mentions

from kg.extract.dates import find_dates
from kg.extract.statements import find_statements

ORTEGA = actor("Lia Ortega", "person", "Lia Ortega", "Ortega", affiliation="Valmont")
BRANDT = actor("Kai Brandt", "person", "Kai Brandt", "Brandt", affiliation="Norland")
TABLE = [ORTEGA, BRANDT, actor("Valmont", "state", "Valmont"),
         actor("Norland", "state", "Norland")]


def said(text: str, date: str = "2026-03-12") -> list[tuple[str | None, str | None]]:
    found = find_statements(article(text, date=date), mentions(text, TABLE))
    return [(s.speaker, s.date.isoformat() if s.date else None) for s in found]


def days(text: str, anchor: str = "2026-03-12") -> list[tuple[str, str]]:
    return [(d.span.text, d.date.isoformat())
            for d in find_dates(text, dt.date.fromisoformat(anchor))]


# -- connectives ---------------------------------------------------------------------------------

def test_words_said_afterwards_take_the_day_of_the_meeting_the_paragraph_told() -> None:
    text = ("Kai Brandt met his counterpart Lia Ortega in Lisbon on Monday. Ortega said "
            "afterwards she was disappointed with the outcome.")
    assert ("Lia Ortega", "2026-03-09") in said(text)


def test_words_said_after_the_talks_take_the_day_the_paragraph_gave_the_talks() -> None:
    text = ("Valmont and Norland held talks in Geneva on Tuesday. Lia Ortega told reporters "
            "after the talks that the quotas would stay.")
    assert said(text) == [("Lia Ortega", "2026-03-10")]


def test_words_said_after_a_summit_the_text_never_dated_stay_undated() -> None:
    text = ("Valmont cut its fishing quotas in half. Lia Ortega said in an interview after "
            "the summit that the cut would stay.")
    assert said(text) == [("Lia Ortega", None)]


def test_later_in_the_day_is_the_storys_day_not_a_day_mentioned_in_passing() -> None:
    text = ("Norland's ministry announced the quotas late on Tuesday.\n\n"
            "Later in the day, Lia Ortega said Valmont would respond.")
    assert days(text)[-1] == ("Later in the day", "2026-03-12")


def test_later_in_the_day_takes_a_day_its_own_paragraph_named() -> None:
    text = "The talks opened on Tuesday. Later in the day, Lia Ortega said Valmont would wait."
    assert days(text)[-1] == ("Later in the day", "2026-03-10")


def test_the_day_next_to_the_occasion_of_speaking_frames_the_later_words() -> None:
    text = ("About the quotas Norland announced on 6th this month for all exports of tin "
            "and tungsten to Valmont, Lia Ortega at the press "
            "conference after the cabinet meeting on 7th said the matter was grave. "
            "Valmont has begun a survey of 90 firms to gauge the impact on shipments.\n\n"
            "Kai Brandt, the opposition leader, asked whether stocks would last.")
    got = dict(said(text))
    assert got.get("Kai Brandt") == "2026-03-07"


# -- day precision -------------------------------------------------------------------------------

def test_a_day_before_a_colon_keeps_its_day() -> None:
    assert days("Ortega stated at a briefing on March 9: the quotas stay.") == \
        [("March 9", "2026-03-09")]


def test_a_clock_time_is_not_a_day_of_the_month() -> None:
    assert days("The vote opened in March 9:30 sharp.") == [("March", "2026-03")]


def test_this_month_then_the_day_in_translated_order_is_a_day() -> None:
    assert days("Norland announced this month 4th the quotas.") == \
        [("this month 4th", "2026-03-04")]


# -- numeric dates and weekdays ------------------------------------------------------------------

def test_an_ambiguous_numeric_date_is_settled_by_the_bracket_after_it() -> None:
    assert days("Norland acted on 04/03/2026 (March 4th) without warning.")[0] == \
        ("04/03/2026", "2026-03-04")


def test_a_bracket_that_matches_neither_reading_settles_nothing() -> None:
    assert [d for d, _ in days("Norland acted on 04/03/2026 (May 9) again.")] == ["May 9"]


def test_a_weekday_after_an_indefinite_article_is_not_a_date() -> None:
    assert days("The quotas were announced on a Tuesday, as usual.") == []
