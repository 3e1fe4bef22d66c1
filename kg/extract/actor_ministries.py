"""Ministries the reference data does not list, named by what they are for.

A capitalised "Ministry" followed by "of" and its remit in capitalised words ("Ministry of
Ecology and Environment", "Ministry of the Interior", "Ministry of Mining and Heavy
Industry") names one ministry.  After a state ("China's Ministry of ...") it is that state's
(:func:`kg.extract.actors._generic_body`); with no state before it, it is still that
ministry, not a reference back to whichever ministry the text named last -- of the state an
"of" after it names, or of none, and the same name again is the body named so before.
"""

from __future__ import annotations

from ..model import ActorType
from .actor_context import ActorContext, Found
from .refdata import GazMatch


def ministry_remit(ctx: ActorContext, end: int) -> tuple[str, int] | None:
    """"of Ecology and Environment" after "Ministry": what the ministry is for and where its
    name ends (capitalised words, "and" between them; not a state's name)."""
    if ctx.key(end) != "of" or ctx.tokens[end - 1].text != "Ministry":
        return None
    i = end + 1
    if ctx.key(i) == "the" and ctx.tok(i + 1) is not None and ctx.tokens[i + 1].is_capitalised:
        i += 1  # "Ministry of the Interior": the article is part of the name
    j = i
    while j < len(ctx.tokens) and j not in ctx.covered and not ctx.tokens[j].newline_before \
            and (ctx.tokens[j].is_word and ctx.tokens[j].is_capitalised
                 or ctx.key(j) in {"and", ","} and j > i and ctx.tok(j + 1) is not None
                 and ctx.tokens[j + 1].is_capitalised):
        j += 1
    while j > i and not ctx.tokens[j - 1].is_word:
        j -= 1
    if j == i:
        return None
    return ctx.surface(end + 1, j), j


def unlisted_ministry(ctx: ActorContext, m: GazMatch, kind_id: str) -> Found | None:
    """"the Ministry of Mining and Heavy Industry" with no state before it: a ministry the
    tables do not list, named by what it is for (and by the state an "of" after it names),
    not a reference back to whichever ministry the text named last; the same name again is
    the body named so before ("China's Ministry of Ecology and Environment")."""
    if not ctx.tokens[m.start].is_capitalised:
        return None
    named = ministry_remit(ctx, m.end)
    if named is None:
        return None
    what, stop = named
    start = m.start
    if ctx.key(start - 2) == "the" and start - 1 not in ctx.covered \
            and start - 1 not in ctx.consumed and ctx.tokens[start - 1].is_word \
            and ctx.tokens[start - 1].is_capitalised:
        start -= 1  # "the Federal Ministry of the Interior": a word of the name before it
    name = ctx.surface(start, m.end) + f" of {what}"
    earlier = next((f for f in reversed(ctx.found) if f.type is ActorType.GOVERNMENT_BODY
                    and (f.name == name or f.name.startswith(f"{name} of "))), None)
    if earlier is not None:
        return Found(earlier.name, earlier.type, start, stop, known=earlier.known,
                     part_of=earlier.part_of, kinds=earlier.kinds, state=earlier.state)
    state = None
    after = ctx.state_after(stop, ("of",))
    if after is not None:
        state, stop = after
        name = f"{name} of {ctx.data.in_phrase(state)}"
    return Found(name, ActorType.GOVERNMENT_BODY, start, stop, known=False, part_of=state,
                 kinds=(kind_id,), state=state)
