"""Bodies named by a generic term as the kind of some data, and a state's possessive
before a body's name.

"Chinese customs data show no shipments ...", "US customs data show ...", "Japan's own
customs figures point to ...": the body's generic name ("customs", a term of a ``[[kind]]``
in kg/data/actors.toml) in lower case, perhaps after its state, qualifies a data noun
(``[citation].term_data_nouns``).  The phrase says what kind of statistics the figures
are, the way "trade data" does; it names no actor, and no source the article cites
(:func:`names_kind_of_data`, read by :mod:`kg.extract.actors`).  The annotated sets agree:
such a body is left out or marked optional, where a body named by its own name
("according to the General Administration of Customs", "Ministry of Finance data") is an
actor and cited.

:func:`state_before` lets a citing frame reach a body's name over its state's possessive
("data released on Wednesday by China's General Administration of Customs").
"""

from __future__ import annotations

from functools import lru_cache

from ..model import ActorType
from .refdata import Token, actor_data, tokenize

_FILLERS = frozenset({"the", "own", "'s", "’s", "s"})
"""Words that may stand between a state and its body's generic name ("Japan's own")."""


@lru_cache(maxsize=1)
def _kind_terms() -> frozenset[tuple[str, ...]]:
    """Every generic body term of the actor tables, as token keys."""
    return frozenset(tuple(t.key for t in tokenize(term))
                     for kind in actor_data().kinds.values() for term in kind.terms)


@lru_cache(maxsize=1)
def _state_words() -> frozenset[tuple[str, ...]]:
    """Every name and demonym of a state, as token keys ("u.s.", "chinese", "japan")."""
    out: set[tuple[str, ...]] = set()
    for entry in actor_data().entries.values():
        if entry.type is ActorType.STATE:
            for name in (*entry.names(), *entry.demonyms):
                out.add(tuple(t.key for t in tokenize(name)))
    return frozenset(out)


@lru_cache(maxsize=1)
def _data_nouns() -> frozenset[tuple[str, ...]]:
    words = actor_data().citation.term_data_nouns
    return frozenset(tuple(t.key for t in tokenize(w)) for w in words)


def names_kind_of_data(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """Whether the mention at tokens ``[start, end)`` is a generic body term in lower case,
    perhaps after its state, right before a data noun ("Chinese customs data", "customs
    figures"); not a body's name written as such ("according to Ministry of Finance
    data")."""
    if not any(tuple(t.key for t in tokens[end:end + size]) in _data_nouns()
               for size in (1, 2)):
        return False
    keys = tuple(t.key for t in tokens[start:end])
    for cut in range(len(keys)):
        if keys[cut:] in _kind_terms():
            rest = tuple(k for k in keys[:cut] if k not in _FILLERS)
            if rest and rest not in _state_words():
                return False
            # a capital opening the sentence ("Customs data cited in the book ...") is no
            # sign of a name; any other is ("Ministry of Finance data")
            return not any(t.is_capitalised for t in tokens[start + cut:end]
                           if not (t.index == start and _opens_sentence(tokens, start)))
    return False


_SENTENCE_ENDS = frozenset({".", "!", "?", ":", "*", "-", "•"})


def _opens_sentence(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether token ``i`` opens a sentence, a line or a list item."""
    if i == 0 or tokens[i].newline_before:
        return True
    j = i - 1
    while j > 0 and tokens[j].text in _CLOSING_QUOTES:
        j -= 1  # 'buying mainland sand." Customs data ...'
    return tokens[j].text in _SENTENCE_ENDS


_CLOSING_QUOTES = frozenset({'"', "”", "’", "'", ")"})


def state_before(tokens: tuple[Token, ...], start: int) -> int:
    """Where a state's possessive before token ``start`` begins ("by China's General
    Administration of Customs": the index of "China"), else ``start``."""
    if start < 2 or not tokens[start - 1].is_possessive:
        return start
    for size in (1, 2, 3):
        if start - 1 - size >= 0 and tuple(
                t.key for t in tokens[start - 1 - size:start - 1]) in _state_words():
            return start - 1 - size
    return start


def prepare() -> None:
    """Build the word tables now (cached once per process; see :func:`kg.extract.prepare`)."""
    _kind_terms()
    _state_words()
    _data_nouns()
