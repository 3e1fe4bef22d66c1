"""Find the entries of a timeline or a live blog and the day each heading gives.

A timeline tells events in the historical present ("Nov. 19 – Kyodo reports ..."), so a
statement in an entry takes the entry's heading date, not the article's day (rule 2 of
:mod:`.statement_dates`).  An entry is a paragraph that opens, after an optional bullet,
with:

- a date and a dash or colon ("Nov. 7 – ...", "- July 3, 2023: ..."): that date;
  a weekday may label it ("Friday, 14 November: ...", "Fri 7 Nov 2025: ..."), and a
  range of days gives its first ("6-7 December: ...", "Dec 29-30: ...");
- a time of day and a dash, a live blog's entry ("18:05 JST — ..."), or a time on a line of
  its own ("23:41 GMT" above the entry's text): the article's own day (or the day line
  above), or the day the heading gives in brackets ("00:20 JST (Jan. 7) — ...");
- a numeric date that cannot be read ("03/07/2020 – ...": day and month ambiguous): dated,
  but not by the article (None).

A heading on a line of its own ("21:05 JST – Tokyo protests") dates the paragraphs below
it, up to the next heading or a line that is only a title.
"""

from __future__ import annotations

import bisect
import re

from ..model import PartialDate
from .context import Context
from .date_headings import weekday_label_end
from .text import LINE_MARKER

_NUMERIC_HEADING = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\s*(?:[–—:]|-{1,2})\s")
_CLOCK_HEADING = re.compile(r"(?P<time>\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?)(?<=\d|\.|m)"
                            r"(?:\s+[A-Z]{2,4}(?:[+-]\d{1,2})?)?"
                            r"(?:\s*\((?P<day>[^()\n]{3,24})\))?"
                            r"(?:\s*(?:[–—:]|-{1,2})\s|(?P<own_line>[ \t]*(?:\n|$)))")
"""A live blog's entry heading: a time of day and a dash or colon ("18:05 JST — ...",
"9.30am - ", "19:42 JST: ..."), with the day in brackets when the blog runs past midnight
("00:20 JST (Jan. 7) – ..."); or a time on a line of its own ("23:41 GMT" and a line
break), whose entry is the text below it."""
_HEADING_END = re.compile(r"[\s.:–—-]*")
_TITLE_LINE = re.compile(r"[^\n]{0,90}?(?<![.!?:;,])\s*")
"""A heading line that is only a title ("21:05 JST – Tokyo protests"): short, with no
sentence end; its entry's words are the paragraphs below it."""
_ENTRY_REACH = 6
"""Paragraphs an entry heading on a line of its own reaches down to at most."""
_BULLET = re.compile(LINE_MARKER + r"\s+")
_RANGE_START = re.compile(r"(\d{1,2})\s*[-–—]\s*(?=\d{1,2}\s+[A-Z])")
_ENTRY_SEPARATOR = re.compile(r"(?:\s*[-–—]\s*\d{1,2})?(?:\s*,\s*\d{4})?\s*(?:[–—:]|\s-|--)\s+")


def timeline_entries(ctx: Context) -> dict[int, PartialDate | None]:
    """Paragraphs that open with a date and a dash or colon ("Nov. 7 – ...", "- July 3,
    2023: ..."): their heading date, keyed by the paragraph's start offset.  A heading
    whose date cannot be read ("03/07/2020 – ...": day and month ambiguous) gives None:
    the entry is dated, but not by the article."""
    entries: dict[int, PartialDate | None] = {}
    titled: list[int] = []  # the entries whose heading line is only a title
    own = ctx.article.metadata.date
    section = PartialDate.from_date(own) if own is not None else None
    for paragraph in ctx.paragraphs:
        begin = paragraph.begin
        bullet = _BULLET.match(ctx.text, begin, paragraph.end)
        if bullet is not None:
            begin = bullet.end()
        dates = ctx.dates_in(begin, min(paragraph.end, begin + 40))
        # "Friday, 14 November: ...", "Fri 7 Nov 2025: ...": a weekday labels the date;
        # "6-7 December: ...": a range of days, dated by its first day as "Dec 6-7: ...".
        starts = {begin, weekday_label_end(ctx.text, begin, paragraph.end)}
        days = _RANGE_START.match(ctx.text, begin, paragraph.end)
        if days is not None:
            starts.add(days.end())
        heads = bool(dates) and dates[0].span.begin in starts
        if heads and dates[0].date.day is not None and \
                _HEADING_END.fullmatch(ctx.text, dates[0].span.end, paragraph.end):
            # "TUESDAY, 6 JANUARY 2026" on a line of its own: a live blog's day, of the
            # times below it
            section = dates[0].date
            continue
        clock = _CLOCK_HEADING.match(ctx.text, begin, paragraph.end)
        if clock is not None and not heads and \
                re.search(r"[:.]|[ap]\.?m", clock.group("time")):
            # A live blog's entries are times of the day its last day line gave (else the
            # article's own), or of the day the heading gives in brackets.
            day = ctx.days_in(clock.start("day"), clock.end("day")) if clock.group("day") \
                else []
            entries[paragraph.begin] = day[0] if day else section
        elif heads:
            separator = _ENTRY_SEPARATOR.match(ctx.text, dates[0].span.end, paragraph.end)
            if separator is None:
                continue
            entries[paragraph.begin] = _first_day(dates[0].date, days) \
                if days is not None and dates[0].span.begin == days.end() else dates[0].date
            clock = separator
        elif _NUMERIC_HEADING.match(ctx.text, begin, paragraph.end):
            entries[paragraph.begin] = None
            continue
        else:
            continue
        if _TITLE_LINE.fullmatch(ctx.text, clock.end(), paragraph.end) or \
                clock.groupdict().get("own_line") is not None:
            titled.append(paragraph.begin)
    if titled:
        _reach_below(ctx, entries, titled)
    return entries


def _reach_below(ctx: Context, entries: dict[int, PartialDate | None],
                 titled: list[int]) -> None:
    """A heading on a line of its own ("21:05 JST – Tokyo protests") dates the paragraphs
    below it, up to the next heading or a line that is only a title (another section)."""
    paragraphs = ctx.paragraphs
    starts = [p.begin for p in paragraphs]
    for begin in titled:
        i = bisect.bisect_left(starts, begin) + 1
        for paragraph in paragraphs[i:i + _ENTRY_REACH]:
            if paragraph.begin in entries or \
                    _TITLE_LINE.fullmatch(ctx.text, paragraph.begin, paragraph.end):
                break
            entries[paragraph.begin] = entries[begin]


def _first_day(last: PartialDate, days: re.Match[str]) -> PartialDate:
    """"6-7 December": the first day of the range, in the month of its last."""
    first = int(days.group(1))
    if last.day is None or last.month is None or first >= last.day:
        return last
    return PartialDate(last.year, last.month, first)
