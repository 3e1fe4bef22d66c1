"""Per-object memos for the lookups an article's extractors repeat.

:class:`~kg.extract.context.Context` answers the same questions for the same offsets many
times per article (the word before a speech verb, the subject left of it, the state an
actor belongs to), from the rules of several extractors.  :func:`memoized` keeps each
answer on the object asked, keyed by the arguments: the object is built once per article
and never changed after, so an answer cannot go stale, and it is dropped with the article.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

R = TypeVar("R")
Owner = TypeVar("Owner")


def memoized(method: Callable[[Owner, Any], R]) -> Callable[[Owner, Any], R]:
    """Keep the answers of a one-argument ``method`` (a hashable argument) per object, in
    the object's ``__dict__`` (see module doc)."""
    name = "_memo_" + method.__name__

    @functools.wraps(method)
    def cached(self: Owner, arg: Hashable) -> R:
        memo: dict[Hashable, R] | None = self.__dict__.get(name)
        if memo is None:
            memo = self.__dict__[name] = {}
        try:
            return memo[arg]
        except KeyError:
            value = memo[arg] = method(self, arg)
            return value

    return cached


def memoized2(method: Callable[[Owner, Any, Any], R]) -> Callable[[Owner, Any, Any], R]:
    """:func:`memoized` for a method of two (hashable) arguments."""
    name = "_memo_" + method.__name__

    @functools.wraps(method)
    def cached(self: Owner, first: Hashable, second: Hashable) -> R:
        memo: dict[tuple[Hashable, Hashable], R] | None = self.__dict__.get(name)
        if memo is None:
            memo = self.__dict__[name] = {}
        key = (first, second)
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = method(self, first, second)
            return value

    return cached
