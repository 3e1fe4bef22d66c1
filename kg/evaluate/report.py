"""Scores and findings: the evaluation report, as a text table, JSON, and a CI check.

Per class the report gives TP/FP/FN with precision, recall and F1, micro-averaged over files
(counts are summed over files before the ratios are taken).  Accuracies are measured over
matched items only: ``actors.type``, ``materials.category``, ``measures.date``,
``measures.status``, ``measures.target``, ``statements.date``, ``statements.kind`` (an item
whose gold or prediction gives no type or category is not judged); ``evidence.exact`` is
the share of evidence spans whose anchor equals the article text at their offsets, and
``articles.found`` the share of gold articles (sources of kind ``article``) that the
predictions hold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .gold import CLASSES, Trap

DEFAULT_TARGETS: dict[str, float] = {
    "actors": 0.90,
    "materials": 0.90,
    "sources": 0.90,
    "measures": 0.85,
    "statements": 0.85,
    "figures": 0.85,
    "measures.date": 0.90,
    "statements.date": 0.90,
}
"""Targets of issue 3: F1 for a class name, accuracy for a ``class.aspect`` name."""

ACCURACIES = ("actors.type", "materials.category", "measures.date", "measures.status",
              "measures.target", "statements.date", "statements.kind", "evidence.exact",
              "articles.found")


@dataclass
class ClassScore:
    """True positives, false positives and false negatives of one class."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was predicted and nothing was expected."""
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when nothing was expected and nothing was predicted."""
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: ClassScore) -> None:
        """Add another file's counts (micro-averaging)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        """Counts and ratios, rounded to four places."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    """Correct out of total; ``value`` is None when there was nothing to judge."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """correct / total, or None for an empty total."""
        return self.correct / self.total if self.total else None

    def count(self, ok: bool) -> None:
        """Record one judgement."""
        self.total += 1
        self.correct += int(ok)

    def add(self, other: Accuracy) -> None:
        """Add another file's judgements."""
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        """Value (rounded) and counts."""
        value = None if self.value is None else round(self.value, 4)
        return {"value": value, "correct": self.correct, "total": self.total}


@dataclass(frozen=True)
class Finding:
    """Something a developer should look at: a miss, a false positive, a wrong attribute.

    ``kind`` is ``missed``, ``false positive``, ``duplicate`` (a second prediction of a gold
    item already matched: counted as a false positive), ``wrong date``, ``wrong kind``,
    ``wrong status``, ``wrong target``, ``wrong type``, ``bad evidence`` or ``missing article``.
    """

    cls: str
    kind: str
    text: str


@dataclass
class FileResult:
    """The scores and findings of one gold file."""

    name: str
    predicted: bool
    scores: dict[str, ClassScore] = field(default_factory=lambda: {c: ClassScore()
                                                                   for c in CLASSES})
    accuracy: dict[str, Accuracy] = field(default_factory=lambda: {a: Accuracy()
                                                                   for a in ACCURACIES})
    findings: list[Finding] = field(default_factory=list)
    traps: list[Trap] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "predicted": self.predicted,
            "classes": {c: s.to_dict() for c, s in self.scores.items()},
            "accuracy": {a: s.to_dict() for a, s in self.accuracy.items()},
            "findings": [{"class": f.cls, "kind": f.kind, "text": f.text}
                         for f in self.findings],
            "traps": [{"what": t.what, "why": t.why} for t in self.traps],
        }


@dataclass
class EvalReport:
    """The whole evaluation: per-file results and their micro-averaged totals."""

    mode: str
    gold_source: str
    files: list[FileResult] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)
    """Predicted files that the gold does not annotate (not scored)."""
    failures: list[tuple[str, str]] = field(default_factory=list)
    """Inputs that could not be read or extracted (their gold counts as missed)."""

    @property
    def classes(self) -> dict[str, ClassScore]:
        """Per-class counts summed over files."""
        totals = {c: ClassScore() for c in CLASSES}
        for result in self.files:
            for cls, score in result.scores.items():
                totals[cls].add(score)
        return totals

    @property
    def accuracy(self) -> dict[str, Accuracy]:
        """Accuracies summed over files."""
        totals = {a: Accuracy() for a in ACCURACIES}
        for result in self.files:
            for key, acc in result.accuracy.items():
                totals[key].add(acc)
        return totals

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: totals first, then each file."""
        return {
            "mode": self.mode,
            "gold": self.gold_source,
            "classes": {c: s.to_dict() for c, s in self.classes.items()},
            "accuracy": {a: s.to_dict() for a, s in self.accuracy.items()},
            "files": [f.to_dict() for f in self.files],
            "unscored": self.unscored,
            "failures": [{"path": p, "message": m} for p, m in self.failures],
        }

    def to_json(self) -> str:
        """The report as indented JSON."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self, *, details: bool = False) -> str:
        """The score table; with ``details``, every finding and trap, file by file."""
        lines = [f"{len(self.files)} gold files, scored from {self.mode}"]
        lines.append(f"{'class':<12}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
        for cls, s in self.classes.items():
            lines.append(f"{cls:<12}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                         f"{s.tp:>6}{s.fp:>6}{s.fn:>6}")
        lines.append("")
        lines.append("accuracy (over matched items)")
        for key, acc in self.accuracy.items():
            value = "n/a" if acc.value is None else f"{acc.value:.3f}"
            lines.append(f"  {key:<18}{value:>7}  ({acc.correct}/{acc.total})")
        for path, message in self.failures:
            lines.append(f"failed: {path}: {message}")
        if self.unscored:
            lines.append("not in the gold (not scored): " + ", ".join(self.unscored))
        if details:
            lines.extend(_details(self))
        return "\n".join(lines)


def _details(report: EvalReport) -> list[str]:
    lines: list[str] = []
    for result in report.files:
        lines.append("")
        lines.append(f"== {result.name}" + ("" if result.predicted else "  (not predicted)"))
        for finding in sorted(result.findings, key=lambda f: (_order(f.cls), f.kind)):
            lines.append(f"  [{finding.cls}] {finding.kind}: {finding.text}")
        for trap in result.traps:
            why = f" ({trap.why})" if trap.why else ""
            lines.append(f"  [trap] check by hand: {trap.what}{why}")
    return lines


def _order(cls: str) -> int:
    # A missing article first, then the classes in table order, evidence last.
    return CLASSES.index(cls) if cls in CLASSES else (-1 if cls == "file" else len(CLASSES))


def check_thresholds(report: EvalReport, targets: dict[str, float] | None = None) -> list[str]:
    """One message per score below its target (``DEFAULT_TARGETS`` when none are given).

    A class name is checked against its F1, a ``class.aspect`` name against that accuracy;
    an accuracy with nothing to judge (no matched items) is reported as a failure too, since
    CI should not pass on an empty extraction.  Unknown names raise ``KeyError``.
    """
    failures: list[str] = []
    classes, accuracy = report.classes, report.accuracy
    for key, target in (DEFAULT_TARGETS if targets is None else targets).items():
        if key in classes:
            value: float | None = classes[key].f1
            label = f"{key} F1"
        elif key in accuracy:
            value = accuracy[key].value
            label = f"{key} accuracy"
        else:
            raise KeyError(f"unknown score {key!r}")
        if value is None:
            failures.append(f"{label}: nothing to judge (target {target:.2f})")
        elif value < target:
            failures.append(f"{label} {value:.3f} < {target:.2f}")
    return failures
