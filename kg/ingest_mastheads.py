"""The publisher a headerless page names on its first line, in capitals.

Two forms, each read only on the first non-blank line:

- an outlet's name in capitals (two to five words, a station's frequency among them), then
  a dash or a bar and what the page is: ``TRADE DOCKET REPORTS — Case Summaries``,
  ``WXKR TALKRADIO 740 — EVENING BULLETIN — MONDAY, MARCH 3, 2025``.  What follows must
  say what the page is (a word of ``[page] masthead_genre_words``) or date it: a headline
  in capitals (``CHINA CURBS TIN EXPORTS — SMELTERS PROTEST``) does neither;
- an institution's letterhead: its name in capitals, a word of ``[page] letterhead_words``
  among them (``MINISTRY OF FISHERIES``, ``GOVERNMENT OF THE REPUBLIC OF ...``), above
  another line in capitals (its unit, its country, ``RESOLUTION``).  A headline in
  capitals stands over the lead's sentence, in lower case.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .ingest_forms import DATE_TEXT, NAME_LIKE, page_words, rubric_labels

_CAPS_NAME_LINE = re.compile(r"^\s*(?P<name>[A-Z][A-Z&'’.-]+"
                             r"(?:[ ](?:[A-Z][A-Z&'’.-]*|\d{2,4})){1,4})"
                             r"\s+(?:[—–]|--?|\|)\s+(?P<rest>\S.*)$")
_LETTERHEAD_WORDS = 8
"""Longest letterhead line read, in words."""
_SMALL_WORDS = re.compile(r"\b(?:Of|The|And|For|On)\b")


def first_line_publisher(lines: list[str]) -> tuple[int, str] | None:
    """The publisher the first of a page's first non-blank ``lines`` names (see the module
    doc): its offset in that line and its name as printed, else None."""
    if not lines:
        return None
    m = _caps_masthead(lines[0])
    if m is not None:
        return m.start("name"), m.group("name")
    if len(lines) > 1 and _letterhead(lines[0], lines[1]):
        return len(lines[0]) - len(lines[0].lstrip()), lines[0].strip()
    return None


def _caps_masthead(line: str) -> re.Match[str] | None:
    """An outlet's name in capitals before a dash or a bar and what the page is; a rubric
    ("SECTOR COMMENT | Metals") names no outlet."""
    m = _CAPS_NAME_LINE.match(line)
    if m is None or m.group("name").casefold() in rubric_labels():
        return None
    genre = _casefolded_words("masthead_genre_words")
    rest = m.group("rest")
    if any(w.strip(",.;:|—–-").casefold() in genre for w in rest.split()) \
            or _date_in_line().search(rest):
        return m
    return None


def _letterhead(line: str, below: str) -> bool:
    """Whether a first line is an institution's letterhead in capitals over another line in
    capitals (read as a name once in title case: "Ministry of Fisheries")."""
    if not (line.isupper() and below.isupper()) or len(line.split()) > _LETTERHEAD_WORDS \
            or not NAME_LIKE.match(_SMALL_WORDS.sub(lambda m: m.group().lower(),
                                                     line.strip().title())):
        return False
    heads = _casefolded_words("letterhead_words")
    return any(w.casefold() in heads for w in line.split())


@lru_cache(maxsize=4)
def _casefolded_words(key: str) -> frozenset[str]:
    """A ``[page]`` word list of the rule tables, case-folded (read once, as
    :func:`kg.ingest.rubric_labels` reads its own)."""
    return frozenset(w.casefold() for w in page_words(key))


@lru_cache(maxsize=1)
def _date_in_line() -> re.Pattern[str]:
    """A date anywhere in a line, in the forms the ingest reads."""
    return re.compile(DATE_TEXT, re.IGNORECASE)
