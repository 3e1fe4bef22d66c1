"""The features of one sentence that the learned measure detector reads.

One function, :func:`sentence_features` (over :func:`sentence_keys`), used both by the
training script (:mod:`kg.extract.measures.train`) and at run time
(:mod:`kg.extract.measures.learned`), so a sentence is described the same way in both.
It reads kg's own tokens (:class:`~kg.extract.gazetteer.TokenStream`: case-folded keys)
and the actor and date mentions the extractors already found; it computes nothing else.

Features (binary: present or not):

``w:<key>``      a word token's key ("w:curbs"); every run of digits is ``w:<num>``
``s:<stem>``     the word with a crude English suffix stripped ("s:restrict" for
                 "restricting", "restricted", "restrictions")
``b:<k1>_<k2>``  two consecutive word tokens ("b:export_licences")
``a:<type>``     the sentence names an actor of that type ("a:state", "a:government_body")
``d:date``       the sentence holds a resolved date expression
``n:number``     the sentence holds a number

:data:`FEATURE_VERSION` names this recipe; the model file records it and the loader refuses
a model made with another.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from operator import itemgetter

from ..gazetteer import TokenStream

__all__ = ["FEATURE_VERSION", "FeatureWeights", "sentence_features", "sentence_keys",
           "sentence_score", "stem"]

FEATURE_VERSION = "words-stems-bigrams-actors-dates/1"
"""Changes whenever :func:`sentence_features` would describe a sentence differently."""

_SUFFIXES = ("ations", "ation", "ions", "ion", "ings", "ing", "ies", "ied", "ed", "es", "s")
"""Longest first; a word keeps at least :data:`_STEM_MIN` letters."""
_STEM_MIN = 4


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """``word`` with one common English suffix stripped ("restrictions" -> "restrict")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _STEM_MIN:
            return word[: -len(suffix)]
    return word


def sentence_features(keys: Sequence[str], actor_types: Iterable[str],
                      dates: int) -> set[str]:
    """The features of a sentence whose word-token keys are ``keys`` (in order), naming
    actors of ``actor_types`` and holding ``dates`` resolved date expressions."""
    words = ["<num>" if key.isdigit() else key for key in keys]
    out = {f"a:{kind}" for kind in actor_types}
    if dates:
        out.add("d:date")
    if any(key[:1].isdigit() for key in keys):
        out.add("n:number")
    out.update(map("w:".__add__, words))
    out.update(map("s:".__add__, map(stem, words)))
    out.update(map("b:{}_{}".format, ["<s>", *words], words))
    return out


class FeatureWeights:
    """One linear model's weights split by feature kind, keyed by the bare word, stem or
    word pair: :func:`sentence_score` sums them without building the feature strings."""

    __slots__ = ("_lexicon", "_openers", "other", "stems", "words")

    def __init__(self, weights: dict[str, float]) -> None:
        self.words: dict[str, float] = {}
        self.stems: dict[str, float] = {}
        self._lexicon: dict[str, _WordWeights] = {}
        """Per word seen: what :meth:`word_weights` gives."""
        self._openers: dict[str, dict[str, float]] = {}
        """The bigram weights by their second word, then their first: found from the word
        (see :meth:`word_weights`), not by making the feature's string
        (``b:<k1>_<k2>``) nor a pair."""
        self.other: dict[str, float] = {}
        for feature, weight in weights.items():
            kind, _, rest = feature.partition(":")
            if kind == "w":
                self.words[rest] = weight
            elif kind == "s":
                self.stems[rest] = weight
            elif kind == "b":
                first, _, second = rest.partition("_")
                if "_" not in second:
                    # (word keys hold no underscore: a pair that does is none of theirs)
                    self._openers.setdefault(second, {})[first] = weight
            else:
                self.other[feature] = weight

    def word_weights(self, word: str) -> _WordWeights:
        """The weight of ``word`` (``None`` without one), its stem if the stem has a weight
        (else ``None``), that weight (else 0), and the weights of the bigrams ending in
        ``word`` by their first word (``None`` without any).  Remembered per word: a
        sentence's score then probes one dict per word instead of the word, stem,
        stem-weight and bigram tables, mostly out of the processor's cache by the time a
        sentence is scored (0.2 ms per synthetic article)."""
        entry = self._lexicon.get(word)
        if entry is None:
            if len(self._lexicon) > _WORDS_REMEMBERED:
                self._lexicon.clear()
            root = stem(word)
            weight = self.stems.get(root)
            entry = self._lexicon[word] = (self.words.get(word), None if weight is None
                                           else root, weight or 0.0, self._openers.get(word))
        return entry


_WordWeights = tuple[float | None, str | None, float, dict[str, float] | None]
"""What :meth:`FeatureWeights.word_weights` gives for a word."""
_WORDS_REMEMBERED = 100_000
"""Words a :class:`FeatureWeights` remembers (a bound for corpora of many words)."""
_OPENING = itemgetter(slice(None, 1))
"""``key[:1]`` as a C function: ``any()`` over ``map()`` runs no generator frame per word."""


def sentence_score(keys: Sequence[str], actor_types: Iterable[str], dates: int,
                   weights: FeatureWeights) -> float:
    """The sum of the weights of :func:`sentence_features` (same arguments; ``keys`` are
    word-token keys, which hold no underscore), computed from the bare words: equal to
    summing the weights of the feature set (``fsum`` is exact, so neither the order nor
    the grouping changes a bit)."""
    words = ["<num>" if key.isdigit() else key for key in keys]
    o_weights = weights.other
    parts: list[float] = []
    stems: dict[str, float] = {}  # each weighted stem once, however many words share it
    known = weights._lexicon.get  # word_weights' memo read in place: no call per word
    for word in set(words):
        own, root, root_weight, _ = known(word) or weights.word_weights(word)
        if own is not None:
            parts.append(own)
        if root is not None:
            stems[root] = root_weight
    parts += stems.values()
    pairs: dict[tuple[str, str], float] = {}  # each weighted bigram once
    previous = "<s>"
    for word in words:  # (their memo entries were just read: in cache)
        openers = (known(word) or weights.word_weights(word))[3]
        if openers is not None:
            weight = openers.get(previous)
            if weight is not None:
                pairs[previous, word] = weight
        previous = word
    parts += pairs.values()
    flags = {f"a:{kind}" for kind in actor_types}
    if dates:
        flags.add("d:date")
    if any(map(str.isdigit, map(_OPENING, keys))):
        flags.add("n:number")
    parts += map(o_weights.__getitem__, o_weights.keys() & flags)
    return math.fsum(parts)


def sentence_keys(stream: TokenStream, begin: int, end: int) -> list[str]:
    """The keys of the word tokens of ``stream`` (an article's tokens) in ``begin:end``."""
    tokens = stream.tokens
    lo = bisect.bisect_left(stream.begins, begin)
    hi = bisect.bisect_left(stream.begins, end, lo)
    return [t.key for t in tokens[lo:hi] if t.is_word]
