"""Targets a measure's own words leave implied: those of the measures its sentence lists
with it by the same side, and, for a response, the other state the text was just telling
of; and the side a case whose issuer was borrowed is brought by.

See :mod:`kg.extract.measures` (Target) for the rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import MeasureType
from ..context import Context
from ..triggers import load_triggers, words_regex
from .candidate import COREFERENCE_REACH, Candidate
from .targets import AIMED_TYPES

__all__ = ["answers_last_party", "cases_of_the_aggrieved", "is_case", "share_sentence_targets"]

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


def cases_of_the_aggrieved(ctx: Context, candidates: list[Candidate]) -> None:
    """"China put countervailing duties on Australian wine. ... A WTO complaint is under
    discussion": a case (``[measures.targets]`` ``responding``) whose issuer was borrowed
    from a side that no measure before it aims at, while that side's own last measure aims
    at a state, is no case of that side's, which does not sue over its own act: it is
    brought by the state that measure is aimed at, and aims at the measure's issuer.  A
    side some measure aims at may sue ("China banned dual-use exports to Japan. ... When
    Japan restricted chemicals bound for Korea, ... A WTO case may be worth filing": Japan
    may), and so may a side that brought a case before (``Seoul filed a WTO complaint ...
    the WTO case``).  Cases and protests are answers, never the measure answered."""
    for index, c in enumerate(candidates):
        if not c.borrowed or c.issuer is None or not is_case(c):
            continue
        side = _side(ctx, c.issuer)
        if side is None:
            continue
        earlier = candidates[max(0, index - COREFERENCE_REACH):index]
        if any(is_case(o) and not o.borrowed and o.issuer is not None and
               _side(ctx, o.issuer) == side for o in earlier):
            continue
        # (issuer's side, target's state) of the measures before it that aim at a state
        aims = [(_side(ctx, o.issuer), state) for o in earlier
                if o.issuer is not None and o.target is not None and
                o.type is not MeasureType.PROTEST and not is_case(o) and
                (state := ctx.state_of(o.target)) is not None]
        if not aims or any(state == side for _, state in aims):
            continue
        by, aggrieved = aims[-1]
        if by == side:
            c.issuer, c.target = aggrieved, side


def _side(ctx: Context, name: str) -> str | None:
    """The state ``name`` stands for, else the body it belongs to at the top."""
    return ctx.state_of(name) or ctx.root(name)


def is_case(c: Candidate) -> bool:
    """Whether ``c`` is a case brought against another side's measure (a WTO complaint):
    an "other" measure naming ``[measures.targets]`` ``responding`` words."""
    return c.type is MeasureType.OTHER and _responding().search(c.extent.text) is not None


@lru_cache(maxsize=1)
def _responding() -> re.Pattern[str]:
    """Words that make an "other" measure a case (``[measures.targets]`` ``responding``)."""
    return words_regex(load_triggers().raw["measures"]["targets"]["responding"])
