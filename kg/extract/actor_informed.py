"""People described by what they know, not by a role: "people familiar with the matter", "a
person close to the commerce ministry", "people briefed on the guidance".

The news cites them as unnamed sources ("..., people familiar with the matter said",
"according to two people familiar with the talks"); the description is all that tells one
group from another, so it is the name: "unnamed people familiar with the matter".  The
relations are ``informed_relations`` of the actor lexicon (kg/data/actors.toml).
"""

from __future__ import annotations

from ..model import UNNAMED_PREFIX, ActorType
from .actor_context import CLAUSE_END, INDEFINITE, ActorContext, Found
from .actor_patterns import is_source

_NOUNS = frozenset({"person", "people", "persons"})
_OBJECT_WORDS = 4
"""Tokens the object of the relation may take ("the commerce ministry", "the matter")."""
_OBJECT_STOPS = frozenset({"and", "or", "who", "which", "that", "as", "in", "on", "at", "to",
                           "for", "with", "by"})
"""Words that end the object: what follows is no part of what the people know."""


def find_informed_people(ctx: ActorContext) -> None:
    """Unnamed sources named by what they are familiar with, close to or briefed on, when
    they are sources (a verb of saying follows, or "according to"/"citing" comes before)."""
    relations = [tuple(r.split()) for r in ctx.lex.informed_relations]
    for i, tok in enumerate(ctx.tokens):
        if tok.key not in _NOUNS or i in ctx.consumed:
            continue
        after = _relation_end(ctx, i + 1, relations)
        if after is None:
            continue
        end = _object_end(ctx, after)
        if end == after:
            continue
        opener = i > 0 and (ctx.key(i - 1) in INDEFINITE
                            or ctx.key(i - 1) in ctx.lex.anonymous_quantifiers)
        if tok.key == "person" and not opener:
            continue  # "the person close to ..." refers back to someone already told
        start = i - 1 if opener else i
        if not is_source(ctx, start, end) or ctx.key(start - 1) in ctx.lex.outlet_citing_words:
            continue  # "citing people familiar with the matter": the outlet's report
        words = ctx.surface(i, end).split()
        words[0] = words[0].lower()  # "People familiar with ... said" opening a sentence
        ctx.found.append(Found(UNNAMED_PREFIX + " ".join(words), ActorType.PERSON, start, end,
                               known=False))
        # A body in the description ("close to the commerce ministry") stays its own mention.
        ctx.consumed.update(range(start, i + 1))


def _relation_end(ctx: ActorContext, k: int,
                  relations: list[tuple[str, ...]]) -> int | None:
    """The end of a relation ("familiar with") opening at token ``k``, if one does."""
    for words in relations:
        if tuple(ctx.key(k + n) for n in range(len(words))) == words:
            return k + len(words)
    return None


def _object_end(ctx: ActorContext, k: int) -> int:
    """The end of what the people know, from token ``k``: a few words up to the verb, a
    clause mark or a word that opens something else."""
    verbs = ctx.lex.speech_verbs | ctx.lex.source_verbs
    end = k
    while end < len(ctx.tokens) and end - k < _OBJECT_WORDS:
        token = ctx.tokens[end]
        if not token.is_word or token.key in verbs or token.key in _OBJECT_STOPS \
                or token.key in CLAUSE_END or (end > k and token.newline_before):
            break
        end += 1
    return end
