"""Where a paragraph opens with a date: after a bullet, "On", "the", or a weekday that
labels the date ("Friday, 14 November: ...", "Fri 7 Nov 2025: ...", "TUESDAY, 6 JANUARY
2026"), as timelines and live blogs head their entries (used by :mod:`.dates` and
:mod:`.timeline_entries`)."""

from __future__ import annotations

import re
from functools import lru_cache

from .triggers import load_triggers


@lru_cache(maxsize=1)
def _weekday_label() -> re.Pattern[str]:
    """A weekday, full or cut to three letters, in title or upper case, with its comma,
    before a day number or a capitalised month (``weekdays`` of ``[dates]``)."""
    names = load_triggers().dates["weekdays"]
    return re.compile(r"(?:" + "|".join(f"{w[:3]}[a-z]*|{w[:3].upper()}[A-Z]*" for w in names)
                      + r")\.?,?\s+(?=\(?\s*(?:\d|[A-Z]))")


def opens_paragraph(text: str, begin: int) -> bool:
    """Whether only a bullet, "On" or a weekday label ("Fri 7 Nov", "Wednesday, 19
    November") stands between a paragraph's start and ``begin``."""
    line = text.rfind("\n", max(0, begin - 24), begin) + 1
    if line == 0 and begin > 24:
        return False  # no line break close before: not a paragraph's opening
    opening = _OPENING.match(text, line, begin)
    if opening is None:  # never: every part of the pattern is optional
        return False
    if opening.end() == begin:
        return True
    start = opening.end() - len(opening.group("the") or "")
    return _THE.fullmatch(text, weekday_label_end(text, start, begin), begin) is not None


_OPENING = re.compile(r"[\s\-*•–—]*(?:on\s+)?(?P<the>the\s+)?", re.IGNORECASE)
_THE = re.compile(r"(?:the\s+)?", re.IGNORECASE)


def weekday_label_end(text: str, begin: int, end: int) -> int:
    """Where a weekday that labels the date after it ends ("Friday, 14 November", "Fri
    7 Nov", "Tue., Jan. 6"), when one opens ``text[begin:end]``; else ``begin``."""
    label = _weekday_label().match(text, begin)
    return label.end() if label is not None and label.end() <= end else begin


def prepare() -> None:
    """Build the weekday label pattern now (see :func:`kg.extract.prepare`)."""
    _weekday_label()
