"""Extraction in worker processes: a large corpus is extracted on every CPU.

Each article is extracted on its own (the corpus-wide step, the anchor of undated articles,
ran before: :func:`kg.build.anchor_corpus`), so the articles can be shared out among
processes and the extractions gathered in corpus order; resolution and everything after it
stay in the build's process.  The result is the same as in one process: the extractors keep
no state from one article to the next (their caches hold rule tables and parsed words), and
the tests build one corpus both ways and compare the quads.

A worker is started with ``forkserver`` (never a fork of the build's process, which may hold
threads and an open store) and loads the rule tables once (:func:`kg.extract.prepare`);
that start costs about a second of CPU per worker, so a small corpus is extracted in the
build's process (:data:`MIN_ARTICLES`).  A worker that dies (killed for memory, say) costs
no article: the articles it had not returned are extracted in the build's process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from .extract import extract, prepare
from .model import Article, Extraction

MIN_ARTICLES = 200
"""Below this many articles, starting workers costs about what it saves: a worker's start
(imports and rule tables) takes about a second, some 30-60 articles' extraction.  Measured
with ``bench/extract.py --jobs 2`` on 2 CPUs: 1.78x the one-process wall time at 1,000
synthetic articles."""
CHUNK = 16
"""Articles sent to a worker at a time: few round trips, and the last chunks still spread."""

Outcome = Extraction | str
"""An article's extraction, or why its extraction failed."""


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def processes_for(jobs: int, articles: int) -> int:
    """How many processes extract ``articles`` articles when ``jobs`` are asked for (0: as
    many as there are CPUs); 1 means the build's own process."""
    wanted = available_cpus() if jobs == 0 else min(jobs, available_cpus())
    if wanted <= 1 or articles < MIN_ARTICLES:
        return 1
    return min(wanted, max(1, articles // CHUNK))


def extract_one(article: Article) -> Outcome:
    """:func:`kg.extract.extract`, with a failure returned as its message: one article's bug
    must not stop the build (:func:`kg.build.extract_corpus` reports it and goes on)."""
    try:
        return extract(article)
    except Exception as exc:  # noqa: BLE001 - one article's bug must not stop the build
        return f"extraction failed: {exc!r}"


def extract_in_processes(articles: Sequence[Article], processes: int,
                         fallback: Callable[[Article], Outcome] = extract_one,
                         notice: Callable[[str], None] | None = None) -> list[Outcome]:
    """The outcome of each article, in order, extracted by ``processes`` worker processes.

    Each extraction comes back holding a copy of its article; the build's own article is put
    back in its place, so the corpus's texts are held once.  If the pool breaks, or cannot
    start (no process may be created: a container's limit, no shared memory), the articles
    without an outcome are extracted by ``fallback`` in this process, and ``notice`` is told
    so: the build is whole, only slower than asked.
    """
    outcomes: list[Outcome] = []
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    try:
        with ProcessPoolExecutor(processes, mp_context=context, initializer=prepare) as pool:
            for article, outcome in zip(articles, pool.map(extract_one, articles,
                                                           chunksize=CHUNK), strict=False):
                outcomes.append(outcome if isinstance(outcome, str)
                                else replace(outcome, article=article))
    except (BrokenProcessPool, OSError) as exc:
        if notice is not None:
            rest = len(articles) - len(outcomes)
            notice(f"the worker processes stopped after {len(outcomes)} of {len(articles)} "
                   f"articles ({type(exc).__name__}: {exc}); the other {rest} were extracted "
                   "in the build's own process")
    outcomes.extend(fallback(article) for article in articles[len(outcomes):])
    return outcomes
