"""End to end: ``kg build seeds/`` and ``kg serve`` as real processes, queried over HTTP with
SPARQLWrapper and rdflib's SPARQLStore, as a researcher's own tools would."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, POST, XML, SPARQLWrapper

from kg.examples import load_examples
from kg.namespace import SD, VOID
from kg.store import Store
from server.app import QUERIES_DIR

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {example.name: example.query for example in load_examples(QUERIES_DIR)}
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


@contextmanager
def serving(
    location: Path, kg_command: list[str], port: int, log: Path, *options: str,
    env: dict[str, str] | None = None,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run ``kg serve`` on ``port``; yield its /sparql URL and process; stop it afterwards."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*kg_command, "serve", "--store", str(location), "--host", "127.0.0.1",
             "--port", str(port), *options],
            stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
            env={**os.environ, **(env or {})},
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process, log)
        yield f"{base}/sparql", process
    finally:
        process.terminate()  # gunicorn's master stops its workers and their query processes
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def endpoint(
    seeds_store: Path,
    kg_command: list[str],
    free_port_factory: Callable[[], int],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """``kg serve`` as shipped, on the seeds, on a free port; yields its /sparql URL."""
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with serving(seeds_store, kg_command, free_port_factory(), log) as (url, _):
        yield url


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
    for method in ("PUT", "POST", "DELETE"):
        response = requests.request(method, endpoint.replace("/sparql", "/rdf-graph-store"),
                                    params={"default": ""}, data=b"", timeout=10,
                                    headers={"Content-Type": "text/turtle"})
        assert response.status_code == 405
    assert select(endpoint, count) == before


def test_service_description_is_read_by_rdflib_from_the_endpoint_url(endpoint: str) -> None:
    graph = Graph()
    graph.parse(endpoint)  # rdflib fetches it, asking for RDF, as a crawler would
    assert (None, SD.endpoint, URIRef(endpoint)) in graph
    counts = [int(n) for n in graph.objects(None, VOID.triples)]
    assert counts and max(counts) > 1000, "the default graph is described with its size"


def test_graph_store_returns_one_article_graph(endpoint: str) -> None:
    articles = select(endpoint, "SELECT ?a WHERE { ?a a kg:Article } ORDER BY ?a LIMIT 1")
    iri = articles[0]["a"]
    response = requests.get(endpoint, params={"graph": iri}, timeout=10,
                            headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="nt")
    assert (URIRef(iri), None, None) in graph


def test_cors_lets_a_notebook_elsewhere_read(endpoint: str) -> None:
    response = requests.get(endpoint, params={"query": "ASK {}"}, timeout=10,
                            headers={"Origin": "https://notebook.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_query_page_is_served(endpoint: str) -> None:
    page = requests.get(endpoint.removesuffix("/sparql") + "/", timeout=10)
    assert page.status_code == 200
    assert "text/html" in page.headers["Content-Type"]
    assert "Who protested the ban" in page.text


# --- safety and consistency, each on a server of its own ----------------------------------

ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
TOKEN = "e2e-update-token-0123456789"
SMALL = ("--workers", "1", "--threads", "4", "--query-processes", "2")


def query_processes(location: Path) -> dict[int, float]:
    """Query processes serving ``location``: pid -> CPU seconds used so far."""
    found = {}
    for entry in Path("/proc").iterdir():
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            if b"kg.pool" in argv and str(location).encode() in argv:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                found[int(entry.name)] = (int(fields[11]) + int(fields[12])) / os.sysconf(
                    "SC_CLK_TCK")
        except (OSError, ValueError):
            continue  # not ours, or gone meanwhile
    return found


def count(url: str) -> int:
    response = requests.get(url, params={"query": QUADS}, timeout=30)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture
def writable(tmp_path: Path, small_trig: Path, make_store: Callable[..., Path]) -> Path:
    return make_store(tmp_path / "store", small_trig)


def test_a_query_past_the_time_limit_is_stopped_for_real(
    writable: Path, kg_command: list[str], free_port_factory: Callable[[], int],
    tmp_path: Path,
) -> None:
    options = ("--workers", "1", "--query-processes", "1", "--timeout", "2")
    with serving(writable, kg_command, free_port_factory(), tmp_path / "log", *options) as (
            url, _):
        assert count(url) > 0
        (running,) = query_processes(writable)
        began = time.monotonic()
        response = requests.get(url, params={"query": ENDLESS}, timeout=60)
        assert response.status_code == 503
        assert "stopped after 2 s" in response.text
        assert time.monotonic() - began < STARTUP_SECONDS
        assert running not in query_processes(writable), "the process doing the work is gone"
        assert count(url) > 0, "the next query gets a fresh process"
        before = query_processes(writable)
        time.sleep(1.0)
        after = query_processes(writable)
        busy = [pid for pid in before if after.get(pid, 0) - before[pid] > 0.5]
        assert not busy, "no query process is still burning CPU on the stopped query"


def test_query_threads_serve_concurrent_queries_from_one_query_process(
    writable: Path, kg_command: list[str], free_port_factory: Callable[[], int],
    tmp_path: Path,
) -> None:
    options = ("--workers", "1", "--threads", "3", "--query-processes", "1",
               "--query-threads", "3", "--cache-mb", "0")
    with serving(writable, kg_command, free_port_factory(), tmp_path / "log", *options) as (
            url, _):
        expected = count(url)
        with ThreadPoolExecutor(3) as clients:
            counts = list(clients.map(lambda _: count(url), range(9)))
        assert counts == [expected] * 9
        assert len(query_processes(writable)) == 1, "three lanes, one process"


def test_a_rebuild_while_serving_never_shows_a_half_built_graph(
    writable: Path, kg_command: list[str], free_port_factory: Callable[[], int],
    tmp_path: Path,
) -> None:
    store = Store(writable)
    sizes = {len(store.open())}
    with serving(writable, kg_command, free_port_factory(), tmp_path / "log", *SMALL) as (
            url, _):
        seen: list[int] = []
        errors: list[str] = []
        stop = threading.Event()

        def client() -> None:
            while not stop.is_set():
                response = requests.get(url, params={"query": QUADS}, timeout=30)
                if response.status_code != 200:
                    errors.append(response.text)
                    continue
                seen.append(int(response.json()["results"]["bindings"][0]["n"]["value"]))

        clients = [threading.Thread(target=client) for _ in range(2)]
        for thread in clients:
            thread.start()
        try:
            for generation in range(1, 13):  # each generation has a size of its own
                size = 50 * generation
                with store.write() as target:
                    target.extend(
                        ox.Quad(ox.NamedNode(f"http://example.org/s{n}"),
                                ox.NamedNode("http://example.org/p"), ox.Literal(n),
                                ox.NamedNode(f"http://example.org/g{n % 3}"))
                        for n in range(size))
                    # Written in steps: a reader of this generation before its end would
                    # see a count that is no generation's size.
                    target.flush()
                    time.sleep(0.05)
                sizes.add(size)
                time.sleep(0.1)
        finally:
            stop.set()
            for thread in clients:
                thread.join(60)
    assert not errors
    assert set(seen) <= sizes, f"counts no complete generation has: {set(seen) - sizes}"
    assert len(set(seen)) >= 3, "the server followed the rebuilds"


def test_kg_load_while_serving_is_seen_by_the_server(
    writable: Path, kg_command: list[str], free_port_factory: Callable[[], int],
    tmp_path: Path,
) -> None:
    data = tmp_path / "reference.ttl"
    data.write_text('<http://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> '
                    '"loaded" .\n', encoding="utf-8")
    ask = {"query": "ASK { GRAPH <http://example.org/reference> { ?s rdfs:label \"loaded\" } }"}
    with serving(writable, kg_command, free_port_factory(), tmp_path / "log", *SMALL) as (
            url, _):
        assert requests.get(url, params=ask, timeout=30).json()["boolean"] is False
        loaded = subprocess.run(
            [*kg_command, "load", str(data), "--graph", "http://example.org/reference",
             "--store", str(writable)], capture_output=True, text=True, check=False)
        assert loaded.returncode == 0, loaded.stderr
        assert requests.get(url, params=ask, timeout=30).json()["boolean"] is True


def test_updates_need_the_token_given_to_kg_serve(
    writable: Path, kg_command: list[str], free_port_factory: Callable[[], int],
    tmp_path: Path,
) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    update = ('INSERT DATA { GRAPH <http://example.org/u> { <http://example.org/a> '
              'rdfs:label "u" } }')
    with serving(writable, kg_command, free_port_factory(), tmp_path / "log", *SMALL,
                 "--update-token-file", str(token_file)) as (url, _):
        before = count(url)
        refused = requests.post(url, data={"update": update}, timeout=30,
                                headers={"Authorization": "Bearer guessed-token-guessed"})
        assert refused.status_code == 401 and count(url) == before
        done = requests.post(url, data=update.encode(), timeout=30,
                             headers={"Authorization": f"Bearer {TOKEN}",
                                      "Content-Type": "application/sparql-update"})
        assert done.status_code == 204
        assert count(url) == before + 1


def test_a_short_update_token_stops_kg_serve_at_once(
    writable: Path, kg_command: list[str],
) -> None:
    started = subprocess.run([*kg_command, "serve", "--store", str(writable)],
                             env={**os.environ, "KG_UPDATE_TOKEN": "short"},
                             capture_output=True, text=True, timeout=60, check=False)
    assert started.returncode == 2
    assert "shorter than" in started.stderr


@pytest.mark.parametrize("http_server", ["granian", "gunicorn"])
def test_either_http_server_keeps_the_limits_restarts_workers_and_stops_cleanly(
    writable: Path, kg_command: list[str], free_port_factory: Callable[[], int],
    tmp_path: Path, http_server: str,
) -> None:
    options = ("--workers", "2", "--query-processes", "1", "--http-server", http_server)
    with serving(writable, kg_command, free_port_factory(), tmp_path / "log", *options) as (
            url, process):
        expected = count(url)
        with requests.Session() as session:  # one kept-alive connection for several queries
            answers = [session.get(url, params={"query": QUADS}, timeout=30) for _ in range(3)]
        assert [r.status_code for r in answers] == [200] * 3
        assert requests.get(url + "?query=ASK%7B%7D%23" + "a" * 20_000,
                            timeout=30).status_code in (414, 431), "request line too long"
        too_big = requests.post(url, data=b"x" * (1024 * 1024 + 1), timeout=30,
                                headers={"Content-Type": "application/sparql-query"})
        assert too_big.status_code == 413
        workers = _workers(process.pid, 2)
        assert len(workers) == 2, f"two workers: {[_argv(pid) for pid in workers]}"
        os.kill(workers[0], signal.SIGKILL)  # a worker dies: another takes its place
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:  # until its successor runs its query process
            now = [pid for pid in _children(process.pid) if b"kg.pool" not in _argv(pid)]
            # (the dead worker's own query process may not have seen its parent go yet:
            # count only those of the live workers)
            if len(now) == 2 and workers[0] not in now and len(_pools_of(now)) == 2:
                break
            time.sleep(0.2)
        assert workers[0] not in now and len(now) == 2, "the dead worker was replaced"
        assert len(_pools_of(now)) == 2, "the new worker has its query process"
        assert all(count(url) == expected for _ in range(4))
    assert process.returncode is not None and process.returncode <= 0  # stopped by SIGTERM
    deadline = time.monotonic() + 10
    while query_processes(writable) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not query_processes(writable), "no query process outlives the server"


def _pools_of(workers: list[int]) -> list[int]:
    """The query processes the ``workers`` started (their children running kg.pool)."""
    return [child for pid in workers for child in _children(pid) if b"kg.pool" in _argv(child)]


def _workers(pid: int, expected: int) -> list[int]:
    # The server's children that are no query process, once there are ``expected`` of them
    # (a loaded machine may still be starting one when the first answers).
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        found = [child for child in _children(pid) if b"kg.pool" not in _argv(child)]
        if len(found) == expected or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
        except (OSError, ValueError):
            continue
    return found


def _argv(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_a_read_only_server_writes_nothing_to_the_home_folder(
    writable: Path, kg_command: list[str], free_port_factory: Callable[[], int],
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    with serving(writable, kg_command, free_port_factory(), tmp_path / "log",
                 "--workers", "1", "--query-processes", "1", env={"HOME": str(home)}) as (
            url, _):
        assert count(url) > 0
    assert list(home.iterdir()) == []  # gunicorn 24+ would put a control socket there
