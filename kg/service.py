"""The SPARQL 1.1 Service Description of the endpoint, with a VoID description of its data.

``GET /sparql`` without a query answers this document
(https://www.w3.org/TR/sparql11-service-description/): the ``sd:Service`` with its
``sd:endpoint`` (the URL the client used), the languages, result formats and features it
supports, and its default dataset.  The dataset is described with VoID
(https://www.w3.org/TR/void/): the default graph (the union of all graphs, feature
``sd:UnionDefaultGraph``) with its triple, entity, subject, object, property and class
counts and its class and property partitions; each named graph with its triple count.

Counting needs full scans, so :func:`dataset_statistics` is meant to run once per store
generation (the server caches it) and the document itself is built from its result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import cast

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF, XSD

from .conneg import GRAPH_FORMATS, ResultFormat
from .namespace import ENTAILMENT, FORMATS, ID_BASE, KG, PREFIXES, SD, VOID
from .results import serialize_quads

FORMAT_IRIS: dict[str, str] = {
    "json": str(FORMATS.SPARQL_Results_JSON),
    "xml": str(FORMATS.SPARQL_Results_XML),
    "csv": str(FORMATS.SPARQL_Results_CSV),
    "tsv": str(FORMATS.SPARQL_Results_TSV),
    "turtle": str(FORMATS.Turtle),
    "ntriples": str(FORMATS["N-Triples"]),
    "rdfxml": str(FORMATS.RDF_XML),
    "jsonld": str(FORMATS["JSON-LD"]),
    "trig": str(FORMATS.TriG),
    "nquads": str(FORMATS["N-Quads"]),
}
"""The W3C IRI of each format the endpoint writes (``sd:resultFormat``), by short name."""

DESCRIPTION_PREFIXES: dict[str, str] = {
    **PREFIXES, "sd": str(SD), "void": str(VOID), "format": str(FORMATS),
    "entailment": str(ENTAILMENT),
}

_TYPE = ox.NamedNode(str(RDF.type))
_XSD_INTEGER = ox.NamedNode(str(XSD.integer))

# Counted over the union default graph.  Oxigraph's union repeats a triple stated in several
# graphs, so triple counts go through DISTINCT to describe the RDF merge, as VoID means.
_TOTALS = """SELECT (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects)
       (COUNT(DISTINCT ?p) AS ?properties) WHERE { ?s ?p ?o }"""
_ENTITIES = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(isIRI(?s)) }"
_BY_PROPERTY = """SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE {
    ?s ?p ?o } } GROUP BY ?p ORDER BY ?p"""
_BY_CLASS = """SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c
    ORDER BY ?c"""
_BY_GRAPH = """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g
    ORDER BY ?g"""


@dataclass(frozen=True)
class DatasetStatistics:
    """Counts describing the dataset: the union default graph, then each named graph."""

    triples: int
    entities: int
    distinct_subjects: int
    distinct_objects: int
    classes: tuple[tuple[str, int], ...]
    """Each class with the number of distinct instances (``void:classPartition``)."""
    properties: tuple[tuple[str, int], ...]
    """Each property with the number of distinct triples using it
    (``void:propertyPartition``)."""
    graphs: tuple[tuple[str, int], ...]
    """Each named graph with its number of triples."""


@dataclass(frozen=True)
class ServiceFeatures:
    """What this deployment of the endpoint offers beyond the read-only query service."""

    update: bool = False
    """SPARQL Update is enabled (with a token)."""
    federated: tuple[str, ...] = ()
    """Endpoints that ``SERVICE`` may call; none means federation is off."""


def _count(value: ox.Literal | None) -> int:
    return int(value.value) if value is not None else 0


def _select(store: ox.Store, query: str) -> ox.QuerySolutions:
    """Run one of this module's own SELECT queries (their answer is solutions by construction)."""
    return cast(ox.QuerySolutions, store.query(query, use_default_graph_as_union=True))


def _pairs(store: ox.Store, query: str, key: str) -> tuple[tuple[str, int], ...]:
    pairs = []
    for row in _select(store, query):
        term = row[key]
        if isinstance(term, ox.NamedNode):  # blank-node classes or graphs are not named
            pairs.append((term.value, _count(row["n"])))
    return tuple(pairs)


def dataset_statistics(store: ox.Store) -> DatasetStatistics:
    """Count what the VoID description reports (full scans: cache the result)."""
    totals = next(iter(_select(store, _TOTALS)))
    entities = next(iter(_select(store, _ENTITIES)))
    properties = _pairs(store, _BY_PROPERTY, "p")
    return DatasetStatistics(
        triples=sum(n for _, n in properties),
        entities=_count(entities["n"]),
        distinct_subjects=_count(totals["subjects"]),
        distinct_objects=_count(totals["objects"]),
        classes=_pairs(store, _BY_CLASS, "c"),
        properties=properties,
        graphs=_pairs(store, _BY_GRAPH, "g"),
    )


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD_INTEGER)


def describe_service(
    endpoint: str,
    statistics: DatasetStatistics | None,
    features: ServiceFeatures = ServiceFeatures(),
    formats: Iterable[ResultFormat] = (),
) -> list[ox.Triple]:
    """The service description of the endpoint at ``endpoint`` (the URL clients use).

    ``formats`` are the result formats to list (all the endpoint writes when empty);
    ``statistics`` of ``None`` leaves the VoID counts out (they could not be computed).
    """
    sd = {name: ox.NamedNode(str(SD[name])) for name in (
        "Service", "endpoint", "supportedLanguage", "SPARQL11Query", "SPARQL11Update",
        "resultFormat", "feature", "UnionDefaultGraph", "BasicFederatedQuery",
        "defaultEntailmentRegime", "defaultDataset", "Dataset", "defaultGraph", "namedGraph",
        "NamedGraph", "name", "graph", "Graph")}
    void = {name: ox.NamedNode(str(VOID[name])) for name in (
        "Dataset", "triples", "entities", "distinctSubjects", "distinctObjects", "properties",
        "classes", "classPartition", "class", "propertyPartition", "property",
        "sparqlEndpoint", "uriSpace", "vocabulary")}
    service, dataset, default = (ox.BlankNode(n) for n in ("service", "dataset", "default"))
    here = ox.NamedNode(endpoint)
    triples = [
        ox.Triple(service, _TYPE, sd["Service"]),
        ox.Triple(service, sd["endpoint"], here),
        ox.Triple(service, sd["supportedLanguage"], sd["SPARQL11Query"]),
        ox.Triple(service, sd["feature"], sd["UnionDefaultGraph"]),
        ox.Triple(service, sd["defaultEntailmentRegime"], ox.NamedNode(str(ENTAILMENT.Simple))),
        ox.Triple(service, sd["defaultDataset"], dataset),
    ]
    if features.update:
        triples.append(ox.Triple(service, sd["supportedLanguage"], sd["SPARQL11Update"]))
    if features.federated:
        triples.append(ox.Triple(service, sd["feature"], sd["BasicFederatedQuery"]))
    names = dict.fromkeys(f.name for f in formats) or FORMAT_IRIS
    triples += [ox.Triple(service, sd["resultFormat"], ox.NamedNode(FORMAT_IRIS[name]))
                for name in names]
    triples += [
        ox.Triple(dataset, _TYPE, sd["Dataset"]),
        ox.Triple(dataset, _TYPE, void["Dataset"]),
        ox.Triple(dataset, ox.NamedNode(str(DCTERMS.title)),
                  ox.Literal("kg: knowledge graph of news about trade and security measures")),
        ox.Triple(dataset, void["sparqlEndpoint"], here),
        ox.Triple(dataset, void["uriSpace"], ox.Literal(ID_BASE)),
        ox.Triple(dataset, void["vocabulary"], ox.NamedNode(str(KG))),
        ox.Triple(dataset, sd["defaultGraph"], default),
        ox.Triple(default, _TYPE, sd["Graph"]),
        ox.Triple(default, _TYPE, void["Dataset"]),
    ]
    if statistics is not None:
        triples += _void_counts(default, statistics, void)
        for index, (name, count) in enumerate(statistics.graphs):
            named, graph = ox.BlankNode(f"named{index}"), ox.BlankNode(f"graph{index}")
            triples += [
                ox.Triple(dataset, sd["namedGraph"], named),
                ox.Triple(named, _TYPE, sd["NamedGraph"]),
                ox.Triple(named, sd["name"], ox.NamedNode(name)),
                ox.Triple(named, sd["graph"], graph),
                ox.Triple(graph, _TYPE, sd["Graph"]),
                ox.Triple(graph, void["triples"], _integer(count)),
            ]
    return triples


def _void_counts(
    node: ox.BlankNode, stats: DatasetStatistics, void: Mapping[str, ox.NamedNode]
) -> list[ox.Triple]:
    triples = [
        ox.Triple(node, void["triples"], _integer(stats.triples)),
        ox.Triple(node, void["entities"], _integer(stats.entities)),
        ox.Triple(node, void["distinctSubjects"], _integer(stats.distinct_subjects)),
        ox.Triple(node, void["distinctObjects"], _integer(stats.distinct_objects)),
        ox.Triple(node, void["properties"], _integer(len(stats.properties))),
        ox.Triple(node, void["classes"], _integer(len(stats.classes))),
    ]
    for index, (cls, count) in enumerate(stats.classes):
        part = ox.BlankNode(f"class{index}")
        triples += [ox.Triple(node, void["classPartition"], part),
                    ox.Triple(part, void["class"], ox.NamedNode(cls)),
                    ox.Triple(part, void["entities"], _integer(count))]
    for index, (prop, count) in enumerate(stats.properties):
        part = ox.BlankNode(f"property{index}")
        triples += [ox.Triple(node, void["propertyPartition"], part),
                    ox.Triple(part, void["property"], ox.NamedNode(prop)),
                    ox.Triple(part, void["triples"], _integer(count))]
    return triples


def write_description(triples: list[ox.Triple], fmt: ResultFormat) -> bytes:
    """Serialise a service description in ``fmt`` (one of the graph formats)."""
    assert fmt in GRAPH_FORMATS
    return serialize_quads(triples, fmt, prefixes=DESCRIPTION_PREFIXES).body

