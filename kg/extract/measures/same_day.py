"""Measures taken on the day of another: "On the same day as the controls, Beijing added
... to its list", "At the same time MOFCOM lifted ...".

The date table resolves "the same day" to the last day named before it, often the
article's own; the measure meant is the one told before (the one "as the <noun>" names, else
the nearest dated one), and its day is the new measure's.  Phrases are ``[measures.timing]
same_day`` of ``kg/data/triggers.toml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..context import Context
from ..triggers import load_triggers, phrase_alternation
from .candidate import Candidate

_REFERENT = re.compile(r"\s+as\s+(?:the|its|their|those|these)\s+(?:[\w-]+\s+){0,2}?"
                       r"(?P<noun>[\w-]+?)s?\b", re.IGNORECASE)
"""After the phrase: "as the controls", "as the new export rules"."""


_CLAUSE_END = re.compile(r"[;:]|\s[—–]\s")
"""A break between the phrase and a head: the head is another clause's."""


@lru_cache(maxsize=1)
def _same_day() -> re.Pattern[str]:
    """One of the ``same_day`` phrases, as whole words."""
    phrases = load_triggers().raw["measures"]["timing"]["same_day"]
    return re.compile(r"(?<![\w-])(?:" + phrase_alternation(phrases) + r")(?![\w-])",
                      re.IGNORECASE)


def same_day_dates(ctx: Context, candidates: list[Candidate]) -> None:
    """A measure whose sentence says, before its head, that it was taken on the same day (or
    at the same time) as a measure told before takes that measure's day: the one named by
    "as the <noun>" (its head or words holding the noun), else, when it has no date of its
    own (the date table counts a bare "the same day" from the last day told), the nearest
    one before it with a day.  ``candidates`` are in text order; one dated so passes its day on."""
    pattern = _same_day()
    for i, c in enumerate(candidates):
        phrase = None
        for m in pattern.finditer(ctx.text, c.sentence.begin, c.head.begin):
            phrase = m
        # Not in reported words ("at the same time" is most often "also" there, and a day
        # the speaker's), nor across a clause break ("X protested the same day the ban was
        # announced; Y protested ...": the phrase is X's alone).
        if phrase is None or c.statement is not None or \
                _CLAUSE_END.search(ctx.text, phrase.end(), c.head.begin):
            continue
        others = [d for d in ctx.dates_in(c.sentence.begin, c.sentence.end)
                  if d.span.end <= phrase.start() or d.span.begin >= phrase.end()]
        if any(phrase.end() <= d.span.begin < c.head.begin for d in others) or (
                c.date is not None and any(d.date == c.date for d in others)):
            continue  # a day of its own stands between, or its sentence dates it ("since 2006")
        dated = [o for o in candidates[:i] if o.date is not None and o.date.day is not None
                 and o.head.begin < phrase.start()]
        if not dated or any(o.date == c.date for o in dated):
            continue  # none, or its day is already one of theirs (the date table's count)
        referent = _REFERENT.match(ctx.text, phrase.end(), c.head.begin)
        if referent is not None:
            noun = referent.group("noun").lower()
            named = [o for o in dated if noun in ctx.text[o.extent.begin:o.extent.end].lower()]
            # "the same day as the controls" when the controls' own mention has no day: the
            # story's first dated measure
            chosen = named[-1] if named else dated[0]
        elif c.date is None:
            chosen = dated[-1]
        else:
            continue  # "The same day, ..." with a day the date table counted: kept
        c.date = chosen.date
