"""Measures taken on the day of another: "On the same day as the controls, Beijing added
... to its list", "At the same time MOFCOM lifted ...".

The date table resolves "the same day" to the last day named before it, often the
article's own; the measure meant is the one told before (the one "as the <noun>" names, else
the nearest dated one), and its day is the new measure's.  Phrases are ``[measures.timing]
same_day`` of ``kg/data/triggers.toml``.

A phrase after the head may name the other act itself ("protested the same day the ban was
announced", "on the day of the ban", "within hours of the announcement"): the measure takes
the day of the dated measure whose words hold that act's noun (``anchored_day``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..context import Context
from ..triggers import load_triggers, phrase_alternation
from .candidate import Candidate, same_sentence

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


_DETERMINERS = r"(?:the|its|their|this|that|these|those)"
"""The words that open an act's noun phrase ("the ban", "its controls")."""
_DETERMINER = re.compile(_DETERMINERS + r"\s+", re.IGNORECASE)
_NOUN_STOP = re.compile(r"(?:was|were|is|are|had|has|have|took|came|went|got|and|but|or|by|"
                        r"in|on|at|from|to|for|with|that|which)$", re.IGNORECASE)
_WORD = re.compile(r"[\w-]+")
_NOUN_REACH = 3
"""Words of an act's noun phrase after its determiner ("the dual-use export ban")."""


@lru_cache(maxsize=1)
def _anchored() -> tuple[re.Pattern[str], frozenset[str]]:
    """An ``anchored_day`` phrase followed by the act it names ("the same day the", "on the
    day of the", "within hours of the", "on the day it"), and the generic nouns."""
    raw = load_triggers().raw["measures"]["timing"]
    pattern = re.compile(r"(?<![\w-])(?:" + phrase_alternation(raw["anchored_day"]) +
                         r")\s+(?:(?:that|when)\s+)?(?:of\s+)?(?=(?P<pron>it|they)(?![\w-])|"
                         rf"{_DETERMINERS}\s)", re.IGNORECASE)
    return pattern, frozenset(w.lower() for w in raw["anchored_day_generic"])


def _act_noun(text: str, begin: int, end: int) -> str | None:
    """The head noun of the noun phrase a determiner opens at ``begin`` ("the dual-use ban
    was announced" -> "ban"), looked for before ``end``."""
    det = _DETERMINER.match(text, begin, end)
    if det is None:
        return None
    noun = None
    last = det.end()
    for i, w in enumerate(_WORD.finditer(text, det.end(), end)):
        if i >= _NOUN_REACH or _NOUN_STOP.fullmatch(w.group()) or text[last:w.start()].strip():
            break  # a verb, a preposition or a comma ends the noun phrase
        noun, last = w.group().lower(), w.end()
    return noun


def anchored_day_dates(ctx: Context, candidates: list[Candidate]) -> None:
    """A measure whose clause goes on, after its head, to tie it to the day of another act
    ("protested to the embassy the same day the ban was announced", "on the day of the
    ban", "within hours of the announcement") takes that act's day: the dated measure whose
    words hold the phrase's noun (for a generic noun or a pronoun, the noun of the measure's
    own object, "protested the ban on the day it was announced"), told before it, else
    after; for a generic act with no such noun, the nearest measure of another type told
    before.  A day of its own between head and phrase keeps the measure's."""
    pattern, generic = _anchored()
    text = ctx.text
    for c in candidates:
        m = pattern.search(text, c.head.end, c.sentence.end)
        if m is None or _CLAUSE_END.search(text, c.head.end, m.start()):
            continue
        if any(o is not c and c.head.end <= o.head.begin < m.start() for o in candidates):
            continue  # another measure between: the phrase is that one's
        if any(c.head.end <= d.span.begin and d.span.end <= m.start()
               for d in ctx.dates_in(c.head.end, m.start())):
            continue  # "lodged a protest on Jan. 7, within hours of ...": its own day
        noun = None if m.group("pron") else _act_noun(text, m.end(), c.sentence.end)
        if noun is None or noun in generic:
            # "protested the ban on the day it was announced": the object's noun
            # (its direct object only: "lodged a protest with the ambassador within hours
            # of the announcement" names no act in "the ambassador")
            gap = text[c.head.end:m.start()]
            start = c.head.end + len(gap) - len(gap.lstrip())
            own = _act_noun(text, start, m.start())
            noun = own if own is not None and own not in generic else None
        dated = [o for o in candidates if o is not c and o.type is not c.type and
                 o.date is not None and o.date.day is not None]
        named = dated
        if noun is not None:
            stem = re.compile(r"(?<![\w-])" + re.escape(noun[:-1] if noun.endswith("s")
                                                      else noun), re.IGNORECASE)
            named = [o for o in dated if stem.search(text, o.extent.begin, o.extent.end)]
        before = [o for o in named if o.head.begin < c.head.begin]
        after = [o for o in named if o.head.begin > c.head.begin]
        if not named:
            # no dated mention uses the noun ("the ban" told as "exports ... are prohibited"):
            # the act the measure answers is the nearest one told before it
            before = [o for o in dated if o.head.begin < c.head.begin]
        chosen = before[-1] if before else after[0] if after and noun is not None else None
        if chosen is None:
            continue
        for o in same_sentence(candidates, c):
            if o is not c and o.type is c.type and o.date == c.date:
                # "**Protests:** X protested ... the same day the ban was announced": the
                # label is the act its sentence tells, dated alike by the same words
                o.date = chosen.date
        c.date = chosen.date
