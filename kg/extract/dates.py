"""Find date expressions and resolve them, at the precision the text gives.

:func:`find_dates` scans a text once and returns every date expression it can resolve, in
text order, each with a :class:`~kg.model.PartialDate` of day, month or year precision:

=====================================  ==============================================
text                                   resolved (anchor: Wednesday 7 January 2026)
=====================================  ==============================================
``2026-01-08``, ``January 6, 2026``    the day, anchor not needed
``17/03/2020``, ``03/17/2020``         the day when one number cannot be a month (not
                                       ``03/07/2020``: day and month are ambiguous,
                                       unless a bracket after spells out the day:
                                       ``03/07/2020 (July 3)``, or the text's other
                                       numeric dates read only one way: after
                                       ``31.03.2024``, ``07.12.2023`` is 7 December;
                                       ``05.05.2024`` reads the same both ways)
``6 January 2026``, ``Jan. 6``         a yearless day takes the anchor's year
``on Tuesday``                         the latest Tuesday on or before the anchor (not
                                       ``a Tuesday``, ``every Tuesday``: no date)
``will take effect on Tuesday``,       the first Tuesday after the anchor: a future cue
``will impose duties ... from          just before it, or anywhere in the clause before
Tuesday``                              a weekday opening a period ("from", "as of")
``last Tuesday``                       the latest Tuesday two days or more before it
                                       (on a Wednesday, not yesterday but a week before)
``the same day``, ``the next day``     the last day-precision date mentioned before (not
                                       one bounding a state: ``effective 28 August``)
``that afternoon``                     the same
``later in the day``                   the same day if its paragraph named one before,
                                       else the anchor (the day the story is told on)
``two days later``, ``a week earlier`` counted from the same
``the following month``, ``two years  the month or year counted from the last one the
later``, ``May of that year``          paragraph named (a week later: that month)
``Friday, 14 November``, ``Sunday      the date the weekday labels (the 16th of the month
(16th)``                               named before, if it is a Sunday)
``on the 8th``, ``on 8th day``         day 8 of the month last named in the same paragraph
``(conference) of 8th``, ``14th, ...`` (or in the last timeline heading, when the day opens
                                       a paragraph), else the latest 8th on or before the
                                       anchor; a bare ``14th,`` only opening a sentence
``early November``, ``in November``    ``2025-11`` (month precision)
``November 2025``, ``late December``   month precision
``in 2025``, ``late 2025``             year precision
``last month``, ``this year``          month or year precision, from the anchor
``earlier this week``, ``last week``,  the month the week lies in (its year when it
``earlier in the week``
                                       spans two months; none across a new year)
``yesterday``, ``today``               the day
``New Year's address``                 31 December before the anchor (holiday table)
``two years ago``                      year precision
``on 6th this month``, ``this month    ``2026-01-06`` (a style of translated text)
6th``
``Last year November``, ``November of  ``2025-11``
the last year`` (translated)
=====================================  ==============================================

The anchor is the article's own date, else the corpus reference date the builder sets
(:attr:`kg.model.Article.anchor_date`).  With no anchor, only dates that carry a year are
resolved.  A reference date borrowed from other articles (``own_anchor=False``) gives only a
year: yearless dates ("Jan. 6", "early November") take it, but deictic expressions, which
count from the day the article was written ("on Monday", "yesterday", "last month", "last
April", "two years ago", "on the 8th" with no month before it), stay unresolved, since the
article's own day is unknown.

A yearless date takes the anchor's year unless that puts it more than ``future_months``
months after the anchor (``future_months_with_cue`` when a word such as "will" or "next"
just before it says the date lies ahead), in which case it is the year before: "early
November" in a January article is last November.  A verb in the simple past before it
("imposed in May", "said on Sunday") puts it on or before the anchor.  Only the words of
the date's own clause count for this tense: not those of a quotation before the speech
verb ('"We will act," she said on Sunday' is last Sunday), nor a future cue followed by a
past speech verb.  A yearless date shortly after a date with a year, in the same
paragraph and not before it, is of that year ("On 1 July 2019 ... From 4 July"); with a
borrowed anchor, in any later paragraph too (the story's year beats another article's).  In
a text with no date of its own, a full date ending a heading line ("From the press
service, 15 November 2024:") is the day the deictic words below it count from.  "last
April" is the latest April before the anchor's month, "next April" the first after it.
No date expression spans a paragraph break.

Month names that are also words ("May", "March") need a day, a year or a cue word before
them ("in May").  Words, cues and holidays live in ``kg/data/triggers.toml`` (``[dates]``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateutil.relativedelta import relativedelta

from ..model import PartialDate, Span
from . import date_arithmetic as calendar
from .anchored import StreamKeyFilter, folds_unevenly, lowered
from .date_headings import opens_paragraph
from .date_headings import prepare as prepare_headings
from .date_numeric import numeric_date, numeric_order
from .date_story import PARAGRAPH_BREAK, continue_story
from .date_tense import TenseCues, starts_ahead
from .date_tense import tense as _tense_of
from .gazetteer import TokenStream
from .triggers import load_triggers, phrase_alternation, phrase_pattern


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression: where it is, what date it means, and how it was found.

    ``relative`` is true when the date was computed from the anchor or from an earlier
    date of the text rather than read off the text alone.
    """

    span: Span
    date: PartialDate
    relative: bool = False


@dataclass(frozen=True)
class _Tables:
    regex: re.Pattern[str]
    leading: dict[str, re.Pattern[str]]
    """For each lower-cased word a date expression can begin with (``<digit>`` for a
    digit), the alternatives of ``regex`` that can begin with it (see :func:`_scan`)."""
    months: dict[str, int]
    weekdays: dict[str, int]
    ambiguous: frozenset[str]
    cue: re.Pattern[str]
    holidays: dict[str, tuple[int, int]]
    tense: TenseCues
    future_months: int
    future_months_with_cue: int
    apposed: re.Pattern[str]
    """A date right after a weekday, which the weekday only labels ("Friday, 14
    November", "Tuesday (Jan. 6)")."""


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = load_triggers().dates
    months: dict[str, int] = {}
    for number, (name, abbrevs) in enumerate(
            zip(data["months"], data["month_abbreviations"], strict=True), start=1):
        months[name.lower()] = number
        for abbrev in abbrevs.split("|"):
            months[abbrev.lower()] = number
    full = "|".join(data["months"])
    short = "|".join(a for entry in data["month_abbreviations"] for a in entry.split("|"))
    month = rf"(?:{full}|(?:{short})\.?)"
    day = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"  # "Jan. 9:" yes, "9:30" no
    year = r"(?:1[89]\d\d|20\d\d)(?![\d])"
    part = r"(?:early|mid|late|the\s+(?:end|start|beginning|middle)\s+of)"
    weekdays = "|".join(data["weekdays"])
    holidays = {h.lower().replace("’", "'"): (int(m), int(d))
                for h, (m, d) in data["holidays"].items()}
    holiday = phrase_alternation(data["holidays"])
    count = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)"
    # Each alternative with the words it can begin with (see _scan): literal words, and
    # <digit>, <month>, <full-month>, <weekday>, <holiday> for the classes of words below.
    alternatives: list[tuple[str, str]] = [
        # "2023-08-24", "2023/8/24", and machine-translated "2023 year 8 month 24 day"
        ("<digit>",
         rf"(?P<iso>(?P<iy>{year})(?:[-/]|\s+year\s+)(?P<im>[01]?\d)(?:[-/]|\s+month\s+)"
         r"(?P<id>[0-3]?\d)(?:\s+day\b)?(?!\d))"),
        ("<digit>",
         rf"(?P<slash>(?P<sa>[0-3]?\d)[/.](?P<sb>[0-3]?\d)[/.](?P<sy>{year}))"),
        ("on the <digit>",
         r"(?P<ordm>(?:on\s+)?(?:the\s+)?(?P<d15>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:day\s+)?(?:of\s+)?"
         r"(?P<q15>this|last|next)\s+month)"),
        ("last this next",
         r"(?P<mord>(?P<q21>this|last|next)\s+month,?\s+(?:the\s+)?(?P<d21>[0-3]?\d)"
         r"(?:st|nd|rd|th)(?:\s+day)?)"),
        ("last this next",
         rf"(?P<lym>(?P<q16>last|this|next)\s+year,?\s+(?:in\s+)?(?P<m16>{full}))"),
        ("<full-month>",
         # ("October of the last year": machine-translated last year)
         rf"(?P<mly>(?P<m17>{full}),?\s+(?:of\s+)?(?:the\s+(?=last\s))?(?P<q17>last|this|next)"
         r"\s+year)"),
        ("<month>",
         rf"(?P<mdy>(?P<m1>{month})\s+(?P<d1>{day}),?\s+(?P<y1>{year}))"),
        ("the <digit>",
         rf"(?P<dmy>(?:the\s+)?(?P<d2>{day})(?:\s+of)?\s+(?P<m2>{month}),?\s+(?P<y2>{year}))"),
        ("<month>",
         rf"(?P<md>(?P<m3>{month})\s+(?P<d3>{day}))"),
        ("the <digit>",
         rf"(?P<dm>(?:the\s+)?(?P<d4>{day})(?:\s+of)?\s+(?P<m4>{month}))"),
        ("early mid late the <month>",
         rf"(?P<my>(?:(?P<p5>{part})[\s-]+)?(?P<m5>{month})(?:\s+of)?,?\s+(?P<y5>{year}))"),
        ("early mid late <full-month>",
         rf"(?P<mo>(?:(?P<p6>early|mid|late)[\s-]+)?(?P<m6>{full}))"),
        ("early mid late <digit>",
         rf"(?P<yr>(?:(?P<p7>early|mid|late)[\s-]+)?(?P<y7>{year}))"),
        ("last next this on coming <weekday>",
         rf"(?P<wd>(?:(?P<w8>last|next|this|on|coming)\s+)?(?P<d8>{weekdays})"
         # "Sunday (16th)": the weekday of a day of the month told before
         r"(?:\s*\(\s*(?P<o8>[0-3]?\d)(?:st|nd|rd|th)?\s*\))?)"),
        ("on in during at his her its their the <holiday>",
         rf"(?P<hol>(?:on\s+|in\s+|during\s+|at\s+)?(?:(?:his|her|its|their|the)\s+)?(?P<h9>{holiday}))"),
        ("on the same that later earlier",
         r"(?P<same>(?:on\s+|(?:later|earlier)\s+)?(?:(?:the\s+)?same\s+(?:day|morning|afternoon"
         r"|evening|night)|that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)"
         r"|that\s+date|in\s+the\s+day))"),
        ("on the a",
         r"(?P<next>(?:on\s+)?(?:the\s+(?:next|following)\s+day|a\s+day\s+later|the\s+day\s+after))"),
        ("on the a",
         r"(?P<prev>(?:on\s+)?(?:the\s+(?:previous|prior)\s+day|a\s+day\s+(?:earlier|before)"
         r"|the\s+day\s+before))"),
        ("today yesterday tomorrow",
         r"(?P<rel>(?P<q10>today|yesterday|tomorrow))"),
        ("earlier later last this next past",
         r"(?P<relm>(?P<q11>(?:earlier\s+|later\s+)?(?:last|this|next|past)"
         r"|earlier\s+this|later\s+this)\s+(?P<u11>month|year))"),
        ("earlier later this last past",
         r"(?P<week>(?P<q18>(?:earlier\s+|later\s+)?this|last|past|(?:earlier|later)\s+in\s+the)"
         r"\s+week)"),
        ("<digit> a an one two three four five six seven eight nine ten",
         rf"(?P<later>(?P<n20>{count})\s+(?P<u20>days?|weeks?)\s+(?P<q20>later|earlier)"
         r"(?!\s+than))"),
        # "the following month", "two years later": counted from the last month or year the
        # paragraph named
        ("<digit> a an one two three four five six seven eight nine ten",
         rf"(?P<laterp>(?P<n23>{count})\s+(?P<u23>months?|years?)\s+(?P<q23>later|earlier)"
         r"(?!\s+than))"),
        ("the",
         r"(?P<fol>the\s+(?P<q22>following|same|previous|preceding)\s+(?P<u22>month|year))"),
        ("<digit> a an one two three four five six seven eight nine ten several",
         rf"(?P<ago>(?P<n12>{count})\s+(?P<u12>years?|months?)\s+ago)"),
        ("on of <digit>",
         r"(?P<ord>(?:(?:on|of)\s+(?:the\s+)?(?P<d13>[0-3]?\d)(?:st|nd|rd|th)(?!-)"
         r"(?:\s+(?:day(?!s)|morning|afternoon|evening))?(?!\s+(?:of\s+)?"
         rf"(?:century|anniversary|largest|biggest|time|round|plenary|session|congress|quarter"
         rf"|half|place|generation|edition|term|{month})))"
         r"|(?:(?P<d14>[0-3]?\d)(?:st|nd|rd|th)\s+(?:day(?!s)|morning|afternoon|evening)))"),
        # "14th, the ministry said": a translated day of the month opening a sentence
        ("<digit>", r"(?P<ords>(?P<d19>[0-3]?\d)(?:st|nd|rd|th)(?=,))"),
    ]
    regex = _date_regex([p for _, p in alternatives])
    classes = {
        "<month>": set(months),
        "<full-month>": {m.lower() for m in data["months"]},
        "<weekday>": {w.lower() for w in data["weekdays"]},
        "<holiday>": {_WORD.match(h).group().lower()  # type: ignore[union-attr]
                      for h in data["holidays"]},
    }
    by_word: dict[str, list[str]] = {}
    for openers, pattern in alternatives:  # in order: the first alternative that matches wins
        for word in {w for opener in openers.split() for w in classes.get(opener, {opener})}:
            by_word.setdefault(word, []).append(pattern)
    compiled: dict[tuple[str, ...], re.Pattern[str]] = {}
    for patterns in by_word.values():
        if tuple(patterns) not in compiled:
            compiled[tuple(patterns)] = _date_regex(patterns)
    leading = {word: compiled[tuple(patterns)] for word, patterns in by_word.items()}
    future = re.compile(r"(?<![\w])(?:" + "|".join(phrase_pattern(c) for c in data["future_cues"])
                        + r")(?![\w])", re.IGNORECASE)
    return _Tables(
        regex=regex,
        leading=leading,
        months=months,
        weekdays={name.lower(): i for i, name in enumerate(data["weekdays"])},
        ambiguous=frozenset(m.lower() for m in data["ambiguous_months"]),
        cue=re.compile(r"(?<![\w])(?:" + phrase_alternation(data["cues"])
            + r")[\s-]*$", re.IGNORECASE),
        holidays=holidays,
        tense=TenseCues(
            future=future,
            past=re.compile(r"(?<![\w'’-])(?:" + "|".join(data["past_verbs"])
                            + r"|(?!hundred)[a-z]{2,}(?<!e)ed)(?![\w'’-])"),
            speech_past=frozenset(data["past_speech_verbs"])),
        future_months=int(data["future_months"]),
        future_months_with_cue=int(data["future_months_with_cue"]),
        apposed=re.compile(rf",?\s*\(?\s*(?:the\s+)?(?:{day}\s+(?:of\s+)?{month}|{month}\s+{day})",
                           re.IGNORECASE),
    )


def date_expressions(text: str, *, stream: TokenStream | None = None
                     ) -> list[re.Match[str]]:
    """The date expressions of ``text`` before they are resolved (what :func:`find_dates`
    resolves): scanned once, they can be resolved against several anchors.  ``stream``, the
    token stream of ``text``, lets the scan visit only the words that can open a date."""
    return list(_scan(text, _tables(), stream))


def find_dates(text: str, anchor: dt.date | None, *, own_anchor: bool = True,
               expressions: Sequence[re.Match[str]] | None = None) -> list[DateMention]:
    """Every resolvable date expression of ``text``, in text order (see module doc).

    ``own_anchor`` False says ``anchor`` is not the article's own date but one borrowed from
    its corpus: then only its year is used.  ``expressions`` are the text's
    :func:`date_expressions` when they are known already.
    """
    tables = _tables()
    found: list[DateMention] = []
    last_day: PartialDate | None = None
    last_month: PartialDate | None = None
    last_month_end = 0
    last_day_end = 0
    last_year: PartialDate | None = None
    last_year_end = 0
    heading: PartialDate | None = None
    story: tuple[PartialDate, int] | None = None
    section: dt.date | None = None  # the full date ending a heading line, in an undated text
    matches = list(_scan(text, tables) if expressions is None else expressions)
    numeric = numeric_order(matches)
    for m in matches:
        if last_month is not None and "\n" in text[last_month_end:m.start()]:
            # "on the 14th" takes the month named earlier in the same paragraph only;
            # after a paragraph break it counts from the day of writing, unless it opens
            # a paragraph of a timeline ("Nov. 7 — ...¶On 8th day, ..."): then it
            # continues the month of the last entry heading.
            last_month = heading if opens_paragraph(text, m.start()) and \
                (m.lastgroup in ("ord", "ords") or (m.lastgroup == "wd" and m.group("o8"))) \
                else None
        here = anchor
        if (anchor is None or not own_anchor) and _is_deictic(m, text, last_month):
            if section is None:
                continue
            # "From the press service, 15 November 2024:¶... on Friday": the section's
            # dated heading is the day its deictic words count from
            here = section
        day_before = last_day
        if m.lastgroup == "same" and anchor is not None and own_anchor and \
                _IN_THE_DAY.search(m.group()) and \
                (last_day is None or "\n" in text[last_day_end:m.start()]):
            # "Later in the day, X said ...": the day the story is told on, unless its own
            # paragraph names a day before ("that day" looks back to the last day named).
            day_before = PartialDate.from_date(anchor)
        if last_year is not None and "\n" in text[last_year_end:m.start()]:
            last_year = None  # "the following year" counts within its paragraph
        if m.lastgroup == "later" and last_year is not None and last_year.day is None \
                and last_year_end > last_day_end:
            # "In May 2020 ... and, a week later, ...": counted from the month last named,
            # not from an older day
            near = calendar.days_after_month(m.group("n20"), m.group("u20"), last_year)
            resolved = (near, True) if near is not None else None
        else:
            resolved = _resolve(m, text, here, day_before, last_month, tables, last_year,
                                numeric)
        if resolved is None:
            continue
        date, relative = resolved
        year_named = _YEAR_AFTER.match(text, m.end()) if m.lastgroup in ("md", "dm", "mo") \
            else None
        if year_named is not None and year_named.group(1).lower() == "that":
            # "From July 4 that year": the year of the story told before, if any
            # (or the year the paragraph named last: "It began in 2020. In May of that year")
            told = story if last_year is None or (story is not None and story[1] >= last_year_end) \
                else (last_year, last_year_end)
            if told is not None and relative and m.start() - told[1] <= _THAT_YEAR_REACH:
                date = PartialDate(told[0].year, date.month, date.day)
                story = (date, m.end())
        elif year_named is not None and m.lastgroup == "mo":
            pass  # "in March this year" is resolved as before
        elif year_named is not None and anchor is not None and own_anchor:
            # "Sept. 15 this year", "March 3 last year": the year named after the day.
            shift = {"this": 0, "last": -1, "next": 1}[year_named.group(1).lower()]
            date = PartialDate(anchor.year + shift, date.month, date.day)
        elif relative and story is not None and m.lastgroup in ("md", "dm", "mo") and \
                not _LAST_NEXT.search(text, max(0, m.start() - 12), m.start()):  # "last May"
            previous = (found[-1].date, found[-1].span.end) if found else None
            continued = continue_story(text, m, date, story, anchor, borrowed=not own_anchor,
                                       last_found=previous)
            if continued != date:
                # the story goes on from the date it reached ("On 2 Aug. 2019 ... In
                # September, ...")
                date, story = continued, (continued, m.end())
        span = _span(text, m)
        found.append(DateMention(span, date, relative))
        if not relative and date.day is not None and _ENDS_LINE.match(text, m.end()):
            section = dt.date(date.year, date.month or 1, date.day)
        if date.day is not None and \
                not BOUNDS_STATE.search(text, max(0, m.start() - 16), m.start()):
            # "since Sept. 15", "effective 28 August", "until Jan. 7" bound a state: "the
            # same day" later refers to a day something happened on, not to them.
            last_day = date
            last_day_end = m.end()
        last_year, last_year_end = date, m.end()
        if date.month is not None:
            last_month = date
            last_month_end = m.end()
            if opens_paragraph(text, m.start()):
                heading = date
        if m.lastgroup in _EXPLICIT or m.lastgroup in ("lym", "mly") or (
                m.lastgroup == "mo" and _LAST_NEXT.search(text, max(0, m.start() - 12),
                                                          m.start())):
            # the story has reached this month ("... in August 2023; antimony followed last
            # September. The ban imposed in December ...": the December after it)
            story = (date, m.end())
    return found


_WORD = re.compile(r"\w+")
_ENDS_LINE = re.compile(r"[ \t]*:?[ \t]*(?:\n|$)")
"""After a full date: the end of its line ("From the press service, 15 November 2024:")."""
_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(?:the\s+(?=last\s))?(this|last|next|that)\s+year\b",
                         re.IGNORECASE)
_THAT_YEAR_REACH = 2000
"""Characters after a date with a year within which "<date> that year" is of its year."""
_ANY_WEEKDAY = re.compile(r"\b(?:a|every|each)\s+$", re.IGNORECASE)
_NAMED_EVENT = re.compile(r"\s+(?:when\s+)?(?:the|its|his|her|their|it|they|he|she|[A-Z][\w'’-]*)"
                          r"\s+(?:[\w'’-]+\s+){0,3}?(?:was|were|had|[a-z]{3,}ed)\b")
"""A clause right after "the same day" naming the event it means ("the same day the ban
was announced"), not the last day the text named."""
_IN_THE_DAY = re.compile(r"\bin\s+the\s+day$", re.IGNORECASE)
BOUNDS_STATE = re.compile(r"\b(?:since|effective(?:\s+from)?|until|till|through|"
                          r"starting(?:\s+from)?)\s+(?:on\s+)?$", re.IGNORECASE)
"""Before a date that bounds a state ("effective 28 August", "until Jan. 7", "since
2023"): no day something happened (a relative "the same day" after it counts from an act
told before; :mod:`.measures.timing` reads it too)."""
_EXPLICIT = frozenset({"iso", "slash", "mdy", "dmy", "my"})
_KINDS = ("iso", "slash", "mdy", "dmy", "md", "dm", "my", "mo", "yr", "ordm", "mord", "lym",
          "mly", "wd", "hol", "same", "next", "prev", "rel", "relm", "week", "later", "ago",
          "ord", "ords", "laterp", "fol")
"""The names of the alternatives of the date pattern."""
def _date_regex(alternatives: list[str]) -> re.Pattern[str]:
    """The date pattern made of ``alternatives``, tried in their order."""
    return re.compile(r"(?<![\w$€£¥.,])(?:" + "|".join(alternatives) + r")(?![\w])",
                      re.IGNORECASE)


def _scan(text: str, tables: _Tables,
          stream: TokenStream | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``tables.regex`` in ``text``, as ``finditer`` gives them, tried only
    where a word that can begin a date starts, and with only the alternatives that can
    begin with that word.

    The pattern (two dozen alternatives behind a look-behind) costs most where it is tried
    at every word.  A match can begin only at the start of a ``\\w+`` word (the look-behind
    rejects a word character before it) that is a digit or one of the opening words each
    alternative declares (each followed by a non-word character), so one dictionary probe
    per word finds the alternatives to try, in the pattern's order: the first that matches
    is the one the whole pattern would take.  A word with non-ASCII letters is tried against
    the whole pattern, since case-insensitive matching folds some of them onto ASCII letters.
    ``tests/test_extract_dates.py`` checks that this finds what ``finditer`` finds.

    With the text's token ``stream``, the words to try are read from its index of token
    keys (:func:`_words_tried`) instead of visiting every word.
    """
    full = tables.regex
    leading = tables.leading
    digit = leading["<digit>"]
    end = 0
    tried = _words_tried(text, tables, stream) if stream is not None else None
    words = tried if tried is not None else \
        ((word.start(), word.group()) for word in _WORD.finditer(text))
    for begin, w in words:
        if begin < end:
            continue
        pattern: re.Pattern[str] | None
        if not w.isascii():
            pattern = full
        elif w[0].isdigit():
            pattern = digit
        else:
            pattern = leading.get(w.lower())
            if pattern is None:
                continue
        m = pattern.match(text, begin)
        if m is not None and "\n" in m.group():
            # No date expression spans a paragraph break ("this year\n\nIn April").
            cut = PARAGRAPH_BREAK.search(text, begin, m.end())
            if cut is not None:
                m = pattern.match(text, begin, cut.start())
        if m is not None:
            end = m.end()
            yield m


_key_filter: tuple[_Tables, StreamKeyFilter] | None = None


def _word_keys(tables: _Tables) -> StreamKeyFilter:
    """The token keys whose tokens hold a word :func:`_scan` tries: a leading word, one
    opening with a digit, a non-ASCII one, an abbreviation or a possessive ("'s")."""
    global _key_filter
    if _key_filter is None or _key_filter[0] is not tables:
        leading = tables.leading
        _key_filter = (tables, StreamKeyFilter(
            lambda k: k in leading or k[0].isdigit() or not k.isascii() or k[1:2] == "."
            or k == "'s"))
    return _key_filter[1]


def _words_tried(text: str, tables: _Tables,
                 stream: TokenStream) -> list[tuple[int, str]] | None:
    """The ``\\w+`` words of ``text`` that :func:`_scan` tries (non-ASCII, opening with a
    digit, or a leading word), each with where it begins, read from the token ``stream`` of
    ``text``: a superset in text order, or ``None`` when the tokens cannot tell (see below).

    Without an underscore in the text, each ``\\w+`` word is a word token's text, a letter of
    an abbreviation's token ("U.S.") or the "s" of a possessive token; when lower-casing
    agrees with the tokens' case-folding (:func:`~kg.extract.anchored.keys_are_lowered`),
    a word token's key is its lower-cased text, which tells the words to try.  The words
    are the tokens' texts, not matched again at each start (``\\w+`` there matched the
    same word, with a match object per word: 0.02 ms per synthetic article)."""
    if stream.text is not text or "_" in text or "\u02bc" in text or folds_unevenly(text) \
            or not lowered(text)[1]:
        return None  # (a word opening with "ʼ", a letter, has "'" in its key)
    leading = tables.leading
    keys = _word_keys(tables).select(stream)
    tokens = stream.tokens
    words: list[tuple[int, str]] = []
    for i in stream.positions(keys):
        token = tokens[i]
        key = token.key
        if key == "'s":
            if "s" in leading:
                words.append((token.begin + 1, "s"))
        elif not token.is_word:
            continue  # a mark ("“"), not a word
        elif key[1:2] == ".":  # an abbreviation: "U.S.", a word of one letter per point
            words.extend((token.begin + j, token.text[j]) for j in range(0, len(key), 2)
                         if not key[j].isascii() or key[j] in leading)
        else:
            words.append((token.begin, token.text))
    return words


def resolve_date(expression: str, anchor: dt.date | None) -> PartialDate | None:
    """Resolve a single date expression (the whole string) against ``anchor``."""
    tables = _tables()
    m = tables.regex.fullmatch(expression.strip())
    if m is None:
        return None
    resolved = _resolve(m, expression, anchor, None, None, tables)
    return resolved[0] if resolved else None


def _span(text: str, m: re.Match[str]) -> Span:
    begin, end = m.span()
    # A leading preposition ("on Tuesday", "in November") is kept out of the span.
    for prefix in ("on ", "in ", "during ", "at ", "of "):
        if text[begin:begin + len(prefix)].lower() == prefix:
            begin += len(prefix)
            break
    return Span.of(text, begin, end)


class _Groups:
    """The groups of a date match by name, None for a group its pattern lacks (the scan's
    patterns hold only the alternatives a word can open): cheaper than ``groupdict`` over
    the many groups of the date pattern."""

    __slots__ = ("m",)

    def __init__(self, m: re.Match[str]) -> None:
        self.m = m

    def get(self, name: str) -> str | None:
        try:
            return self.m.group(name)
        except IndexError:
            return None

    def __getitem__(self, name: str) -> Any:  # as ``groupdict()[name]``: typed loosely
        return self.get(name)


def _resolve(m: re.Match[str], text: str, anchor: dt.date | None, last_day: PartialDate | None,
             last_month: PartialDate | None, tables: _Tables,
             last_year: PartialDate | None = None, numeric: str | None = None,
             ) -> tuple[PartialDate, bool] | None:
    g = _Groups(m)
    # The alternative's own group closes last, so it is the match's last group.
    kind = m.lastgroup
    if kind not in _KINDS:
        kind = next(k for k in _KINDS if g.get(k))
    try:
        if kind == "iso":
            return PartialDate(int(g["iy"]), int(g["im"]), int(g["id"])), False
        if kind == "slash":
            date = numeric_date(text, m.end(), (int(g["sa"]), int(g["sb"]), int(g["sy"])),
                                numeric, tables.months)
            return (date, False) if date is not None else None
        if kind in ("mdy", "dmy"):
            n = "1" if kind == "mdy" else "2"
            return PartialDate(int(g["y" + n]), _month(g["m" + n], tables),
                               _day(g["d" + n])), False
        if kind == "my":
            if not _capitalised(g["m5"]):
                return None
            return PartialDate(int(g["y5"]), _month(g["m5"], tables)), False
        if kind == "yr":
            if not (g.get("p7") or _cued(text, m.start(), tables)):
                return None  # a bare number such as "2000 items", not a year
            return PartialDate(int(g["y7"])), False
    except ValueError:
        return None  # 31 February and the like: not a date
    if kind in ("laterp", "fol"):
        return calendar.from_period(g, text, m.start(), last_month, last_year)
    if anchor is None and kind not in ("same", "next", "prev", "later"):
        return None  # the rest count from the anchor
    if kind in ("md", "dm"):
        n = "3" if kind == "md" else "4"
        name = g["m" + n]
        if not _capitalised(name) or (name.lower() in tables.ambiguous and kind == "dm"
                                      and not g.get("d" + n)):
            return None
        return calendar.yearless(anchor, _month(name, tables), _day(g["d" + n]),
                                 _tense(text, m.start(), tables), tables.future_months,
                                 tables.future_months_with_cue)
    if kind == "mo":
        name = g["m6"]
        if not _capitalised(name):
            return None
        if name.lower() in tables.ambiguous and not (g.get("p6") or _cued(text, m.start(),
                                                                          tables)):
            return None
        last_next = _LAST_NEXT.search(text, max(0, m.start() - 12), m.start())
        if last_next is not None and anchor is not None:
            return calendar.last_or_next(anchor, _month(name, tables), last_next.group()), True
        return calendar.yearless(anchor, _month(name, tables), None,
                                 _tense(text, m.start(), tables), tables.future_months,
                                 tables.future_months_with_cue)
    if kind == "wd":
        if not _capitalised(g["d8"]) or anchor is None or \
                _ANY_WEEKDAY.search(text, max(0, m.start() - 7), m.start()):
            return None  # "(Jan. 6, a Tuesday)", "every Monday": which weekday, not when
        if tables.apposed.match(text, m.end()):
            return None  # "Friday, 14 November": the date after it says which Friday
        if g.get("o8"):
            return _day_of_month(anchor, last_month, int(g["o8"]), text, m, tables,
                                 weekday=tables.weekdays[g["d8"].lower()])
        return calendar.weekday(anchor, tables.weekdays[g["d8"].lower()],
                                (g.get("w8") or "").lower(),
                                _tense(text, m.start(), tables) > 0
                                or starts_ahead(text, m.start(), tables.tense)), True
    if kind == "hol":
        if anchor is None:
            return None
        key = " ".join(g["h9"].lower().replace("’", "'").split())
        month, day = tables.holidays[key]
        candidate = dt.date(anchor.year, month, day)
        if candidate > anchor:
            candidate = candidate.replace(year=anchor.year - 1)
        return PartialDate.from_date(candidate), True
    if kind in ("same", "next", "prev", "later"):
        if last_day is None or (kind == "same" and _NAMED_EVENT.match(text, m.end())
                                and not _sentence_start(text, m.start())):
            return None  # "protested the same day the ban was announced": that event's day
        base = dt.date(last_day.year, last_day.month or 1, last_day.day or 1)
        if kind == "later":  # "two days later", "a week earlier"
            count = calendar.count(g["n20"].lower())
            if count is None:
                return None
            shift = count * (7 if g["u20"].lower().startswith("week") else 1)
            shift = shift if g["q20"].lower() == "later" else -shift
        else:
            shift = {"same": 0, "next": 1, "prev": -1}[kind]
        return PartialDate.from_date(base + dt.timedelta(days=shift)), True
    if anchor is None:
        return None
    if kind == "rel":
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["q10"].lower()]
        return PartialDate.from_date(anchor + dt.timedelta(days=shift)), True
    if kind == "relm":
        return calendar.relative_period(anchor, g["q11"].lower(), g["u11"].lower()), True
    if kind == "week":
        week = calendar.week(anchor, g["q18"].lower())
        return (week, True) if week is not None else None
    if kind == "ago":
        ago = calendar.ago(anchor, g["n12"].lower(), g["u12"].lower())
        return (ago, True) if ago is not None else None  # "a few years ago": no date
    if kind in ("ordm", "mord"):
        # "on 6th this month", "this month 6th" (a translated style): that day of the
        # month named.
        n = "15" if kind == "ordm" else "21"
        period = calendar.relative_period(anchor, g["q" + n].lower(), "month")
        try:
            return PartialDate(period.year, period.month, int(g["d" + n])), True
        except ValueError:
            return None
    if kind in ("lym", "mly"):
        # "Last year November", "November last year": that month of the year named.
        n = "16" if kind == "lym" else "17"
        if not _capitalised(g["m" + n]):
            return None
        year = calendar.relative_period(anchor, g["q" + n].lower(), "year").year
        return PartialDate(year, _month(g["m" + n], tables)), True
    if kind == "ords" and not _sentence_start(text, m.start()):
        return None
    if kind in ("ord", "ords"):
        day = int(g.get("d13") or g.get("d14") or g.get("d19") or 0)
        return _day_of_month(anchor, last_month, day, text, m, tables)
    return None


def _day_of_month(anchor: dt.date, last_month: PartialDate | None, day: int, text: str,
                  m: re.Match[str], tables: _Tables, weekday: int | None = None
                  ) -> tuple[PartialDate, bool] | None:
    """"on the 8th": day 8 of the month last named, else the latest 8th on or before the
    anchor; with ``weekday`` ("Sunday (16th)"), only when that day is that weekday."""
    context = last_month if last_month is not None else PartialDate(anchor.year, anchor.month)
    try:
        candidate = dt.date(context.year, context.month or anchor.month, day)
    except ValueError:
        return None
    if last_month is None and candidate > anchor and _tense(text, m.start(), tables) <= 0:
        candidate = candidate - relativedelta(months=1)
    if weekday is not None and candidate.weekday() != weekday:
        return None
    return PartialDate.from_date(candidate), True


def _is_deictic(m: re.Match[str], text: str, last_month: PartialDate | None) -> bool:
    """Whether the expression counts from the day of writing ("on Monday", "last month",
    "last April")."""
    g = _Groups(m)
    if g.get("o8"):
        return last_month is None
    if any(g.get(k) for k in ("wd", "rel", "relm", "week", "ago", "ordm", "mord", "lym",
                                 "mly")):
        return True
    if (g.get("mo") or g.get("md") or g.get("dm")) and _LAST_NEXT.search(
            text, max(0, m.start() - 12), m.start()):
        return True
    return bool(g.get("ord")) and last_month is None


_LAST_NEXT = re.compile(r"\b(?:last|next|this|coming)\s+$", re.IGNORECASE)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _cued(text: str, begin: int, tables: _Tables) -> bool:
    """Whether a cue word ("in", "since", "late") comes right before ``begin``."""
    return tables.cue.search(text, max(0, begin - 20), begin) is not None


def _month(name: str, tables: _Tables) -> int:
    return tables.months[name.lower().rstrip(".")]


_DIGITS = re.compile(r"\d+")


def _day(text: str) -> int:
    return int(_DIGITS.match(text).group())  # type: ignore[union-attr]


def tense_cues() -> TenseCues:
    """The ``[dates]`` words that tell a clause's tense, compiled (see :mod:`.date_tense`)."""
    return _tables().tense


def _tense(text: str, begin: int, tables: _Tables) -> int:
    """The tense of the clause before a date at ``begin`` (see :func:`.date_tense.tense`)."""
    return _tense_of(text, begin, tables.tense)


def _sentence_start(text: str, begin: int) -> bool:
    """Whether ``begin`` opens a sentence or a paragraph."""
    before = text[max(0, begin - 4):begin].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"”"


def prepare() -> None:
    """Build the date expression tables now.

    Cached once per process; see :func:`kg.extract.prepare`.
    """
    _tables()
    prepare_headings()
