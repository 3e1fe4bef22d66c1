"""The reference engine: pySHACL over the union of the graphs, as one rdflib graph.

It implements the whole of SHACL Core and SHACL-SPARQL and is the yardstick the fast engine
(:mod:`.engine_sparql`) is tested against; it validates about 3,000 triples/s on our shapes
(``bench/validate.py``), so ``kg validate --engine pyshacl`` is for checking, not for big
graphs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import RDF
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import BNode, Literal, Node, URIRef

from ..errors import KgError
from ..namespace import SH
from .data import DataGraph
from .findings import Finding
from .terms import quiet_rdflib


class PreparedQueryGraph(rdflib.Graph):
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


def run(data: DataGraph, shapes: rdflib.Graph) -> list[Finding]:
    """Validate ``data`` with pyshacl; the results as :class:`Finding` objects."""
    union = data.rdflib_union()
    try:
        with quiet_rdflib(), _quiet_pyshacl():
            _, report, _ = shacl_validate(
                union, shacl_graph=shapes, inference="none", abort_on_first=False,
                allow_warnings=True, allow_infos=True, meta_shacl=False, advanced=False,
                inplace=True,
            )
    except Exception as exc:  # pyshacl signals bad shapes with its own exception types
        raise KgError(f"SHACL validation could not run: {exc}", exit_code=2) from exc
    # pyshacl copies anonymous shapes and paths into its report as new blank nodes: find
    # the shapes graph's own node again by its description.
    anonymous = {_signature(shapes, n): n for n in set(shapes.subjects()) if isinstance(n, BNode)}
    findings = []
    # top-level results only: those of nested shapes are sh:detail of these
    for node in report.objects(report.value(predicate=RDF.type, object=SH.ValidationReport),
                               SH.result):
        severity = report.value(node, SH.resultSeverity)
        component = report.value(node, SH.sourceConstraintComponent)
        shape = report.value(node, SH.sourceShape)
        if isinstance(shape, BNode):
            shape = anonymous.get(_signature(report, shape), shape)
        path = report.value(node, SH.resultPath)
        if isinstance(path, BNode):
            path = shapes.value(shape, SH.path) or path
        findings.append(Finding(
            shape=shape,
            focus=report.value(node, SH.focusNode),
            severity=severity if isinstance(severity, URIRef) else SH.Violation,
            component=component if isinstance(component, URIRef) else SH.ConstraintComponent,
            path=path,
            value=report.value(node, SH.value),
            messages=tuple(sorted((m for m in report.objects(node, SH.resultMessage)
                                   if isinstance(m, Literal)), key=str)),
        ))
    return findings


@contextmanager
def _quiet_pyshacl() -> Iterator[None]:
    """pySHACL logs the errors it raises; we report them ourselves, once.  (It resets its
    logger's level and handlers on every call, so a filter is what stays.)"""
    log = logging.getLogger("pyshacl-validate")

    def drop(record: logging.LogRecord) -> bool:
        return False

    log.addFilter(drop)
    try:
        yield
    finally:
        log.removeFilter(drop)


def _signature(graph: rdflib.Graph, node: Node, depth: int = 0) -> str:
    """A blank node written out with everything it points to (its identity up to
    renaming of blank nodes)."""
    if not isinstance(node, BNode) or depth > 20:
        return node.n3()
    return "[" + " ; ".join(sorted(f"{p.n3()} {_signature(graph, o, depth + 1)}"
                                   for p, o in graph.predicate_objects(node))) + "]"
