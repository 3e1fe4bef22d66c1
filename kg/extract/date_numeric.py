"""Numeric dates ("17/03/2020", "03/17/2020", "07.12.2023"): which number is the day.

A numeric date is read when one of its two leading numbers cannot be a month.  One that
reads both ways ("03/07/2020") is settled by a bracket spelling out its day right after it
("03/07/2020 (July 3)"), or by the order the text's other numeric dates can only be read in
("31.03.2024" writes the day first, so "07.12.2023" is 7 December); a text with no such date,
or with both orders, leaves it out.  "05.05.2024" is the same day either way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from ..model import PartialDate, day_and_month

__all__ = ["numeric_date", "numeric_order"]


def numeric_order(matches: Sequence[re.Match[str]]) -> str | None:
    """The order of day and month in a text's numeric dates (its date expressions, groups
    ``slash``, ``sa``, ``sb``): ``"dm"`` when one of them can only be read day first
    ("31.03.2024") and none only month first, ``"md"`` the other way round; ``None`` when
    none settles it or they disagree."""
    orders: set[str] = set()
    for m in matches:
        if not m.groupdict().get("slash"):
            continue
        first, second = int(m.group("sa")), int(m.group("sb"))
        order = day_and_month(first, second)
        if order is not None and 1 <= order[1] <= 12:
            orders.add("dm" if order[0] == first else "md")
    return orders.pop() if len(orders) == 1 else None


def numeric_date(text: str, end: int, numbers: tuple[int, int, int], order: str | None,
                 months: Mapping[str, int]) -> PartialDate | None:
    """The date of the numeric date ending at ``end`` whose numbers are ``numbers`` (first,
    second, year), with ``order`` the text's (:func:`numeric_order`) and ``months`` the
    month names; None when it cannot be told or is no date ("00.13.2024")."""
    first, second, year = numbers
    found = day_and_month(first, second)
    readable = 1 <= first <= 12 and 1 <= second <= 12  # either could be the month
    if found is None and readable and first == second:
        found = (first, second)
    if found is None and readable and order is not None:
        found = (first, second) if order == "dm" else (second, first)
    if found is None:
        return _settled(text, end, first, second, year, months)
    try:
        dt.date(year, found[1], found[0])
    except ValueError:
        return None  # "00.13.2024", "31/02/2020"
    return PartialDate(year, found[1], found[0])


_BRACKETED_DAY = re.compile(r"\s*\(\s*(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})|"
                            r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[A-Za-z]{3,9}))"
                            r"(?:st|nd|rd|th)?\b")


def _settled(text: str, end: int, first: int, second: int, year: int,
             months: Mapping[str, int]) -> PartialDate | None:
    """"06/01/2026 (Jan 6th, a Tuesday)": a numeric date that reads both ways, settled by
    the day and month a bracket right after it spells out; None when none does."""
    m = _BRACKETED_DAY.match(text, end)
    if m is None or first == second:
        return None
    name, day = (m["m1"], m["d1"]) if m["m1"] else (m["m2"], m["d2"])
    month = months.get(name.lower())
    if month is None or {month, int(day)} != {first, second}:
        return None
    return PartialDate(year, month, int(day))
