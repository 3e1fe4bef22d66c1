"""``kg query``: run SPARQL against the store and format the answer for a terminal or a file.

The common prefixes of :data:`kg.namespace.PREFIXES` are predeclared, and a query without
``FROM`` sees the union of all graphs, as on the endpoint.
"""

from __future__ import annotations

from typing import cast

import pyoxigraph as ox

from .errors import UsageError
from .namespace import PREFIXES, compact
from .store import Store

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


def run(store: Store, sparql: str) -> Results:
    """Run a query on the store's current graph (read-only), with the endpoint's rules.

    The dataset rules, refused updates and refused ``SERVICE`` are those of
    :func:`kg.sparql.execute`, so a query answers the same here and on ``/sparql``.
    """
    from .sparql import QueryRequest, execute

    return execute(store.open(), QueryRequest(query=sparql))


def format_results(results: Results, fmt: str | None = None) -> str:
    """Render results: ``table`` (default for SELECT/ASK) or a standard format name."""
    if isinstance(results, ox.QueryTriples):
        fmt = fmt or "turtle"
        if fmt not in _GRAPH_FORMATS:
            raise UsageError(f"a CONSTRUCT/DESCRIBE result cannot be written as {fmt!r}")
        rdf_format = _GRAPH_FORMATS[fmt]
        if rdf_format.supports_datasets:
            raise UsageError(f"{fmt} needs a dataset; a CONSTRUCT result is one graph")
        prefixes = PREFIXES if rdf_format is ox.RdfFormat.TURTLE else None
        # Without an output, serialize returns the bytes (the stubs say bytes | None).
        data = cast(bytes, ox.serialize(results, format=rdf_format, prefixes=prefixes))
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


def _table(results: ox.QuerySolutions | ox.QueryBoolean) -> str:
    if isinstance(results, ox.QueryBoolean):
        return ("true" if bool(results) else "false") + "\n"
    names = [v.value for v in results.variables]
    rows = [[_cell(solution[name]) for name in names] for solution in results]
    widths = [max([len(n), *(min(len(r[i]), 60) for r in rows)]) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        clipped = [c if len(c) <= 60 else c[:59] + "…" for c in cells]
        pairs = zip(clipped, widths, strict=True)
        return " | ".join(c.replace("\n", " ").ljust(w) for c, w in pairs)

    out = [line(names), "-+-".join("-" * w for w in widths)]
    out.extend(line(r) for r in rows)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
