"""Measure dates, control series and issuers of round 19, each in invented words.

A measure told inside an offset clause ("ten days after X", "almost two months after X")
takes the main clause's day shifted back; a main clause told in the present with no date
of its own stands at the day of writing; a hedged count or months give the month only.
A live blog's entries ("21:05 JST – ...") tell their day's news: a measure an entry tells
with no date of its own takes the entry's day.  The later steps of a series of controls
told with "followed" or "came" and only goods and a date are controls of their own.  A
fronted "After ... in March 2011," clause gives the main clause's measure its year.  "Its
Foreign Ministry" opening a sentence is the ministry of the state the sentence before is
about.
"""

from __future__ import annotations

from extract_support import actor, found_actors, measures_in

from kg.model import MeasureMention, MeasureStatus, MeasureType, PartialDate

PERU = actor("Peru", "state", "Peru", "Lima")
CHILE = actor("Chile", "state", "Chile", "Santiago")
CHILE_FM = actor("Ministry of Foreign Affairs of Chile", "government_body",
                 "Chile's foreign ministry", "the Foreign Ministry", part_of="Chile")
TABLE = [PERU, CHILE, CHILE_FM]
GOODS = [{"name": "copper", "category": "other", "forms": ["copper", "copper ore"]},
         {"name": "lithium", "category": "other", "forms": ["lithium"]}]


def run(text: str, *, date: str | None = "2026-05-20") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date=date)


def of_type(found: list[MeasureMention], kind: MeasureType) -> list[MeasureMention]:
    """The measures of one type, in text order."""
    return [m for m in found if m.type is kind]


# -- offset clauses ---------------------------------------------------------------------------

def test_an_offset_from_a_present_main_clause_counts_from_the_day_of_writing() -> None:
    text = ("Ten days after Peru banned copper ore exports to Chile, Santiago is drawing up "
            "a reply that leans on stockpiles.")
    ban = of_type(run(text), MeasureType.EXPORT_BAN)
    assert ban and ban[0].date == PartialDate(2026, 5, 10)


def test_a_hedged_offset_in_months_gives_the_month_only() -> None:
    text = ("The new curbs come almost two months after Peru banned copper ore exports to "
            "Chile, and analysts expect more.")
    ban = of_type(run(text), MeasureType.EXPORT_BAN)
    assert ban and ban[0].date == PartialDate(2026, 3)


def test_an_offset_counts_from_the_main_clause_not_an_earlier_offsets_date() -> None:
    text = ("The notice comes barely a week after Chile held talks with Lima on May 12-13, "
            "and almost two months after Peru banned copper ore exports to Chile.")
    ban = of_type(run(text), MeasureType.EXPORT_BAN)
    assert ban and ban[0].date == PartialDate(2026, 3)


def test_an_offset_from_a_past_main_clause_with_no_date_stays_undated() -> None:
    # a past main clause may tell any day: the day of writing is no reference
    text = ("Santiago drew up a reply ten days after Peru banned copper ore exports to "
            "Chile.")
    ban = of_type(run(text), MeasureType.EXPORT_BAN)
    assert ban and ban[0].date is None


def test_weeks_after_with_no_count_gives_no_date() -> None:
    text = ("The curbs come weeks after Peru banned copper ore exports to Chile, and "
            "traders are wary.")
    ban = of_type(run(text), MeasureType.EXPORT_BAN)
    assert ban and ban[0].date is None


# -- live blogs -------------------------------------------------------------------------------

LIVE = ("Live: Peru halts copper exports to Chile\n\n"
        "TUESDAY, 19 MAY 2026\n\n"
        "18:10 GMT – Breaking\nPeru's mining ministry says exports of copper ore to Chile "
        "are banned with immediate effect.\n\n"
        "21:40 GMT – Santiago reacts\nThe Foreign Ministry says it has lodged a protest "
        "with Peru's ambassador.\n\n"
        "WEDNESDAY, 20 MAY 2026\n\n"
        "09:05 GMT – Recap\nOn Tuesday, Peru banned copper ore exports to Chile. "
        "He said Chile had protested.\n\n"
        "10:30 GMT – Lithium next?\nLima is considering curbs on lithium exports, "
        "officials say.\n")


def test_a_live_blog_entry_dates_the_measures_it_tells_by_its_day() -> None:
    found = run(LIVE, date="2026-05-19")
    protests = of_type(found, MeasureType.PROTEST)
    assert protests and protests[0].date == PartialDate(2026, 5, 19)


def test_a_live_blog_entry_after_a_day_heading_takes_that_day() -> None:
    found = run(LIVE, date="2026-05-19")
    weighed = [m for m in found if m.status is MeasureStatus.UNDER_CONSIDERATION]
    assert weighed and weighed[0].date == PartialDate(2026, 5, 20)


def test_a_live_blog_recap_that_dates_its_events_keeps_its_own_dates() -> None:
    found = run(LIVE, date="2026-05-19")
    recap = [m for m in found if LIVE.index("Recap") < m.span.begin < LIVE.index("10:30")]
    assert recap and not any(m.date == PartialDate(2026, 5, 20) for m in recap)


def test_one_clock_time_is_a_time_stamp_not_a_live_blog() -> None:
    text = ("Peru and Chile\n\n18:10 GMT – Updated\nChile's foreign ministry says it has "
            "lodged a protest with Peru's ambassador.\n")
    protests = of_type(run(text, date="2026-05-19"), MeasureType.PROTEST)
    assert protests and protests[0].date is None


# -- series of controls -----------------------------------------------------------------------

SERIES_GOODS = [{"name": "gallium", "category": "other", "forms": ["gallium"]},
                {"name": "graphite", "category": "other", "forms": ["graphite"]},
                {"name": "antimony", "category": "other", "forms": ["antimony"]}]


def series(text: str) -> list[MeasureMention]:
    """The export controls of ``text``, with the goods of a control series."""
    found = measures_in(text, TABLE, SERIES_GOODS, date="2026-05-20")
    return of_type(found, MeasureType.EXPORT_CONTROL)


def test_a_later_step_of_a_control_series_told_with_followed_is_a_control() -> None:
    text = ("Peru's licensing requirements for gallium took effect in March 2024; graphite "
            "followed in June 2024 and antimony in October 2024.")
    found = {(tuple(m.covers), m.date) for m in series(text)}
    assert (("graphite",), PartialDate(2024, 6)) in found
    assert (("antimony",), PartialDate(2024, 10)) in found
    assert all(m.issuer == "Peru" for m in series(text))


def test_a_step_told_with_came_is_a_control() -> None:
    text = "In March 2024 Peru announced export controls on gallium; in June came graphite."
    found = {(tuple(m.covers), m.date) for m in series(text)}
    assert (("gallium",), PartialDate(2024, 3)) in found
    assert (("graphite",), PartialDate(2024, 6)) in found


def test_goods_of_a_later_date_in_the_same_phrase_are_a_step_of_their_own() -> None:
    text = ("Peru first required export licences for gallium in March 2024 and for graphite "
            "that June.")
    found = {(tuple(m.covers), m.date) for m in series(text)}
    assert (("gallium",), PartialDate(2024, 3)) in found
    assert (("graphite",), PartialDate(2024, 6)) in found


def test_a_clause_with_an_actor_of_its_own_is_no_step() -> None:
    text = ("Peru's licensing requirements for gallium took effect in March 2024; Chile "
            "bought graphite in June 2024.")
    assert [m.covers for m in series(text)] == [["gallium"]]


# -- fronted "after" clauses ------------------------------------------------------------------

def test_a_fronted_after_clause_gives_its_year_to_the_main_clauses_measure() -> None:
    text = ("After a Peruvian trawler collided with a Chilean patrol boat near the islands in "
            "March 2011, Peru banned copper ore exports to Chile for two months.")
    ban = of_type(run(text), MeasureType.EXPORT_BAN)
    assert ban and ban[0].date == PartialDate(2011)


def test_a_fronted_after_clause_with_no_year_gives_no_date() -> None:
    text = ("After the collision near the islands that March, Peru banned copper ore exports "
            "to Chile for two months.")
    ban = of_type(run(text), MeasureType.EXPORT_BAN)
    assert ban and ban[0].date is None


# -- "Its" opening a sentence -----------------------------------------------------------------

def test_its_body_opening_a_sentence_is_the_previous_sentences_states() -> None:
    text = ("Beijing's Foreign Ministry defended the rules on Monday.\n\n"
            "Seoul's answer was swift. Its Foreign Ministry summoned the Chinese ambassador "
            "on Tuesday.")
    named = {(a.name, a.span.begin) for a in found_actors(text)}
    assert ("Ministry of Foreign Affairs of South Korea", text.index("Foreign Ministry summoned")) \
        in named


# -- suspending a dated measure ---------------------------------------------------------------

def test_the_date_naming_a_suspended_package_is_not_the_suspensions() -> None:
    text = ("Lima's broader package of March 3, 2026, which covered five more elements, was "
            "suspended for one year after talks with Chile.")
    other = of_type(run(text), MeasureType.OTHER)
    assert other and all(m.date is None for m in other)


def test_a_date_after_a_participle_naming_a_suspended_package_is_not_the_suspensions(
        ) -> None:
    text = ("A broader package Lima announced in March 2026 was suspended for a year after "
            "talks with Chile.")
    other = of_type(run(text), MeasureType.OTHER)
    assert other and all(m.date is None for m in other)


def test_an_attributive_date_of_a_suspended_package_is_not_the_suspensions() -> None:
    text = ("A March 2026 package extended Peru's controls to copper ore, but Lima "
            "suspended it for one year after talks with Chile.")
    other = of_type(run(text), MeasureType.OTHER)
    assert other and all(m.date is None for m in other)


def test_a_suspension_on_a_day_of_its_own_keeps_it() -> None:
    text = "On April 2, 2026, Lima suspended its copper ore controls for one year."
    other = of_type(run(text), MeasureType.OTHER)
    assert other and other[0].date == PartialDate(2026, 4, 2)
