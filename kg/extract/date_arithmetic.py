"""Calendar arithmetic from an anchor day: the dates that "last April", "on Tuesday",
"this month", "last week", "two years ago" and a yearless "in May" name, counted from the
day of writing, and those "the following month" or "two years later" name, counted from a
date the text gave (see :mod:`.dates`, which finds the expressions)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Protocol

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from ..model import PartialDate

_WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def count(number: str) -> int | None:
    """The number a word or digits give ("two", "a", "3"); None for "a few", "several"."""
    return _NUMBERS.get(number) if not number.isdigit() else int(number)


def last_or_next(anchor: dt.date, month: int, word: str) -> PartialDate:
    """"last April": the latest April before the anchor's month; "next April" the first
    after it; "this April" the anchor year's."""
    word = word.strip().lower()
    if word == "last":
        return PartialDate(anchor.year if month < anchor.month else anchor.year - 1, month)
    if word in ("next", "coming"):
        return PartialDate(anchor.year if month > anchor.month else anchor.year + 1, month)
    return PartialDate(anchor.year, month)


def weekday(anchor: dt.date, day: int, modifier: str, future: bool) -> PartialDate:
    """"on Tuesday" (the latest on or before the anchor), "next Tuesday", "last Tuesday";
    ``day`` counts from Monday (0)."""
    if modifier == "next" or (future and modifier != "last"):
        # The first such weekday after the anchor.
        return PartialDate.from_date(anchor + relativedelta(days=1, weekday=_WEEKDAYS[day](+1)))
    if modifier == "last":
        # Not yesterday, which a reporter calls "yesterday" or "on Tuesday": written on a
        # Wednesday, "last Tuesday" is the Tuesday of the week before.
        return PartialDate.from_date(anchor + relativedelta(days=-2,
                                                            weekday=_WEEKDAYS[day](-1)))
    # News reports the past: the latest such weekday on or before the anchor.
    return PartialDate.from_date(anchor + relativedelta(weekday=_WEEKDAYS[day](-1)))


def relative_period(anchor: dt.date, which: str, unit: str) -> PartialDate:
    """"last month", "this year", "earlier this month": the month or year named."""
    which = which.split()[-1]  # "earlier this" -> "this"
    shift = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    if unit == "year":
        return PartialDate(anchor.year + shift)
    moved = anchor + relativedelta(months=shift)
    return PartialDate(moved.year, moved.month)


def week(anchor: dt.date, which: str) -> PartialDate | None:
    """"this week", "earlier this week", "last week": the month the week (Monday to
    Sunday; up to the anchor for this week) lies in, else its year; None when it spans two
    years."""
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if which.split()[-1] in ("last", "past"):
        first, last = monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    elif which.startswith("later"):
        first, last = anchor, monday + dt.timedelta(days=6)
    else:
        first, last = monday, anchor
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(last.year, last.month)
    return PartialDate(last.year) if first.year == last.year else None


def ago(anchor: dt.date, number: str, unit: str) -> PartialDate | None:
    """"two years ago", "three months ago": the year or month; None for "a few"."""
    n = count(number)
    if n is None:
        return None  # "a few", "several": no precise date
    if unit.startswith("year"):
        return PartialDate(anchor.year - n)
    moved = anchor - relativedelta(months=n)
    return PartialDate(moved.year, moved.month)


_COMPARED = re.compile(r"\b(?:from|than|over|with|versus|vs\.?|against|on|to)\s+$",
                       re.IGNORECASE)
"""Before "a year earlier", "the previous year" in a comparison ("up 5% from a year
earlier"): a base of comparison, not a date of the event."""


class Groups(Protocol):
    """The groups of a date expression's match, by name (None when absent)."""

    def get(self, name: str) -> str | None: ...

    def __getitem__(self, name: str) -> Any: ...


def from_period(g: Groups, text: str, begin: int,
                 last_month: PartialDate | None, last_year: PartialDate | None
                 ) -> tuple[PartialDate, bool] | None:
    """"the following month", "the same year", "two years later" (the groups ``g`` of the
    expression at ``begin``): the month or year counted from the last one the paragraph
    named, at that precision."""
    if _COMPARED.search(text, max(0, begin - 10), begin):
        return None
    if g.get("fol"):
        unit = g["u22"] or ""
        shift = {"following": 1, "same": 0}.get((g["q22"] or "").lower(), -1)
    else:
        unit = g["u23"] or ""
        number = count((g["n23"] or "").lower())
        if number is None:
            return None
        shift = number if (g["q23"] or "").lower() == "later" else -number
    if unit.lower().startswith("month"):
        if last_month is None or last_month.month is None:
            return None
        moved = dt.date(last_month.year, last_month.month, 1) + relativedelta(months=shift)
        return PartialDate(moved.year, moved.month), True
    if last_year is None:
        return None
    return PartialDate(last_year.year + shift), True


_NEAR_DAYS = 14
"""Days "later" or "earlier" a month named stays that month's (as far as the text says)."""


def days_after_month(number: str, unit: str, month: PartialDate) -> PartialDate | None:
    """"a week later" after "In May 2020": May 2020 (month precision), when the days
    counted are few; None when they are more, or ``month`` gives no month."""
    n = count(number.lower())
    if n is None or month.month is None:
        return None
    days = n * (7 if unit.lower().startswith("week") else 1)
    return PartialDate(month.year, month.month) if days <= _NEAR_DAYS else None


def yearless(anchor: dt.date | None, month: int, day: int | None, tense: int,
             future_months: int, future_months_with_cue: int
             ) -> tuple[PartialDate, bool] | None:
    """"in May", "Jan. 6": the anchor's year, unless that puts the date more than
    ``future_months`` months after the anchor (``future_months_with_cue`` when ``tense`` is
    1, a word saying the date lies ahead), then the year before; with ``tense`` -1 (a verb
    in the simple past) the latest such date not after the anchor."""
    if anchor is None:
        return None
    year = anchor.year
    ahead = (year * 12 + month) - (anchor.year * 12 + anchor.month)
    limit = future_months_with_cue if tense > 0 else future_months
    if tense < 0:
        # "imposed in May": the latest such month (day) not after the anchor
        if ahead > 0 or (ahead == 0 and day is not None and day > anchor.day):
            year -= 1
    elif ahead > limit:
        year -= 1
    try:
        return PartialDate(year, month, day), True
    except ValueError:
        return None
