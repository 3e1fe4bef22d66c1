"""The Flask app's /sparql and /rdf-graph-store beyond queries: the service description,
the read-only Graph Store Protocol, CORS, the update token, the row cap and the time limit.

The app runs its real query processes (kg.pool) over a real on-disk store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Graph, URIRef

from kg.jobs import QueryJob
from kg.namespace import ENTITIES_GRAPH, SD, article_iri
from kg.sparql import QueryRequest
from kg.store import Store
from server import create_app
from server.app import close_app

ARTICLE_A = article_iri("a_first.txt")
TOKEN = "an-update-token-for-tests"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
LABELS = "SELECT ?l WHERE { ?s a kg:Actor ; rdfs:label ?l } ORDER BY ?l"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
INSERT = 'INSERT DATA { GRAPH <http://example.org/new> { <http://example.org/s> rdfs:label "x" } }'


@pytest.fixture
def make_client() -> Iterator[Callable[..., FlaskClient]]:
    apps: list[Flask] = []

    def make(location: Path, **config: object) -> FlaskClient:
        apps.append(create_app(location, config={"TESTING": True, **config}))
        return apps[-1].test_client()

    yield make
    for app in apps:
        close_app(app)


@pytest.fixture
def client(small_store: Path, make_client: Callable[..., FlaskClient]) -> FlaskClient:
    return make_client(small_store)


@pytest.fixture
def writable(tmp_path: Path, small_trig: Path, make_store: Callable[..., Path]) -> Path:
    return make_store(tmp_path / "store", small_trig)


def quads(location: Path) -> int:
    return len(Store(location).open())


# --- the service description --------------------------------------------------------------


def test_get_without_a_query_describes_the_service_in_turtle(client: FlaskClient) -> None:
    response = client.get("/sparql", base_url="http://example.org:8080")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/turtle; charset=utf-8"
    graph = Graph().parse(data=response.data, format="turtle")
    assert (None, SD.endpoint, URIRef("http://example.org:8080/sparql")) in graph
    assert (None, SD.feature, SD.UnionDefaultGraph) in graph
    graphs = set(graph.objects(None, SD.name))
    assert {URIRef(ENTITIES_GRAPH), URIRef(ARTICLE_A)} <= graphs


@pytest.mark.parametrize(("accept", "parser"), [("application/ld+json", "json-ld"),
                                                ("application/rdf+xml", "xml"),
                                                ("application/n-triples", "nt")])
def test_the_service_description_is_negotiated(
    client: FlaskClient, accept: str, parser: str
) -> None:
    response = client.get("/sparql", headers={"Accept": accept})
    assert response.headers["Content-Type"].startswith(accept)
    graph = Graph().parse(data=response.data, format=parser)
    assert (None, SD.endpoint, URIRef("http://localhost/sparql")) in graph


def test_the_service_description_refuses_a_non_rdf_accept(client: FlaskClient) -> None:
    assert client.get("/sparql", headers={"Accept": "image/png"}).status_code == 406


# --- the Graph Store Protocol --------------------------------------------------------------


def test_graph_parameter_returns_that_graph(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"graph": ARTICLE_A})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/turtle; charset=utf-8"
    subjects = {t.subject.value for t in ox.parse(response.data, ox.RdfFormat.TURTLE)}
    assert ARTICLE_A in subjects
    assert "https://w3id.org/tradekg/id/actor/china" not in subjects, "entities are elsewhere"


def test_default_parameter_returns_the_union(client: FlaskClient) -> None:
    response = client.get("/sparql?default", headers={"Accept": "application/n-triples"})
    subjects = {t.subject.value for t in ox.parse(response.data, ox.RdfFormat.N_TRIPLES)}
    assert {ARTICLE_A, "https://w3id.org/tradekg/id/actor/china"} <= subjects


def test_graph_store_url_without_parameters_returns_the_dataset(client: FlaskClient,
                                                               small_store: Path) -> None:
    response = client.get("/rdf-graph-store", headers={"Accept": "application/n-quads"})
    assert response.status_code == 200
    assert set(ox.parse(response.data, ox.RdfFormat.N_QUADS)) == set(Store(small_store).open())


def test_an_unknown_graph_is_404(client: FlaskClient) -> None:
    response = client.get("/rdf-graph-store", query_string={"graph": "http://example.org/no"})
    assert response.status_code == 404


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE", "PATCH"])
@pytest.mark.parametrize("url", ["/rdf-graph-store", "/sparql"])
def test_graph_store_writes_are_405_and_change_nothing(
    make_client: Callable[..., FlaskClient], writable: Path, method: str, url: str
) -> None:
    client = make_client(writable, KG_UPDATE_TOKEN=TOKEN)  # even with updates enabled
    before = quads(writable)
    response = client.open(url, method=method, query_string={"graph": ARTICLE_A},
                           data=b"<http://example.org/a> <http://example.org/b> 1 .",
                           content_type="text/turtle",
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert quads(writable) == before


# --- CORS -------------------------------------------------------------------------------


def test_reads_allow_any_origin_and_expose_the_truncation_headers(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": LABELS},
                          headers={"Origin": "https://notebook.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "KG-Truncated" in response.headers["Access-Control-Expose-Headers"]
    graph = client.get("/rdf-graph-store", query_string={"graph": ARTICLE_A})
    assert graph.headers["Access-Control-Allow-Origin"] == "*"


def test_preflight_allows_posted_queries_but_not_credentials(client: FlaskClient) -> None:
    response = client.options("/sparql", headers={
        "Origin": "https://notebook.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, authorization"})
    assert response.status_code == 204
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    allowed = response.headers["Access-Control-Allow-Headers"].lower()
    assert "content-type" in allowed and "authorization" not in allowed


def test_the_graph_store_preflight_allows_only_the_methods_it_answers(client: FlaskClient) -> None:
    response = client.options("/rdf-graph-store", headers={
        "Origin": "https://notebook.example", "Access-Control-Request-Method": "POST"})
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert response.headers["Access-Control-Allow-Methods"] == "GET, HEAD"


def test_cors_can_be_switched_off(small_store: Path,
                                  make_client: Callable[..., FlaskClient]) -> None:
    client = make_client(small_store, KG_CORS=False)
    response = client.get("/sparql", query_string={"query": LABELS})
    assert "Access-Control-Allow-Origin" not in response.headers


# --- updates -------------------------------------------------------------------------------


def test_updates_are_403_without_a_configured_token(
    make_client: Callable[..., FlaskClient], writable: Path
) -> None:
    client = make_client(writable)
    before = quads(writable)
    response = client.post("/sparql", data=INSERT.encode(),
                           content_type="application/sparql-update",
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and quads(writable) == before


@pytest.mark.parametrize("authorization", [None, "Bearer not-the-token-at-all", TOKEN])
def test_updates_without_the_right_bearer_token_are_401(
    make_client: Callable[..., FlaskClient], writable: Path, authorization: str | None
) -> None:
    client = make_client(writable, KG_UPDATE_TOKEN=TOKEN)
    before = quads(writable)
    headers = {"Authorization": authorization} if authorization else {}
    response = client.post("/sparql", data={"update": INSERT}, headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert quads(writable) == before


def test_an_authorized_update_is_applied_and_seen_by_queries(
    make_client: Callable[..., FlaskClient], writable: Path
) -> None:
    client = make_client(writable, KG_UPDATE_TOKEN=TOKEN)
    before = quads(writable)
    response = client.post("/sparql", data=INSERT.encode(),
                           content_type="application/sparql-update",
                           headers={"Authorization": f"Bearer {TOKEN}",
                                    "Origin": "https://elsewhere.example"})
    assert response.status_code == 204
    assert "Access-Control-Allow-Origin" not in response.headers, "no CORS on updates"
    assert quads(writable) == before + 1
    answer = client.get("/sparql", query_string={"query": COUNT}).get_json()
    assert int(answer["results"]["bindings"][0]["n"]["value"]) == before + 1


def test_the_description_lists_update_only_when_enabled(
    make_client: Callable[..., FlaskClient], writable: Path
) -> None:
    enabled = Graph().parse(data=make_client(writable, KG_UPDATE_TOKEN=TOKEN).get(
        "/sparql").data, format="turtle")
    assert (None, SD.supportedLanguage, SD.SPARQL11Update) in enabled
    plain = Graph().parse(data=make_client(writable).get("/sparql").data, format="turtle")
    assert (None, SD.supportedLanguage, SD.SPARQL11Update) not in plain


# --- limits --------------------------------------------------------------------------------


def test_an_answer_over_the_row_cap_is_cut_and_says_so(
    small_store: Path, make_client: Callable[..., FlaskClient]
) -> None:
    client = make_client(small_store, KG_MAX_ROWS=2)
    response = client.get("/sparql", query_string={"query": LABELS})
    assert response.headers["KG-Truncated"] == "true"
    assert response.headers["KG-Row-Limit"] == "2"
    document = json.loads(response.data)
    assert document["truncated"] is True and len(document["results"]["bindings"]) == 2
    small = client.get("/sparql", query_string={"query": "ASK {}"})
    assert "KG-Truncated" not in small.headers


def test_a_query_past_the_time_limit_is_stopped_with_a_503_that_says_so(
    small_store: Path, make_client: Callable[..., FlaskClient]
) -> None:
    client = make_client(small_store, KG_QUERY_TIMEOUT=1.0, KG_QUERY_PROCESSES=1)
    # Started with a generous limit: on a busy machine a query process may take over the
    # endpoint's second to start, which is not what this test is about.
    pool = client.application.extensions["kg"].engine
    assert pool.run(QueryJob(QueryRequest("ASK {}")), timeout=30.0).status == 200
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    response = client.get("/sparql", query_string={"query": ENDLESS})
    assert response.status_code == 503
    assert b"stopped after 1 s" in response.data
    assert not response.data.startswith(b"{"), "never an empty result passed off as one"


def test_allowed_services_come_from_the_configuration(
    small_store: Path, make_client: Callable[..., FlaskClient]
) -> None:
    query = "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    refused = make_client(small_store).get("/sparql", query_string={"query": query})
    assert refused.status_code == 403
    allowed = make_client(small_store, KG_ALLOWED_SERVICES=("http://127.0.0.1:1/sparql",))
    assert allowed.get("/sparql", query_string={"query": query}).status_code == 200


def test_the_endpoint_answers_alike_when_mounted_under_a_prefix(
    small_store: Path, make_client: Callable[..., FlaskClient]
) -> None:
    from werkzeug.middleware.dispatcher import DispatcherMiddleware
    from werkzeug.test import Client

    direct = make_client(small_store)
    app = direct.application
    mounted = Client(DispatcherMiddleware(lambda e, s: [], {"/kg": app.wsgi_app}))
    query = {"query": LABELS}
    expected = direct.get("/sparql", query_string=query)
    answer = mounted.get("/kg/sparql", query_string=query)  # Flask's routing, not FastPath
    assert answer.status_code == 200 and answer.data == expected.data
    description = mounted.get("/kg/sparql")
    graph = Graph().parse(data=description.data, format="turtle")
    assert (None, SD.endpoint, URIRef("http://localhost/kg/sparql")) in graph
    assert mounted.put("/kg/rdf-graph-store?default").status_code == 405
