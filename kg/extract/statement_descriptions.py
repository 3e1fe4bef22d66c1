"""A speaker named after a lower-case description in translated inverted attributions.

Machine translation from Portuguese, Spanish or Polish keeps the source's order: the verb,
then "the" and a description, then the name ('"...", affirmed the minister Tereza Cristina',
"..., estimates the analyst of the bank Pekao Piotr Sadowski", "..., estimates the
consultancy Andina Energía").  :func:`named_after_description` finds the name;
:func:`kg.extract.statement_speakers.speaker_after` asks it when no name or known title
follows the verb.
"""

from __future__ import annotations

import re

from ..model import ActorMention, ActorType
from .context import Context

_DESCRIPTION_OPEN = re.compile(r"the\s+(?=[a-z])")
_DESCRIPTION_WORD = re.compile(r"[\w’'.&-]+,?\s+")
_DESCRIPTION_WORDS = 8
"""Most words of a lower-case description before the name it describes."""


def named_after_description(ctx: Context, pos: int, end: int) -> ActorMention | None:
    """'..., affirmed the minister Tereza Cristina', '..., estimates the analyst of the bank
    Pekao Piotr Sadowski', '..., clarified the vice-minister of Foreign Commerce, Andrés
    Lozada, ...', '..., estimates the consultancy Andina Energía': translated text puts a
    lower-case description with "the" between an inverted verb and the name.  The first
    person named within a few words of the description speaks; without one, a body named
    right after its lower-case description ("the consultancy X")."""
    opening = _DESCRIPTION_OPEN.match(ctx.text, pos, end)
    if opening is None:
        return None
    at = opening.end()
    body: ActorMention | None = None
    for count in range(_DESCRIPTION_WORDS):
        mention = ctx.actor_at(at) if count else None
        if mention is not None and mention.type is ActorType.PERSON:
            return mention
        if mention is not None and body is None and ctx.text[opening.end():at].islower():
            body = mention  # "the consultancy Andina ...", unless a person follows
        word = _DESCRIPTION_WORD.match(ctx.text, at, end)
        if word is None:
            break
        at = word.end()
    return body
