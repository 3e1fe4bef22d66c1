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

    __slots__ = ("bigrams", "other", "stems", "words")

    def __init__(self, weights: dict[str, float]) -> None:
        self.words: dict[str, float] = {}
        self.stems: dict[str, float] = {}
        self.bigrams: dict[tuple[str, str], float] = {}
        """Keyed by the two words: a pair of keys is made and hashed faster than the
        feature's string (``b:<k1>_<k2>``), which costs a third of a sentence's score."""
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
                    self.bigrams[first, second] = weight
            else:
                self.other[feature] = weight


_OPENING = itemgetter(slice(None, 1))
"""``key[:1]`` as a C function: ``any()`` over ``map()`` runs no generator frame per word."""


def sentence_score(keys: Sequence[str], actor_types: Iterable[str], dates: int,
                   weights: FeatureWeights) -> float:
    """The sum of the weights of :func:`sentence_features` (same arguments; ``keys`` are
    word-token keys, which hold no underscore), computed from the bare words: equal to
    summing the weights of the feature set (``fsum`` is exact, so neither the order nor
    the grouping changes a bit)."""
    words = ["<num>" if key.isdigit() else key for key in keys]
    unique = set(words)
    w_weights, s_weights, b_weights, o_weights = (weights.words, weights.stems,
                                                  weights.bigrams, weights.other)
    # key-view intersections run in C; only the features with a weight reach Python
    parts = list(map(w_weights.__getitem__, w_weights.keys() & unique))
    parts += map(s_weights.__getitem__, s_weights.keys() & set(map(stem, unique)))
    pairs = set(zip(["<s>", *words], words, strict=False))  # (the last word opens none)
    parts += map(b_weights.__getitem__, b_weights.keys() & pairs)
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
