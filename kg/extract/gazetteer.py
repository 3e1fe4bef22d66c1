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

An article is tokenised once: :func:`token_stream` caches a :class:`TokenStream` per text
(its tokens, keys, offsets and, on first use, sentence-initial and heading tokens and an
index of where each word occurs), which the actor, material, citation and figure
extractors share; other extractors may use it too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from itertools import accumulate, chain, compress
from operator import and_, attrgetter, itemgetter
from typing import Any, NamedTuple

from .text import split_sentences

HYPHENS = "-\u2010\u2011"
"""Characters that join two words into one hyphenated word (not dashes)."""

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})
# Abbreviations with dots (U.S., J.D.), words, possessive 's, any other single character.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+|['’ʼ]s(?![^\W_])|\S")


# ---------------------------------------------------------------------------------------
# Tokens


class Token:
    """One token of a text: its offsets, text, comparison key and how it joins the last.

    A plain slotted class, not a dataclass nor a named tuple: an article has hundreds of
    tokens and the rules read their flags millions of times (a slot is read faster than a
    named tuple's field), so the flags are computed once, when the text is tokenised
    (:func:`_token_columns`).
    """

    __slots__ = ("index", "begin", "end", "text", "key", "glued", "newline_before",
                 "is_word", "is_capitalised", "is_possessive")

    def __init__(self, index: int, begin: int, end: int, text: str, key: str,
                 glued: bool = False, newline_before: bool = False) -> None:
        self.index = index
        self.begin = begin
        self.end = end
        self.text = text
        self.key = key
        self.glued = glued
        """Joined to the previous token by a hyphen and no space (``Ya-dong``: ``dong``)."""
        self.newline_before = newline_before
        """The first token of the text or of a line."""
        first = text[0]
        self.is_word = first.isalnum()
        """Whether the token is a word (letters or digits), not punctuation."""
        self.is_capitalised = first.isupper()
        """Whether the token starts with a capital letter."""
        self.is_possessive = key == "'s"
        """Whether the token is a possessive ``'s``."""

    def __repr__(self) -> str:
        return (f"Token({self.index}, {self.begin}, {self.end}, {self.text!r}"
                f"{', glued' if self.glued else ''})")


def token_key(text: str) -> str:
    """The comparison form of a token: case-folded, apostrophes folded."""
    return text.translate(_APOSTROPHES).casefold()


_APOSTROPHE_CHARS = "\u2019\u02bc\u2018"
_TOKEN_PIECES = re.compile(f"({_TOKEN.pattern})")
""":data:`_TOKEN` as one group: its ``split`` gives the gaps and the tokens, alternately."""
_FIRST = itemgetter(0)


class _Columns(NamedTuple):
    """A text's tokens and the columns :class:`TokenStream` keeps of them."""

    tokens: tuple[Token, ...]
    keys: tuple[str, ...]
    begins: list[int]
    capitalised: tuple[int, ...]
    glued: tuple[int, ...]


def _token_columns(text: str) -> _Columns:
    """Tokenise ``text`` (see module doc) column by column: texts, offsets, keys and flags
    each made by one ``map`` in C, the rare intra-word hyphens and apostrophes found by
    ``str.find`` and fixed after, then the tokens made from the columns; computing each
    token's fields token by token in Python took longer, and tokenising is the largest
    single cost of extracting an article."""
    # The token texts and offsets from one split (gap, token, gap, ..., gap), the offsets
    # summed from the pieces' lengths, all in C: no match object per token, as finditer
    # makes (0.04 ms per synthetic article).  A token is never empty, so the pieces
    # alternate.
    pieces = _TOKEN_PIECES.split(text)
    offsets = list(accumulate(map(len, pieces)))
    words = pieces[1::2]
    begins = offsets[0:-1:2]
    ends = offsets[1::2]
    size = len(text)
    # A hyphen right after a word token and before a letter or digit joins two words:
    # no token of its own, and the token after it is glued (a hyphen is always a
    # one-character token, so it is found by its offset).
    hyphens = []
    for hyphen in HYPHENS:
        at = text.find(hyphen)
        while at != -1:
            k = bisect.bisect_left(begins, at)
            if k > 0 and ends[k - 1] == at and words[k - 1][0].isalnum() \
                    and at + 1 < size and text[at + 1].isalnum():
                hyphens.append(k)
            at = text.find(hyphen, at + 1)
    glued: tuple[int, ...] = ()
    if hyphens:
        hyphens.sort()
        for k in reversed(hyphens):
            del words[k], begins[k], ends[k]
        glued = tuple(k - removed for removed, k in enumerate(hyphens))
    n = len(words)
    keys = list(map(str.casefold, words))
    for apostrophe in _APOSTROPHE_CHARS:  # only a token opening with one ("’s") folds it
        at = text.find(apostrophe)
        while at != -1:
            k = bisect.bisect_left(begins, at)
            if k < n and begins[k] == at:
                keys[k] = words[k].translate(_APOSTROPHES).casefold()
            at = text.find(apostrophe, at + 1)
    is_glued = [False] * n
    for k in glued:
        is_glued[k] = True
    newline = [False] * n
    if n:
        newline[0] = True
    at = text.find("\n")
    while at != -1:  # no token holds a line break: the first one after it opens a line
        k = bisect.bisect_right(begins, at)
        if k == n:
            break
        newline[k] = True
        at = text.find("\n", begins[k])
    firsts = list(map(_FIRST, words))
    is_word = list(map(str.isalnum, firsts))
    capital = list(map(str.isupper, firsts))
    tokens: list[Token] = []
    append = tokens.append
    make = Token.__new__
    # Each token made field by field (as Token.__init__ would set them) from the columns:
    # a call of __init__ per token cost a third of tokenising.
    for index, begin, end, word, key, glue, line, alnum, upper in zip(
            range(n), begins, ends, words, keys, is_glued, newline, is_word, capital,
            strict=True):
        token = make(Token)
        token.index = index
        token.begin = begin
        token.end = end
        token.text = word
        token.key = key
        token.glued = glue
        token.newline_before = line
        token.is_word = alnum
        token.is_capitalised = upper
        token.is_possessive = key == "'s"
        append(token)
    capitalised = tuple(compress(range(n), map(and_, capital, is_word)))
    return _Columns(tuple(tokens), tuple(keys), begins, capitalised, glued)


def _tokens_of(text: str) -> tuple[Token, ...]:
    return _token_columns(text).tokens


@lru_cache(maxsize=8192)
def _short_tokens(text: str) -> tuple[Token, ...]:
    return _tokens_of(text)


_SHORT = 200
"""Texts up to this length (aliases, names, phrases) are tokenised through a cache of
their own, so that they never push an article's tokens out of :func:`token_stream`'s."""


def tokenize(text: str) -> tuple[Token, ...]:
    """Tokens of ``text`` (see module doc); cached, as several extractors tokenise one text
    (an article's through :func:`token_stream`)."""
    if len(text) <= _SHORT:
        return _short_tokens(text)
    return token_stream(text).tokens


_END_OF = attrgetter("end")


class TokenStream:
    """One article's tokens and what the rules derive from them, computed once per text.

    The actor, material and citation extractors share it (:func:`token_stream` caches the
    last few texts): the tokens, their keys and offsets, and on first use the indexes of
    sentence-initial tokens and of tokens on title-case heading lines.
    """

    __slots__ = ("text", "tokens", "keys", "begins", "capitalised", "glued", "_initial",
                 "_heading", "_where", "_distinct", "_by_begin", "_by_end", "_lines")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens, self.keys, self.begins, self.capitalised, self.glued = \
            _token_columns(text)
        """The tokens, their keys and where they begin; the indexes of the capitalised
        words (where any name may start) and of the tokens glued to the one before by a
        hyphen."""
        self._initial: frozenset[int] | None = None
        self._heading: frozenset[int] | None = None
        self._where: dict[str, list[int]] | None = None
        self._distinct: frozenset[str] | None = None
        self._by_begin: dict[int, int] | None = None
        self._by_end: dict[int, int] | None = None
        self._lines: list[int] | None = None

    @property
    def by_begin(self) -> dict[int, int]:
        """Character offset where a token begins -> its index."""
        if self._by_begin is None:
            self._by_begin = dict(zip(self.begins, range(len(self.tokens)), strict=True))
        return self._by_begin

    @property
    def by_end(self) -> dict[int, int]:
        """Character offset where a token ends -> the index after it."""
        if self._by_end is None:
            self._by_end = dict(zip(map(_END_OF, self.tokens), range(1, len(self.tokens) + 1),
                                    strict=True))
        return self._by_end

    @property
    def distinct(self) -> frozenset[str]:
        """The distinct token keys of the text, as a set made once: the rules intersect it
        with their word lists several times per article, and set operations on a set skip
        the copy a view of the index's keys costs each time."""
        if self._distinct is None:
            self._distinct = frozenset(self._index())
        return self._distinct

    def _index(self) -> dict[str, list[int]]:
        if self._where is None:
            where: dict[str, list[int]] = {}
            for i, key in enumerate(self.keys):
                bucket = where.get(key)
                if bucket is None:
                    where[key] = [i]
                else:
                    bucket.append(i)
            self._where = where
        return self._where

    def positions(self, keys: Iterable[str]) -> list[int]:
        """Indexes of the tokens whose key is one of ``keys``, in text order: the rules
        visit the few places a trigger word occurs instead of every token."""
        where = self._index()
        found = [where[k] for k in keys if k in where]
        if len(found) == 1:
            return found[0][:]
        return sorted(chain.from_iterable(found))

    @property
    def sentence_initial(self) -> frozenset[int]:
        """Indexes of the first word token of each sentence (sentences of :mod:`.text`)."""
        if self._initial is None:
            self._initial = _sentence_initial(self)
        return self._initial

    @property
    def heading(self) -> frozenset[int]:
        """Indexes of the tokens on title-case lines (see :func:`heading_tokens`)."""
        if self._heading is None:
            self._heading = _heading(self.tokens, self.line_starts)
        return self._heading

    @property
    def line_starts(self) -> list[int]:
        """Indexes of the tokens that open a line (``newline_before``), in order: the first
        token after each line break, found from the breaks instead of every token."""
        if self._lines is None:
            text, begins = self.text, self.begins
            starts = [0] if self.tokens else []
            size = len(begins)
            at = text.find("\n")
            while at >= 0:
                # no token holds a line break: the first one after it opens a line
                i = bisect.bisect_right(begins, at)
                if i < size and starts[-1] != i:
                    starts.append(i)
                at = text.find("\n", begins[i] if i < size else len(text))
            self._lines = starts
        return self._lines

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering character ``offset``."""
        i = bisect.bisect_right(self.begins, offset) - 1
        if 0 <= i < len(self.tokens) and self.tokens[i].begin <= offset < self.tokens[i].end:
            return i
        return None


@lru_cache(maxsize=8)
def token_stream(text: str) -> TokenStream:
    """The :class:`TokenStream` of ``text``, cached for the few articles in flight."""
    return TokenStream(text)


def sentence_initial_tokens(text: str) -> frozenset[int]:
    """Indexes of the first word token of each sentence (sentences of :mod:`.text`)."""
    return token_stream(text).sentence_initial


def _sentence_initial(stream: TokenStream) -> frozenset[int]:
    """The first word token at or after each token that starts a sentence or a line: read
    from those tokens (found by bisection), not by visiting every token."""
    tokens, begins = stream.tokens, stream.begins
    size = len(tokens)
    resets = list(stream.line_starts)
    for sentence in split_sentences(stream.text):
        i = bisect.bisect_left(begins, sentence.begin)
        if i < size and begins[i] == sentence.begin:
            resets.append(i)
    initial: set[int] = set()
    for i in resets:
        while i < size and not tokens[i].is_word:
            i += 1
        if i < size:
            initial.add(i)
    return frozenset(initial)


def heading_tokens(text: str) -> frozenset[int]:
    """Indexes of the tokens on title-case lines ("Potential Economic and Strategic Impacts")
    that do not end like a sentence.

    Capitals there say nothing about names, so the name patterns leave them alone.
    """
    return token_stream(text).heading


def _heading(tokens: tuple[Token, ...], line_starts: list[int]) -> frozenset[int]:
    out: set[int] = set()
    bounds = [*line_starts, len(tokens)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        # A line that ends like a sentence is prose, however many names it holds (most
        # lines: their words are not looked at).
        if end <= start or tokens[end - 1].text in {".", ";", ",", "”", '"', "’"}:
            continue
        words = [t for t in tokens[start:end] if t.is_word and len(t.text) > 3]
        caps = sum(1 for t in words if t.is_capitalised)
        if len(words) >= 2 and caps >= 0.6 * len(words):
            out.update(range(start, end))
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


@dataclass(frozen=True)
class TrieEntry:
    """One alias stored in a trie node: its words (for the case check) and its payload."""

    words: tuple[str, ...]
    payload: Any
    checks: tuple[tuple[Case, str], ...] = ()
    """Each word's case rule and the form it must take (for :attr:`Case.EXACT`); only the
    words whose rule is not :attr:`Case.ANY`, with their positions."""
    positions: tuple[int, ...] = ()

    def accepts(self, groups: list[str]) -> bool:
        """Whether the text words ``groups`` meet the case rules of the alias's words."""
        for position, (rule, form) in zip(self.positions, self.checks, strict=True):
            word = groups[position]
            if rule is Case.CAPITAL:
                if not word[:1].isupper():
                    return False
            elif word.translate(_APOSTROPHES) != form:
                return False
        return True


def _entry(words: tuple[str, ...], payload: Any) -> TrieEntry:
    checks = [(k, case_rule(w), w.translate(_APOSTROPHES)) for k, w in enumerate(words)]
    kept = [(k, rule, form) for k, rule, form in checks if rule is not Case.ANY]
    return TrieEntry(words, payload, tuple((rule, form) for _, rule, form in kept),
                     tuple(k for k, _, _ in kept))


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entries: list[TrieEntry] = field(default_factory=list)


def _accepted(entries: list[TrieEntry], tokens: tuple[Token, ...], start: int,
              end: int) -> list[Any]:
    """The payloads, in order and each once, of the ``entries`` of a trie node that tokens
    ``[start, end)`` match, one word per token (case rules met)."""
    size = end - start
    payloads: list[Any] = []
    groups: list[str] | None = None  # the words, made only for a case check
    for entry in entries:
        if len(entry.words) != size:
            continue
        if entry.checks:
            if groups is None:
                groups = [t.text for t in tokens[start:end]]
            if not entry.accepts(groups):
                continue
        if entry.payload not in payloads:
            payloads.append(entry.payload)
    return payloads


class GazMatch(NamedTuple):
    """Aliases matching tokens ``[start, end)``; ``payloads`` in insertion order.

    A named tuple: a scan makes one per candidate, and tuples are the cheapest to make."""

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
            entry = _entry(words, payload)
            if entry not in node.entries:
                node.entries.append(entry)
            self.max_words = max(self.max_words, len(words))

    def starts_alias(self, key: str) -> bool:
        """Whether some alias begins with the word whose token key is ``key``."""
        return key in self._root.children

    def matches_at(self, tokens: tuple[Token, ...], start: int) -> list[GazMatch]:
        """Every alias matching tokens from ``start``, longest first."""
        n = len(tokens)
        most = self.max_words
        # One trie step per token while no glued piece follows (nearly every walk): the
        # general walk below gives the same matches but builds a stack and a word list per
        # step, which made the walks of a scan a third slower.
        out: list[GazMatch] = []
        node = self._root
        j = start
        while j < n and j - start < most:
            if j + 1 < n and tokens[j + 1].glued:
                return self._branching_matches(tokens, start)
            child = node.children.get(tokens[j].key)
            if child is None:
                break
            node = child
            j += 1
            if node.entries:
                payloads = _accepted(node.entries, tokens, start, j)
                if payloads:
                    out.append(GazMatch(start, j, tuple(payloads)))
        out.reverse()
        return out

    def _branching_matches(self, tokens: tuple[Token, ...], start: int) -> list[GazMatch]:
        """:meth:`matches_at` by a depth-first walk of the trie: each step takes one token,
        or a token with the pieces glued to it (Ya-dong -> yadong)."""
        n = len(tokens)
        most = self.max_words
        found: dict[int, list[Any]] = {}
        stack: list[tuple[int, _Node, list[str]]] = [(start, self._root, [])]
        pop, push = stack.pop, stack.append
        while stack:
            j, node, groups = pop()
            if node.entries and groups:
                size = len(groups)
                for entry in node.entries:
                    if len(entry.words) == size and (not entry.checks
                                                     or entry.accepts(groups)):
                        bucket = found.get(j)
                        if bucket is None:
                            found[j] = [entry.payload]
                        elif entry.payload not in bucket:
                            bucket.append(entry.payload)
            if j >= n or len(groups) >= most:
                continue
            children = node.children
            token = tokens[j]
            if j + 1 < n and tokens[j + 1].glued:
                steps = []
                child = children.get(token.key)
                if child is not None:
                    steps.append((j + 1, child, [*groups, token.text]))
                key, text = token.key, token.text
                k = j + 1
                while k < n and tokens[k].glued:
                    key += tokens[k].key
                    text += tokens[k].text
                    child = children.get(key)
                    if child is not None:
                        steps.append((k + 1, child, [*groups, text]))
                    k += 1
                stack.extend(reversed(steps))
            else:
                child = children.get(token.key)
                if child is not None:
                    push((j + 1, child, [*groups, token.text]))
        return [GazMatch(start, end, tuple(found[end])) for end in sorted(found, reverse=True)]

    def scan(self, tokens: tuple[Token, ...],
             accept: Callable[[GazMatch], GazMatch | None] | None = None, *,
             stream: TokenStream | None = None) -> list[GazMatch]:
        """Leftmost-longest, non-overlapping matches over ``tokens``.

        ``accept(match) -> GazMatch | None`` may veto or narrow a candidate; a vetoed
        candidate lets a shorter one at the same start be tried.  With the ``stream`` the
        tokens come from, only its distinct words are looked up in the trie.
        """
        out: list[GazMatch] = []
        roots = self._root.children
        n = len(tokens)
        # Only a word some alias starts with, or one with pieces glued to it, can start a
        # match (the common case is neither: no walk).
        if stream is not None and stream.tokens is tokens:
            # (the intersection of the two key views is made in C, over the smaller one;
            # the positions come sorted, each once: merged only with glued pieces' words)
            starts = stream.positions(stream._index().keys() & roots.keys())
            if stream.glued:
                starts = sorted(set(starts).union(g - 1 for g in stream.glued))
        else:
            starts = [t.index for t in tokens if t.key in roots
                      or t.index + 1 < n and tokens[t.index + 1].glued]
        i = 0
        for start in starts:
            if start < i:
                continue
            node = roots.get(tokens[start].key)
            if node is not None and not node.entries and start + 2 < n \
                    and tokens[start + 1].key not in node.children \
                    and not tokens[start + 1].glued and not tokens[start + 2].glued:
                continue  # "the" before a word no alias "the ..." goes on with: no walk
            chosen = None
            for candidate in self.matches_at(tokens, start):
                chosen = accept(candidate) if accept else candidate
                if chosen is not None:
                    break
            if chosen is None:
                continue
            out.append(chosen)
            i = chosen.end
        return out
