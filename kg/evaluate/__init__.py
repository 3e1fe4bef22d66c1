"""Score extraction against gold annotations, with the rules of the gold's README.

Library API (``kg eval`` in :mod:`kg.cli` is built on it)::

    gold = load_gold("../shared/eval/seeds-gold.json")
    report = evaluate_direct(gold, ["seeds/"])        # extractors only, no store
    report = evaluate_store(gold, Store(".kg/store"))  # the built graph, via SPARQL
    print(report.to_text(details=True))                 # or report.to_json()
    failures = check_thresholds(report)                 # [] when every target is met

For developers: ``python -m kg.evaluate GOLD.json --direct seeds/ [--details] [--json]``
or ``python -m kg.evaluate GOLD.json --store DIR``.

Modules: :mod:`.gold` (loading), :mod:`.rules` (name, quote, figure and date rules),
:mod:`.predictions` (the neutral prediction shape), :mod:`.direct` and :mod:`.stored` (the two
adapters), :mod:`.score` (one-to-one matching and counts), :mod:`.report` (tables, JSON,
targets).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .gold import CLASSES, Gold, load_gold, parse_gold
from .predictions import Predictions
from .report import DEFAULT_TARGETS, EvalReport, check_thresholds
from .score import evaluate

if TYPE_CHECKING:
    from ..store import Store

__all__ = [
    "CLASSES", "DEFAULT_TARGETS", "EvalReport", "Gold", "Predictions", "check_thresholds",
    "evaluate", "evaluate_direct", "evaluate_store", "load_gold", "parse_gold",
]


def evaluate_direct(gold: Gold, paths: Sequence[str | Path]) -> EvalReport:
    """Extract the article files under ``paths`` and score them against ``gold``."""
    from .direct import predict_direct

    return evaluate(gold, predict_direct(paths))


def evaluate_store(gold: Gold, store: Store) -> EvalReport:
    """Score the graph in ``store`` (built by ``kg build``) against ``gold``."""
    from .stored import predict_from_store

    return evaluate(gold, predict_from_store(store))
