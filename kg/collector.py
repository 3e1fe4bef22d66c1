"""Pausing Python's cyclic garbage collector around one batch of build work.

Extraction, resolution, the search for disagreements and graph assembly each allocate
hundreds of thousands of small objects while the build holds millions of long-lived ones
(the extractions of every article). The collections those allocations trigger traverse the
long-lived objects too, so their cost grows with the corpus: measured on
``bench/extract.py``'s corpora, they took a quarter of extraction time, half of resolution
and a third of assembly at 1,000 articles, and extraction's share grew with the corpus; the
search for disagreements grew 29x from 1,000 to 10,000 articles, almost all of it
collections. None of these steps leaves reference cycles that need collecting before it
ends, so each runs with the collector paused; it is restored afterwards and collects as
usual between steps. Reference counting still frees everything else at once.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, settle: bool = False) -> Iterator[None]:
    """Run the block (or, as a decorator, the function) with the cyclic garbage collector
    paused; its state (enabled or not) is restored afterwards, even on an error.

    With ``settle``, the two younger generations are collected once on the way out: what
    the block made and kept (all of it still in the youngest generation) is then traversed
    once, instead of once by the next young collection and again by the next middle one,
    in whatever step comes next."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        if settle:
            gc.collect(1)
