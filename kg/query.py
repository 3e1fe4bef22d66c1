"""``kg query``: run SPARQL against the store and format the answer for a terminal or a file.

The common prefixes of :data:`kg.namespace.PREFIXES` are predeclared, and a query without
``FROM`` sees the union of all graphs, as on the endpoint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import pyoxigraph as ox

from .errors import KgError, QueryError, QueryTimeout, UsageError
from .export import iris_of
from .namespace import compact, used_prefixes
from .store import Store

if TYPE_CHECKING:
    from .sparql import QueryRequest

Results = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

_RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_PREFIXED = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)
"""Formats that write prefixes: only those the answer uses are declared."""


def run(store: Store, sparql: str, *, timeout: float | None = None) -> Results:
    """Run a query on the store's current graph (read-only), with the endpoint's rules.

    The dataset rules, refused updates and refused ``SERVICE`` are those of
    :func:`kg.sparql.execute`, so a query answers the same here and on ``/sparql``.
    With a ``timeout`` (seconds), the query runs in a query process of :mod:`kg.pool`
    that is killed at the limit (pyoxigraph cannot stop a query in this process), and
    :class:`~kg.errors.QueryTimeout` is raised; without one it runs here, as long as it takes.
    """
    from .sparql import QueryRequest, execute

    opened = store.open()  # a missing store is a StoreError here, not a failed job
    if timeout is None:
        return execute(opened, QueryRequest(query=sparql))
    return _run_limited(store, QueryRequest(query=sparql), timeout)


_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
"""What a time-limited query's process answers in: parsed back into results here."""


def _run_limited(store: Store, request: QueryRequest, timeout: float) -> Results:
    from .jobs import QueryJob, results_of
    from .pool import QueryPool

    pool = QueryPool(store.location, processes=1, timeout=timeout)
    try:
        pool.start()  # the limit is the query's: the process's start-up is not counted
        outcome = pool.run(QueryJob(request, accept=_ACCEPT))
    finally:
        pool.close()
    if outcome.status == 200:
        return results_of(outcome)
    message = outcome.message
    if outcome.status == 503 and "stopped after" in message:
        raise QueryTimeout(f"the query was stopped after {timeout:g} s (--timeout): no "
                           "result was produced")
    if outcome.status < 500:
        raise QueryError(message)
    raise KgError(message)


def format_results(results: Results, fmt: str | None = None) -> str:
    """Render results: ``table`` (default for SELECT/ASK) or a standard format name."""
    if isinstance(results, ox.QueryTriples):
        fmt = fmt or "turtle"
        if fmt not in _GRAPH_FORMATS:
            raise UsageError(f"a CONSTRUCT/DESCRIBE result cannot be written as {fmt!r}")
        rdf_format = _GRAPH_FORMATS[fmt]
        triples = list(results)
        prefixes = used_prefixes(iris_of(triples)) if rdf_format in _PREFIXED else None
        # A dataset format (TriG, N-Quads, JSON-LD) writes the triples in its default graph,
        # as the endpoint does.
        items: list[ox.Triple] | list[ox.Quad] = [
            ox.Quad(t.subject, t.predicate, t.object) for t in triples
        ] if rdf_format.supports_datasets else triples
        # Without an output, serialize returns the bytes (the stubs say bytes | None).
        data = cast(bytes, ox.serialize(items, format=rdf_format, prefixes=prefixes))
        return data.decode("utf-8")
    fmt = fmt or "table"
    if fmt == "table":
        return _table(results)
    if fmt not in _RESULT_FORMATS:
        raise UsageError(f"a SELECT/ASK result cannot be written as {fmt!r}")
    return cast(bytes, results.serialize(format=_RESULT_FORMATS[fmt])).decode("utf-8")


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        short = compact(term.value)
        return short if short != term.value else f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


_CELL_CHARS = 60
"""Longest text shown in a table cell; IRIs are never cut (they are copied into the next
query), other text is, and the table then says how to see it whole."""


def _table(results: ox.QuerySolutions | ox.QueryBoolean) -> str:
    if isinstance(results, ox.QueryBoolean):
        return ("true" if bool(results) else "false") + "\n"
    names = [v.value for v in results.variables]
    cut = False

    def shown(term: object) -> str:
        nonlocal cut
        text = _cell(term).replace("\n", " ")
        if len(text) <= _CELL_CHARS or isinstance(term, ox.NamedNode):
            return text
        cut = True
        return text[:_CELL_CHARS - 1] + "…"

    rows = [[shown(solution[name]) for name in names] for solution in results]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))

    out = [line(names), "-+-".join("-" * w for w in widths)]
    out.extend(line(r) for r in rows)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    if cut:
        out.append(f"(text longer than {_CELL_CHARS} characters is cut with …: "
                   "--format tsv or csv shows it whole)")
    return "\n".join(out) + "\n"
