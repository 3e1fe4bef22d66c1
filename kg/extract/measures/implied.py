"""Targets a measure's own words leave implied: those of the measures its sentence lists
with it by the same side, and, for a response, the other state the text was just telling
of.

See :mod:`kg.extract.measures` (Target) for the rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import MeasureType
from ..context import Context
from ..triggers import load_triggers, words_regex
from .candidate import Candidate
from .targets import AIMED_TYPES

__all__ = ["answers_last_party", "share_sentence_targets"]

_LOOKBACK = 300
"""Characters before a response's sentence searched for the party it answers, when its
paragraph is shorter (a timeline's one-line entries)."""


def share_sentence_targets(ctx: Context, candidates: list[Candidate]) -> None:
    """"It told its citizens to steer clear of Japan, it halted seafood imports on Nov. 19":
    a measure that always aims at another state (an advisory, an import ban, a protest) and
    names none takes the target of the measures its sentence tells the same side took, when
    they all have one.  A control or a ban on exports may aim at no one, so it does not."""
    for c in candidates:
        if c.target is not None or c.untargeted or c.issuer is None or c.type not in AIMED_TYPES:
            continue
        root = ctx.root(c.issuer)
        targets = {o.target for o in candidates if o is not c and o.sentence == c.sentence
                   and o.target is not None and o.issuer is not None
                   and ctx.root(o.issuer) == root}
        if len(targets) == 1:
            c.target = targets.pop()


def answers_last_party(ctx: Context, candidates: list[Candidate]) -> None:
    """"Nov. 8 - Xue Jian, China's consul general in Osaka, posts ... Tokyo lodges a
    protest", "Lithuania let Taiwan open an office ... Beijing downgraded diplomatic ties":
    a protest, or an "other" measure that answers (a WTO case, a downgrade of ties, a
    recalled envoy, retaliation), still without a target (it names none and, for a protest
    or a WTO case, answers no measure of the article) answers a state other than its
    issuer's: the last its sentence names before it, else the first after it, else the last
    named in its paragraph or the few sentences before."""
    for c in candidates:
        if c.target is not None or c.issuer is None or not (
                c.type is MeasureType.PROTEST or (
                    c.type is MeasureType.OTHER and _answering().search(c.extent.text))):
            continue
        own = ctx.state_of(c.issuer) or ctx.root(c.issuer)
        paragraph = ctx.paragraph_of(c.head.begin)
        begin = max(0, c.sentence.begin - _LOOKBACK)
        if paragraph is not None:
            begin = min(begin, paragraph.begin)
        # its own sentence first (the last before it, else the first after it: "responded
        # by recalling its ambassador and demanding that Lithuania recall its own"), then
        # the sentences before, the nearest first
        for mention in (*reversed(ctx.actors_in(c.sentence.begin, c.head.begin)),
                        *ctx.actors_in(c.head.end, c.sentence.end),
                        *reversed(ctx.actors_in(begin, c.sentence.begin))):
            state = ctx.state_of(mention.name)
            if state is not None and state != own and \
                    ctx.root(mention.name) != ctx.root(c.issuer):
                c.target = state
                break


@lru_cache(maxsize=1)
def _answering() -> re.Pattern[str]:
    """Words that make an "other" measure a response (``[measures.targets]`` ``responding``
    and ``diplomatic_responses``)."""
    raw = load_triggers().raw["measures"]["targets"]
    return words_regex([*raw["responding"], *raw["diplomatic_responses"]])
