"""The year a narrative is set in: a yearless date that goes on with a story told with a
year ("On 1 July 2019 Japan tightened ... From 4 July, ...") takes the story's year, not the
article's (see :func:`kg.extract.dates.find_dates`)."""

from __future__ import annotations

import datetime as dt
import re

from ..model import PartialDate

PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_STORY_REACH = 300
"""Characters after a date with a year within which a yearless date of the same year
continues its story ("On 1 July 2019 ... From 4 July")."""
_SEQUEL = re.compile(r"\b(?:later|then|afterwards|after\s+that|the\s+following|that\s+same|"
                     r"thereafter|subsequently)\b", re.IGNORECASE)
"""Words before a yearless date in a later paragraph saying it follows the story told."""
_SEQUEL_REACH = 60
_SEQUEL_STORY_REACH = 1500
_HISTORY_YEARS = 2
"""How many years before the article's a story must lie to be history, not the article's
own time (whose yearless dates the article's year gives)."""


def continue_story(text: str, m: re.Match[str], date: PartialDate,
                   story: tuple[PartialDate, int], anchor: dt.date | None, *,
                   borrowed: bool = False,
                   last_found: tuple[PartialDate, int] | None = None) -> PartialDate:
    """A yearless date soon after a date with a year, in the same paragraph, not before it
    in that year, is of that year: "On 1 July 2019 Japan tightened ... From 4 July,
    exporters needed ..." (the narrative's year, not the article's).

    ``borrowed`` says the anchor is a corpus reference date, not the article's own: its year
    is only a guess from other articles, so the story's year holds in any later paragraph
    too (an undated encyclopedia entry on a 2022 ban: "... on 13 May 2022.¶... told
    reporters on 14 May" is 2022, not the year of the newest article beside it).

    ``last_found`` is the date found last before this one, with where it ends: when it is
    of the story's year, a story told to the month ("It was the morning of April 10,
    2012. ...¶By the next day ... On May 7, ...") goes on in the next paragraphs, as a
    memoir or a retrospective tells it (see :func:`_retold`)."""
    told, end = story
    if told.year == date.year:
        return date
    if not borrowed and (m.start() - end > _STORY_REACH
                         or PARAGRAPH_BREAK.search(text, end, m.start())):
        # a later paragraph goes on with the story only when the date's sentence says it
        # follows on ("A month later, on Aug. 2, ...", "Then in March ...")
        lead = text[max(end, m.start() - _SEQUEL_REACH):m.start()]
        lead = lead[max(lead.rfind(". "), lead.rfind("\n")) + 1:]
        if not _retold(m, told, anchor, last_found) and (
                m.start() - end > _SEQUEL_STORY_REACH or not _SEQUEL.search(lead)):
            return date
    moved = PartialDate(told.year, date.month, date.day)
    if not borrowed and told.month is not None and moved.month is not None and (
            moved.month < told.month or (moved.month == told.month and told.day is not None
                                         and moved.day is not None and moved.day < told.day)):
        # before the date told: not a continuation (with a borrowed anchor still the
        # story's year, a better guess than another article's)
        return date
    if anchor is not None and (moved.year, moved.month or 0) > (anchor.year, anchor.month):
        return date
    return moved


def _retold(m: re.Match[str], told: PartialDate, anchor: dt.date | None,
            last_found: tuple[PartialDate, int] | None) -> bool:
    """Whether a yearless date in a later paragraph still tells the story: a story of
    history (two years or more before the article's year: a date of the year before may
    well be the article's own time, "The latest layer arrived on 2 December" after "17
    October 2023" in a December 2024 article) that named its month (a bare year, "In 2019
    ...", sets no scene a day can follow), and every date since was of the story's year
    (none of the article's own time, "last week", came between), the last one near ("In
    September, it announced ..." after "the end of February 2017" in a 2025 retrospective
    is September 2017)."""
    if told.month is None or last_found is None or anchor is None \
            or anchor.year - told.year < _HISTORY_YEARS:
        return False
    found, found_end = last_found
    return found.year == told.year and m.start() - found_end <= _SEQUEL_STORY_REACH
