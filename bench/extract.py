"""Benchmark: build graphs from synthetic corpora (or given folders) and print figures.

Not a test: ``make bench`` runs it and a person reads the figures.  For each corpus size it
generates a synthetic corpus (``bench/corpus.py``, deterministic for a seed; not counted),
then times each stage of the build pipeline as :func:`kg.build.build` runs it -- extractor
setup (reference data and rule tables), ingest, extraction, resolution, disagreements,
graph assembly, SHACL validation, store write -- and prints:

* articles per second for extraction + resolution (+ disagreements), target >= 100 on one
  core, and for the whole build without validation;
* seconds per stage, and the peak resident memory after each;
* the growth of each stage's time from one size to the next (10x the articles should cost
  at most 11x the time: no all-pairs comparison across the corpus).

Each size (and each repeat) runs in a child process pinned to one CPU, so that sizes do not
pollute each other's memory figures and the rate is a one-core rate.  Times are CPU seconds
of that process (``time.process_time``, all its threads): on a machine shared with other
work, wall time measures the neighbours too; it is printed beside them.  Validation is
reported apart from the rest of the build (it is being rewritten for speed), and timed only
up to ``--validate-max`` articles (default 10,000) so that a slow validator can be left out.

Usage::

    python bench/extract.py [--sizes 100,1000,10000] [--seed 0] [--validate-max N]
    python bench/extract.py --sizes 1000 --profile [STAGES] [--profile-out FILE.prof]
    python bench/extract.py --paths seeds/ --repeat 5      # a real corpus instead
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402 - bench/ is not a package

from kg.build import (  # noqa: E402
    BuildReport,
    assemble_graph,
    extract_corpus,
    read_corpus,
    write_graph,
)
from kg.disagree import find_disagreements  # noqa: E402
from kg.extract import prepare  # noqa: E402
from kg.extract.refdata import actor_info, material_info  # noqa: E402
from kg.resolve import resolve  # noqa: E402
from kg.store import Store  # noqa: E402
from kg.workers import processes_for  # noqa: E402

T = TypeVar("T")

STAGES = ("refdata", "ingest", "extract", "resolve", "disagree", "assemble", "validate",
          "write")
"""Build stages in pipeline order; extract+resolve+disagree is the rate the target is on.
``refdata`` is the one-time setup of the extractors (:func:`kg.extract.prepare`, which
:func:`kg.build.extract_corpus` calls first): loading their reference data
(``kg/data/*.toml``) and compiling the rule tables made from it."""
CORE = ("extract", "resolve", "disagree")
TARGET_RATE = 100.0
TARGET_GROWTH = 11.0


# -- one measurement, in a child process ------------------------------------------------------


def _rss_mib() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_ALL_CPUS: set[int] = set()


def _pin_to_one_cpu() -> int | None:
    """Run on one CPU only, so that the rate is a one-core rate; returns that CPU."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    _ALL_CPUS.update(os.sched_getaffinity(0))
    cpu = max(_ALL_CPUS)
    os.sched_setaffinity(0, {cpu})
    return cpu


def measure_jobs(paths: Sequence[Path], jobs: int) -> dict[str, float]:
    """Wall time of extraction in ``jobs`` worker processes (kg build --jobs), on every CPU
    this process was allowed before it pinned itself to one."""
    if _ALL_CPUS:
        os.sched_setaffinity(0, _ALL_CPUS)
    report = BuildReport()
    articles = read_corpus(list(paths), report)
    started = time.perf_counter()
    extractions = extract_corpus(articles, report, jobs=jobs)
    return {"jobs": jobs, "processes": processes_for(jobs, len(articles)),
            "wall": time.perf_counter() - started, "articles": len(extractions)}


def measure(paths: Sequence[Path], *, validate: bool, workdir: Path,
            profiler: cProfile.Profile | None = None, profiled: Sequence[str] = CORE,
            ) -> dict[str, Any]:
    """Run every build stage once over ``paths``; seconds and peak memory per stage.

    With a ``profiler``, the stages named in ``profiled`` run under it.
    """
    seconds: dict[str, float] = {}
    wall: dict[str, float] = {}
    rss: dict[str, float] = {"baseline": _rss_mib()}

    def timed(stage: str, step: Callable[[], T]) -> T:
        if profiler and stage in profiled:
            profiler.enable()
        started, cpu = time.perf_counter(), time.process_time()
        value = step()
        seconds[stage] = time.process_time() - cpu
        wall[stage] = time.perf_counter() - started
        if profiler and stage in profiled:
            profiler.disable()
        rss[stage] = _rss_mib()
        return value

    timed("refdata", prepare)
    report = BuildReport()
    articles = timed("ingest", lambda: read_corpus(list(paths), report))
    extractions = timed("extract", lambda: extract_corpus(articles, report))
    resolution = timed("resolve", lambda: resolve(extractions, actor_lookup=actor_info,
                                                  material_lookup=material_info))
    disagreements = timed("disagree", lambda: find_disagreements(extractions, resolution))
    data = timed("assemble", lambda: assemble_graph(extractions, resolution, disagreements))
    violations = None
    if validate:
        from kg.build import validate_graph

        validation = timed("validate", lambda: validate_graph(data))
        violations = validation.count("Violation") if hasattr(validation, "count") else None

    timed("write", lambda: write_graph(data, Store(workdir / "store")))
    return {
        "articles": len(extractions),
        "failures": [f"{f.path}: {f.message}" for f in report.failures],
        "words": sum(len(a.text.split()) for a in articles),
        "quads": len(data),
        "entities": {"actors": len(resolution.actors), "materials": len(resolution.materials),
                     "measures": len(resolution.measures), "disagreements": len(disagreements)},
        "violations": violations,
        "seconds": seconds,
        "wall_seconds": wall,
        "rss_mib": rss,
    }


def child(args: argparse.Namespace) -> None:
    """Measure one corpus in this (child) process and write the figures as JSON."""
    cpu = _pin_to_one_cpu()
    profiler = cProfile.Profile() if args.profile else None
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        generated = None
        if args.paths:
            paths = list(args.paths)
        else:
            started = time.perf_counter()
            write_corpus(work / "articles", args.child, args.seed)
            generated = time.perf_counter() - started
            paths = [work / "articles"]
        result = measure(paths, validate=args.validate, workdir=work, profiler=profiler,
                         profiled=args.profile.split(",") if args.profile else ())
        if args.jobs is not None:
            result["jobs"] = measure_jobs(paths, args.jobs)
    result.update(cpu=cpu, generated_seconds=generated)
    if profiler:
        _print_profile(profiler, args.profile, args.profile_out, args.profile_top)
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")


def _print_profile(profiler: cProfile.Profile, stages: str, out: Path | None, top: int) -> None:
    stats = pstats.Stats(profiler, stream=sys.stdout)
    total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    print(f"\nprofile of {stages.replace(',', ' + ')} ({total:.1f} s under the profiler)")
    for order in ("tottime", "cumulative"):
        print(f"\n-- top {top} by {order}")
        stats.sort_stats(order).print_stats(top)
    if out:
        stats.dump_stats(out)
        print(f"profile written to {out} (open with: python -m pstats {out})")


# -- the parent: run children, print figures ----------------------------------------------------


def run_child(args: argparse.Namespace, size: int | None) -> dict[str, Any]:
    """One measurement in a fresh interpreter; raises if the child fails."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        result_path = Path(f.name)
    command = [sys.executable, str(Path(__file__).resolve()), "--result", str(result_path),
               "--seed", str(args.seed), "--profile-top", str(args.profile_top)]
    if size is not None:
        command += ["--child", str(size)]
    else:
        command += ["--child", "0", "--paths", *map(str, args.paths)]
    if size is None or size <= args.validate_max:
        command.append("--validate")
    if args.jobs is not None:
        command += ["--jobs", str(args.jobs)]
    if args.profile:
        command += ["--profile", args.profile]
        if args.profile_out:
            out = args.profile_out if size is None else \
                args.profile_out.with_suffix(f".{size}{args.profile_out.suffix}")
            command += ["--profile-out", str(out)]
    try:
        subprocess.run(command, check=True)
        return json.loads(result_path.read_text(encoding="utf-8"))
    finally:
        result_path.unlink(missing_ok=True)


def median_result(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The last run's counts with the median time of each stage over all runs."""
    result = dict(runs[-1])
    for key in ("seconds", "wall_seconds"):
        result[key] = {stage: statistics.median(r[key][stage] for r in runs)
                       for stage in runs[-1][key]}
    result["rss_mib"] = {k: max(r["rss_mib"][k] for r in runs) for k in runs[-1]["rss_mib"]}
    return result


def core_seconds(result: dict[str, Any]) -> float:
    """Extraction + resolution (+ disagreements): the time the speed target is about."""
    return sum(result["seconds"][s] for s in CORE)


def build_seconds(result: dict[str, Any]) -> float:
    """The whole build but validation (reported apart: it is being rewritten)."""
    return sum(v for s, v in result["seconds"].items() if s != "validate")


def print_result(label: str, r: dict[str, Any]) -> None:
    """Figures of one corpus."""
    n = r["articles"]
    print(f"\n== {label}: {n:,} articles built, {len(r['failures'])} skipped; "
          f"{r['words'] / max(n, 1):.0f} words per article; {r['quads']:,} quads; "
          + ", ".join(f"{v:,} {k}" for k, v in r["entities"].items()))
    for failure in r["failures"][:5]:
        print(f"   skipped: {failure}")
    if r.get("generated_seconds") is not None:
        print(f"   (corpus generated in {r['generated_seconds']:.1f} s, not counted below)")
    print("   (refdata: once per process, kg.extract.prepare() loads the reference data and "
          "compiles the rule tables)")
    print(f"   {'stage':<12} {'CPU s':>9} {'CPU ms/art':>11} {'wall s':>9} {'peak RSS after':>15}")
    for stage in STAGES:
        if stage not in r["seconds"]:
            print(f"   {stage:<12} skipped (more articles than --validate-max)")
            continue
        s = r["seconds"][stage]
        print(f"   {stage:<12} {s:9.2f} {s * 1000 / max(n, 1):11.2f} "
              f"{r['wall_seconds'][stage]:9.2f} {r['rss_mib'][stage]:11.0f} MiB")
    rate = n / core_seconds(r)
    verdict = "meets" if rate >= TARGET_RATE else "MISSES"
    print(f"   extraction + resolution: {rate:7.1f} articles/s on one core "
          f"({verdict} the target of {TARGET_RATE:.0f})")
    print(f"   whole build without validation: {n / build_seconds(r):7.1f} articles/s")
    if r.get("violations"):
        print(f"   SHACL violations: {r['violations']} (kg build leaves out the articles they are "
              "blamed on and validates the rest again: not timed here)")
    elif r.get("violations") is not None:
        print("   SHACL violations: none")
    if r.get("jobs"):
        j = r["jobs"]
        one = r["wall_seconds"]["extract"]
        print(f"   extraction with --jobs {j['jobs']} ({j['processes']} process(es), wall time): "
              f"{j['articles'] / j['wall']:7.1f} articles/s, {one / j['wall']:.2f}x the "
              f"one-process wall time ({n / one:.1f} articles/s)")
    peak = max(r["rss_mib"].values())
    print(f"   peak memory: {peak:.0f} MiB RSS ({r['rss_mib']['baseline']:.0f} MiB after imports)")


def print_summary(results: list[tuple[int, dict[str, Any]]]) -> None:
    """One line per size: the rates and the peak memory."""
    print("\n== summary (CPU time, one core)")
    print(f"   {'articles':>9} {'ext+res art/s':>14} {'build art/s':>12} {'validate s':>11} "
          f"{'peak RSS':>9}")
    for n, r in results:
        validate = r["seconds"].get("validate")
        print(f"   {n:9,} {n / core_seconds(r):14.1f} {n / build_seconds(r):12.1f} "
              f"{'skipped' if validate is None else f'{validate:.2f}':>11} "
              f"{max(r['rss_mib'].values()):5.0f} MiB")


def print_growth(results: list[tuple[int, dict[str, Any]]]) -> None:
    """Time ratios between consecutive sizes, stage by stage."""
    if len(results) < 2:
        return
    print("\n== growth of time between sizes (linear: ratio of times == ratio of sizes)")
    stages = [s for s in STAGES if all(s in r["seconds"] for _, r in results)]
    print("   " + f"{'sizes':<16}" + "".join(f"{s:>10}" for s in stages)
          + f"{'ext+res':>10}{'build':>10}")
    for (n1, r1), (n2, r2) in zip(results, results[1:], strict=False):
        ratios = [r2["seconds"][s] / max(r1["seconds"][s], 1e-9) for s in stages]
        core = core_seconds(r2) / core_seconds(r1)
        build = build_seconds(r2) / build_seconds(r1)
        scale = n2 / n1
        print("   " + f"{n1:,} -> {n2:,}".ljust(16) + "".join(f"{x:9.1f}x" for x in ratios)
              + f"{core:9.1f}x{build:9.1f}x")
        allowed = TARGET_GROWTH * scale / 10
        verdict = "meets" if core <= allowed else "MISSES"
        print(f"   {'':<16}{scale:.0f}x the articles: extraction + resolution grew {core:.1f}x "
              f"({verdict} the target of <= {allowed:.1f}x)")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000",
                        help="comma-separated corpus sizes (default: 100,1000,10000)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default: 0)")
    parser.add_argument("--validate-max", type=int, default=10_000,
                        help="time SHACL validation only up to this many articles")
    parser.add_argument("--paths", type=Path, nargs="+",
                        help="benchmark these article files or folders instead")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per corpus; stage times are the median")
    parser.add_argument("--profile", nargs="?", const=",".join(CORE), metavar="STAGES",
                        help="cProfile these stages (default: extract,resolve,disagree) and "
                             "print the hotspots")
    parser.add_argument("--profile-out", type=Path, help="also write the pstats file here")
    parser.add_argument("--profile-top", type=int, default=25)
    parser.add_argument("--json", type=Path, help="write all figures to this JSON file")
    parser.add_argument("--jobs", type=int, default=None,
                        help="also time extraction in worker processes as 'kg build --jobs N' "
                             "does (wall time, every CPU; 0: one per CPU)")
    # Internal: a child measures one corpus.
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--validate", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark for each size (or the given paths) and print the figures."""
    args = parse_args(argv)
    if args.child is not None:
        child(args)
        return
    print(f"kg build benchmark: Python {platform.python_version()}, pyoxigraph "
          f"{ox.__version__ if hasattr(ox, '__version__') else '?'}, {os.cpu_count()} CPUs "
          f"(each run pinned to one); seed {args.seed}")
    results: list[tuple[int, dict[str, Any]]] = []
    if args.paths:
        r = median_result([run_child(args, None) for _ in range(args.repeat)])
        print_result(", ".join(map(str, args.paths)) + f" (median of {args.repeat})", r)
        results.append((r["articles"], r))
    else:
        for size in (int(s) for s in args.sizes.split(",")):
            r = median_result([run_child(args, size) for _ in range(args.repeat)])
            print_result(f"synthetic corpus of {size:,}", r)
            results.append((size, r))
        print_summary(results)
        print_growth(results)
    if args.json:
        args.json.write_text(json.dumps([r for _, r in results], indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
