"""The day of a live blog's entries: "21:05 JST – Tokyo protests".

A live blog is a run of paragraphs that each open with a clock time ("19:42 JST: BREAKING.
...", "23:41 GMT" on a line of its own), newest or oldest first.  An entry runs from its
clock time to the next one (or to a heading naming a day), and tells what happened that
day: the day a bracket after the time names ("00:20 JST (Jan. 7) – ..."), else the day of
the last heading naming a day alone ("WEDNESDAY, 7 JANUARY 2026"), else the article's own
date.  A measure an entry tells with no date of its own takes that day, unless it is
quoted, told as long past or in the past perfect ("said Japan had protested"), or an
outlet's report of it (or of its being weighed) is the news (the report's day is
not the measure's; see :func:`.timing.measure_date`), or the entry dates what it tells before
the measure ("A quick recap: on Tuesday ..."): it is not the day's news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...model import MeasureStatus, PartialDate
from ..context import Context
from ..triggers import load_triggers, phrase_alternation
from .candidate import Candidate
from .timing import PAST_PERFECT, reported_by_outlet, reported_by_outlet_as_past

__all__ = ["live_entry_dates"]

_MIN_ENTRIES = 2
"""A single clock time opening a paragraph is a time stamp, not a live blog."""
_HEADING_SLACK = 12
"""Characters of a day heading besides its date (a weekday and its comma)."""


@cache
def _clock() -> re.Pattern[str]:
    zones = load_triggers().raw["measures"]["timing"]["clock_zones"]
    return re.compile(
        r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:a\.m\.|p\.m\.|am|pm))?"
        r"(?:\s+(?:" + phrase_alternation(zones) + r"))?"
        r"(?P<bracket>\s*\([^()\n]{3,24}\))?[ \t]*(?:[:–—-](?=\s)|\n|$)", re.IGNORECASE)


@dataclass(frozen=True)
class _Entry:
    begin: int
    head_end: int
    end: int
    day: PartialDate


def live_entry_dates(ctx: Context, candidates: list[Candidate]) -> None:
    """Date the undated measures told in a live blog's entries by the entry's day."""
    entries = _entries(ctx)
    if not entries:
        return
    for c in candidates:
        if c.date is not None or c.entry is not None or c.status is MeasureStatus.HISTORICAL \
                or ctx.in_quote(c.head.begin):
            continue
        entry = next((e for e in entries if e.begin <= c.head.begin < e.end), None)
        if entry is None or reported_by_outlet_as_past(ctx, c) or \
                (c.status is MeasureStatus.UNDER_CONSIDERATION and reported_by_outlet(ctx, c)) or \
                PAST_PERFECT.search(ctx.text, c.sentence.begin, c.head.end):
            continue  # the report's day; "said Japan had protested": before the entry
        if any(d.date.month is not None for d in ctx.dates_in(entry.head_end, c.head.begin)):
            # "Worth flagging: China Daily reported on Wednesday that ...", "A quick recap: on
            # Tuesday ...": an entry that dates what it tells is not telling the day's news
            continue
        c.date = entry.day


def _entries(ctx: Context) -> list[_Entry]:
    clock = _clock()
    opens: list[tuple[int, int, PartialDate | None]] = []
    bounds: list[int] = []
    heading: PartialDate | None = None
    written = ctx.article.metadata.date
    for paragraph in ctx.paragraphs:
        text = ctx.text[paragraph.begin:paragraph.end]
        m = clock.match(text)
        if m is not None:
            day = heading if heading is not None else (
                PartialDate.from_date(written) if written is not None else None)
            if m.group("bracket"):
                named = [d.date for d in ctx.dates_in(paragraph.begin + m.start("bracket"),
                                                      paragraph.begin + m.end("bracket"))
                         if d.date.day is not None]
                day = named[0] if named else day
            opens.append((paragraph.begin, paragraph.begin + m.end(), day))
            continue
        dates = ctx.dates_in(paragraph.begin, paragraph.end)
        if len(dates) == 1 and dates[0].date.day is not None and \
                len(text.strip()) - len(dates[0].span.text) <= _HEADING_SLACK:
            heading = dates[0].date  # "WEDNESDAY, 7 JANUARY 2026"
            bounds.append(paragraph.begin)
    if len(opens) < _MIN_ENTRIES:
        return []
    out: list[_Entry] = []
    for i, (begin, head_end, day) in enumerate(opens):
        following = [b for b in bounds if b > begin]
        if i + 1 < len(opens):
            following.append(opens[i + 1][0])
        end = min(following, default=len(ctx.text))
        if day is not None:
            out.append(_Entry(begin, head_end, end, day))
    return out
