"""Benchmark (not a test): SHACL validation time, throughput and peak memory by graph size.

For each size (default 10k, 100k and 1M triples) a synthetic graph in the layout of
docs/graph-layout.md (``bench/validation_data.py``, with a few injected defects) is
validated with the full shape set of ``shapes/``:

* ``sparql`` / ``store``: what ``kg validate`` does: read the on-disk store into memory, run
  the shapes compiled to SPARQL, locate and render the results;
* ``sparql`` / ``quads``: what ``kg build`` does before writing (the quads are in memory);
* ``pyshacl`` / ``store``: the reference engine, plain pySHACL over the union of the graphs
  as one rdflib graph.  It is slow, so it runs only up to ``--pyshacl-max`` triples and
  within ``--timeout`` seconds; beyond, its time is extrapolated linearly from the largest
  size it finished (and marked so).

Each measurement runs in a fresh process, so its peak resident memory (``ru_maxrss``) is its
own.  Wall time and CPU time are both printed: on a busy machine the CPU time is the fairer
figure.  Usage::

    python bench/validate.py [--sizes 10000 100000 1000000] [--pyshacl-max 100000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# `python bench/validate.py` puts bench/ first on sys.path, where a bench script named like a
# standard module (bench/http.py) would shadow it: look from the repository root instead.
ROOT = Path(__file__).resolve().parent.parent
if sys.path and Path(sys.path[0]).resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)

from bench.validation_data import synthetic_quads  # noqa: E402
from kg.store import Store  # noqa: E402
from kg.validate import validate_quads, validate_store  # noqa: E402

TARGET = 50_000
"""Triples per second the fast path must reach at 1M triples (issue 5)."""
MEMORY_LIMIT = 4 * 1024**3
DEFECTS = 25


def measure(engine: str, source: str, size: int, store: str | None) -> dict[str, object]:
    """One validation in this process; its figures."""
    if source == "quads":
        quads = synthetic_quads(size, defects=DEFECTS)
        started, cpu = time.perf_counter(), time.process_time()
        report = validate_quads(quads, engine=engine)
    else:
        started, cpu = time.perf_counter(), time.process_time()
        report = validate_store(Store(store or ""), engine=engine)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    return {
        "engine": engine, "source": source, "triples": report.triples, "seconds": seconds,
        "cpu": cpu_seconds, "results": len(report.results), "conforms": report.conforms,
        "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }


def run_child(engine: str, source: str, size: int, store: Path,
              timeout: float) -> dict[str, object] | None:
    """:func:`measure` in a fresh process; ``None`` when it did not finish in time."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", engine, source,
               str(size), str(store)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              check=True, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"{engine}/{source} at {size} failed:\n{exc.stderr}") from exc
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_store(size: int, folder: Path) -> Path:
    """An on-disk kg store holding a synthetic graph of about ``size`` triples."""
    location = folder / f"store-{size}"
    with Store(location).write() as target:
        target.bulk_extend(synthetic_quads(size, defects=DEFECTS))
    return location


def row(size: int, figures: dict[str, object] | None, note: str = "") -> str:
    if figures is None:
        return f"{size:>9,}  (did not finish) {note}"
    rate = int(figures["triples"]) / float(figures["seconds"])  # type: ignore[arg-type]
    cpu_rate = int(figures["triples"]) / max(float(figures["cpu"]), 1e-9)  # type: ignore[arg-type]
    return (f"{int(figures['triples']):>9,}  {figures['engine']:<8} {figures['source']:<6} "
            f"{float(figures['seconds']):>9.2f} {float(figures['cpu']):>9.2f} "  # type: ignore[arg-type]
            f"{rate:>12,.0f} {cpu_rate:>12,.0f} "
            f"{int(figures['rss']) / 1024**2:>9,.0f} {int(figures['results']):>8} {note}")  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the measurements, print the table."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--pyshacl-max", type=int, default=100_000,
                        help="largest size pyshacl runs at (default 100000)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per measurement")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        engine, source, size, store = args.child
        print(json.dumps(measure(engine, source, int(size), store)))
        return 0
    print("   triples  engine   source   wall s     cpu s  triples/s  tr/s of cpu"
          "    RSS MiB  results")
    reference: dict[str, object] | None = None
    summary = None
    with tempfile.TemporaryDirectory(prefix="kg-bench-validate-") as tmp:
        for size in args.sizes:
            store = write_store(size, Path(tmp))
            for engine, source in (("sparql", "store"), ("sparql", "quads"),
                                   ("pyshacl", "store")):
                if engine == "pyshacl" and size > args.pyshacl_max:
                    print(row(size, _extrapolated(reference, size), "(extrapolated)")
                          if reference else f"{size:>9,}  pyshacl  skipped")
                    continue
                figures = run_child(engine, source, size, store, args.timeout)
                note = "" if figures is not None else f"(> {args.timeout:.0f} s)"
                print(row(size, figures, note), flush=True)
                if engine == "pyshacl" and figures is not None:
                    reference = figures
                if engine == "sparql" and source == "store" and figures is not None:
                    summary = figures
            _remove(store)
    if summary is not None:
        rate = int(summary["triples"]) / float(summary["seconds"])  # type: ignore[arg-type]
        rss = int(summary["rss"])  # type: ignore[arg-type]
        speed = "met" if rate >= TARGET else "NOT met"
        memory = "met" if rss <= MEMORY_LIMIT else "NOT met"
        print(f"\nkg validate at {int(summary['triples']):,} triples: {rate:,.0f} triples/s "  # type: ignore[arg-type]
              f"(target {TARGET:,}: {speed}), peak RSS {rss / 1024**3:.2f} GiB "
              f"(limit 4 GiB: {memory})")
    return 0


def _extrapolated(figures: dict[str, object], size: int) -> dict[str, object]:
    """``figures`` scaled linearly to ``size`` triples (time; memory left as measured)."""
    scale = size / int(figures["triples"])  # type: ignore[arg-type]
    return {**figures, "triples": size, "seconds": float(figures["seconds"]) * scale,  # type: ignore[arg-type]
            "cpu": float(figures["cpu"]) * scale}  # type: ignore[arg-type]


def _remove(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
