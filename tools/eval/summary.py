#!/usr/bin/env python3
"""Score annotated sets with this tree, one row per set (two sets at a time).

usage: tools/eval/summary.py [SET ...]   (default: seeds and every tuning set)

Each row gives F1 for actors, materials, sources, measures, statements and figures, then the
accuracy over matched items of measure dates, statement dates, measure status and target.
"""
from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sets import tuning_sets

HERE = Path(__file__).resolve().parent
CLASSES = ("actors", "materials", "sources", "measures", "statements", "figures")
ACCURACIES = ("measures.date", "statements.date", "measures.status", "measures.target")
HEADER = "set     acto  mate  sour  meas  stat  figu  | mdate sdate mstat mtarg"


def score_row(name: str) -> str:
    """Build and score one set; its row of the table."""
    done = subprocess.run([str(HERE / "score.sh"), name, "--json"], capture_output=True,
                          text=True)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        return f"{name:<7} FAILED {done.stderr[-300:]}"
    f1s = " ".join(f"{report['classes'][c]['f1']:.3f}" for c in CLASSES)
    values = (report["accuracy"].get(a, {}).get("value") for a in ACCURACIES)
    accs = " ".join("  n/a" if v is None else f"{v:.3f}" for v in values)
    problems = [line for line in done.stderr.splitlines() if line.startswith("build: ")]
    return "\n".join([f"{name:<7} {f1s} | {accs}", *(f"        {p}" for p in problems)])


def main() -> None:
    """Print the table for the sets named on the command line (or all)."""
    names = sys.argv[1:] or ["seeds", *tuning_sets()]
    print(HEADER)
    with ThreadPoolExecutor(2) as pool:
        for line in pool.map(score_row, names):
            print(line, flush=True)


if __name__ == "__main__":
    main()
