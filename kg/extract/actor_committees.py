"""Committees of legislatures and state bodies, named in full: one actor, never a fragment.

A committee's proper name is capitalised and built around a head word
(``[lexicon] committee_heads``: "Committee", "Subcommittee"), with

* the body it belongs to before it ("House of Representatives Committee on ...", "Senate
  Banking Committee", "NPC Standing Committee": a known government body or a chamber's
  generic name) or after "of" ("Standing Committee of the National People's Congress");
* capitalised words naming its field before the head ("Foreign Affairs Committee");
* and what it is for after "on" or "for", capitalised words joined by commas and "and"
  ("Committee on Economy, Trade and Industry").

The longest such name is one government body, part of the body it belongs to; its tokens
are taken, so that neither the parent ("House of Representatives") nor a piece of the
field ("Trade and Industry", which ends in a company word) is found as another actor.  A
committee is only named so when the text ties it to a state body (its parent) or calls it
a legislative committee (``committee_kinds``: "Standing", "Select", "Special", "Joint");
"Committee chair Masahiro Kuze" or a sports "Organising Committee" name none.
"""

from __future__ import annotations

from ..model import ActorType
from .actor_context import ActorContext, Found, state_of
from .refdata import ActorAlias, GazMatch, KindTerm

_FIELD_LINKS = {"on", "for"}
"""Words after the head that open the committee's field ("Committee on Economy")."""
_FIELD_JOINS = {",", "and", "&"}


def find_committees(ctx: ActorContext) -> None:
    """Add each committee the text names in full (see module doc), taking its tokens."""
    heads = ctx.lex.committee_heads
    if not heads:
        return
    for k in ctx.stream.positions({h.casefold() for h in heads}):
        tok = ctx.tokens[k]
        if tok.text not in heads or k in ctx.consumed:
            continue
        start, parent = _before(ctx, k)
        end, after_parent = _after(ctx, k + 1)
        parent = parent or after_parent
        legislative = any(ctx.tokens[i].text in ctx.lex.committee_kinds for i in range(start, k))
        if parent is None and not (legislative and (start < k or end > k + 1)):
            continue
        name = ctx.surface(start, end)
        part_of, state = _parent_body(ctx, parent, start)
        ctx.add(Found(name, ActorType.GOVERNMENT_BODY, start, end, known=False,
                      part_of=part_of, state=state, apposition=False))


def _is_parent(ctx: ActorContext, m: GazMatch | None) -> bool:
    """Whether a match names a state body a committee may belong to: a known government
    body, or a generic chamber ("House of Representatives", "parliament")."""
    if m is None:
        return False
    alias = ctx.payload(m, ActorAlias)
    if alias is not None and not alias.capital:
        return ctx.data.entries[alias.name].type is ActorType.GOVERNMENT_BODY
    kind = ctx.payload(m, KindTerm)
    return kind is not None and ctx.data.kinds[kind.kind].venue \
        and all(t.is_capitalised or not t.is_word or t.key == "of"
                for t in ctx.tokens[m.start:m.end])


def _before(ctx: ActorContext, k: int) -> tuple[int, GazMatch | None]:
    """Where the name starts before the head at ``k``, and the parent body opening it."""
    i = k
    while i > 0:
        m = ctx.match_ending.get(i)
        if _is_parent(ctx, m) and m is not None:
            return m.start, m
        if ctx.tokens[i].newline_before:
            break  # a name never runs over a line break
        prev = ctx.tokens[i - 1]
        if i - 1 in ctx.consumed or i - 1 in ctx.covered or not prev.is_word \
                or not prev.is_capitalised or prev.is_possessive \
                or prev.text in ctx.lex.function_words:
            break
        i -= 1
    return i, None


def _after(ctx: ActorContext, i: int) -> tuple[int, GazMatch | None]:
    """Where the name ends after its head (``i`` is the token after it): a field after
    "on"/"for", or a parent body after "of (the)"."""
    key = ctx.key(i)
    if key == "of":
        j = i + 2 if ctx.key(i + 1) == "the" else i + 1
        m = ctx.match_at.get(j)
        if _is_parent(ctx, m) and m is not None and not ctx.tokens[j].newline_before:
            return m.end, m
        return i, None
    if key not in _FIELD_LINKS:
        return i, None
    j = i + 1
    while j < len(ctx.tokens) and not ctx.tokens[j].newline_before and j not in ctx.consumed \
            and (ctx.tokens[j].is_word and ctx.tokens[j].is_capitalised
                 and ctx.tokens[j].text not in ctx.lex.function_words
                 or ctx.key(j) in _FIELD_JOINS and j > i + 1 and ctx.tok(j + 1) is not None
                 and ctx.tokens[j + 1].is_word and ctx.tokens[j + 1].is_capitalised):
        j += 1
    while j > i + 1 and not ctx.tokens[j - 1].is_word:
        j -= 1
    return (j, None) if j > i + 1 else (i, None)


def _parent_body(ctx: ActorContext, parent: GazMatch | None, start: int
                 ) -> tuple[str | None, str | None]:
    """The canonical name of the committee's parent body and its state."""
    if parent is None:
        return None, None
    alias = ctx.payload(parent, ActorAlias)
    if alias is not None:
        return alias.name, state_of(ctx.data, alias.name)
    kind = ctx.payload(parent, KindTerm)
    qualifier = ctx.qualifier_before(start)
    if kind is None or qualifier is None:
        return None, None
    state = qualifier[0]
    return ctx.data.body_name(kind.kind, state), state
