"""``python -m kg.evaluate GOLD.json (--direct PATH... | --store DIR) [--details] [--json]``.

For extractor developers: ``--direct`` scores the extractors without building a store.
``--check`` exits 1 when a score is below the default targets.  Errors print one line and
exit with the code of :mod:`kg.errors` (2 for a bad gold file or bad usage).
"""

from __future__ import annotations

import argparse
import sys

from ..errors import KgError
from . import check_thresholds, evaluate_direct, evaluate_store, load_gold


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m kg.evaluate", description=__doc__)
    parser.add_argument("gold", help="gold annotations (JSON, format of shared/eval/README.md)")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--direct", nargs="+", metavar="PATH",
                        help="article files or folders to extract and score")
    source.add_argument("--store", metavar="DIR", help="store location built by 'kg build'")
    parser.add_argument("--details", action="store_true",
                        help="list misses, false positives and wrong attributes per file")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a score is below its target")
    args = parser.parse_args(argv)
    try:
        gold = load_gold(args.gold)
        if args.direct:
            report = evaluate_direct(gold, args.direct)
        else:
            from ..store import Store

            report = evaluate_store(gold, Store(args.store))
    except KgError as exc:
        print(f"kg.evaluate: {exc}", file=sys.stderr)
        return exc.exit_code
    print(report.to_json() if args.json else report.to_text(details=args.details))
    if args.check:
        failures = check_thresholds(report)
        for failure in failures:
            print(f"below target: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
