"""Benchmark (not a test): how long each example query (``server/queries/*.rq``) takes.

A clicked example should answer at once, and an example whose cost grows with the corpus
faster than the corpus does shows here first: the web review of round 19 found "What did
He Yadong say?" at 0.3 s on the seeds and 9 s on 29 articles (its name test joined every
statement), now 0.01 s and 0.04 s.  For each folder given (default: ``seeds/``) the
script builds a store in a temporary folder, then runs every example with its defaults
``--repeat`` times and prints the best and median seconds and the rows.  Usage::

    python bench/examples.py [FOLDER ...] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if sys.path and Path(sys.path[0]).resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)  # bench/http.py would shadow the standard module

from kg.build import build  # noqa: E402
from kg.examples import load_examples  # noqa: E402
from kg.namespace import PREFIXES  # noqa: E402
from kg.store import Store  # noqa: E402
from server.app import QUERIES_DIR  # noqa: E402


def time_examples(folders: list[Path], repeat: int) -> None:
    """Build ``folders`` into one store and print each example's timings (over the union
    of the graphs, as the endpoint answers)."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "store")
        report = build(folders, store, validate=False)
        print(f"{len(report.articles)} articles, {report.quads:,} quads "
              f"({', '.join(str(f) for f in folders)})")
        data = store.open()
        print(f"{'example':<28} {'best s':>8} {'median s':>9} {'rows':>6}")
        for example in load_examples(QUERIES_DIR):
            seconds = []
            answer: object = None
            for _ in range(repeat):
                start = time.perf_counter()
                answer = list(data.query(example.query, prefixes=PREFIXES,  # type: ignore[arg-type]
                                         use_default_graph_as_union=True))
                seconds.append(time.perf_counter() - start)
            rows = len(answer) if isinstance(answer, list) else 0
            print(f"{example.name:<28} {min(seconds):>8.3f} "
                  f"{statistics.median(seconds):>9.3f} {rows:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "seeds"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    time_examples(args.folders, args.repeat)


if __name__ == "__main__":
    main()
