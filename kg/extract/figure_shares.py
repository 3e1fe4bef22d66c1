"""Proportions and counts that need more than a number and its unit (round 4).

Frames over the text and the unit-less numbers of :mod:`kg.extract.figures`:

* *Fractions in words*: "more than a fifth of Japan's seafood exports" (20 percent),
  "two-thirds of" (66.7): a proportion in percent when "of" follows
  (``[figures.fractions]``; "a quarter of a century" is a stretch of time), or after a
  qualifier at a clause's end ("put the share closer to a third.").
* *Shares with "of"*: "about 7 of 10 of the imports" is 70 percent, when "of" follows the
  10, 100 or 1,000, or a clause's end after a qualified share ("about 7 of 10."); "one of
  10 members" counts members.
* *Parts of a whole*: "37 of Japan's 47 prefectures": the part counts the whole's noun
  (the whole, after its possessive, is given, not claimed).
* *Multiples in words*: "prices rose roughly tenfold", "a threefold increase": a ratio,
  after a change verb or before a change noun.
* *Counts by a verb*: "Chinese visitors, who numbered almost 7.5 million": a number after
  a verb of counting (``[figures].count_verbs``) counts the plural noun before the verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..model import FigureMention, Span
from .anchored import first_words, word_finditer
from .context import Context
from .figure_about import CHANGE_VERBS, about_of, subject_before
from .figure_numbers import YEAR, amount_begin, number_words_alternation
from .gazetteer import token_stream
from .triggers import HYPHENS, load_triggers, phrase_alternation, phrase_pattern


@dataclass(frozen=True)
class _Patterns:
    fraction: re.Pattern[str]
    """A fraction in words and what follows it; the qualifier is looked up before it."""
    fraction_values: dict[str, Decimal]
    fraction_keys: frozenset[str]
    qualifier_before: re.Pattern[str]
    share_of: re.Pattern[str]
    """" of 10" after a share's first number ("7 of 10 of the imports")."""
    number_before: re.Pattern[str]
    part_of: re.Pattern[str]
    count_verb: re.Pattern[str] | None
    fraction_first: frozenset[str] | None = None
    """The words a fraction can open with (:func:`~kg.extract.anchored.first_words`)."""


_AFTER_CHANGE = ("in|on|from|to|since|after|before|over|during|between|compared|versus|"
                 "against|while|as|when|within|for|year-on-year|last|this")
"""Words that may follow a change by a fraction ("fell by about a fifth in December")."""


def _words(entry: str) -> str:
    """A phrase whose words may be joined by spaces or hyphens ("two-thirds")."""
    return rf"[{HYPHENS}\s]+".join(re.escape(w) for w in entry.split())


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    t = load_triggers()
    raw = t.raw["figures"]
    table = raw.get("fractions", {})
    values = {" ".join(k.lower().split()): Decimal(str(v))
              for k, v in {**table.get("article", {}), **table.get("bare", {})}.items()}
    qualifiers = phrase_alternation(raw["qualifiers"])
    article = "|".join(_words(k) for k in sorted(table.get("article", {}), key=len,
                                                  reverse=True)) or "(?!x)x"
    bare = "|".join(_words(k) for k in sorted(table.get("bare", {}), key=len,
                                               reverse=True)) or "(?!x)x"
    not_before = "|".join(phrase_pattern(w) for w in table.get("not_before", [])) or "(?!x)x"
    # The article or number word first: "re" skips to its letters instead of trying the
    # qualifiers at every position of the text.
    fraction = re.compile(
        rf"\b(?P<frac>(?:[Aa]n?\s+|[Oo]ne[{HYPHENS}\s]+)(?P<single>{article})|(?P<plural>{bare}))"
        rf"(?:(?P<of>\s+of\s+)(?!(?:{not_before})\b)|(?=\s*[.;,)])"
        rf"|(?P<after>(?=\s+(?:{_AFTER_CHANGE})\b)))", re.IGNORECASE)
    qualifier_before = re.compile(rf"(?<![\w])(?P<qual>{qualifiers})\s+$", re.IGNORECASE)
    words = number_words_alternation(t)
    share_of = re.compile(r" of (?P<den>10|100|1,?000|ten)(?:(?P<of>(?=\s+of\b))|(?=\s*[,.;:)]))",
                          re.IGNORECASE)
    number_before = re.compile(
        rf"(?<![\w.,$-])(?:(?P<qual>{qualifiers})\s+)?(?P<num>\d+(?:\.\d+)?|{words})$",
        re.IGNORECASE)
    part_of = re.compile(
        r"(?P<num>\d(?<![\w.,$-]\d)(?:\d{0,2}(?:,\d{3})+|\d*))\s+of\s+"
        r"(?:the\s+|its\s+|their\s+|[A-Z][\w.’'-]*(?:'s|’s)\s+)"
        r"(?P<total>\d{1,3}(?:,\d{3})*|\d+)(?=\s)")
    verbs = raw.get("count_verbs", [])
    count_verb = re.compile(
        r"(?P<noun>[a-z][a-z-]*s)\s*,?\s+(?:(?:who|which|that)\s+)?(?:"
        + "|".join(phrase_pattern(v) for v in verbs) + r")\s+$") if verbs else None
    keys = frozenset(k.split()[-1] for k in values)  # "third", "thirds": rarer than "two"
    first = first_words([f"{det} {k}" for det in ("a", "an", "one")
                         for k in table.get("article", {})] + list(table.get("bare", {})))
    return _Patterns(fraction, values, keys, qualifier_before, share_of, number_before,
                     part_of, count_verb, first)


_BY_BEFORE = re.compile(r"(?<![\w])by\s+$", re.IGNORECASE)
""""fell by about a fifth", "cut by half": a change by a proportion."""
_QUALIFIER_REACH = 40
"""Characters before a number or fraction searched for its qualifier ("closer to")."""


def word_shares(ctx: Context, words: Set[str]) -> list[FigureMention]:
    """Fractions in words and shares written with "of" (see module doc)."""
    p = _patterns()
    text = ctx.text
    out: list[FigureMention] = []
    if not p.fraction_keys.isdisjoint(words):
        for m in word_finditer(p.fraction, token_stream(text), p.fraction_first):
            key = " ".join(re.split(rf"[{HYPHENS}\s]+",
                                    (m.group("single") or m.group("plural")).lower()))
            value = p.fraction_values.get(key)
            qual = p.qualifier_before.search(text, max(0, m.start() - _QUALIFIER_REACH),
                                             m.start())
            begin = qual.start() if qual is not None else m.start()
            by = _BY_BEFORE.search(text, max(0, begin - 4), begin)
            if value is None or not m.group("of") and qual is None and by is None \
                    or m.group("after") and by is None:
                continue  # "came a third.": a place; "closer to a third.": a share
            if key == "half" and qual is None and by is None:
                continue  # "the second half of 2025": a period; "about half of": a share
            span = Span.of(text, begin, m.end("frac"))
            out.append(FigureMention(value=value, unit="percent", span=span,
                                     qualifier=_qualifier(qual),
                                     about=about_of(ctx, span, "percent")))
    if "of" in words:
        numbers = load_triggers().number_words
        for m in p.share_of.finditer(text):
            first = p.number_before.search(text, max(0, m.start() - _QUALIFIER_REACH),
                                           m.start())
            if first is None or m.group("of") is None and not first.group("qual"):
                continue  # "he was one of 100.": a count; "about 7 of 10.": a share
            num, den = first.group("num").lower(), m.group("den").lower().replace(",", "")
            value = Decimal(num) if num[0].isdigit() else numbers.get(num)
            total = Decimal(10) if den == "ten" else Decimal(den)
            if value is None or not 0 < value <= total:
                continue
            span = Span.of(text, first.start(), m.end("den"))
            out.append(FigureMention(value=_whole(value * 100 / total), unit="percent",
                                     span=span, qualifier=_qualifier(first),
                                     about=about_of(ctx, span, "percent")))
    return out


def parts_of_wholes(ctx: Context, counted_noun: Callable[[int], tuple[str, int] | None]
                    ) -> list[FigureMention]:
    """"37 of Japan's 47 prefectures": the part, counting the whole's noun."""
    out: list[FigureMention] = []
    for m in ctx.number_finditer(_patterns().part_of):  # it opens on a number
        part = Decimal(m.group("num").replace(",", ""))
        total = Decimal(m.group("total").replace(",", ""))
        counted = counted_noun(m.end("total"))
        if counted is None or not 0 < part < total or YEAR.fullmatch(m.group("total")):
            continue  # "Section 2 of the 2019 curbs": a year, not a whole
        unit, end = counted
        span = Span.of(ctx.text, m.start(), end)
        out.append(FigureMention(value=part, unit=unit, span=span, about=unit))
    return out


_PART_BEFORE_WHOLE = re.compile(
    r"\s+of\s+(?:the|its|their|these|those|[A-Z][\w.’'-]*(?:'s|’s))"
    r"(?:\s+(?P<qual>about|around|roughly|some|nearly|almost|approximately|more than|over))?"
    r"(?:\s+(?P<total>\d{1,3}(?:,\d{3})+|\d+))?(?=\s)")
"""The rest of "about 40 of the roughly 300 firms", "about 30 of its member firms" after
the part's number: the whole it is a part of, perhaps with its own (qualified) number."""
_DENOMINATOR_BEFORE = re.compile(r"\b(?:in|of|out\s+of)\s+$", re.IGNORECASE)
"""Words before a share's second number ("7 in 10", "8 of 10"): no part of its own."""


def parts_before_wholes(ctx: Context, bare: list[re.Match[str]],
                        number: Callable[[str | None], Decimal | None],
                        counted_noun: Callable[[int], tuple[str, int] | None]
                        ) -> list[FigureMention]:
    """"about 40 of the roughly 300 firms surveyed", "about 30 of its member firms": a
    number without a noun, before "of" and a whole, counts the whole's noun.  A number
    word needs a qualifier ("two of the Japanese firms I speak to" picks examples, it
    counts nothing); "37 of Japan's 47 prefectures" is :func:`parts_of_wholes`'."""
    out: list[FigureMention] = []
    pattern = _patterns().part_of
    for m in bare:
        token = m.group("anum")
        if m.group("ascale") or (not token[0].isdigit() and not m.group("qual")) \
                or YEAR.fullmatch(token) or pattern.match(ctx.text, m.start("anum")) \
                or _DENOMINATOR_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()):
            continue  # "7 in 10 of its magnets": the 10 is a share's denominator
        whole = _PART_BEFORE_WHOLE.match(ctx.text, m.end("anum"))
        value = number(token)
        if whole is None or value is None or value <= 0:
            continue
        counted = counted_noun(whole.end())
        total = whole.group("total")
        if counted is None or total is not None and (
                YEAR.fullmatch(total) or value >= Decimal(total.replace(",", ""))):
            continue
        begin = amount_begin(m)
        span = Span.of(ctx.text, begin, m.end("anum"))
        qualifier = " ".join(m.group("qual").lower().split()) if m.group("qual") else None
        out.append(FigureMention(value=value, unit=counted[0], span=span,
                                 qualifier=qualifier, about=counted[0]))
    return out


_FOLD = re.compile(r"fold\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _fold_number() -> re.Pattern[str]:
    """The number word glued before "fold" ("ten" of "tenfold"), matched at its end."""
    numbers = load_triggers().number_words
    words = "|".join(sorted((w for w, v in numbers.items() if v >= 2), key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?P<num>{words})[{HYPHENS}]?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _fold_noun() -> re.Pattern[str]:
    """A change noun after a multiple in words (``[figures].fold_nouns``: "a threefold
    increase")."""
    nouns = phrase_alternation(load_triggers().raw["figures"]["fold_nouns"])
    return re.compile(rf"\s+(?:{nouns})\b", re.IGNORECASE)


def fold_ratios(ctx: Context) -> list[FigureMention]:
    """"prices rose roughly tenfold", "a threefold increase": a multiple in words, as a
    ratio, when a change verb comes before it (past a qualifier) or a change noun after it
    ("a twofold aim" multiplies nothing)."""
    text = ctx.text
    if "fold" not in text and "FOLD" not in text and "Fold" not in text:
        return []
    p = _patterns()
    numbers = load_triggers().number_words
    out: list[FigureMention] = []
    for fold in _FOLD.finditer(text):
        # the number word glued before "fold" (a search from "fold" backwards, not an
        # alternation of number words tried at every word of the text)
        m = _fold_number().search(text, max(0, fold.start() - 10), fold.start())
        if m is None:
            continue
        qual = p.qualifier_before.search(text, max(0, m.start() - _QUALIFIER_REACH), m.start())
        begin = qual.start() if qual is not None else m.start()
        if not CHANGE_VERBS.search(text, max(0, begin - 30), begin) \
                and not _fold_noun().match(text, fold.end()):
            continue
        value = numbers.get(m.group("num").lower())
        if value is None:
            continue
        span = Span.of(text, begin, fold.end())
        out.append(FigureMention(value=value, unit="ratio", span=span,
                                 qualifier=_qualifier(qual),
                                 about=subject_before(ctx, begin)))
    return out


def counts_by_verb(ctx: Context, bare: list[re.Match[str]],
                   number: Callable[[str | None], Decimal | None]) -> list[FigureMention]:
    """"Chinese visitors, who numbered almost 7.5 million": the noun before the verb."""
    pattern = _patterns().count_verb
    if pattern is None:
        return []
    scales = load_triggers().scales
    out: list[FigureMention] = []
    for m in bare:
        before = pattern.search(ctx.text, max(0, m.start() - 60), m.start())
        value = number(m.group("anum"))
        if before is None or value is None:
            continue
        scale = scales.get((m.group("ascale") or "").lower(), Decimal(1))
        begin = amount_begin(m)
        end = max(m.end("anum"), m.end("ascale") if m.group("ascale") else 0)
        span = Span.of(ctx.text, begin, end)
        qualifier = m.group("qual").lower() if m.group("qual") else None
        noun = before.group("noun")
        out.append(FigureMention(value=_whole(value * scale), unit=noun, span=span,
                                 qualifier=qualifier, about=noun))
    return out


def _qualifier(m: re.Match[str] | None) -> str | None:
    if m is None or not m.group("qual"):
        return None
    return " ".join(m.group("qual").lower().split())


def _whole(value: Decimal) -> Decimal:
    """``value`` without trailing zeros, rounded to one decimal ("33.3", "70")."""
    rounded = value.quantize(Decimal("0.1"))
    return rounded.to_integral_value() if rounded == rounded.to_integral_value() \
        else rounded


def prepare() -> None:
    """Build the patterns of shares in words now.

    Cached once per process; see :func:`kg.extract.prepare`.
    """
    _patterns()
