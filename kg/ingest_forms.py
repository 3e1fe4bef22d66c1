"""The written forms the head of a page is read by: dates (with a weekday, a time of day,
a Japanese era year), names, institutions' names, and the ``[page]`` word lists of the rule
tables.  :mod:`kg.ingest` and :mod:`kg.ingest_mastheads` both build their line patterns
from them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import JAPANESE_ERAS

# Month names and their wire abbreviations, lower case, to the month's number.
MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"], start=1)}
# Wire styles abbreviate months: "Jan. 8", "Sept. 11", "Dec 3".
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# A weekday may open a date, written out or abbreviated: "Thursday, 8 January 2026",
# "Wed 7 Jan 2026", "Thu., Jan. 8, 2026".
WEEKDAY_NAME = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
WEEKDAY = rf"(?:{WEEKDAY_NAME}\.?,?\s+)?"
# A Japanese era year, as machine translations of Japanese releases give it: "Reiwa 5 year
# (2023) May 23", "Heisei 31 April 30", "Reiwa 5 year 5 month 23 day"; a Gregorian year in
# brackets is the year, else the era's.
_ERA_NAME = "|".join(sorted(JAPANESE_ERAS, key=len, reverse=True))
_ERA_DATE = (rf"(?P<eradate>(?P<era>{_ERA_NAME})\s+(?P<en>\d{{1,2}}|first)(?:st|nd|rd|th)?"
             rf"(?:\s+year)?(?:\s*\((?P<ey>\d{{4}})\))?,?\s+(?:(?P<em>{MONTH_RE})\.?\s+(?P<ed>\d{{1,2}})"
             rf"|(?P<emn>\d{{1,2}})\s+month\s+(?P<edn>\d{{1,2}})\s+day))\b")
DATE_TEXT = (
    rf"{WEEKDAY}(?:(?P<m1>{MONTH_RE})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH_RE})\.?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})(?P<isep>[-/.])(?P<m3>\d{{1,2}})(?P=isep)(?P<d3>\d{{1,2}})(?!\d)"
    rf"|(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,2}})/(?P<sy>\d{{4}})"
    rf"|{_ERA_DATE})"
)
# The year first is always year, month, day, also without leading zeros ("2025/1/2", as
# Chinese sites print it).
# "14/01/2026" (day first) or "01/14/2026" (month first) is read only when one number
# cannot be a month; "06/01/2026" is 6 January or June 1 and gives no date.
# A time of day may follow the date: "8 January 2026 10:14 GMT", "Jan. 8, 2026, 9:47 p.m.".
# The zone may stand in parentheses: "2023/07/29 18:10 (JST)".
TIME_SUFFIX = (r"(?:,?\s+(?:at\s+|[—–-]\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
               r"(?:\s+(?:[A-Z]{1,4}(?:[+-]\d{1,2})?|\([A-Z]{1,4}(?:[+-]\d{1,2})?\)))?)?")
# ... or come first: "Published: 8:15pm, 20 Nov 2025", "10:48 PM 12/30/2025".
TIME_PREFIX = (r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
               r"(?:\s+[A-Z]{1,4}(?:[+-]\d{1,2})?)?,?\s+(?:on\s+)?)?")

# A name as bylines print it: up to four capitalised words ("Jane Roe", "JANE ROE").
NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
# "Council of the European Union", "Ministry of Foreign Affairs": an institution's name,
# capitalised words and the small words between them, no headline ("Japan Weighs New Curbs"
# may look alike, but a rubric rarely stands under a headline).
NAME_LIKE = re.compile(r"^[A-Z][\w'’.&-]*(?:\s+(?:of|the|and|for|on|[A-Z][\w'’.&-]*)){0,6}\s*$")


@lru_cache(maxsize=8)
def page_words(key: str) -> tuple[str, ...]:
    """A word list of ``[page]`` in the rule tables."""
    from .extract.triggers import load_triggers  # the rule tables, loaded once

    return tuple(load_triggers().raw["page"][key])


def page_labels(key: str) -> str:
    """The labels of ``[page] key`` as a regex alternation, a space standing for any run of
    white space ("release  time")."""
    return "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in page_words(key))


@lru_cache(maxsize=1)
def rubric_labels() -> frozenset[str]:
    """Section and genre labels (``[page] rubric_labels``), case-folded."""
    return frozenset(w.casefold() for w in page_words("rubric_labels"))
