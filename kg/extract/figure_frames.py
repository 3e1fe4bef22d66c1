"""Figures whose unit the sentence gives elsewhere: frames over the figures already found.

:func:`kg.extract.figures.find_figures` finds numbers with their own unit.  Some numbers
leave the unit to the words around them; these frames complete them:

* *Partitions*: "Of the 14 export licence applications ..., 11 have been approved and three
  remain under review", "a survey of 48 manufacturers found that 11 buy rare earths": the
  total after "of" counts its noun, and each smaller number after it in the sentence that
  has no noun of its own (a verb follows it) counts the same noun.
* *Elliptic units*: "around 60 percent by volume, closer to 70 by value": a number after a
  comparing qualifier (``[figures].elliptic_qualifiers``) takes the unit of the figure
  before it in the sentence.
* *Levels*: "fell 548.30 points, or 1.06%, to 51,117.26": a number after "to" or "at",
  with a figure in one of ``[figures.levels].units`` before it in the sentence, is the
  level reached, in that unit.
* *Exchange rates*: "the yen firmed to 156.40 per dollar": ``JPY per USD``, the first
  currency being the one named before the number in the sentence.
* *Tallies*: "10 member states voted in favour, five against, and 12 abstained": a number
  followed by a word of a vote's tally (``[figures].tally_words``) counts the noun of the
  count before it in the sentence.

* *Labelled counts* (round 24): "- 1,250: vessels inspected in the first quarter": in a
  "by the numbers" box, a bare number opening a list line, then a colon and a plural noun,
  counts that noun.

* *Subjects' counts* (:mod:`kg.extract.figure_subjects`): "visitors to the island
  numbered about 2.1 million".

* *Shares and counts in words* (:mod:`kg.extract.figure_shares`): "more than a fifth of",
  "about 7 of 10 of", "37 of Japan's 47 prefectures", "visitors, who numbered almost 7.5
  million".

And the currency of a bare "$": where an article marks US dollars explicitly ("$US250
million"), a bare "$" is the local dollar of the state it names most
(``[figures.local_dollars]``: an Australian report's "$15.40" is AUD).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..model import FigureMention, Span
from .context import Context
from .figure_numbers import (
    YEAR,
    amount_begin,
    canonical,
    count_of,
    digit_count,
    table_prices,
)
from .figure_shares import (
    counts_by_verb,
    fold_ratios,
    parts_before_wholes,
    parts_of_wholes,
    word_shares,
)
from .figure_subjects import subject_counts
from .gazetteer import token_stream
from .text import BULLET
from .triggers import load_triggers, phrase_alternation, phrase_pattern

_PARTITIVE_BEFORE = re.compile(r"\b(?:out\s+of|of)\s+(?:the\s+)?$", re.IGNORECASE)
_LEVEL_BEFORE = re.compile(r"\b(?:to|at)\s+$", re.IGNORECASE)
_US_DOLLAR_MARK = re.compile(r"\$US\s?\d|US\$\s?\d|U\.S\.\s?\$\s?\d")
_NEXT_WORD = re.compile(r"\s+([a-z][\w’'-]*)")
_LOCAL_MENTIONS = 2
_DATE_REACH = 40


@dataclass(frozen=True)
class FrameRules:
    """What the frames borrow from :mod:`kg.extract.figures`."""

    number: Callable[[str | None], Decimal | None]
    """Value of a number token (digits or a number word)."""
    counted_noun: Callable[[int], tuple[str, int] | None]
    """The plural noun a number ending at an offset counts, with its end."""
    is_counted: Callable[[str], bool]
    """Whether a unit is a counted noun (not a currency, percent or measure)."""
    plural: Callable[[str], bool]
    numbers: re.Pattern[str]
    """The number pattern of :mod:`kg.extract.figures`."""
    elliptic: frozenset[str]


@dataclass(frozen=True)
class _Exchange:
    pattern: re.Pattern[str]
    first: re.Pattern[str]
    currencies: dict[str, str]


@lru_cache(maxsize=1)
def _exchange() -> _Exchange:
    t = load_triggers()
    raw = t.raw["figures"].get("exchange_rates", {})
    words = sorted(t.currency_words, key=len, reverse=True)
    currency = "|".join(phrase_pattern(w) for w in words)
    per = "|".join(phrase_pattern(p) for p in sorted(raw.get("per", ["per"]), key=len,
                                                     reverse=True))
    # The number's first digit opens the pattern, its lookbehind after it (as in
    # context.NUMBER_START): a match opens where a number does, and is tried only there
    # (Context.number_finditer).
    pattern = re.compile(rf"(?P<num>\d(?<![\w.,$]\d)(?:\d{{0,2}}(?:,\d{{3}})+(?:\.\d+)?|"
                         rf"\d*(?:\.\d+)?))\s+(?:{per})\s+"
                         rf"(?P<cur>{currency})(?![\w])", re.IGNORECASE)
    first = re.compile(rf"\bthe\s+(?P<cur>{currency})(?![\w])", re.IGNORECASE)
    return _Exchange(pattern, first, t.currency_words)


def local_dollar_of(ctx: Context, local_dollars: dict[str, str]) -> str | None:
    """The currency of a bare "$" in this article when it is not the US dollar."""
    if not local_dollars or _US_DOLLAR_MARK.search(ctx.text) is None:
        return None
    counts = Counter(a.name for a in ctx.actors if a.name in local_dollars)
    if not counts or counts.most_common(1)[0][1] < _LOCAL_MENTIONS:
        return None  # a state named in passing does not make the article its press
    return local_dollars[counts.most_common(1)[0][0]]


def apply_frames(ctx: Context, found: list[FigureMention], bare: list[re.Match[str]],
                 rules: FrameRules) -> list[FigureMention]:
    """``found`` with the figures the frames complete; a frame's figure replaces any found
    figure it overlaps ("11 buy rare earths" counts manufacturers, not rare earths)."""
    extra: list[FigureMention] = []
    extra += _partitions(ctx, found, bare, rules)
    extra += _elliptic(ctx, found, bare, rules)
    extra += _levels(ctx, found, bare)
    extra += _exchange_rates(ctx, found)
    extra += _tallies(ctx, found, bare, rules)
    extra += word_shares(ctx, token_stream(ctx.text).distinct)
    extra += parts_of_wholes(ctx, rules.counted_noun)
    extra += parts_before_wholes(ctx, bare, rules.number, rules.counted_noun)
    extra += _glossed_counts(ctx, bare, rules)
    extra += _labelled_counts(ctx, bare, rules)
    extra += subject_counts(ctx, bare, rules.number, rules.counted_noun)
    extra += counts_by_verb(ctx, bare, rules.number)
    extra += fold_ratios(ctx)
    extra += table_prices(ctx.text, bare)
    if not extra:
        return found
    taken = [(f.span.begin, f.span.end) for f in extra]
    kept = [f for f in found
            if not any(b < f.span.end and f.span.begin < e for b, e in taken)]
    seen: set[tuple[int, int]] = set()
    for figure in extra:
        key = (figure.span.begin, figure.span.end)
        if key not in seen:
            seen.add(key)
            kept.append(figure)
    return sorted(kept, key=lambda f: (f.span.begin, f.span.end))


def _same_sentence_before(ctx: Context, begin: int, found: list[FigureMention]
                          ) -> list[FigureMention]:
    sentence = ctx.sentence_of(begin)
    if sentence is None:
        return []
    return [f for f in found if sentence.begin <= f.span.begin and f.span.end <= begin]


def _bare_value(m: re.Match[str], rules: FrameRules) -> Decimal | None:
    token = m.group("anum")
    if token is None or m.group("ascale"):
        return None
    if token.isdigit() and len(token) == 4 and YEAR.fullmatch(token):
        return None  # a year
    return rules.number(token)


def _partitions(ctx: Context, found: list[FigureMention], bare: list[re.Match[str]],
                rules: FrameRules) -> list[FigureMention]:
    totals: list[FigureMention] = []
    for figure in found:
        if figure.value is not None and figure.value_max is None \
                and rules.is_counted(figure.unit) \
                and _PARTITIVE_BEFORE.search(ctx.text, max(0, figure.span.begin - 12),
                                             figure.span.begin):
            totals.append(figure)
    for m in bare:
        # "Of the 14 export licence applications": "the" made it a reference; the parts
        # after it decide.
        value = _bare_value(m, rules)
        if value is None or not m.group("anum")[0].isdigit() \
                or not _PARTITIVE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
            continue
        counted = rules.counted_noun(m.end())
        if counted is not None:
            totals.append(FigureMention(value=value, unit=counted[0],
                                        span=Span.of(ctx.text, m.start("anum"), counted[1]),
                                        about=counted[0]))
    out: list[FigureMention] = []
    for total in totals:
        sentence = ctx.sentence_of(total.span.begin)
        if sentence is None or total.value is None:
            continue
        parts = []
        for m in rules.numbers.finditer(ctx.text, total.span.end, sentence.end):
            value = _bare_value(m, rules)
            nxt = _NEXT_WORD.match(ctx.text, m.end())
            if value is None or value >= total.value or nxt is None or m.group("acur") \
                    or m.group("aunit") or m.group("bnum") or rules.plural(nxt.group(1)) \
                    or nxt.group(1) == "of" or _in_date(ctx, m.start("anum")):
                # "11 large firms", "11 percent", "March 3": not a part; "10 of their
                # executives": a part of another whole
                continue
            parts.append(FigureMention(value=value, unit=total.unit,
                                       span=Span.of(ctx.text, m.start("anum"), m.end("anum")),
                                       about=total.about))
        if parts:
            out.append(total)
            out.extend(parts)
    return out


@lru_cache(maxsize=1)
def _tally() -> re.Pattern[str]:
    words = load_triggers().raw["figures"].get("tally_words", [])
    alternatives = phrase_alternation(words)
    return re.compile(rf"\s+(?:{alternatives or '(?!x)x'})(?![\w])", re.IGNORECASE)


def _tallies(ctx: Context, found: list[FigureMention], bare: list[re.Match[str]],
             rules: FrameRules) -> list[FigureMention]:
    out = []
    for m in bare:
        value = _bare_value(m, rules)
        if value is None or m.group("qual") or not _tally().match(ctx.text, m.end("anum")):
            continue
        before = [f for f in _same_sentence_before(ctx, m.start(), found)
                  if f.value is not None and rules.is_counted(f.unit)]
        if not before:
            continue
        out.append(FigureMention(value=value, unit=before[-1].unit,
                                 span=Span.of(ctx.text, m.start("anum"), m.end("anum")),
                                 about=before[-1].about))
    return out


_GLOSS = re.compile(r"[ \t]*(?:—|–|--|-|:|,)[ \t]*(?:that is,?[ \t]+)?the[ \t]+"
                    r"(?:number|count|tally|total)[ \t]+of(?=[ \t])", re.IGNORECASE)
"""A gloss after a bare number saying what it counts: "60 — the number of days"."""
_GLOSSED_NOUN = re.compile(r"[ \t]+([a-z][a-z-]*)(?![\w-])")


_LINE_OPENING = re.compile(rf"(?:^|\n)[ \t]*(?:(?:{BULLET})[ \t]+)?(?:\*\*)?[ \t]*$")
"""From a line's start to a number: only a list bullet and bold marks."""
_LABEL_COLON = re.compile(r"(?:\*\*)?:[ \t]+(?=[^\W\d_])")
"""After a number opening a line: a colon (bold marks first) and a word."""


def _labelled_counts(ctx: Context, bare: list[re.Match[str]], rules: FrameRules
                     ) -> list[FigureMention]:
    """"- 4.2 million: tourists who visited in 2019": a bare number opening a list line and
    glossed after a colon by a plural noun (its modifiers first) counts that noun."""
    out = []
    for m in bare:
        begin = amount_begin(m)
        start = max(0, ctx.text.rfind("\n", 0, begin))
        if not digit_count(m) or not _LINE_OPENING.search(ctx.text, start, begin):
            continue
        colon = _LABEL_COLON.match(ctx.text, m.end())
        counted = rules.counted_noun(colon.end() - 1) if colon is not None else None
        value = rules.number(m.group("anum"))
        if counted is not None and value is not None:
            out.append(count_of(ctx.text, m, value, counted[0]))
    return out


def _glossed_counts(ctx: Context, bare: list[re.Match[str]], rules: FrameRules
                    ) -> list[FigureMention]:
    """"Number of the week: 60 — the number of days of domestic demand the stockpile
    covers": a bare number glossed by "the number of" and a plural noun counts that noun."""
    out = []
    for m in bare:
        value = _bare_value(m, rules)
        gloss = _GLOSS.match(ctx.text, m.end("anum")) if value is not None else None
        noun = _GLOSSED_NOUN.match(ctx.text, gloss.end()) if gloss is not None else None
        if gloss is None or noun is None or value is None or not rules.plural(noun.group(1)):
            continue
        # the graph's name for the noun ("firms": companies), or the noun itself ("days")
        counted = rules.counted_noun(gloss.end()) or (noun.group(1), noun.end())
        begin = amount_begin(m)
        qualifier = m.group("qual").lower() if m.group("qual") else None
        out.append(FigureMention(value=value, unit=counted[0],
                                 span=Span.of(ctx.text, begin, m.end("anum")),
                                 qualifier=qualifier, about=counted[0]))
    return out


def _in_date(ctx: Context, offset: int) -> bool:
    return any(d.span.begin <= offset < d.span.end
               for d in ctx.dates_in(max(0, offset - _DATE_REACH), offset + _DATE_REACH))


def _elliptic(ctx: Context, found: list[FigureMention], bare: list[re.Match[str]],
              rules: FrameRules) -> list[FigureMention]:
    out = []
    for m in bare:
        qualifier = (m.group("qual") or "").lower()
        if qualifier not in rules.elliptic:
            continue
        value = _bare_value(m, rules)
        before = [f for f in _same_sentence_before(ctx, m.start(), found)
                  if f.value is not None and not rules.is_counted(f.unit)]
        if value is None or not before:
            continue
        out.append(FigureMention(value=value, unit=before[-1].unit,
                                 span=Span.of(ctx.text, m.start(), m.end("anum")),
                                 qualifier=qualifier, about=before[-1].about))
    return out


def _levels(ctx: Context, found: list[FigureMention], bare: list[re.Match[str]]
            ) -> list[FigureMention]:
    units = set(load_triggers().raw["figures"].get("levels", {}).get("units", []))
    out = []
    for m in bare:
        token = m.group("anum")
        if m.group("qual") or not token[0].isdigit() or YEAR.fullmatch(token) \
                or not _LEVEL_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start()):
            continue
        before = [f for f in _same_sentence_before(ctx, m.start(), found) if f.unit in units]
        if not before:
            continue
        out.append(FigureMention(value=canonical(Decimal(token.replace(",", ""))),
                                 unit=before[-1].unit,
                                 span=Span.of(ctx.text, m.start("anum"), m.end("anum")),
                                 about=before[-1].about))
    return out


def _exchange_rates(ctx: Context, found: list[FigureMention]) -> list[FigureMention]:
    table = _exchange()
    out = []
    for m in ctx.number_finditer(table.pattern):  # it opens on a number
        sentence = ctx.sentence_of(m.start())
        if sentence is None:
            continue
        firsts = list(table.first.finditer(ctx.text, sentence.begin, m.start()))
        if not firsts:
            continue
        first = table.currencies[" ".join(firsts[-1].group("cur").lower().split())]
        second = table.currencies[" ".join(m.group("cur").lower().split())]
        if first == second:
            continue
        out.append(FigureMention(value=canonical(Decimal(m.group("num").replace(",", ""))),
                                 unit=f"{first} per {second}",
                                 span=Span.of(ctx.text, m.start(), m.end()),
                                 about=f"{first} per {second}"))
    return out


def prepare() -> None:
    """Build the frame patterns now.

    Cached once per process; see :func:`kg.extract.prepare`.
    """
    for build in (_exchange, _tally):
        build()
