"""Number formats and readings of figures (round 19), split from :mod:`kg.extract.figures`.

* A text that writes decimal commas ("448,6 million", "1,1 %") and no decimal point before
  one or two digits groups thousands with points: "2.500 jobs" is 2,500 jobs.
* "pounds" without a "£" in a sentence about weight ("a gross vehicle weight rating above
  10,000 pounds") weigh: the unit is ``pounds``, not sterling (``[figures] weight_words``).
* A page's own counts ("12 comments", "5 min read") stand near the start of their line or
  after a separator; inside a sentence ("BIS received 57 comments") they are figures.
* The bare numbers of a table's rows under a caption giving a price unit ("Spot rates (USD
  per 40ft container)") are prices in that unit (:func:`table_prices`).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..model import FigureMention, Span
from .triggers import Triggers, load_triggers

THOUSANDS_POINT = re.compile(r"\d{1,3}(?:\.\d{3})+")
"""A number whose points may group thousands ("2.500"), as texts that write decimal commas
(Spanish, German, French and their machine translations) do."""
_DECIMAL_COMMA_USE = re.compile(r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d,])")


YEAR = re.compile(r"(?:19|20)\d\d")
"""A number that reads as a year ("2016"), unless a scale word follows it ("2,016 million")."""


_GROUP_AFTER_DIGITS = re.compile(r"(?<![\d,.])\d{1,3}[ \u00a0\u202f]$")


def in_space_grouping(text: str, begin: int, token: str) -> bool:
    """Whether the number ``token`` at ``begin`` is the last group of three digits of a
    number grouped with spaces ("200 000 tonnes", "+1 253 555 0147"): a fragment of a
    larger number, no figure of its own."""
    return len(token) == 3 and token.isdigit() \
        and _GROUP_AFTER_DIGITS.search(text, max(0, begin - 5), begin) is not None


def number_words_alternation(t: Triggers) -> str:
    """The number words (``[figures] number_words``) as one alternation, longest first (so
    "sixteen" wins over "six"), as every figure pattern that reads a number in words has it."""
    return "|".join(sorted(t.number_words, key=len, reverse=True))


def amount_begin(m: re.Match[str]) -> int:
    """Where the amount of a figure match begins (past a leading space)."""
    return m.start() + len(m.group()) - len(m.group().lstrip())


def digit_count(m: re.Match[str]) -> bool:
    """Whether a bare number of the figures' pattern (groups ``anum``, ``ascale``) is written
    in digits and is no year."""
    token = m.group("anum")
    return token[0].isdigit() and not (YEAR.fullmatch(token) and not m.group("ascale"))


def count_of(text: str, m: re.Match[str], value: Decimal, noun: str) -> FigureMention:
    """The figure of a bare number ``m`` (its scale word applied) counting ``noun``, its
    span from the number's first character to the match's end."""
    scale = load_triggers().scales.get((m.group("ascale") or "").lower(), Decimal(1))
    return FigureMention(value=canonical(value * scale), unit=noun,
                         span=Span.of(text, amount_begin(m), m.end()),
                         qualifier=m.group("qual").lower() if m.group("qual") else None,
                         about=noun)


def canonical(value: Decimal) -> Decimal:
    """A figure's value as the graph writes it: ``156.40`` -> ``156.4``; ``12`` stays
    ``12`` (no exponent: ``Decimal("1E+3")`` -> ``1000``)."""
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


@lru_cache(maxsize=8)
def writes_decimal_commas(text: str) -> bool:
    """Whether ``text`` writes decimal commas ("448,6 million", "1,1 %") and never a decimal
    point before one or two digits: then a point before three digits groups thousands."""
    return _DECIMAL_COMMA_USE.search(text) is not None \
        and _DECIMAL_POINT_USE.search(text) is None


_DECIMAL_POINT_USE = re.compile(r"(?<![\d.,])\d{1,3}\.\d{1,2}(?![\d.])")
WEIGHT_POUNDS = frozenset({"pound", "pounds"})
_SENTENCE_REACH = 160
"""Characters before a number searched for its sentence's weight words."""


def weighs(text: str, begin: int) -> bool:
    """Whether the sentence before ``begin`` speaks of weight (``[figures] weight_words``:
    "weight", "weighing", "payload"): "pounds" there weigh, they are no sterling."""
    start = max(text.rfind(". ", 0, begin), text.rfind("\n", 0, begin),
                begin - _SENTENCE_REACH) + 1
    weight = _weight_regex(tuple(load_triggers().raw["figures"].get("weight_words", [])))
    # (searched in the slice, as before: a word cut at the window's start still counts)
    return weight is not None and weight.search(text[start:begin]) is not None


@lru_cache(maxsize=4)
def _weight_regex(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for all the weight words, compiled once per word list (the cache's key):
    the text holds one of them as a whole word exactly where this alternation matches."""
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b",
                      re.IGNORECASE)


_FURNITURE_PREFIX_WORDS = 4
"""Words a page's furniture line may hold before its count ("Share | 12 comments")."""


def on_page_furniture(text: str, begin: int) -> bool:
    """Whether the number at ``begin`` stands where a page prints its counts: near the start
    of its line or after a separator ("By Jane Roe · 5 min read", "12 comments"), not inside
    a sentence ("BIS received 57 comments on the notice")."""
    prefix = text[text.rfind("\n", 0, begin) + 1:begin]
    if _SEPARATOR.search(prefix):
        return True
    return len(prefix.split()) <= _FURNITURE_PREFIX_WORDS \
        and not _LOWER_WORD_END.search(prefix)


_SEPARATOR = re.compile(r"[|·•]")
_LOWER_WORD_END = re.compile(r"(?<![A-Za-z])[a-z]{3,}\s+$")
"""A lower-case word of three letters or more ending a line's start (a sentence's word)."""


_CAPTION = re.compile(r"\((?P<cur>[A-Za-z]{3}|[^\s\w()]{1,3}|[A-Z]{1,2}\$)[ \t]+per[ \t]+"
                      r"(?P<noun>[^()\n]{1,30}?)\)[ \t]*$", re.MULTILINE)
"""A table's caption ending in its unit of price ("Spot rates (USD per 40ft container)")."""
_COLUMNS = re.compile(r"\S[ \t]{2,}\S|\t")
"""Cells of a table row: two spaces or more, or a tab, between them."""


def table_prices(text: str, bare: list[re.Match[str]]) -> list[FigureMention]:
    """Prices in a table under a caption that gives their unit ("Spot rates (USD per 40ft
    container)" over rows "Shanghai - Rotterdam   4,406   3,577   +23%"): each bare number
    of a row (no unit of its own) is a price in that unit, about the row's label.  The
    table runs from the caption to the first blank line."""
    symbols = load_triggers().currency_symbols
    out: list[FigureMention] = []
    for caption in _CAPTION.finditer(text):
        code = symbols.get(caption.group("cur"), symbols.get(caption.group("cur").upper()))
        if code is None:
            continue
        unit = f"{code} per {' '.join(caption.group('noun').split())}"
        end = text.find("\n\n", caption.end())
        end = len(text) if end < 0 else end
        for m in bare:
            begin = m.start("anum")
            if not caption.end() < begin < end:
                continue
            row_start = text.rfind("\n", 0, begin) + 1
            row_end = text.find("\n", begin)
            row = text[row_start:row_end if row_end >= 0 else len(text)]
            if not _COLUMNS.search(row):
                continue  # a sentence below the caption, not a row of cells
            label = _COLUMNS.split(row)[0].strip() if row[:1].isalpha() else None
            try:
                value = Decimal(m.group("anum").replace(",", ""))
            except InvalidOperation:
                continue  # a number word ("two"): no cell of a price table
            out.append(FigureMention(value=value, unit=unit,
                                     span=Span.of(text, begin, m.end("anum")), about=label))
    return out
