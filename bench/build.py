"""Benchmark: build the seed corpus into a fresh store and print figures (not a test).

Usage: ``.venv/bin/python bench/build.py [PATH ...] [--repeat N]``.  Prints the wall time of
each stage (read, extract, resolve + assemble, validate, write) as the median of N runs,
and the triples per article of the last run.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from kg.build import (
    BuildReport,
    build_quads,
    extract_corpus,
    ontology_quads,
    read_corpus,
    validate_quads,
)
from kg.store import Store


def run_once(paths: list[Path]) -> dict[str, float]:
    """Time each stage of one build; returns seconds per stage."""
    timings: dict[str, float] = {}
    report = BuildReport()
    t = time.perf_counter()
    articles = read_corpus(paths, report)
    timings["read"] = time.perf_counter() - t
    t = time.perf_counter()
    extractions = extract_corpus(articles, report)
    timings["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    quads = build_quads(extractions)
    timings["resolve+assemble"] = time.perf_counter() - t
    t = time.perf_counter()
    validate_quads(quads)
    timings["validate"] = time.perf_counter() - t
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, Store(tmp).write() as store:
        store.bulk_extend(quads + ontology_quads())
    timings["write"] = time.perf_counter() - t
    timings["total"] = sum(timings.values())
    timings["articles"] = len(extractions)
    timings["quads"] = len(quads)
    return timings


def main() -> None:
    """Parse arguments, run the benchmark, print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("seeds")])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    runs = [run_once(args.paths) for _ in range(args.repeat)]
    print(f"corpus: {', '.join(map(str, args.paths))}; {int(runs[-1]['articles'])} articles, "
          f"{int(runs[-1]['quads'])} quads (without the ontology graph); median of {args.repeat}")
    for stage in ("read", "extract", "resolve+assemble", "validate", "write", "total"):
        print(f"  {stage:<17} {statistics.median(r[stage] for r in runs) * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
