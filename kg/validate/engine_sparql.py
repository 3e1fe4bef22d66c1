"""The fast engine: the shapes compiled to SPARQL (:mod:`.compile`) and run by Oxigraph.

Each query makes one pass over Oxigraph's indexes for all focus nodes at once, in native
code, so validation time grows linearly with the graph (``bench/validate.py``).  It gives
the same results as pySHACL (``tests/test_validate_engines.py`` compares the two on every
fixture, the seeds and synthetic graphs with injected defects).
"""

from __future__ import annotations

import os
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDFS
from rdflib.term import Node

from ..errors import KgError
from .checks import Check
from .compile import Compiler
from .data import DataGraph
from .findings import Finding
from .shapes import compact, term_id
from .terms import rdflib_term


def subclasses(data: DataGraph) -> dict[Node, set[Node]]:
    """Class -> all its subclasses, from the ``rdfs:subClassOf`` triples of the data."""
    direct: dict[Node, set[Node]] = defaultdict(set)
    for row in data.query(f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{RDFS.subClassOf}> ?o }}"):
        direct[rdflib_term(row["o"])].add(rdflib_term(row["s"]))
    closure: dict[Node, set[Node]] = {}
    for cls in direct:
        seen: set[Node] = set()
        todo = list(direct[cls])
        while todo:
            sub = todo.pop()
            if sub not in seen:
                seen.add(sub)
                todo.extend(direct.get(sub, ()))
        closure[cls] = seen - {cls}
    return closure


def checks_for(data: DataGraph, shapes: rdflib.Graph) -> list[Check]:
    """The queries validating ``data`` against ``shapes`` (raises
    :class:`~kg.validate.compile.Unsupported` for shapes outside the engine's subset)."""
    try:
        return Compiler(shapes, subclasses(data)).compile()
    except (ValueError, TypeError, AssertionError) as exc:  # e.g. sh:minCount "many"
        raise KgError(f"the shapes are not valid SHACL: {exc}", exit_code=2) from exc


def run(data: DataGraph, shapes: rdflib.Graph, *, workers: int | None = None) -> list[Finding]:
    """Validate ``data``; the results as :class:`Finding` objects.

    The queries run in ``workers`` threads (default: one per CPU core, at most 4): Oxigraph
    evaluates them in native code without holding Python's lock.
    """
    checks = checks_for(data, shapes)
    jobs = workers or min(4, os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        pool.submit(data.triples)  # for the report, while the checks run
        answers = list(pool.map(lambda check: _answer(data, check), checks))
    findings: list[Finding] = []
    for check, (rows, names) in zip(checks, answers, strict=True):
        findings.extend(check.findings(rows, names))
    return findings


def _answer(data: DataGraph, check: Check) -> tuple[list[ox.QuerySolution], set[str]]:
    """The rows of ``check``'s query and the names of its variables."""
    try:
        solutions = data.query(check.sparql)
        return list(solutions), {var.value for var in solutions.variables}
    except SyntaxError as exc:
        raise KgError(f"shape {compact(term_id(check.shape))}: its SPARQL does not parse: "
                      f"{exc}", exit_code=2) from exc
