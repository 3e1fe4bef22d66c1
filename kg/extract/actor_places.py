"""Places in the description of an unnamed source: "a Tokyo trading house", "one
London-based broker", "a motor maker in Nagano".  They say where the person or the employer
is, so they belong to the description (its span), not to who speaks.

Capitals as places (:func:`capital_as_place`): a city stands for its state only as the seat
of government, in what the government does ("Beijing said"); where something happened or
someone is ("in Nairobi", "Levant Network (Beirut)", a letter's "Nairobi / Geneva, 6
September 2023") names no actor."""

from __future__ import annotations

import re

from .actor_context import ActorContext
from .gazetteer import GazMatch
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


def capital_as_place(ctx: ActorContext, m: GazMatch) -> bool:
    """Whether the capital matched by ``m`` is a place, not its state's government: after
    "in" (:func:`_place_in`), in parentheses after a name ("Farida Haddad, Levant Food
    Network (Beirut)": where the network is), or opening a line of place and date ("Nairobi
    / Geneva, 6 September 2023": where a letter was written)."""
    before = ctx.key(m.start - 1)
    if before == "in":
        return _place_in(ctx, m.start - 1, m.end)
    if before == "(" and ctx.key(m.end) == ")":
        name = ctx.tok(m.start - 2)
        return name is not None and name.is_word and name.is_capitalised
    tok = ctx.tokens[m.start]
    if tok.index == 0 or tok.newline_before:
        return _PLACE_DATE_LINE.match(ctx.text, tok.begin) is not None
    return False


def _place_in(ctx: ActorContext, i: int, end: int) -> bool:
    """Whether the capital after "in" (token ``i``) is where something happened or someone
    is ("NATO ministers meet in Brussels", "a strategist at Norrland Capital in Stockholm").
    Two constructions keep the metonym: "In Tokyo, the chief cabinet secretary said ..."
    opening a sentence (what the government there did), and the state's people or its
    decisions before "in" ("officials in Beijing", "a decision taken in Washington":
    ``seat_words``).  A capital naming a market ("fell in Tokyo trading", ``event_nouns``
    after it) is read as before, its state: the market's, where the text has moved."""
    if ctx.tokens[i].text == "In" or ctx.key(end) in ctx.lex.event_nouns:
        return False
    return ctx.key(i - 1) not in ctx.lex.seat_words


_PLACE_DATE_LINE = re.compile(
    r"[^\W\d][^,\n/]{0,30}(?:[ \t]*/[ \t]*[^\W\d][^,\n/]{0,30})*,[ \t]*"
    r"(?:\d{1,2}[ \t]+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?[ \t]+\d{1,2},?)[ \t]+\d{4}[ \t]*$",
    re.M)
"""A line of place(s) and a date alone, as a letter or release is dated ("Nairobi / Geneva,
6 September 2023", "Dhaka, May 20, 2025")."""
