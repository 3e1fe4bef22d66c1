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
from typing import Concatenate, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
Owner = TypeVar("Owner")


def memoized(method: Callable[Concatenate[Owner, P], R]) -> Callable[Concatenate[Owner, P], R]:
    """Keep the answers of ``method`` per object, in the object's ``__dict__``, keyed by its
    positional arguments (hashable; see module doc)."""
    name = "_memo_" + method.__name__

    @functools.wraps(method)
    def cached(self: Owner, *args: P.args, **kwargs: P.kwargs) -> R:
        assert not kwargs, "memoized lookups take positional arguments only"
        memo: dict[tuple[Hashable, ...], R] | None = self.__dict__.get(name)
        if memo is None:
            memo = self.__dict__[name] = {}
        try:
            return memo[args]
        except KeyError:
            value = memo[args] = method(self, *args, **kwargs)
            return value

    return cached
