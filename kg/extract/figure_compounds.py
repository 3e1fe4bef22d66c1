"""Durations written as a compound modifier: "a 60-day suspension", "a nine-day halt".

A number glued by a hyphen to a duration noun (``[figures.durations].units``) before a noun
of a measure, a stoppage or a goal (``[figures.durations].compound_heads``: "suspension",
"halt", "state of emergency", "target") gives that measure's length, a figure the sets list
(five sets require it, the others leave such compounds optional).  Other heads are left
out: "a 61-year-old", "the 10-year bond", "a two-day window", "a five-year agreement" name
a kind of thing, not a stated length; and so is a count of one ("a one-day fall", "the
one-year pause": the golds leave "one year" out, as they do "for one year").
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ..model import FigureMention, Span
from .figure_numbers import number_words_alternation
from .triggers import load_triggers, phrase_alternation


@lru_cache(maxsize=1)
def _compound() -> re.Pattern[str] | None:
    """A number, a hyphen, a duration noun and a head of ``compound_heads``."""
    t = load_triggers()
    raw = t.raw["figures"].get("durations", {})
    heads = phrase_alternation(raw.get("compound_heads", []))
    units = phrase_alternation(k for k in raw.get("units", {}) if " " not in k)
    if not heads or not units:
        return None
    words = number_words_alternation(t)
    return re.compile(rf"(?<![\w.,‑-])(?P<num>\d{{1,4}}|{words})[-‑](?P<unit>{units})"
                      rf"(?![\w‑-])\s+(?:[a-z]+\s+)?(?P<head>{heads})(?![\w‑-])",
                      re.IGNORECASE)


def compound_durations(text: str) -> list[FigureMention]:
    """The lengths ``text`` gives as "N-day" modifiers of a measure ("a 60-day suspension",
    "a three-month disruption"), each spanning the compound ("60-day"), about its head."""
    pattern = _compound()
    if pattern is None:
        return []
    t = load_triggers()
    units = t.raw["figures"]["durations"]["units"]
    out: list[FigureMention] = []
    for m in pattern.finditer(text):
        token = m.group("num").lower()
        value = Decimal(token) if token.isdigit() else t.number_words.get(token)
        if value is None or value <= 1:
            continue  # "a one-day fall": a kind of thing, no length stated
        out.append(FigureMention(value=value, unit=units[m.group("unit").lower()],
                                 span=Span.of(text, m.start(), m.end("unit")),
                                 about=m.group("head").lower()))
    return out
