"""SHACL validation of the graph, and the reports it gives.

The shapes in ``shapes/*.ttl`` describe the layout of docs/graph-layout.md.  Validation runs
over the *union* of the graphs (the entities graph, one graph per article, the disagreements
graph and anything loaded), so a shape sees every triple about a node together: a measure's
identity from the entities graph and each article's account of it.  The ontology graph is
left out: ``sh:class`` must see only explicit ``rdf:type`` triples, because the layout
promises that every instance is typed with its base class, and subclass axioms would hide a
missing base type.

Severities follow the shapes: ``Violation`` (the graph is wrong), ``Warning`` (weak data) and
``Info`` (a note).  A report *conforms* when it has no violation; :meth:`ValidationReport.fails`
applies a stricter threshold when asked.  Exit codes used by the CLI: 0 conforms, 1
violations (:class:`kg.errors.ValidationFailed`), 2 bad input.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate
from rdflib.collection import Collection
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD, NamespaceManager
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import BNode, Literal, Node, URIRef

from .errors import KgError, UsageError, ValidationFailed
from .load import parse_file
from .namespace import KG, NIF, ONTOLOGY_GRAPH, PREFIXES, SH, article_iri
from .resources import resource_path
from .store import Store

SEVERITIES: tuple[str, ...] = ("Violation", "Warning", "Info")
"""Severities from the gravest; ``fail_on`` names them in lower case."""

_SEVERITY_OF = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_LABEL_PROPERTIES = (RDFS.label, KG.quote, NIF.anchorOf, DCTERMS.identifier, DCTERMS.title)
_TEXT_LIMIT = 80
_XSD_STRING = str(XSD.string)


def shapes_dir() -> Path:
    """The folder of the default shapes (``shapes/`` beside the ``kg`` package)."""
    return resource_path("shapes")


def default_shape_files() -> list[Path]:
    """The default shapes files, in a stable order."""
    return sorted(shapes_dir().glob("*.ttl"))


def read_rdf(path: Path) -> rdflib.Dataset:
    """Parse any RDF file :mod:`kg.load` knows into an rdflib dataset.

    Parsing is done by pyoxigraph (as ``kg load`` does), so a syntax error is the same
    :class:`kg.errors.RdfSyntaxError` with file, line and column; an unknown extension or an
    unreadable file is a :class:`kg.errors.UsageError`.
    """
    quads = [
        ox.Quad(t.subject, t.predicate, t.object, name)
        for name, triples in parse_file(Path(path)).items()
        for t in triples
    ]
    return _dataset_of(quads)


def load_shapes(paths: Sequence[Path] | None = None) -> rdflib.Graph:
    """The shapes graph: ``paths`` (Turtle or any RDF file), by default ``shapes/*.ttl``."""
    files = list(paths) if paths is not None else default_shape_files()
    if not files:
        raise KgError(f"no shapes files in {shapes_dir()}")
    shapes = rdflib.Graph()
    for path in files:
        shapes += union_graph(read_rdf(Path(path)), exclude=())
    _bind_prefixes(shapes)
    return shapes


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
    node: Node | None = field(default=None, repr=False, compare=False)
    """This result's node in the report graph (for :meth:`ValidationReport.to_turtle`)."""

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


@dataclass
class ValidationReport:
    """The outcome of a validation: results and renderers for people and tools."""

    conforms: bool
    """True when there is no violation (warnings and infos allowed)."""
    results: list[ValidationResult] = field(default_factory=list)
    shapes: dict[str, str] = field(default_factory=dict)
    """Every checking shape (IRI -> name): one JUnit test case each."""
    articles: dict[str, str] = field(default_factory=dict)
    """Article IRI -> dcterms:identifier, for the articles validated."""
    triples: int = 0
    """How many triples were validated."""
    graph: rdflib.Graph | None = field(default=None, repr=False, compare=False)
    """The SHACL report graph pyshacl produced (its result nodes are ``result.node``)."""

    def count(self, severity: str) -> int:
        """How many results have ``severity`` (``Violation``, ``Warning``, ``Info``)."""
        return sum(1 for r in self.results if r.severity == severity)

    def fails(self, fail_on: str = "violation") -> bool:
        """True when some result is at least as grave as ``fail_on``.

        ``fail_on`` is ``violation`` (the default: warnings do not fail), ``warning`` or
        ``info``; anything else is a :class:`kg.errors.UsageError`.
        """
        threshold = _threshold(fail_on)
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
        """A report for people, grouped by article (then what no single article holds)."""
        lines = [self.summary()]
        groups: dict[str | None, list[ValidationResult]] = defaultdict(list)
        for result in sorted(self.results, key=ValidationResult.sort_key):
            groups[result.article].append(result)
        for article, results in groups.items():
            lines.append("")
            if article is None:
                lines.append("Not in one article's graph (entities, disagreements, other data):")
            else:
                ident = self.articles.get(article)
                lines.append(f"Article {ident} <{article}>:" if ident else f"Article <{article}>:")
            for result in results:
                lines.extend(_result_lines(result))
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        """The report as JSON: ``conforms``, ``counts``, ``results`` (stable order)."""
        body = {
            "conforms": self.conforms,
            "counts": {s.lower(): self.count(s) for s in SEVERITIES},
            "shapes": len(self.shapes),
            "triples": self.triples,
            "results": [r.to_dict() for r in sorted(self.results, key=ValidationResult.sort_key)],
        }
        return json.dumps(body, indent=2, ensure_ascii=False) + "\n"

    def to_graph(self) -> rdflib.Graph:
        """The standard SHACL validation report graph (``sh:ValidationReport``)."""
        out = rdflib.Graph()
        _bind_prefixes(out)
        report = BNode("report")
        out.add((report, RDF.type, SH.ValidationReport))
        out.add((report, SH.conforms, Literal(self.conforms)))
        for result in sorted(self.results, key=ValidationResult.sort_key):
            if self.graph is not None and result.node is not None:
                out.add((report, SH.result, result.node))
                _copy_description(self.graph, result.node, out)
            else:
                out.add((report, SH.result, _describe(result, out)))
        return out

    def to_turtle(self) -> str:
        """:meth:`to_graph` as Turtle."""
        return self.to_graph().serialize(format="turtle")

    def to_junit(self, fail_on: str = "violation") -> str:
        """JUnit XML: one test case per shape, one ``<failure>`` per result at ``fail_on``
        or graver; less grave results are listed in the test case's ``<system-out>``."""
        threshold = _threshold(fail_on)
        by_shape: dict[str, list[ValidationResult]] = defaultdict(list)
        for result in sorted(self.results, key=ValidationResult.sort_key):
            by_shape[result.shape].append(result)
        names = dict(self.shapes)
        for shape, results in by_shape.items():
            names.setdefault(shape, results[0].shape_name or shape)
        failures = sum(1 for r in self.results if r.rank <= threshold)
        suites = ET.Element("testsuites", name="kg validate", tests=str(len(names)),
                            failures=str(failures), errors="0")
        suite = ET.SubElement(suites, "testsuite", name="kg SHACL shapes",
                              tests=str(len(names)), failures=str(failures), errors="0",
                              skipped="0", time="0")
        for shape in sorted(names):
            local = _compact(shape)
            classname = "kgsh." + local.split(":", 1)[-1].split("-", 1)[0]
            case = ET.SubElement(suite, "testcase", classname=classname, name=local, time="0")
            notes = []
            for result in by_shape.get(shape, []):
                text = "\n".join(line.strip() for line in _result_lines(result))
                if result.rank <= threshold:
                    failure = ET.SubElement(case, "failure", type=result.severity,
                                            message=f"{result.focus}: {result.message}")
                    failure.text = text
                else:
                    notes.append(text)
            if notes:
                ET.SubElement(case, "system-out").text = "\n\n".join(notes)
        ET.indent(suites)
        return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"

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
            triples=self.triples, graph=self.graph,
        )


# -- validation ----------------------------------------------------------------------------


def validate_graph(
    data: rdflib.Graph | rdflib.Dataset,
    shapes: rdflib.Graph | Sequence[Path] | None = None,
) -> ValidationReport:
    """SHACL-validate ``data`` against ``shapes`` (default: ``shapes/*.ttl``).

    A dataset (or conjunctive graph) is validated as the union of its graphs, without the
    ontology graph; a plain graph as it is.
    """
    shapes_graph = shapes if isinstance(shapes, rdflib.Graph) else load_shapes(shapes)
    if isinstance(data, rdflib.ConjunctiveGraph):  # rdflib.Dataset is a ConjunctiveGraph
        union, dataset = union_graph(data), data
    else:
        union, dataset = _PreparedQueryGraph(), None
        union += data  # a copy: validation must not touch the caller's graph
    try:
        _, report_graph, _ = shacl_validate(
            union, shacl_graph=shapes_graph, inference="none", abort_on_first=False,
            allow_warnings=True, allow_infos=True, meta_shacl=False, advanced=False,
            inplace=True,
        )
    except Exception as exc:  # pyshacl signals bad shapes with its own exception types
        raise KgError(f"SHACL validation could not run: {exc}", exit_code=2) from exc
    return _report_of(report_graph, union, dataset, shapes_graph)


def validate_file(path: Path) -> ValidationReport:
    """Validate one RDF file (any format ``kg load`` reads); see :func:`read_rdf` for errors."""
    return validate_graph(read_rdf(Path(path)))


def validate_store(store: Store, articles: Sequence[str] | None = None) -> ValidationReport:
    """Validate the store's current graph: the union of all its graphs but the ontology's.

    ``articles`` (file names such as ``003_x.txt``, stems or article IRIs) restricts the
    *report* to those articles: the whole graph is still validated, because a shape about an
    article's node may need the entities graph, but only results located in those articles'
    graphs, or about nodes those graphs use, are kept.
    """
    oxstore = store.open()
    ontology = ox.NamedNode(ONTOLOGY_GRAPH)
    quads = [q for q in oxstore if q.graph_name != ontology]
    dataset = _dataset_of(quads)
    report = validate_graph(dataset)
    if not articles:
        return report
    wanted = [_article_name(a) for a in articles]
    known = {str(g.identifier) for g in dataset.graphs()}
    missing = [a for a in wanted if a not in known]
    if missing:
        raise UsageError("no such article in the store: " + ", ".join(missing))
    nodes = {
        str(term)
        for name in wanted
        for triple in dataset.graph(URIRef(name)).triples((None, None, None))
        for term in triple
        if isinstance(term, URIRef)
    }
    return report.restricted_to(wanted, nodes)


class _PreparedQueryGraph(rdflib.Graph):
    """A graph that parses each SPARQL text once.

    pyshacl runs a SHACL-SPARQL constraint once per focus node and hands rdflib the query
    *text* each time; parsing it again dominated validation time (about 20 ms per evidence
    span).  The query is the same for every focus node, ``$this`` being passed as a
    binding, so the parsed form is kept and reused.
    """

    _CACHE_LIMIT = 512

    def __init__(self) -> None:
        super().__init__()
        self._prepared: dict[str, Any] = {}

    def query(  # type: ignore[override]
        self,
        query_object: Any,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Any = None,  # noqa: N803 (rdflib's name)
        initBindings: Any = None,  # noqa: N803
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Any:
        plain = processor == "sparql" and result == "sparql" and not initNs and not kwargs
        if isinstance(query_object, str) and plain:
            prepared = self._prepared.get(query_object)
            if prepared is None:
                prepared = prepareQuery(query_object)
                if len(self._prepared) < self._CACHE_LIMIT:
                    self._prepared[query_object] = prepared
            query_object = prepared
        return super().query(query_object, processor, result, initNs, initBindings,
                             use_store_provided, **kwargs)


def union_graph(
    data: rdflib.ConjunctiveGraph, exclude: Iterable[str] = (ONTOLOGY_GRAPH,)
) -> rdflib.Graph:
    """One graph holding every triple of ``data`` outside the ``exclude`` graphs."""
    skip = {URIRef(g) for g in exclude}
    union = _PreparedQueryGraph()
    for s, p, o, context in data.quads((None, None, None, None)):
        name = context.identifier if isinstance(context, rdflib.Graph) else context
        if name not in skip:
            union.add((s, p, o))
    return union


# -- helpers -------------------------------------------------------------------------------


def _dataset_of(quads: Iterable[ox.Quad]) -> rdflib.Dataset:
    """An rdflib dataset holding ``quads`` (pyoxigraph terms converted one by one)."""
    dataset = rdflib.Dataset()
    graphs: dict[object, rdflib.Graph] = {}
    for quad in quads:
        name = quad.graph_name
        key = None if isinstance(name, ox.DefaultGraph) else _rdflib_term(name)
        graph = graphs.get(key)
        if graph is None:
            graph = dataset.default_graph if key is None else dataset.graph(key)
            graphs[key] = graph
        graph.add((_rdflib_term(quad.subject), _rdflib_term(quad.predicate),
                   _rdflib_term(quad.object)))
    return dataset


def _rdflib_term(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        # rdflib writes a plain literal without datatype; keep the two the same.
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise UsageError(f"RDF 1.2 triple terms are not supported here: {term}")


def _article_name(name: str) -> str:
    return name if name.startswith(("http://", "https://")) else article_iri(name)


def _threshold(fail_on: str) -> int:
    try:
        return SEVERITIES.index(fail_on.capitalize())
    except ValueError:
        raise UsageError(
            f"fail_on must be one of violation, warning, info: not {fail_on!r}"
        ) from None


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _namespace_manager() -> NamespaceManager:
    manager = NamespaceManager(rdflib.Graph(), bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        manager.bind(prefix, iri, override=True, replace=True)
    return manager


_NSM = _namespace_manager()


def _bind_prefixes(graph: rdflib.Graph) -> None:
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)


def _compact(iri: str) -> str:
    """``kg:speaker`` for a term of a known vocabulary; the IRI itself otherwise."""
    if iri.startswith("_:"):
        return iri
    n3 = URIRef(iri).n3(_NSM)
    return iri if n3.startswith("<") else n3


def _term_id(term: Node) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _short(text: str, limit: int = _TEXT_LIMIT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _path_text(graph: rdflib.Graph, path: Node) -> str:
    """A SHACL path node as a SPARQL property path."""
    if isinstance(path, URIRef):
        return path.n3(_NSM)
    for predicate, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                           (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = graph.value(path, predicate)
        if inner is not None:
            return fmt.format(_path_text(graph, inner))
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        items = Collection(graph, alternatives)
        return "(" + "|".join(_path_text(graph, i) for i in items) + ")"
    if (path, RDF.first, None) in graph:
        return "/".join(_path_text(graph, i) for i in Collection(graph, path))
    return _term_id(path)


def _checking_shapes(shapes: rdflib.Graph) -> dict[str, str]:
    """Shapes that check something themselves (not mere containers of sh:property)."""
    found: dict[str, str] = {}
    candidates = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)) | set(shapes.subjects(SH.path, None))
    for shape in candidates:
        if not isinstance(shape, URIRef):
            continue
        is_container = (shape, SH.property, None) in shapes and (shape, SH.path, None) not in shapes
        if is_container:
            continue
        name = shapes.value(shape, SH.name)
        found[str(shape)] = str(name) if name is not None else _compact(str(shape))
    return found


def _report_of(
    report_graph: rdflib.Graph,
    union: rdflib.Graph,
    dataset: rdflib.ConjunctiveGraph | None,
    shapes: rdflib.Graph,
) -> ValidationReport:
    locator = _Locator(union, dataset)
    results = []
    for node in report_graph.objects(None, SH.result):
        shape = report_graph.value(node, SH.sourceShape)
        focus = report_graph.value(node, SH.focusNode)
        path_node = report_graph.value(node, SH.resultPath)
        value = report_graph.value(node, SH.value)
        severity = _SEVERITY_OF.get(report_graph.value(node, SH.resultSeverity), "Violation")
        messages = sorted(str(m) for m in report_graph.objects(node, SH.resultMessage))
        component = report_graph.value(node, SH.sourceConstraintComponent)
        shape_name = shapes.value(shape, SH.name) if shape is not None else None
        article = locator.article(focus, path_node, value)
        results.append(ValidationResult(
            severity=severity,
            shape=_term_id(shape) if shape is not None else "",
            shape_name=str(shape_name) if shape_name is not None else None,
            message=messages[0] if messages else "",
            focus=_term_id(focus) if focus is not None else "",
            focus_label=locator.label(focus),
            path=_path_text(report_graph, path_node) if path_node is not None else None,
            value=value.n3(_NSM) if value is not None else None,
            article=article,
            evidence=locator.evidence(focus, article),
            constraint=_compact(str(component)) if component is not None else None,
            node=node,
        ))
    results.sort(key=ValidationResult.sort_key)
    articles = {str(a): str(union.value(a, DCTERMS.identifier) or "")
                for a in union.subjects(RDF.type, KG.Article) if isinstance(a, URIRef)}
    return ValidationReport(
        conforms=not any(r.severity == "Violation" for r in results),
        results=results,
        shapes=_checking_shapes(shapes),
        articles=articles,
        triples=len(union),
        graph=report_graph,
    )


class _Locator:
    """Finds the article a result is about, a readable label and the evidence spans."""

    def __init__(self, union: rdflib.Graph, dataset: rdflib.ConjunctiveGraph | None) -> None:
        self.union = union
        self.dataset = dataset
        self.article_iris = {a for a in union.subjects(RDF.type, KG.Article)}

    def article(self, focus: Node | None, path: Node | None, value: Node | None) -> str | None:
        """The article whose graph holds the problem, when there is exactly one."""
        if focus is None:
            return None
        if focus in self.article_iris:
            return str(focus)
        if (focus, RDF.type, KG.Evidence) in self.union:
            contexts = set(self.union.objects(focus, NIF.referenceContext))
            return str(next(iter(contexts))) if len(contexts) == 1 else None
        # The graph that holds the offending triple says whose assertion it is.
        if self.dataset is not None and isinstance(path, URIRef) and value is not None:
            graphs = sorted(str(_graph_name(c)) for _, _, _, c in
                            self.dataset.quads((focus, path, value, None)))
            in_articles = [g for g in graphs if URIRef(g) in self.article_iris]
            if in_articles and len(in_articles) == len(graphs):
                return in_articles[0]
            if graphs:
                return None
        contexts = {c for e in self.union.objects(focus, KG.evidence)
                    for c in self.union.objects(e, NIF.referenceContext)}
        contexts |= set(self.union.objects(focus, PROV.wasDerivedFrom))
        if len(contexts) == 1:
            return str(next(iter(contexts)))
        if self.dataset is not None and not contexts:
            # A node described in one article graph only (e.g. a statement without evidence).
            quads = self.dataset.quads((focus, None, None, None))
            graphs = {_graph_name(c) for _, _, _, c in quads}
            if len(graphs) == 1 and next(iter(graphs)) in self.article_iris:
                return str(next(iter(graphs)))
        return None

    def label(self, focus: Node | None) -> str | None:
        """rdfs:label, quote, anchor text, identifier or title of the focus node."""
        if focus is None:
            return None
        for prop in _LABEL_PROPERTIES:
            found = sorted(str(v) for v in self.union.objects(focus, prop))
            if found:
                return found[0]
        return None

    def evidence(self, focus: Node | None, article: str | None) -> list[EvidenceSpan]:
        """The focus node's evidence spans, only those in ``article`` when it is given."""
        if focus is None:
            return []
        nodes = [focus] if (focus, RDF.type, KG.Evidence) in self.union else list(
            self.union.objects(focus, KG.evidence))
        spans = []
        for node in nodes:
            context = self.union.value(node, NIF.referenceContext)
            if context is None or (article is not None and str(context) != article):
                continue
            spans.append(EvidenceSpan(
                article=str(context),
                begin=_as_int(self.union.value(node, NIF.beginIndex)),
                end=_as_int(self.union.value(node, NIF.endIndex)),
                text=_as_str(self.union.value(node, NIF.anchorOf)),
            ))
        return sorted(spans, key=lambda s: (s.article, s.begin or 0, s.end or 0))


def _graph_name(context: object) -> Node:
    name = context.identifier if isinstance(context, rdflib.Graph) else context
    return name if name is not None else DATASET_DEFAULT_GRAPH_ID


def _as_int(term: Node | None) -> int | None:
    try:
        return int(str(term)) if term is not None else None
    except ValueError:
        return None


def _as_str(term: Node | None) -> str | None:
    return str(term) if term is not None else None


def _result_lines(result: ValidationResult) -> list[str]:
    shape = _compact(result.shape)
    name = f" ({result.shape_name})" if result.shape_name else ""
    focus = result.focus if result.focus.startswith("_:") else f"<{result.focus}>"
    lines = [f"  {result.severity.upper()} {shape}{name}", f"    focus:    {focus}"]
    if result.focus_label:
        lines[-1] += f' "{_short(result.focus_label, 60)}"'
    if result.path:
        lines.append(f"    path:     {result.path}")
    if result.value is not None:
        lines.append(f"    value:    {_short(result.value)}")
    for span in result.evidence[:3]:
        where = f"[{span.begin},{span.end})"
        if result.article is None:
            where = f"<{span.article}> {where}"
        lines.append(f'    evidence: {where} "{_short(span.text or "", 60)}"')
    if len(result.evidence) > 3:
        lines.append(f"    evidence: ... and {len(result.evidence) - 3} more spans")
    lines.append(f"    {result.message}")
    return lines


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


def _describe(result: ValidationResult, out: rdflib.Graph) -> BNode:
    """A report-graph node for a result that has none (a report built by hand)."""
    node = BNode()
    out.add((node, RDF.type, SH.ValidationResult))
    out.add((node, SH.resultSeverity, SH[result.severity]))
    out.add((node, SH.resultMessage, Literal(result.message)))
    for prop, value in ((SH.focusNode, result.focus), (SH.sourceShape, result.shape)):
        out.add((node, prop, BNode(value[2:]) if value.startswith("_:") else URIRef(value)))
    return node
