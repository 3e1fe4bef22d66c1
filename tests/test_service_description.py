"""kg.service: the SPARQL 1.1 Service Description and the VoID counts of the dataset."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from kg.conneg import GRAPH_FORMATS, by_name
from kg.namespace import FORMATS, SD, VOID
from kg.service import ServiceFeatures, dataset_statistics, describe_service, write_description

EX = "http://example.org/"
ENDPOINT = "http://127.0.0.1:8000/sparql"
TRIG = f"""
@prefix ex: <{EX}> .
ex:g1 {{ ex:a a ex:Person ; ex:name "A" . ex:b a ex:Person . ex:shared ex:p ex:o . }}
ex:g2 {{ ex:c a ex:Place ; ex:name "C" . ex:shared ex:p ex:o . _:x ex:p ex:c . }}
"""


@pytest.fixture(scope="module")
def store() -> ox.Store:
    memory = ox.Store()
    memory.load(TRIG.encode(), format=ox.RdfFormat.TRIG)
    return memory


def described(store: ox.Store, features: ServiceFeatures | None = None) -> Graph:
    features = features or ServiceFeatures()
    triples = describe_service(ENDPOINT, dataset_statistics(store), features)
    graph = Graph()
    graph.parse(data=write_description(triples, by_name("turtle")), format="turtle")
    return graph


def value(graph: Graph, query: str) -> object:
    rows = list(graph.query(query, initNs={"sd": SD, "void": VOID}))
    assert len(rows) == 1, rows
    return rows[0][0].toPython()  # type: ignore[index,union-attr]


def test_statistics_count_the_union_as_an_rdf_merge(store: ox.Store) -> None:
    stats = dataset_statistics(store)
    assert stats.triples == 7, "ex:shared ex:p ex:o is in both graphs: counted once"
    assert stats.graphs == ((EX + "g1", 4), (EX + "g2", 4))
    assert dict(stats.classes) == {EX + "Person": 2, EX + "Place": 1}
    assert dict(stats.properties)[EX + "p"] == 2
    assert stats.entities == 4, "a, b, c and shared are IRIs; the blank node is not"
    assert stats.distinct_subjects == 5


def test_description_names_the_endpoint_it_was_asked_at(store: ox.Store) -> None:
    graph = described(store)
    assert value(graph, "SELECT ?e WHERE { ?s a sd:Service ; sd:endpoint ?e }") == ENDPOINT
    languages = set(graph.objects(None, SD.supportedLanguage))
    assert languages == {SD.SPARQL11Query}


def test_description_lists_every_result_format_by_its_w3c_iri(store: ox.Store) -> None:
    formats = set(described(store).objects(None, SD.resultFormat))
    assert {FORMATS.SPARQL_Results_JSON, FORMATS.SPARQL_Results_CSV, FORMATS.Turtle,
            FORMATS["JSON-LD"], FORMATS.TriG} <= formats
    assert len(formats) == 10


def test_default_graph_is_declared_the_union_with_void_counts(store: ox.Store) -> None:
    graph = described(store)
    assert (None, SD.feature, SD.UnionDefaultGraph) in graph
    query = """SELECT ?n WHERE { ?s sd:defaultDataset/sd:defaultGraph ?g . ?g void:triples ?n }"""
    assert value(graph, query) == 7
    persons = f"""SELECT ?n WHERE {{ ?g void:classPartition [ void:class <{EX}Person> ;
                                                             void:entities ?n ] }}"""
    assert value(graph, persons) == 2


def test_each_named_graph_is_listed_with_its_triples(store: ox.Store) -> None:
    graph = described(store)
    query = f"""SELECT ?n WHERE {{ ?d sd:namedGraph [ sd:name <{EX}g2> ;
                                                     sd:graph [ void:triples ?n ] ] }}"""
    assert value(graph, query) == 4


def test_update_and_federation_appear_only_when_enabled(store: ox.Store) -> None:
    plain = described(store)
    assert (None, SD.feature, SD.BasicFederatedQuery) not in plain
    enabled = described(store, ServiceFeatures(update=True, federated=(EX + "sparql",)))
    assert (None, SD.supportedLanguage, SD.SPARQL11Update) in enabled
    assert (None, SD.feature, SD.BasicFederatedQuery) in enabled


def test_without_statistics_the_description_still_stands(store: ox.Store) -> None:
    triples = describe_service(ENDPOINT, None)
    graph = Graph().parse(data=write_description(triples, by_name("turtle")), format="turtle")
    assert (None, SD.endpoint, URIRef(ENDPOINT)) in graph
    assert not list(graph.objects(None, VOID.triples))


@pytest.mark.parametrize("fmt", GRAPH_FORMATS, ids=lambda f: f.name)
def test_description_parses_back_in_every_rdf_format(store: ox.Store, fmt: object) -> None:
    triples = describe_service(ENDPOINT, dataset_statistics(store))
    body = write_description(triples, fmt)  # type: ignore[arg-type]
    parsed = list(ox.parse(body, fmt.serializer))  # type: ignore[attr-defined]
    assert len(parsed) == len(triples)
