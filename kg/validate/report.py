"""A validation report and its renderings: text for people, JSON, the standard SHACL
validation report in Turtle, and JUnit XML for CI systems.

Severities follow the shapes: ``Violation`` (the graph is wrong), ``Warning`` (weak data) and
``Info`` (a note).  A report *conforms* when it has no violation; :meth:`ValidationReport.fails`
applies a stricter threshold when asked (``--fail-on warning``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import rdflib
from rdflib.namespace import RDF
from rdflib.term import BNode, Literal, Node

from ..errors import UsageError, ValidationFailed
from ..namespace import SH
from .junit import junit_xml
from .shapes import bind_prefixes, compact

if TYPE_CHECKING:
    from .findings import Finding

SEVERITIES: tuple[str, ...] = ("Violation", "Warning", "Info")
"""Severities from the gravest; ``fail_on`` names them in lower case."""

_TEXT_LIMIT = 80


@dataclass(frozen=True)
class EvidenceSpan:
    """A span of an article's text that supports the node a result is about."""

    article: str
    begin: int | None
    end: int | None
    text: str | None

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {"article": self.article, "begin": self.begin, "end": self.end, "text": self.text}


@dataclass
class ValidationResult:
    """One SHACL result, with what a reader needs to find the problem in the articles."""

    severity: str
    """``Violation``, ``Warning`` or ``Info``."""
    shape: str
    """IRI of the shape that fired (a blank node id for an anonymous shape)."""
    shape_name: str | None
    message: str
    focus: str
    """IRI (or blank node id) of the node that does not conform."""
    focus_label: str | None = None
    """Its rdfs:label, quote, anchor text or identifier, when it has one."""
    path: str | None = None
    """The result path as a SPARQL property path (``kg:speaker``, ``^kg:mentions``)."""
    value: str | None = None
    """The offending value in N3 (``<iri>``, ``"text"``, ``"2026-13"^^xsd:gYearMonth``)."""
    article: str | None = None
    """IRI of the article whose graph the problem is in; ``None`` when not one article's."""
    evidence: list[EvidenceSpan] = field(default_factory=list)
    """The focus node's evidence spans (those in :attr:`article` when it is known)."""
    constraint: str | None = None
    """The SHACL constraint component, e.g. ``sh:MinCountConstraintComponent``."""
    finding: Finding | None = field(default=None, repr=False, compare=False)
    """The engine's result in RDF terms (for :meth:`ValidationReport.to_graph`)."""

    @property
    def rank(self) -> int:
        """0 for a violation, 1 for a warning, 2 for an info."""
        return SEVERITIES.index(self.severity) if self.severity in SEVERITIES else 0

    def sort_key(self) -> tuple[str, int, str, str, str, str]:
        """Articles first (by IRI), then gravest first, then shape, focus, path, value."""
        group = "0" + self.article if self.article else "1"
        return (group, self.rank, self.shape, self.focus, self.path or "", self.value or "")

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "severity": self.severity,
            "shape": self.shape,
            "shape_name": self.shape_name,
            "message": self.message,
            "focus": self.focus,
            "focus_label": self.focus_label,
            "path": self.path,
            "value": self.value,
            "article": self.article,
            "evidence": [e.to_dict() for e in self.evidence],
            "constraint": self.constraint,
        }

    def lines(self) -> list[str]:
        """The result for people: shape, focus and its label, path, value, evidence spans
        quoted with their offsets, message."""
        shape = compact(self.shape)
        name = f" ({self.shape_name})" if self.shape_name else ""
        focus = self.focus if self.focus.startswith("_:") else f"<{self.focus}>"
        lines = [f"  {self.severity.upper()} {shape}{name}", f"    focus:    {focus}"]
        if self.focus_label:
            lines[-1] += f' "{_short(self.focus_label, 60)}"'
        if self.path:
            lines.append(f"    path:     {self.path}")
        if self.value is not None:
            lines.append(f"    value:    {_short(self.value)}")
        for span in self.evidence[:3]:
            where = f"[{span.begin},{span.end})"
            if self.article is None:
                where = f"<{span.article}> {where}"
            lines.append(f'    evidence: {where} "{_short(span.text or "", 60)}"')
        if len(self.evidence) > 3:
            lines.append(f"    evidence: ... and {len(self.evidence) - 3} more spans")
        lines.append(f"    {self.message}")
        return lines


@dataclass
class ValidationReport:
    """The outcome of a validation: results and renderers for people and tools."""

    conforms: bool
    """True when there is no violation (warnings and infos allowed)."""
    results: list[ValidationResult] = field(default_factory=list)
    shapes: dict[str, str] = field(default_factory=dict)
    """Every checking shape (IRI -> name)."""
    articles: dict[str, str] = field(default_factory=dict)
    """Article IRI -> dcterms:identifier, for the articles validated."""
    triples: int = 0
    """How many triples (quads of the union) were validated."""
    engine: str = ""
    """Which engine produced the results (``sparql`` or ``pyshacl``), and why if it was not
    the one asked for."""
    shapes_graph: rdflib.Graph | None = field(default=None, repr=False, compare=False)
    """The shapes graph (result paths in :meth:`to_graph` are copied from it)."""

    def count(self, severity: str) -> int:
        """How many results have ``severity`` (``Violation``, ``Warning``, ``Info``)."""
        return sum(1 for r in self.results if r.severity == severity)

    def fails(self, fail_on: str = "violation") -> bool:
        """True when some result is at least as grave as ``fail_on``.

        ``fail_on`` is ``violation`` (the default: warnings do not fail), ``warning`` or
        ``info``; anything else is a :class:`kg.errors.UsageError`.
        """
        threshold = severity_rank(fail_on)
        return any(r.rank <= threshold for r in self.results)

    def raise_if_fails(self, fail_on: str = "violation") -> None:
        """Raise :class:`kg.errors.ValidationFailed` (exit code 1), with the text report,
        when :meth:`fails`."""
        if self.fails(fail_on):
            raise ValidationFailed("the graph does not conform to the shapes\n" + self.to_text())

    # -- renderers -------------------------------------------------------------------------

    def summary(self) -> str:
        """One line: conforms or not, and the counts per severity."""
        verdict = "conforms" if self.conforms else "does not conform"
        counts = ", ".join(_plural(self.count(s), s.lower()) for s in SEVERITIES)
        return (f"SHACL validation: {verdict}: {counts} "
                f"({_plural(len(self.shapes), 'shape')}, {_plural(self.triples, 'triple')})")

    def to_text(self) -> str:
        """A report for people, grouped by article (and what no single article holds); the
        groups with the gravest results come first, so violations are not found under a
        page of infos."""
        lines = [self.summary()]
        if self.engine.startswith("pyshacl ("):  # a fallback: say why it took longer
            lines.append(f"Validated by {self.engine}.")
        groups: dict[str | None, list[ValidationResult]] = defaultdict(list)
        for result in sorted(self.results, key=ValidationResult.sort_key):
            groups[result.article].append(result)
        # Each group's results are gravest first already: its first result ranks the group.
        ordered = sorted(groups.items(), key=lambda item: item[1][0].rank)
        for article, results in ordered:
            lines.append("")
            if article is None:
                lines.append("Not in one article's graph (entities, disagreements, other data):")
            else:
                ident = self.articles.get(article)
                lines.append(f"Article {ident} <{article}>:" if ident else f"Article <{article}>:")
            for result in results:
                lines.extend(result.lines())
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        """The report as JSON: ``conforms``, ``counts``, ``results`` (stable order)."""
        body = {
            "conforms": self.conforms,
            "counts": {s.lower(): self.count(s) for s in SEVERITIES},
            "shapes": len(self.shapes),
            "triples": self.triples,
            "engine": self.engine,
            "results": [r.to_dict() for r in sorted(self.results, key=ValidationResult.sort_key)],
        }
        return json.dumps(body, indent=2, ensure_ascii=False) + "\n"

    def to_graph(self) -> rdflib.Graph:
        """The standard SHACL validation report graph (``sh:ValidationReport``)."""
        out = rdflib.Graph()
        bind_prefixes(out)
        report = BNode("report")
        out.add((report, RDF.type, SH.ValidationReport))
        out.add((report, SH.conforms, Literal(self.conforms)))
        for result in sorted(self.results, key=ValidationResult.sort_key):
            out.add((report, SH.result, _describe(result, self.shapes_graph, out)))
        return out

    def to_turtle(self) -> str:
        """:meth:`to_graph` as Turtle."""
        return self.to_graph().serialize(format="turtle")

    def to_junit(self, fail_on: str = "violation") -> str:
        """JUnit XML: one failed test case per result at ``fail_on`` or graver, one passing
        test case per shape without such a result (less grave results in its
        ``<system-out>``)."""
        return junit_xml(self, severity_rank(fail_on))

    def restricted_to(self, articles: Iterable[str], nodes: set[str]) -> ValidationReport:
        """The results about ``articles``: those located in their graphs, and those not in
        one article's graph whose focus node is one of ``nodes`` (what the articles use)."""
        wanted = set(articles)
        kept = [r for r in self.results
                if r.article in wanted or (r.article is None and r.focus in nodes)]
        return ValidationReport(
            conforms=not any(r.severity == "Violation" for r in kept),
            results=kept, shapes=self.shapes,
            articles={a: i for a, i in self.articles.items() if a in wanted},
            triples=self.triples, engine=self.engine, shapes_graph=self.shapes_graph,
        )


def severity_rank(fail_on: str) -> int:
    """0, 1 or 2 for ``violation``, ``warning`` or ``info``; a :class:`UsageError` else."""
    try:
        return SEVERITIES.index(fail_on.capitalize())
    except ValueError:
        raise UsageError(
            f"fail_on must be one of violation, warning, info: not {fail_on!r}"
        ) from None


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _short(text: str, limit: int = _TEXT_LIMIT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _describe(result: ValidationResult, shapes: rdflib.Graph | None, out: rdflib.Graph) -> BNode:
    """A ``sh:ValidationResult`` node for ``result`` in ``out``."""
    node = BNode()
    out.add((node, RDF.type, SH.ValidationResult))
    out.add((node, SH.resultSeverity, SH[result.severity]))
    finding = result.finding
    if finding is None:  # a result made by hand, not by an engine
        out.add((node, SH.resultMessage, Literal(result.message)))
        for prop, value in ((SH.focusNode, result.focus), (SH.sourceShape, result.shape)):
            out.add((node, prop, BNode(value[2:]) if value.startswith("_:") else
                     rdflib.URIRef(value)))
        return node
    out.add((node, SH.focusNode, finding.focus))
    out.add((node, SH.sourceShape, finding.shape))
    out.add((node, SH.sourceConstraintComponent, finding.component))
    for message in finding.messages:
        out.add((node, SH.resultMessage, message))
    if finding.value is not None:
        out.add((node, SH.value, finding.value))
    if finding.path is not None:
        out.add((node, SH.resultPath, finding.path))
        if shapes is not None and isinstance(finding.path, BNode):
            _copy_description(shapes, finding.path, out)
    return node


def _copy_description(source: rdflib.Graph, node: Node, out: rdflib.Graph) -> None:
    """Copy ``node``'s triples and, recursively, those of the blank nodes it points to."""
    todo, seen = [node], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for _, p, o in source.triples((current, None, None)):
            out.add((current, p, o))
            if isinstance(o, BNode):
                todo.append(o)
