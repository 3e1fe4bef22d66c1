"""A weekday that labels a date ("Friday, 14 November", "Sunday (16th)") and timeline
headings that open with one or with a range of days (kg.extract.dates,
kg.extract.timeline_entries)."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import article

from kg.extract.context import build_context
from kg.extract.dates import find_dates
from kg.extract.timeline_entries import timeline_entries

SATURDAY = dt.date(2026, 3, 14)


def found(text: str, anchor: dt.date = SATURDAY) -> list[tuple[str, str]]:
    return [(d.span.text, d.date.isoformat()) for d in find_dates(text, anchor)]


@pytest.mark.parametrize(("text", "expected"), [
    # The date after the weekday says which one: no second, relative date for the weekday.
    ("The port closed on Monday, 2 February, after the storm.", [("2 February", "2026-02-02")]),
    ("Talks ended on Thursday (Feb. 19) without a deal.", [("Feb. 19", "2026-02-19")]),
    ("Tuesday, December 9, was the deadline.", [("December 9", "2025-12-09")]),
])
def test_a_weekday_before_a_date_only_labels_it(text: str, expected: list[tuple[str, str]]
                                                ) -> None:
    assert found(text) == expected


def test_a_weekday_alone_still_counts_back_from_the_anchor() -> None:
    assert found("The mayor resigned on Wednesday, aides said.") == [("Wednesday",
                                                                       "2026-03-11")]


def test_a_weekday_with_a_bracketed_day_is_that_day_of_the_month_told_before() -> None:
    text = "Mon 2 Feb 2026: the port closes.\n\nThursday (5th): the port reopens."
    assert found(text) == [("2 Feb 2026", "2026-02-02"), ("Thursday (5th)", "2026-02-05")]


def test_a_weekday_with_a_bracketed_day_that_is_not_that_weekday_gives_no_date() -> None:
    text = "Mon 2 Feb 2026: the port closes.\n\nFriday (5th): the port reopens."
    assert found(text) == [("2 Feb 2026", "2026-02-02")]


def test_timeline_headings_may_open_with_a_weekday_label_or_a_range_of_days() -> None:
    text = ("Timeline of the port dispute\n\n"
            "Fri 30 Jan 2026: Ruritania's harbour board closes the northern berths.\n\n"
            "Monday, 2 February: Borduria's envoy protests to the harbour board.\n\n"
            "Thursday (5th): The board reopens two berths.\n\n"
            "10-11 February: Fishing crews picket the customs office.\n")
    ctx = build_context(article(text, date="2026-03-14"), [])
    assert sorted(d.isoformat() for d in timeline_entries(ctx).values()  # type: ignore[union-attr]
                  ) == ["2026-01-30", "2026-02-02", "2026-02-05", "2026-02-10"]


def test_a_live_blogs_day_line_dates_the_timed_entries_below_it() -> None:
    # "08:15 GMT: ..." entries take the day of the last line that is only a date, else
    # the article's own day; a colon after the time heads an entry as a dash does.
    text = ("Live: the harbour dispute\n\n"
            "MONDAY, 9 MARCH 2026\n\n"
            "21:40 GMT: Ruritania's harbour board closes the northern berths.\n\n"
            "TUESDAY, 10 MARCH 2026\n\n"
            "08:15 GMT: Borduria's envoy protests to the harbour board.\n\n"
            "9.30am - The board says the berths stay shut.\n")
    ctx = build_context(article(text, date="2026-03-10"), [])
    assert sorted((p, d.isoformat()) for p, d in timeline_entries(ctx).items()  # type: ignore[union-attr]
                  ) == [(text.index("21:40"), "2026-03-09"), (text.index("08:15"), "2026-03-10"),
                        (text.index("9.30am"), "2026-03-10")]
