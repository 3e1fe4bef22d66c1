"""Tokens and the token trie the actor and material extractors match reference data with.

Matching works on tokens (:func:`tokenize`): words, possessive ``'s``, abbreviations such
as ``U.S.`` and single punctuation marks.  A hyphen between two words with no space is not
a token: the second word is *glued* to the first, so ``dual-use``, ``dual use`` and
``dual‑use`` (non-breaking hyphen) match the same alias, and a glued pair may also match
one alias word (``Ya-dong`` matches ``Yadong``).  Case follows the alias: a lower-case alias
word matches any case, a Capitalised one needs a capital, and one with more capitals
(``IHI``, ``U.S.``) must appear exactly so.

A :class:`Gazetteer` holds every alias, generic term and trigger word, so an article is
scanned once, left to right, in time linear in its number of tokens (times the length of
the longest alias), whatever the size of the tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any

from .text import split_sentences

HYPHENS = "-\u2010\u2011"
"""Characters that join two words into one hyphenated word (not dashes)."""

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})
# Abbreviations with dots (U.S., J.D.), words, possessive 's, any other single character.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+|['’ʼ]s(?![^\W_])|\S")


# ---------------------------------------------------------------------------------------
# Tokens


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a text: its offsets, text, comparison key and how it joins the last."""

    index: int
    begin: int
    end: int
    text: str
    key: str
    glued: bool = False
    """Joined to the previous token by a hyphen and no space (``Ya-dong``: ``dong``)."""
    newline_before: bool = False

    @property
    def is_word(self) -> bool:
        """Whether the token is a word (letters or digits), not punctuation."""
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        """Whether the token starts with a capital letter."""
        return self.text[0].isupper()

    @property
    def is_possessive(self) -> bool:
        """Whether the token is a possessive ``'s``."""
        return self.key == "'s"


def token_key(text: str) -> str:
    """The comparison form of a token: case-folded, apostrophes folded."""
    return text.translate(_APOSTROPHES).casefold()


@lru_cache(maxsize=16)
def tokenize(text: str) -> tuple[Token, ...]:
    """Tokens of ``text`` (see module doc); cached, as several extractors tokenise one text."""
    raw = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    tokens: list[Token] = []
    glue_next = False
    for i, (begin, end, word) in enumerate(raw):
        if (word in HYPHENS and 0 < i < len(raw) - 1 and raw[i - 1][1] == begin
                and raw[i + 1][0] == end and raw[i - 1][2][0].isalnum()
                and raw[i + 1][2][0].isalnum()):
            glue_next = True  # an intra-word hyphen: not a token of its own
            continue
        previous_end = tokens[-1].end if tokens else 0
        tokens.append(Token(
            index=len(tokens), begin=begin, end=end, text=word, key=token_key(word),
            glued=glue_next, newline_before="\n" in text[previous_end:begin] or not tokens,
        ))
        glue_next = False
    return tuple(tokens)


@lru_cache(maxsize=16)
def sentence_initial_tokens(text: str) -> frozenset[int]:
    """Indexes of the first word token of each sentence (sentences of :mod:`.text`)."""
    starts = {s.begin for s in split_sentences(text)}
    initial: set[int] = set()
    seen_word = True
    for tok in tokenize(text):
        if tok.begin in starts or tok.newline_before:
            seen_word = False
        if tok.is_word:
            if not seen_word:
                initial.add(tok.index)
            seen_word = True
    return frozenset(initial)


@lru_cache(maxsize=16)
def heading_tokens(text: str) -> frozenset[int]:
    """Indexes of the tokens on title-case lines ("Potential Economic and Strategic Impacts")
    that do not end like a sentence.

    Capitals there say nothing about names, so the name patterns leave them alone.
    """
    out: set[int] = set()
    line: list[Token] = []
    for tok in (*tokenize(text), None):
        if tok is None or (tok.newline_before and line):
            words = [t for t in line if t.is_word and len(t.text) > 3]
            caps = sum(1 for t in words if t.is_capitalised)
            # A line that ends like a sentence is prose, however many names it holds.
            prose = not line or line[-1].text in {".", ";", ",", "”", '"', "’"}
            if not prose and len(words) >= 2 and caps >= 0.6 * len(words):
                out.update(t.index for t in line)
            line = []
        if tok is not None:
            line.append(tok)
    return frozenset(out)


# ---------------------------------------------------------------------------------------
# The trie


class Case(Enum):
    """How an alias word constrains the case of the text word it matches."""

    ANY = "any"
    CAPITAL = "capital"
    EXACT = "exact"


def case_rule(word: str) -> Case:
    """Lower case matches anything, Capitalised needs a capital, more capitals must match."""
    letters = [c for c in word if c.isalpha()]
    if not letters or not any(c.isupper() for c in letters):
        return Case.ANY
    if letters[0].isupper() and not any(c.isupper() for c in letters[1:]):
        return Case.CAPITAL
    return Case.EXACT


def _case_ok(rule: Case, alias_word: str, text_word: str) -> bool:
    if rule is Case.ANY:
        return True
    if rule is Case.CAPITAL:
        return text_word[:1].isupper()
    return text_word.translate(_APOSTROPHES) == alias_word.translate(_APOSTROPHES)


@dataclass(frozen=True)
class TrieEntry:
    """One alias stored in a trie node: its words (for the case check) and its payload."""

    words: tuple[str, ...]
    payload: Any


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entries: list[TrieEntry] = field(default_factory=list)


@dataclass(frozen=True)
class GazMatch:
    """Aliases matching tokens ``[start, end)``; ``payloads`` in insertion order."""

    start: int
    end: int
    payloads: tuple[Any, ...]


def alias_word_variants(alias: str) -> list[tuple[str, ...]]:
    """The word sequences an alias is stored under: hyphenated words split and joined."""
    tokens = tokenize(alias)
    split = tuple(t.text for t in tokens)
    joined: list[str] = []
    for t in tokens:
        if t.glued and joined:
            joined[-1] += t.text
        else:
            joined.append(t.text)
    variants = [split]
    if tuple(joined) != split:
        variants.append(tuple(joined))
    return variants


def alias_key(alias: str) -> str:
    """The normalised form of an alias, for duplicate checks: its split words, folded."""
    return " ".join(token_key(w) for w in alias_word_variants(alias)[0])


class Gazetteer:
    """A token trie of aliases; :meth:`scan` finds the leftmost-longest matches."""

    def __init__(self) -> None:
        self._root = _Node()
        self.max_words = 0

    def add(self, alias: str, payload: Any) -> None:
        """Store ``alias`` (all its variants) with ``payload``."""
        for words in alias_word_variants(alias):
            node = self._root
            for word in words:
                node = node.children.setdefault(token_key(word), _Node())
            entry = TrieEntry(words, payload)
            if entry not in node.entries:
                node.entries.append(entry)
            self.max_words = max(self.max_words, len(words))

    def starts_alias(self, key: str) -> bool:
        """Whether some alias begins with the word whose token key is ``key``."""
        return key in self._root.children

    def matches_at(self, tokens: tuple[Token, ...], start: int) -> list[GazMatch]:
        """Every alias matching tokens from ``start``, longest first."""
        found: dict[int, list[Any]] = {}
        for end, groups, node in self._walk(tokens, start, self._root, []):
            for entry in node.entries:
                if len(entry.words) == len(groups) and all(
                    _case_ok(case_rule(w), w, g) for w, g in zip(entry.words, groups, strict=True)
                ):
                    bucket = found.setdefault(end, [])
                    if entry.payload not in bucket:
                        bucket.append(entry.payload)
        return [GazMatch(start, end, tuple(found[end])) for end in sorted(found, reverse=True)]

    def _walk(self, tokens: tuple[Token, ...], j: int, node: _Node,
              groups: list[str]) -> Iterator[tuple[int, list[str], _Node]]:
        if node.entries and groups:
            yield j, groups, node
        if j >= len(tokens) or len(groups) >= self.max_words:
            return
        # One token, or a token with the pieces glued to it (Ya-dong -> yadong).
        key, text = "", ""
        k = j
        while k < len(tokens) and (k == j or tokens[k].glued):
            key += tokens[k].key
            text += tokens[k].text
            child = node.children.get(key)
            if child is not None:
                yield from self._walk(tokens, k + 1, child, [*groups, text])
            k += 1

    def scan(self, tokens: tuple[Token, ...],
             accept: Callable[[GazMatch], GazMatch | None] | None = None) -> list[GazMatch]:
        """Leftmost-longest, non-overlapping matches over ``tokens``.

        ``accept(match) -> GazMatch | None`` may veto or narrow a candidate; a vetoed
        candidate lets a shorter one at the same start be tried.
        """
        out: list[GazMatch] = []
        roots = self._root.children
        n = len(tokens)
        i = 0
        while i < n:
            if tokens[i].key not in roots and not (i + 1 < n and tokens[i + 1].glued):
                i += 1  # no alias starts with this word (the common case): no walk
                continue
            chosen = None
            for candidate in self.matches_at(tokens, i):
                chosen = accept(candidate) if accept else candidate
                if chosen is not None:
                    break
            if chosen is None:
                i += 1
                continue
            out.append(chosen)
            i = chosen.end
        return out
