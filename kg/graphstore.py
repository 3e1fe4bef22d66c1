"""The SPARQL 1.1 Graph Store HTTP Protocol, read-only, without any web framework.

https://www.w3.org/TR/sparql11-http-rdf-update/ with indirect graph identification:

* ``GET ?graph=IRI``: that named graph (404 when the store has no such graph);
* ``GET ?default``: the default graph, which is here, as for queries without ``FROM``, the
  union of all graphs (an RDF merge: a triple stated in several graphs is written once);
* ``GET`` with neither, on the graph store's own URL: the whole dataset, every named graph
  kept apart (TriG, N-Quads or JSON-LD).

``PUT``, ``POST``, ``DELETE`` and ``PATCH`` are refused with 405 and never run: the graph
changes only through ``kg build`` and ``kg load`` (or the update endpoint, when enabled).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

import pyoxigraph as ox

from . import conneg
from .conneg import DATASET_FORMATS, GRAPH_FORMATS, Negotiated, ResultFormat
from .errors import ProtocolError
from .namespace import PREFIXES
from .results import Serialized, serialize_rdf

READ_METHODS = ("GET", "HEAD")
ALLOW = "GET, HEAD, OPTIONS"
_UNION = "CONSTRUCT WHERE { ?s ?p ?o }"


@dataclass(frozen=True)
class GraphRequest:
    """What a Graph Store Protocol request reads: one named graph (``graph``), the default
    graph (``graph`` is ``None``), or with ``dataset`` every graph."""

    graph: str | None = None
    dataset: bool = False

    @property
    def formats(self) -> tuple[ResultFormat, ...]:
        """The formats this answer can be written in (Turtle first, or TriG for a dataset)."""
        return DATASET_FORMATS if self.dataset else GRAPH_FORMATS

    @property
    def described(self) -> str:
        """The answer in words, for messages."""
        if self.dataset:
            return "the dataset"
        return f"graph <{self.graph}>" if self.graph else "the default graph"


def parse_graph_request(
    method: str, args: Mapping[str, Sequence[str]] | None, *, whole_store: bool = False
) -> GraphRequest:
    """Read a Graph Store Protocol request from its method and query string.

    ``whole_store`` says the request went to the graph store's own URL, where a request
    naming no graph means the whole dataset.  Raises :class:`ProtocolError`: 405 (with
    ``Allow``) for any method that would write, 400 for ``graph`` and ``default`` together,
    either beside a ``query`` or ``update``, several graphs, or a graph name that is not an
    absolute IRI.
    """
    verb = method.upper()
    if verb not in READ_METHODS:
        raise ProtocolError(
            f"method {method} is not allowed: the graph store is read-only (the graph "
            "changes only through 'kg build' and 'kg load')",
            status=405, headers={"Allow": ALLOW},
        )
    params = args or {}
    graphs = list(params.get("graph", ()))
    protocol = [name for name in ("query", "update") if name in params]
    if protocol and (graphs or "default" in params):
        # Answering either part alone would pass off one answer as the other's.
        raise ProtocolError(f"a request gives both a graph ('graph' or 'default') and a "
                            f"'{protocol[0]}': send them separately")
    if graphs and "default" in params:
        raise ProtocolError("give either 'graph' or 'default', not both")
    if len(graphs) > 1:
        raise ProtocolError(f"{len(graphs)} graphs given: name exactly one 'graph'")
    if graphs:
        try:
            return GraphRequest(graph=ox.NamedNode(graphs[0]).value)
        except ValueError as exc:
            raise ProtocolError(f"graph {graphs[0]!r} is not an absolute IRI") from exc
    if "default" in params or not whole_store:
        return GraphRequest()
    return GraphRequest(dataset=True)


def negotiate_graph(request: GraphRequest, accept: str | None) -> Negotiated:
    """The format to answer ``request`` in, from ``Accept`` (406 when none fits)."""
    return conneg.negotiate(request.formats, accept, request.described)


def read_graph(
    store: ox.Store, request: GraphRequest, fmt: ResultFormat, *, max_rows: int | None = None
) -> Serialized:
    """Write what ``request`` reads in ``fmt``, keeping at most ``max_rows`` triples/quads.

    Raises :class:`ProtocolError` 404 when the named graph is not in the store.
    """
    if request.dataset:
        return serialize_rdf(lambda out, line: store.dump(out, format=line), fmt,
                             dataset=True, max_rows=max_rows, prefixes=PREFIXES)
    if request.graph is None:
        # _UNION is a CONSTRUCT: its answer is triples by construction.
        union = cast(ox.QueryTriples, store.query(_UNION, use_default_graph_as_union=True))
        return serialize_rdf(lambda out, line: ox.serialize(union, out, format=line), fmt,
                             max_rows=max_rows, prefixes=PREFIXES)
    name = ox.NamedNode(request.graph)
    if not store.contains_named_graph(name):
        raise ProtocolError(f"the store has no graph <{request.graph}>", status=404)
    return serialize_rdf(lambda out, line: store.dump(out, format=line, from_graph=name), fmt,
                         max_rows=max_rows, prefixes=PREFIXES)
