#!/usr/bin/env python3
"""The annotated sets the extractors are scored on, and where their files are.

`seeds` is the seed articles with the copy of the shared seeds gold; every folder of
tests/data/heldout/ with a gold.json is a set. dev12, dev13, dev14 and final are the
never-seen sets: nobody tunes on them, so only the lead scores them (KG_LEAD=1), once per
stop. Without arguments, prints the tuning sets; with a set name, its articles and gold.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(os.environ.get("KG_TREE") or Path(__file__).resolve().parents[2])
HELDOUT = ROOT / "tests" / "data" / "heldout"
NEVER_SEEN = frozenset({"dev12", "dev13", "dev14", "final"})


def python() -> str:
    """The interpreter that runs kg: $PYTHON, else the tree's .venv, else this one."""
    venv = ROOT / ".venv" / "bin" / "python"
    return os.environ.get("PYTHON") or (str(venv) if venv.exists() else sys.executable)


def lead() -> bool:
    """Whether the caller may score the never-seen sets."""
    return os.environ.get("KG_LEAD") == "1"


def tuning_sets() -> list[str]:
    """Every annotated set but the never-seen ones, in numeric order (dev, dev2, ...)."""
    names = [p.name for p in HELDOUT.iterdir()
             if (p / "gold.json").exists() and p.name not in NEVER_SEEN]
    return sorted(names, key=lambda n: (len(n), n))


def paths(name: str) -> tuple[Path, Path]:
    """The articles folder and the gold file of a set."""
    if name == "seeds":
        return ROOT / "seeds", ROOT / "tests" / "data" / "seeds-gold.json"
    if name in NEVER_SEEN and not lead():
        raise SystemExit(f"{name} is a never-seen set: only the lead scores it (KG_LEAD=1)")
    return HELDOUT / name / "articles", HELDOUT / name / "gold.json"


if __name__ == "__main__":
    if len(sys.argv) > 1:
        articles, gold = paths(sys.argv[1])
        print(articles, gold)
    else:
        print(" ".join(tuning_sets()))
