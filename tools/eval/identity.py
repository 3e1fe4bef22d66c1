#!/usr/bin/env python3
"""Compare the graphs this tree and a git revision build from the annotated sets.

usage: tools/eval/identity.py --base REF [-v] [SET ...]

Checks out REF in a worktree under the temporary folder, builds each set with both trees,
exports N-Quads and prints how many quads differ (a refactor should print 0 everywhere);
-v lists up to 40 removed and 40 added quads per set.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sets import ROOT, paths, python, tuning_sets


def base_tree(ref: str) -> Path:
    """A worktree of ``ref`` (made once per commit, reused)."""
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", ref], capture_output=True,
                         text=True, check=True).stdout.strip()
    tree = Path(tempfile.gettempdir()) / f"kg-identity-{sha[:12]}"
    if not tree.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree),
                        sha], check=True)
    return tree


def export_quads(tree: Path, articles: Path) -> set[str]:
    """The N-Quads ``tree``'s code builds from ``articles``."""
    env = dict(os.environ, PYTHONPATH=str(tree), KG_RESOURCES=str(tree))
    with tempfile.TemporaryDirectory() as tmp:
        # not "-m kg": revisions before kg/__main__.py existed are compared too
        kg = [python(), "-c", "from kg.cli import main; main()"]
        subprocess.run([*kg, "build", str(articles), "--store", f"{tmp}/s", "--quiet"],
                       cwd=tree, env=env, capture_output=True)
        done = subprocess.run([*kg, "export", "--format", "nquads", "--store", f"{tmp}/s",
                               "-o", "-"], cwd=tree, env=env, capture_output=True, text=True)
        return set(done.stdout.splitlines())


def compare(base: Path, name: str, verbose: bool) -> str:
    """One set's line: how many quads differ between the base and this tree."""
    articles, _ = paths(name)
    before, after = export_quads(base, articles), export_quads(ROOT, articles)
    lines = [f"{name:<7} {len(before ^ after):>6} quads differ "
             f"(-{len(before - after)} +{len(after - before)})"]
    if verbose:
        lines += [f"  - {q}" for q in sorted(before - after)[:40]]
        lines += [f"  + {q}" for q in sorted(after - before)[:40]]
    return "\n".join(lines)


def main() -> None:
    """Parse the arguments and compare set by set, two at a time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="git revision to compare with")
    parser.add_argument("-v", action="store_true", help="list the quads that differ")
    parser.add_argument("sets", nargs="*", help="sets (default: seeds and the tuning sets)")
    args = parser.parse_args()
    base = base_tree(args.base)
    names = args.sets or ["seeds", *tuning_sets()]
    with ThreadPoolExecutor(2) as pool:
        for line in pool.map(lambda n: compare(base, n, args.v), names):
            print(line, flush=True)


if __name__ == "__main__":
    main()
