"""Answers kept per store generation: a repeated read is answered from memory, exactly.

A store generation never changes once written (a build, a load or an update writes a new
one, see :mod:`kg.store`), so the answer to the same job against the same generation is the
same answer.  :class:`AnswerCache` wraps an executor (:mod:`kg.pool`): a job it has answered
for the current generation is answered again without a query process; any other goes
through, and a successful answer is kept, least recently used first out, within a byte
budget.  Not kept: answers that depend on more than the store (``SERVICE`` calls elsewhere;
``NOW()``, ``RAND()``, ``UUID()``, ``STRUUID()``, ``BNODE()`` give new values each time),
errors, a 503 of the time limit, and answers larger than an entry may be.

The same identity gives the endpoint's ``ETag`` (:func:`entity_tag`): the generation and a
digest of the job, so that a client or a proxy holding an answer can ask whether it is still
current (``If-None-Match``) and get a 304 without any query being run.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from .jobs import Executor, GraphJob, Job, Outcome, PageJob, QueryJob
from .store import Store

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_ENTRY_BYTES = 4 * 1024 * 1024
_VOLATILE = re.compile(r"\b(?:SERVICE|NOW|RAND|UUID|STRUUID|BNODE)\b", re.IGNORECASE)
"""Words of a query whose answer may differ from one run to the next on the same data (a
``SERVICE`` keyword, or a function named so); a match in a string or an IRI only costs a miss."""
_VOLATILE_PARTS = ("SERVICE", "NOW", "RAND", "UUID", "BNODE")
"""Upper-case text every match of :data:`_VOLATILE` in ASCII text contains (STRUUID: UUID)."""


def cacheable(job: Job) -> bool:
    """Whether the answer to ``job`` depends on the store generation alone."""
    if isinstance(job, QueryJob):
        return not _volatile(job.request.query)
    return isinstance(job, (GraphJob, PageJob))


def _volatile(query: str) -> bool:
    # The case-insensitive regex costs ~25 us on a query with its PREFIX lines, on every
    # request; most queries hold none of its words even as parts of other words, which
    # plain substring tests on the upper-cased text rule out in ~2 us.  Only for ASCII:
    # under re.IGNORECASE a few other letters match too (U+0131, dotless i, matches "I").
    if query.isascii():
        upper = query.upper()
        if not any(part in upper for part in _VOLATILE_PARTS):
            return False
    return _VOLATILE.search(query) is not None


def entity_tag(generation: str, job: Job) -> str:
    """The ``ETag`` of the answer to ``job`` from store generation ``generation`` (quoted,
    as HTTP writes it); the same in every worker process."""
    digest = hashlib.blake2b(repr(job).encode("utf-8"), digest_size=12).hexdigest()
    return f'"{generation}-{digest}"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``tag``; weak tags compare weakly, as RFC
    9110 asks of this header.  ``*`` is not a tag: see :func:`asks_any`."""
    if not if_none_match:
        return False
    wanted = tag.removeprefix("W/")
    return any(candidate.strip().removeprefix("W/") == wanted
               for candidate in if_none_match.split(","))


def asks_any(if_none_match: str | None) -> bool:
    """Whether an ``If-None-Match`` header is ``*``: "not modified" whenever the resource
    has a current representation, which for a query is known only once it has run (an
    error is no representation: RFC 9110 has it answered as it is)."""
    return if_none_match is not None and if_none_match.strip() == "*"


@dataclass
class CacheStatistics:
    """How the cache has done since it started."""

    hits: int = 0
    misses: int = 0
    entries: int = 0
    bytes: int = 0


class AnswerCache:
    """An :class:`kg.jobs.Executor` answering repeats of a job from memory (module doc).

    Thread-safe; one per process (each gunicorn worker has its own).
    """

    def __init__(self, engine: Executor, location: str | os.PathLike[str], *,
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 max_entry_bytes: int = DEFAULT_MAX_ENTRY_BYTES) -> None:
        self.engine = engine
        self.store = Store(location)
        self.max_bytes = max_bytes
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self.statistics = CacheStatistics()
        self._entries: OrderedDict[tuple[str, Job], tuple[Outcome, int]] = OrderedDict()
        self._lock = threading.Lock()
        self._generation: str | None = None
        """The generation seen last: answers of others will not be asked for again."""

    def run(self, job: Job) -> Outcome:
        """The kept answer to ``job`` for the current generation, or the engine's."""
        if not cacheable(job):
            return self.engine.run(job)
        generation = self.store.current_generation()
        if generation is not None:
            with self._lock:
                if generation != self._generation:
                    self._forget_all_but(generation)
                found = self._entries.get((generation, job))
                if found is not None:
                    self._entries.move_to_end((generation, job))
                    self.statistics.hits += 1
                    return found[0]
                self.statistics.misses += 1
        outcome = self.engine.run(job)
        # Kept under the generation that answered: a rebuild in between cannot file the new
        # graph's answer under the old graph, nor the other way round.
        if outcome.status == 200 and outcome.generation is not None:
            self._keep(outcome.generation, job, outcome)
        return outcome

    def _keep(self, generation: str, job: Job, outcome: Outcome) -> None:
        size = len(outcome.body) + sum(len(k) + len(v) for k, v in outcome.headers.items())
        if outcome.value is not None:
            try:
                size += len(pickle.dumps(outcome.value, protocol=pickle.HIGHEST_PROTOCOL))
            except (pickle.PicklingError, TypeError, AttributeError):
                return  # not measurable, so not kept
        if size > self.max_entry_bytes:
            return
        with self._lock:
            key = (generation, job)
            if generation != self._generation or key in self._entries:
                return  # answered by a generation the store has already left (or kept)
            self._entries[key] = (outcome, size)
            self.statistics.bytes += size
            while self.statistics.bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.statistics.bytes -= dropped
            self.statistics.entries = len(self._entries)

    def _forget_all_but(self, generation: str) -> None:
        # Called with the lock held, when the store has moved on to a new generation.
        self._generation = generation
        for key in [k for k in self._entries if k[0] != generation]:
            self.statistics.bytes -= self._entries.pop(key)[1]
        self.statistics.entries = len(self._entries)

    def start(self) -> None:
        """Start the wrapped executor's processes now, if it has any."""
        start = getattr(self.engine, "start", None)
        if start is not None:
            start()

    def close(self) -> None:
        """Close the wrapped executor and forget every answer."""
        with self._lock:
            self._entries.clear()
            self.statistics.entries = self.statistics.bytes = 0
        self.engine.close()
