"""Dates shared by measures coordinated in one clause: "On 2 December, when BIS added 140
entities to the Entity List and put new controls on memory chips" (both that day), "Beijing
halted imports of seafood in November and advised its citizens to avoid trips" (the advisory
too).  See :mod:`kg.extract.measures` for the other date rules (:mod:`.timing`)."""

from __future__ import annotations

import re

from ..context import Context
from .candidate import Candidate
from .timing import EPISODE_PAST

_AND_GAP = re.compile(r"\s*,?\s*(?:and|or|as\s+well\s+as)\s+(?:(?!(?:now|later|then|since|"
                      r"recently|again|also|subsequently|afterwards)\b)[\w-]+\s+){0,2}",
                      re.IGNORECASE)
"""Between two coordinated measures: "... and put new", with no time word."""


def share_coordinated_dates(ctx: Context, candidates: list[Candidate]) -> None:
    """"On 2 December, when BIS added 140 entities to the Entity List and put new controls
    on memory chips": a measure coordinated right after a dated one, with no new subject or
    time word between, shares its date (the date the first took stood before both)."""
    for previous, c in zip(candidates, candidates[1:], strict=False):
        if c.date is not None or previous.date is None or previous.sentence != c.sentence or \
                previous.extent.end > c.extent.begin or previous.entry is not c.entry:
            continue
        if _AND_GAP.fullmatch(ctx.text, previous.extent.end, c.extent.begin) and \
                not ctx.actors_in(previous.extent.end, c.extent.begin):
            c.date = previous.date
        elif _verb_conjunct(ctx, previous, c):
            c.date = previous.date


_CONJUNCT_BEFORE = re.compile(r"(?:,\s*)?\band\s+$")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:but|while|whereas|although|yet)\b|\s[—–]\s")
_CONJUNCT_REACH = 160
"""Characters the words between two coordinated verbs of one subject may run."""


def _verb_conjunct(ctx: Context, previous: Candidate, c: Candidate) -> bool:
    """"Beijing halted imports of seafood in November and advised its citizens to avoid
    trips", "the ministry on January 2 put 28 firms on its export control list, barring
    them from dual-use items, and added 10 others to its unreliable entity list": a
    measure told by a past verb right after "and", with no subject of its own, goes on
    with the same issuer's clause and shares its date (the objects between may name
    other actors), when it is another kind of act."""
    text = ctx.text
    if previous.issuer is None or previous.issuer != c.issuer or previous.type is c.type or \
            c.extent.begin - previous.extent.end > _CONJUNCT_REACH:
        # (two acts of one type and issuer sharing a date would be taken for one measure)
        return False
    return _CONJUNCT_BEFORE.search(text, previous.extent.end, c.extent.begin) is not None \
        and EPISODE_PAST.match(text, c.extent.begin) is not None \
        and _CLAUSE_BREAK.search(text, previous.extent.end, c.extent.begin) is None
