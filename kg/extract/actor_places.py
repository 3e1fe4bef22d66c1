"""Places in the description of an unnamed source: "a Tokyo trading house", "one
London-based broker", "a motor maker in Nagano".  They say where the person or the employer
is, so they belong to the description (its span), not to who speaks."""

from __future__ import annotations

from .actor_context import ActorContext
from .refdata import NotActor


def place_based(ctx: ActorContext, j: int) -> bool:
    """Whether token ``j`` is a capitalised place glued to a place modifier ("London-based",
    "Nagoya-based"): where an unnamed person works, a modifier of the noun after it."""
    nxt = ctx.tok(j + 1)
    return ctx.tokens[j].is_word and ctx.tokens[j].is_capitalised and nxt is not None \
        and nxt.glued and nxt.key in ctx.lex.place_modifiers


def place_word(ctx: ActorContext, k: int) -> bool:
    """Whether token ``k`` is a capitalised word that names no actor and is no function
    word: a place ("Tokyo", "Nagano") in an unnamed person's description."""
    tok = ctx.tok(k)
    if tok is None or not tok.is_word or not tok.is_capitalised \
            or tok.text in ctx.lex.function_words:
        return False
    m = ctx.match_at.get(k)
    # a city the tables know as a state's capital or as a place that is no actor
    return k not in ctx.covered or m is not None and m.end == k + 1 and (
        ctx.state_alias(m) is not None or ctx.payload(m, NotActor) is not None)


def place_after(ctx: ActorContext, end: int) -> int:
    """The end of "in <Place>" after an employer ("at a motor maker in Nagano"): where the
    employer is belongs to the description."""
    if ctx.key(end) != "in":
        return end
    k = end + 1
    while k - end <= _PLACE_WORDS and place_word(ctx, k):
        k += 1
    return k if k > end + 1 else end


_PLACE_WORDS = 2
"""Capitalised words a place after an employer may take ("in Nagano", "in Hong Kong")."""
