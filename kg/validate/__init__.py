"""SHACL validation of the graph with the shapes in ``shapes/``, and the reports it gives.

Two engines give the same results (``tests/test_validate_engines.py``):

* ``sparql`` (the default): the shapes compiled to SPARQL queries run by Oxigraph over the
  union of the graphs, one pass per constraint for all focus nodes (:mod:`.engine_sparql`);
* ``pyshacl``: the reference implementation, one rdflib graph (:mod:`.engine_pyshacl`).

Shapes outside the subset the SPARQL engine compiles (``sh:closed``, ``sh:hasValue``...) are
validated by pySHACL instead, and the report's ``engine`` says so.

What is validated is the union of the named graphs without the ontology graph
(:mod:`.data`).  A report *conforms* when it has no violation; the CLI exits 0 when it
conforms, 1 on violations (or warnings with ``--fail-on warning``), 2 on bad input.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox
import rdflib

from ..errors import UsageError
from ..namespace import ONTOLOGY_GRAPH, PREFIXES, article_iri
from ..store import Store
from . import engine_pyshacl, engine_sparql
from .compile import Unsupported
from .data import DataGraph
from .findings import Finding, report_of
from .report import SEVERITIES, EvidenceSpan, ValidationReport, ValidationResult
from .shapes import default_shape_files, load_shapes, shapes_dir
from .terms import quiet_rdflib

__all__ = [
    "DEFAULT_ENGINE", "ENGINES", "SEVERITIES", "DataGraph", "EvidenceSpan", "Finding",
    "ValidationReport", "ValidationResult", "default_shape_files", "load_shapes", "read_rdf",
    "shapes_dir", "union_graph", "validate", "validate_file", "validate_files", "validate_graph",
    "validate_quads", "validate_store",
]

ENGINES: tuple[str, ...] = ("sparql", "pyshacl")
DEFAULT_ENGINE = "sparql"

Shapes = rdflib.Graph | Sequence[Path] | None
"""A shapes graph, shapes files, or ``None`` for ``shapes/*.ttl``."""


def validate(data: DataGraph, shapes: Shapes = None, *,
             engine: str = DEFAULT_ENGINE) -> ValidationReport:
    """SHACL-validate ``data`` against ``shapes`` with ``engine`` (``sparql`` or
    ``pyshacl``)."""
    if engine not in ENGINES:
        raise UsageError(f"unknown validation engine {engine!r} (known: {', '.join(ENGINES)})")
    graph = shapes if isinstance(shapes, rdflib.Graph) else load_shapes(shapes)
    with quiet_rdflib():  # ill-typed literals are findings, not log lines
        if engine == "pyshacl":
            return report_of(engine_pyshacl.run(data, graph), data, graph, "pyshacl")
        try:
            findings = engine_sparql.run(data, graph)
        except Unsupported as exc:
            return report_of(engine_pyshacl.run(data, graph), data, graph,
                             f"pyshacl (the sparql engine does not support {exc})")
        return report_of(findings, data, graph, "sparql")


def validate_graph(data: rdflib.Graph, shapes: Shapes = None, *,
                   engine: str = DEFAULT_ENGINE) -> ValidationReport:
    """Validate an rdflib graph or dataset (a dataset as the union of its graphs, without
    the ontology graph)."""
    return validate(DataGraph.from_rdflib(data), shapes, engine=engine)


def validate_quads(quads: Iterable[ox.Quad], shapes: Shapes = None, *,
                   engine: str = DEFAULT_ENGINE) -> ValidationReport:
    """Validate pyoxigraph quads (what ``kg build`` assembles)."""
    return validate(DataGraph.from_quads(quads), shapes, engine=engine)


def validate_file(path: Path, shapes: Shapes = None, *,
                  engine: str = DEFAULT_ENGINE) -> ValidationReport:
    """Validate one RDF file in any format ``kg load`` reads.  A syntax error is a
    :class:`kg.errors.RdfSyntaxError` with file, line and column; a missing file or an
    unknown extension a :class:`kg.errors.UsageError` (both exit code 2)."""
    return validate(DataGraph.from_files([Path(path)]), shapes, engine=engine)


def validate_files(paths: Sequence[Path], shapes: Shapes = None, *,
                   engine: str = DEFAULT_ENGINE) -> ValidationReport:
    """Validate the union of several RDF files (errors as :func:`validate_file`)."""
    return validate(DataGraph.from_files([Path(p) for p in paths]), shapes, engine=engine)


def validate_store(store: Store, articles: Sequence[str] | None = None, shapes: Shapes = None,
                   *, engine: str = DEFAULT_ENGINE) -> ValidationReport:
    """Validate the store's current graph: the union of all its graphs but the ontology's.

    With ``articles`` (file names or article IRIs) the whole graph is still validated (a
    measure no article mentions is only visible across articles), and the report keeps the
    results in those articles' graphs and those about the nodes they use.
    """
    data = DataGraph.from_store(store)
    wanted = [_article_name(a) for a in articles or ()]
    missing = [a for a in wanted if a not in data.graph_names()]
    if missing:
        raise UsageError("no such article in the store: " + ", ".join(missing))
    report = validate(data, shapes, engine=engine)
    if not wanted:
        return report
    nodes = {term.value for name in wanted
             for quad in data.store.quads_for_pattern(None, None, None, ox.NamedNode(name))
             for term in (quad.subject, quad.predicate, quad.object)
             if isinstance(term, ox.NamedNode)}
    return report.restricted_to(wanted, nodes)


def read_rdf(path: Path) -> rdflib.Dataset:
    """Parse any RDF file ``kg load`` reads into an rdflib dataset (errors as
    :func:`validate_file`)."""
    return DataGraph.from_files([Path(path)]).rdflib_dataset()


def union_graph(data: rdflib.Graph, exclude: Iterable[str] = (ONTOLOGY_GRAPH,)) -> rdflib.Graph:
    """One graph holding every triple of the dataset ``data`` outside the ``exclude``
    graphs."""
    skip = {rdflib.URIRef(g) for g in exclude}
    union = rdflib.Graph()
    for s, p, o, context in data.quads((None, None, None, None)):  # type: ignore[attr-defined]
        name = context.identifier if isinstance(context, rdflib.Graph) else context
        if name not in skip:
            union.add((s, p, o))
    return union


def _article_name(name: str) -> str:
    """An article IRI from what a user may give: the IRI, its ``article:`` short form (as
    pages and ``kg query`` show it), the file name or the file's path."""
    if name.startswith(("http://", "https://")):
        return name
    if name.startswith("article:"):
        return PREFIXES["article"] + name.removeprefix("article:")
    return article_iri(Path(name).name)
