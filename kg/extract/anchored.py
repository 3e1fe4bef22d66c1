"""Matching a word-list pattern over an article only where its first words stand.

Many rule patterns open with one word of a list ("tens of thousands of", "doubled", "a
third of", "twelve"): ``\\b(?:tens|hundreds|...)...``.  ``pattern.finditer(text)`` tries
such a pattern at every position of the text (the leading ``\\b`` or look-behind keeps
``re`` from skipping ahead), which costs about a tenth of a millisecond per pattern and
article however rare the words are.  The article's token stream
(:class:`~kg.extract.gazetteer.TokenStream`) already indexes where each word stands, so
:func:`anchored_finditer` tries the pattern only at the tokens whose key is one of the
pattern's first words, and gives what ``finditer`` gives.

That holds when every match of the pattern opens with a whole token whose key is one of
``keys``: the pattern starts with ``\\b`` (or a look-behind that rejects a word character)
and then one of the listed words, each a run of ASCII letters followed by something that
is not a letter or digit (white space, a hyphen, the end of the pattern's word), and a
one-letter word by white space (a letter before a point may lie inside an abbreviation's
token, "U.S.").
:func:`first_words` reads those words from the lists the patterns are made of and gives
``None`` when an entry does not open that way; the callers then scan the plain way.
Case-insensitive matching equates four non-ASCII letters with ASCII ones ("ſ" with "s",
the Kelvin sign with "k", dotted and dotless "i") where token keys may not: a text holding
one of them is scanned the plain way too (:func:`folds_unevenly`).

Patterns matched over the lower-cased article (speech-trigger words, measure phrases and
heads, dates) are anchored the same way when lower-casing agrees with the tokens' keys
(:func:`lowered`, made once per article): a :class:`KeyFilter` picks the distinct token
keys a rule may start at (remembering its answer for each key), and the tokens with those
keys are where the pattern is tried.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from functools import lru_cache, partial
from itertools import compress
from operator import is_

from .gazetteer import TokenStream

_FOLDED = ("\u0130", "\u0131", "\u017f", "\u212a")
"""The non-ASCII characters ``re.IGNORECASE`` matches with an ASCII letter (İ, ı, ſ, K)."""

_FIRST_WORD = re.compile(r"[a-z]+(?=$|[\s\-\u2010\u2011])")


def folds_unevenly(text: str) -> bool:
    """Whether ``text`` holds a letter that case-insensitive matching and token keys fold
    differently (see module doc)."""
    return any(c in text for c in _FOLDED)


def first_words(entries: Iterable[str]) -> frozenset[str] | None:
    """The lower-case first words of ``entries`` (phrases of a word list), or ``None`` when
    one does not open with a run of ASCII letters ended by white space, a hyphen or its
    end."""
    words: set[str] = set()
    for entry in entries:
        entry = entry.strip().lower()
        m = _FIRST_WORD.match(entry)
        if m is None or m.end() == 1 and not entry[1:2].isspace():
            # One letter before a point may stand inside an abbreviation token ("U.S."):
            # a one-letter word must be followed by white space.
            return None
        words.add(m.group())
    return frozenset(words)


def anchored_finditer(pattern: re.Pattern[str], stream: TokenStream,
                      keys: Iterable[str], subject: str | None = None
                      ) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(stream.text)`` gives, when each opens with a token
    whose key is in ``keys`` (see module doc): tried at those tokens only, in text order,
    one match never overlapping the last.  ``subject`` may give another string to match
    (the text lower-cased, of the same length: see :func:`keys_are_lowered`)."""
    text = stream.text if subject is None else subject
    tokens = stream.tokens
    match = pattern.match
    end = 0
    for i in stream.positions(keys):
        begin = tokens[i].begin
        if begin < end:
            continue
        m = match(text, begin)
        if m is not None:
            end = m.end()
            yield m


def word_finditer(pattern: re.Pattern[str], stream: TokenStream,
                  keys: frozenset[str] | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(stream.text)``: by :func:`anchored_finditer` when ``keys`` (from
    :func:`first_words`) are known and the text folds evenly, else the plain way."""
    if keys is None or folds_unevenly(stream.text):
        return pattern.finditer(stream.text)
    return anchored_finditer(pattern, stream, keys)


@lru_cache(maxsize=8)
def lowered(text: str) -> tuple[str, bool]:
    """``text.lower()`` and whether it holds the token keys (:func:`keys_are_lowered`),
    made once per article: several extractors scan the lower-cased article."""
    lower = text.lower()
    return lower, keys_are_lowered(text, lower)


def keys_are_lowered(text: str, lower: str) -> bool:
    """Whether ``lower`` (``text.lower()``) holds each token's key at the token's offsets:
    lower-casing kept the length and agrees with case-folding (the keys' folding) on the
    whole text, which only a few letters ("ß", "ſ", ligatures) break."""
    return len(lower) == len(text) and lower == text.casefold()


_LETTER_HEAD = re.compile(r"[^\W\d_]*")


def letter_head(key: str) -> str:
    r"""The letters ``key`` opens with ("g7" -> "g"): a word-list pattern on lower-cased
    text that ends its words with ``(?![^\W\d_])`` matches them before a digit."""
    return key if key.isalpha() else _LETTER_HEAD.match(key).group()  # type: ignore[union-attr]


_KEYS_REMEMBERED = 100_000
"""Token keys a :class:`KeyFilter` remembers (a bound for corpora of many words)."""


class KeyFilter:
    """The token keys of an article that a rule may start at: ``predicate`` (a function of
    the key and fixed rule data only) asked once per distinct key and remembered, since
    an article's few hundred distinct words are mostly the same from one to the next.
    What it selects depends on each key alone, never on the articles seen before."""

    __slots__ = ("_predicate", "_yes", "_known")

    def __init__(self, predicate: Callable[[str], bool]) -> None:
        self._predicate = predicate
        self._yes: set[str] = set()
        self._known: set[str] = set()

    def select(self, keys: AbstractSet[str]) -> AbstractSet[str]:
        """The keys of ``keys`` (a set, or the keys of a dict) the predicate holds for."""
        yes, known = self._yes, self._known
        if len(known) > _KEYS_REMEMBERED:
            yes.clear()
            known.clear()
        predicate = self._predicate
        # Set operations in C; the predicate for new keys only.  Not ``keys - known`` for
        # a dict's keys: that is set.difference_update(known), which walks all of
        # ``known`` (every key of the corpus so far); a set's difference() walks the
        # article's keys only (a set passed in is not copied first: TokenStream.distinct).
        fresh = (keys if isinstance(keys, (set, frozenset)) else set(keys)).difference(known)
        if fresh:
            known |= fresh
            yes.update(key for key in fresh if predicate(key))
        return keys & yes


class StreamKeyFilter:
    """A :class:`KeyFilter` over an article's token stream whose selection is made in one
    pass over the stream's distinct keys together with every other stream key filter's.

    Each :meth:`KeyFilter.select` walks all of an article's few hundred distinct keys
    (copying them into a set, then probing what it remembers): three such filters over
    the same stream (dates, measure phrases, measure heads) cost 0.2 ms per synthetic
    article, most of it in reading the keys again, out of cache by then.  The stream key
    filters share one memo of which predicates each key satisfies (a bit mask per key) and
    one selection per stream: a key is read once per article, its predicates asked only
    the first time it is seen.  What a filter selects depends on each key alone, as with
    :class:`KeyFilter`.
    """

    __slots__ = ("_predicate", "_bit")

    def __init__(self, predicate: Callable[[str], bool]) -> None:
        self._predicate = predicate
        self._bit: int | None = None  # registered when first used: a filter never used
        # with a stream (a rule list matched only on short windows) costs nothing

    def select(self, stream: TokenStream) -> tuple[str, ...]:
        """The distinct keys of ``stream`` the predicate holds for."""
        if self._bit is None:
            self._bit = _STREAM_KEYS.register(self._predicate)
        return _STREAM_KEYS.selected(stream)[self._bit]


class _StreamKeys:
    """The shared memo and per-stream selection of :class:`StreamKeyFilter`."""

    def __init__(self) -> None:
        self._predicates: list[Callable[[str], bool]] = []
        self._masks: dict[str, int] = {}
        """Per key seen, the predicates it satisfies (bit ``j``: predicate ``j``)."""
        self._last: tuple[TokenStream, list[tuple[str, ...]]] | None = None
        """The last stream asked about (held, so no other can take its identity) and its
        selection, one tuple: a thread reads both or neither."""
        self._lock = threading.Lock()  # a predicate added while masks are being made

    def register(self, predicate: Callable[[str], bool]) -> int:
        """Add ``predicate``; its bit."""
        with self._lock:
            self._predicates.append(predicate)
            self._masks.clear()  # the keys seen lack the new predicate's answer
            self._last = None
            return len(self._predicates) - 1

    def selected(self, stream: TokenStream) -> list[tuple[str, ...]]:
        """Per predicate, the distinct keys of ``stream`` it holds for (made once for the
        last stream asked about, and shared by every filter: tuples, so no caller can
        change another's selection)."""
        last = self._last
        if last is not None and last[0] is stream:
            return last[1]
        with self._lock:
            selected = self._select(stream)
            self._last = (stream, selected)
        return selected

    def _select(self, stream: TokenStream) -> list[tuple[str, ...]]:
        masks = self._masks
        if len(masks) > _KEYS_REMEMBERED:
            masks.clear()
        predicates = self._predicates
        selected: list[list[str]] = [[] for _ in predicates]
        keys = list(stream.distinct)
        found = list(map(masks.get, keys))  # the loops over every key run in C
        # keys never seen (their places found in one pass, also in C): predicates asked now
        for i in compress(range(len(found)), map(_is_none, found)):
            found[i] = masks[keys[i]] = sum(
                1 << j for j, predicate in enumerate(predicates) if predicate(keys[i]))
        # only the keys some rule may start at (a mask not 0) reach Python, grouped by
        # mask: an article's keys fall in a few groups
        groups: dict[int, list[str]] = {}
        for key, mask in zip(compress(keys, found), filter(None, found), strict=True):
            group = groups.get(mask)
            if group is None:
                groups[mask] = [key]
            else:
                group.append(key)
        for mask, group in groups.items():
            for j, chosen in enumerate(selected):
                if mask >> j & 1:
                    chosen.extend(group)
        return list(map(tuple, selected))


_is_none = partial(is_, None)
"""``key is None``, callable from ``map`` (so a pass over every key stays in C)."""
_STREAM_KEYS = _StreamKeys()
