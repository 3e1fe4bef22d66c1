"""What an engine finds, in RDF terms, and the report made of it.

Both engines (:mod:`.engine_sparql` and :mod:`.engine_pyshacl`) return :class:`Finding`
objects: the fields of a ``sh:ValidationResult``.  :func:`report_of` turns them into a
:class:`~kg.validate.report.ValidationReport` the same way for both, so the two can only
differ in what they find, which is what ``tests/test_validate_engines.py`` compares.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import rdflib
from rdflib.term import Literal, Node, URIRef

from ..namespace import SH
from .data import DataGraph
from .locate import Locator
from .report import ValidationReport, ValidationResult
from .shapes import checking_shapes, compact, path_text, term_id, value_text

_SEVERITY_OF = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Finding:
    """One validation result as SHACL states it (rdflib terms)."""

    shape: Node
    """The shape that fired (``sh:sourceShape``), a node of the shapes graph."""
    focus: Node
    severity: URIRef
    """``sh:Violation``, ``sh:Warning``, ``sh:Info`` (or another severity IRI)."""
    component: URIRef
    """``sh:sourceConstraintComponent``."""
    path: Node | None = None
    """``sh:resultPath``: a predicate IRI, or a path node of the shapes graph."""
    value: Node | None = None
    messages: tuple[Literal, ...] = ()

    def key(self, shapes: rdflib.Graph) -> tuple[str, str, str, str, str, str, str]:
        """What identifies the result across engines: shape, focus, path, value, severity,
        component and the messages the shapes give (blank-node paths written out as
        property paths; a message an engine makes up for a shape without sh:message is
        left out, as each engine words its own)."""
        own = (self.shape, SH.message, None) in shapes or any(
            (c, SH.message, None) in shapes for c in shapes.objects(self.shape, SH.sparql))
        return (
            term_id(self.shape),
            term_id(self.focus),
            path_text(shapes, self.path) if self.path is not None else "",
            value_text(self.value) if self.value is not None else "",
            str(self.severity),
            str(self.component),
            " | ".join(sorted(str(m) for m in self.messages)) if own else "",
        )


def report_of(
    findings: Iterable[Finding], data: DataGraph, shapes: rdflib.Graph, engine: str
) -> ValidationReport:
    """The report of ``findings`` on ``data``: each result located in its article, with
    its focus node's label and evidence spans; identical findings are reported once."""
    unique: dict[tuple[str, ...], Finding] = {}
    for finding in findings:
        unique.setdefault(finding.key(shapes), finding)
    articles = data.articles()
    locator = Locator(data, articles)
    results = []
    for finding in unique.values():
        article = locator.article(finding.focus, finding.path, finding.value)
        name = shapes.value(finding.shape, SH.name)
        messages = sorted(str(m) for m in finding.messages)
        results.append(ValidationResult(
            severity=_SEVERITY_OF.get(finding.severity, "Violation"),
            shape=term_id(finding.shape),
            shape_name=str(name) if name is not None else None,
            message=messages[0] if messages else "",
            focus=term_id(finding.focus),
            focus_label=locator.label(finding.focus),
            path=path_text(shapes, finding.path) if finding.path is not None else None,
            value=value_text(finding.value) if finding.value is not None else None,
            article=article,
            evidence=locator.evidence(finding.focus, article),
            constraint=compact(str(finding.component)),
            finding=finding,
        ))
    results.sort(key=ValidationResult.sort_key)
    return ValidationReport(
        conforms=not any(r.severity == "Violation" for r in results),
        results=results,
        shapes=checking_shapes(shapes),
        articles=articles,
        triples=data.triples(),
        engine=engine,
        shapes_graph=shapes,
    )
