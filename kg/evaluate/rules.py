"""The matching rules of /work/shared/eval/README.md, one small function each.

* Names (actors, materials, sources, speakers, issuers): compared case-insensitively with
  possessives stripped, after folding curly apostrophes and runs of white space
  (:func:`name_key`).  A predicted entity matches a gold entry when its label or one of its
  alternative labels equals the gold canonical name or one of its surface forms.
* Statements: the predicted quote must contain at least half of the gold text's words
  (:func:`quote_covers`).
* Figures: the same value within 0.5 % and a compatible unit (:func:`values_agree`,
  :func:`units_compatible`; unit synonyms in ``kg/data/eval_units.toml``).
* Dates: exact, or agreeing at the gold date's reduced precision (:func:`date_agrees`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# "Japan's" -> "Japan", "ministries'" -> "ministries": a possessive anywhere in a name.
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:'\w+)*")

FIGURE_TOLERANCE = 0.005
"""Relative tolerance for figure values: 0.5 %."""

_UNITS_FILE = Path(__file__).resolve().parent.parent / "data" / "eval_units.toml"


def name_key(text: str) -> str:
    """The form in which two names are compared: lower case, possessives stripped."""
    text = text.translate(_APOSTROPHES).casefold()
    text = _POSSESSIVE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def name_keys(names: Iterable[str | None]) -> frozenset[str]:
    """:func:`name_key` of every non-empty name."""
    return frozenset(k for n in names if n and (k := name_key(n)))


def words(text: str) -> list[str]:
    """The words of a text, lower case, apostrophes folded (``"Japan’s"`` is one word)."""
    return _WORD.findall(text.translate(_APOSTROPHES).casefold())


def quote_coverage(gold_text: str, quote: str) -> float:
    """Share of the gold text's words (counted with repetition) found in the quote."""
    gold_words = words(gold_text)
    if not gold_words:
        return 0.0
    found = set(words(quote))
    return sum(1 for w in gold_words if w in found) / len(gold_words)


def quote_covers(gold_text: str, quote: str) -> bool:
    """True when the quote contains at least half of the gold text's words."""
    return quote_coverage(gold_text, quote) >= 0.5


def date_agrees(gold: str | None, predicted: str | None) -> bool:
    """Whether a predicted ISO date agrees with the gold one.

    A day-precision gold date needs the same day.  A reduced-precision gold date (``2025-11``,
    ``2025``) accepts any prediction inside that month or year, at any precision at least as
    fine.  A null gold date (the text gives none) is matched only by no date: a date the text
    does not give is an invented one.
    """
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    return predicted[: len(gold)] == gold and (len(predicted) == len(gold)
                                                or predicted[len(gold)] == "-")


def values_agree(gold: float, predicted: float) -> bool:
    """The same value within :data:`FIGURE_TOLERANCE` (relative to the gold value)."""
    if gold == 0:
        return predicted == 0
    return abs(predicted - gold) <= FIGURE_TOLERANCE * abs(gold)


@cache
def _unit_synonyms() -> dict[str, str]:
    with _UNITS_FILE.open("rb") as handle:
        table = tomllib.load(handle)["units"]
    return {alias.casefold(): unit for unit, aliases in table.items()
            for alias in [unit, *aliases]}


def unit_key(unit: str) -> str:
    """A unit's canonical name if the synonym table knows it, else its singular noun."""
    text = _SPACES.sub(" ", unit).strip().casefold()
    known = _unit_synonyms().get(text)
    if known is not None:
        return known
    return _singular(text)


def units_compatible(gold: str, predicted: str) -> bool:
    """Same unit after synonyms; for counted nouns, one may qualify the other."""
    g, p = unit_key(gold), unit_key(predicted)
    if g == p:
        return True
    # "dual-use items" counts items: the last word is the noun counted.
    return g.split(" ")[-1] == p.split(" ")[-1] and g not in _unit_synonyms().values()


def _singular(text: str) -> str:
    if text.endswith("ies") and len(text) > 4:
        return text[:-3] + "y"
    if text.endswith("s") and not text.endswith("ss") and len(text) > 3:
        return text[:-1]
    return text
