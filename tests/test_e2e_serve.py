"""End to end: ``kg build seeds/`` and ``kg serve`` as real processes, queried over HTTP with
SPARQLWrapper and rdflib's SPARQLStore, as a researcher's own tools would."""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from rdflib import Graph, Literal
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, POST, XML, SPARQLWrapper

from server.examples import load_examples

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {example.name: example.query for example in load_examples()}
STARTUP_SECONDS = 60.0  # a deadline for the server to come up, not a timing assertion


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory, kg_command: list[str]) -> Path:
    location = tmp_path_factory.mktemp("e2e") / "store"
    built = subprocess.run(
        [*kg_command, "build", str(ROOT / "seeds"), "--store", str(location), "--quiet"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert built.returncode == 0, f"kg build failed ({built.returncode}):\n{built.stderr}"
    return location


@pytest.fixture(scope="module")
def endpoint(
    seeds_store: Path,
    kg_command: list[str],
    free_port_factory: Callable[[], int],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """Start ``kg serve`` on a free port; yield its /sparql URL; stop it afterwards."""
    port = free_port_factory()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*kg_command, "serve", "--store", str(seeds_store), "--host", "127.0.0.1",
             "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process, log)
        yield f"{base}/sparql"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    probe = f"{base}/sparql?query=ASK%7B%7D"
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"kg serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    pytest.fail(f"kg serve did not answer within {STARTUP_SECONDS} s:\n{log.read_text()}")


def select(endpoint: str, query: str, *, method: str = "GET") -> list[dict[str, str]]:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    if method == "POST":
        client.setMethod(POST)
    data: Any = client.query().convert()
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def test_protest_query_finds_japans_ministry_protesting_to_china(endpoint: str) -> None:
    rows = select(endpoint, EXAMPLES["01-protests"])
    japan = {"Ministry of Foreign Affairs of Japan", "Japan"}
    found = [r for r in rows
             if {r.get("issuerLabel"), r.get("onBehalfOf")} & japan
             and "China" in r.get("targetLabel", "")]
    assert found, rows
    assert all(r["evidence"] for r in found), "each protest comes with the article's words"


def test_rare_earth_query_lists_dysprosium_over_post(endpoint: str) -> None:
    rows = select(endpoint, EXAMPLES["02-rare-earth-elements"], method="POST")
    labels = {r["label"].lower() for r in rows}
    assert "dysprosium" in labels, labels
    assert all(int(r["articleCount"]) >= 1 for r in rows if r["label"].lower() == "dysprosium")


def test_he_yadong_statements_have_spans_into_the_article_text(endpoint: str) -> None:
    graph = Graph(store=SPARQLStore(endpoint))
    statements = list(graph.query(EXAMPLES["03-he-yadong"]))
    assert statements, "He Yadong's statements are found through rdflib's SPARQLStore"
    texts = {
        str(row.id): str(row.text)
        for row in graph.query(
            "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
            "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>\n"
            "SELECT ?id ?text WHERE { ?a dcterms:identifier ?id ; nif:isString ?text }"
        )
    }
    for row in statements:
        begin, end = int(row.begin), int(row.end)
        assert 0 <= begin < end
        assert texts[str(row.identifier)][begin:end] == str(row.quote)


def test_construct_through_sparqlstore_gives_a_graph(endpoint: str) -> None:
    graph = Graph(store=SPARQLStore(endpoint))
    result = graph.query(
        "PREFIX kg: <https://w3id.org/tradekg/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m a kg:Material ; rdfs:label ?l }"
    )
    assert result.graph is not None
    labels = {str(o) for o in result.graph.objects() if isinstance(o, Literal)}
    assert "dysprosium" in {label.lower() for label in labels}


def test_every_example_query_answers_over_http(endpoint: str) -> None:
    for name, query in EXAMPLES.items():
        client = SPARQLWrapper(endpoint)
        client.setQuery(query)
        client.setReturnFormat(XML)
        document: Any = client.query().convert()
        assert document.getElementsByTagName("results"), name


def test_update_over_http_is_refused(endpoint: str) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = select(endpoint, count)
    response = requests.post(endpoint, data=b"DROP ALL", timeout=10,
                             headers={"Content-Type": "application/sparql-update"})
    assert response.status_code == 403
    response = requests.post(endpoint, data={"update": "CLEAR ALL"}, timeout=10)
    assert response.status_code == 403
    assert select(endpoint, count) == before


def test_query_page_is_served(endpoint: str) -> None:
    page = requests.get(endpoint.removesuffix("/sparql") + "/", timeout=10)
    assert page.status_code == 200
    assert "text/html" in page.headers["Content-Type"]
    assert "Who protested the ban" in page.text
