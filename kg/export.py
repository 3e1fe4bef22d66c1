"""Export the stored graph as Turtle, TriG, N-Quads, N-Triples, JSON-LD or RDF/XML,
byte-stable.

Quads are read from the store, sorted, and written by pyoxigraph's serialisers with the
prefixes of :data:`kg.namespace.PREFIXES`; the graph has no blank nodes, so the same store
gives byte-identical output.  Triple formats (Turtle, N-Triples, RDF/XML) merge the data graphs into
one graph, as someone importing our Turtle into their own graph wants; dataset formats
(TriG, N-Quads, JSON-LD) keep one named graph per article.  JSON-LD carries the prefixes as
its ``@context`` and compact IRIs (``"kg:issuer"``, ``"actor:china"``).  The ontology graph
is left out unless asked for: it is published as ``ontology/kg.ttl``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

import pyoxigraph as ox

from .errors import StoreError, UsageError
from .jsonld import compact_jsonld
from .load import format_for
from .namespace import ONTOLOGY_GRAPH, RDF, XSD, used_prefixes
from .store import Store

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
"""Export format names accepted by ``kg export --format``."""


_IMPLICIT = (ox.NamedNode(str(XSD.string)), ox.NamedNode(str(RDF.langString)))
"""Datatypes that every format writes without an IRI: plain and language-tagged strings."""


def _sort_key(quad: ox.Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def stored_quads(store: ox.Store, *, include_ontology: bool = False) -> list[ox.Quad]:
    """Every quad of the store in a stable order."""
    ontology = ox.NamedNode(ONTOLOGY_GRAPH)
    quads = [q for q in store if include_ontology or q.graph_name != ontology]
    return sorted(quads, key=_sort_key)


def serialize_quads(quads: Iterable[ox.Quad], fmt: str) -> bytes:
    """Serialise quads in one of :data:`FORMATS`; triple formats merge the graphs."""
    try:
        rdf_format = FORMATS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    if rdf_format.supports_datasets:
        data: list[ox.Quad] | list[ox.Triple] = list(quads)
    else:
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
        data = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    # Only Turtle, TriG and RDF/XML declare prefixes (JSON-LD gets its context from
    # compact_jsonld): the other formats need no pass over every IRI.
    prefixes = used_prefixes(iris_of(data)) \
        if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) \
        else None
    # Without an output, serialize returns the bytes (the stubs say bytes | None).
    written = cast(bytes, ox.serialize(data, format=rdf_format, prefixes=prefixes))
    return compact_jsonld(written) if rdf_format is ox.RdfFormat.JSON_LD else written


def iris_of(data: Iterable[ox.Quad] | Iterable[ox.Triple]) -> Iterator[str]:
    """Every IRI the serialisation may write: terms, graph names (a quad iterates over its
    four terms) and the datatypes of literals that are written with one."""
    for item in data:
        for term in item:
            if isinstance(term, ox.NamedNode):
                yield term.value
            elif isinstance(term, ox.Literal) and term.datatype not in _IMPLICIT:
                yield term.datatype.value


def format_for_output(path: Path) -> str:
    """The export format a file's extension names (``graph.nq`` -> ``nquads``); ``turtle``
    for an extension that names no RDF format.  An RDF format ``kg export`` cannot write
    (``.rdf``) is a :class:`UsageError`, not Turtle under a misleading name."""
    try:
        wanted = format_for(path)
    except UsageError:
        return "turtle"
    for name, rdf_format in FORMATS.items():
        if rdf_format == wanted:
            return name
    raise UsageError(f"{path}: kg export cannot write {wanted.name}; choose --format "
                     f"({', '.join(FORMATS)})")


def export(store: Store, fmt: str, output: BinaryIO, *, include_ontology: bool = False) -> int:
    """Write the store's graph to ``output``; returns the number of quads written."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        quads = stored_quads(store.open(), include_ontology=include_ontology)
    except OSError as exc:
        raise StoreError(f"cannot read {store.location}: {exc}") from exc
    output.write(serialize_quads(quads, fmt))
    return len(quads)
