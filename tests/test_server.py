"""The Flask app over a real store: /sparql in every format and error, the query page."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.examples import load_examples, parse_example
from kg.namespace import article_iri
from kg.store import Store
from server import create_app
from server.app import QUERIES_DIR, close_app
from server.ui import explore_query

FORM = "application/x-www-form-urlencoded"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
LABELS = "SELECT ?l WHERE { ?s a kg:Actor ; rdfs:label ?l } ORDER BY ?l"
CONSTRUCT = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a kg:Material ; rdfs:label ?l }"
# An asset fetched from elsewhere: <script src>, <link href>, <img src>, CSS url() or @import.
REMOTE_ASSET = re.compile(
    r"""(?:\bsrc\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def app(small_store: Path) -> Iterator[Flask]:
    app = create_app(small_store, config={"TESTING": True})
    yield app
    close_app(app)


@pytest.fixture
def make_app() -> Iterator[Callable[..., Flask]]:
    """``make_app(location, **config)``: an app whose query processes end with the test."""
    made: list[Flask] = []

    def make(location: Path, **config: object) -> Flask:
        made.append(create_app(location, config={"TESTING": True, **config}))
        return made[-1]

    yield make
    for app in made:
        close_app(app)


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def quad_count(client: FlaskClient) -> int:
    response = client.get("/sparql", query_string={"query": COUNT})
    assert response.status_code == 200
    return int(response.get_json()["results"]["bindings"][0]["n"]["value"])


# --- /sparql: answers --------------------------------------------------------------------


def test_get_answers_sparql_json_by_default(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": LABELS})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"
    labels = [b["l"]["value"] for b in response.get_json()["results"]["bindings"]]
    assert "Ministry of Foreign Affairs of Japan" in labels


def test_post_form_and_post_direct_give_the_same_answer(client: FlaskClient) -> None:
    by_get = client.get("/sparql", query_string={"query": LABELS}).data
    by_form = client.post("/sparql", data=urllib.parse.urlencode({"query": LABELS}),
                          content_type=FORM)
    by_body = client.post("/sparql", data=LABELS.encode(),
                          content_type="application/sparql-query")
    assert by_form.status_code == by_body.status_code == 200
    assert by_form.data == by_body.data == by_get


def test_head_gives_the_headers_without_a_body(client: FlaskClient) -> None:
    response = client.head("/sparql", query_string={"query": LABELS})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/sparql-results+json")
    assert response.data == b""


@pytest.mark.parametrize(
    ("accept", "content_type", "check"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml",
         lambda text: "<literal>He Yadong</literal>" in text),
        ("text/csv", "text/csv",
         lambda text: ["He Yadong"] in list(csv.reader(io.StringIO(text)))),
        ("text/tab-separated-values", "text/tab-separated-values",
         lambda text: '"He Yadong"' in text.splitlines()),
        ("application/json", "application/json",
         lambda text: "He Yadong" in text and json.loads(text)["head"]["vars"] == ["l"]),
    ],
)
def test_select_in_every_results_format(
    client: FlaskClient, accept: str, content_type: str, check: object
) -> None:
    response = client.get("/sparql", query_string={"query": LABELS}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == f"{content_type}; charset=utf-8"
    assert check(response.get_data(as_text=True))  # type: ignore[operator]


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [
        (None, ox.RdfFormat.TURTLE),
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
    ],
)
def test_construct_in_every_rdf_format(
    client: FlaskClient, accept: str | None, rdf_format: ox.RdfFormat
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", query_string={"query": CONSTRUCT}, headers=headers)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == f"{rdf_format.media_type}; charset=utf-8"
    labels = {q.object.value for q in ox.parse(response.data, rdf_format)}
    assert {"dysprosium", "rare earths", "rare earth magnets", "dual-use items"} == labels


def test_ask_answers_a_boolean(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "ASK { ?m a kg:Measure }"})
    assert response.get_json()["boolean"] is True


def test_dataset_parameters_restrict_the_default_graph(client: FlaskClient) -> None:
    query = "SELECT ?q WHERE { ?s kg:quote ?q } ORDER BY ?q"
    response = client.get("/sparql", query_string=[
        ("query", query), ("default-graph-uri", article_iri("b_second.txt"))])
    quotes = [b["q"]["value"] for b in response.get_json()["results"]["bindings"]]
    assert quotes == ["About 1,100 items", "exports for military purposes would be stopped"]


# --- /sparql: errors ---------------------------------------------------------------------


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_wrong_method_is_405_with_allow(client: FlaskClient, method: str) -> None:
    response = client.open("/sparql", method=method, query_string={"query": LABELS})
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"


def test_wrong_content_type_is_415(client: FlaskClient) -> None:
    response = client.post("/sparql", data=LABELS, content_type="text/plain")
    assert response.status_code == 415
    assert b"application/sparql-query" in response.data


def test_dataset_parameters_without_a_query_are_400(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"default-graph-uri": article_iri("x")})
    assert response.status_code == 400
    assert b"no query" in response.data


def test_two_queries_are_400(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string=[("query", LABELS), ("query", LABELS)])
    assert response.status_code == 400


def test_syntax_error_is_400_with_the_parser_message(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert response.status_code == 400
    assert b"syntax error" in response.data and b"error at" in response.data


def test_not_acceptable_is_406(client: FlaskClient) -> None:
    response = client.get("/sparql", query_string={"query": LABELS},
                          headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert b"application/sparql-results+json" in response.data


@pytest.mark.parametrize(
    "send",
    [
        lambda c: c.get("/sparql", query_string={"update": "DROP ALL"}),
        lambda c: c.get("/sparql", query_string={"query": "DROP ALL"}),
        lambda c: c.post("/sparql", data={"update": "CLEAR ALL"}),
        lambda c: c.post("/sparql", data={"query": "DELETE WHERE { ?s ?p ?o }"}),
        lambda c: c.post("/sparql", data=b"INSERT DATA { <http://example.org/a> "
                         b"<http://example.org/b> 1 }", content_type="application/sparql-query"),
        lambda c: c.post("/sparql", data=b"DROP ALL", content_type="application/sparql-update"),
    ],
)
def test_update_is_refused_and_the_store_is_unchanged(
    client: FlaskClient, small_store: Path, send: object
) -> None:
    before = quad_count(client)
    response = send(client)  # type: ignore[operator]
    assert response.status_code == 403
    assert b"read-only" in response.data
    assert quad_count(client) == before
    assert len(Store(small_store).open()) == before


def test_body_over_the_limit_is_413(small_store: Path, make_app: Callable[..., Flask]) -> None:
    client = make_app(small_store, MAX_CONTENT_LENGTH=1024).test_client()
    padded = LABELS + "\n#" + "x" * 2000
    response = client.post("/sparql", data=padded.encode(),
                           content_type="application/sparql-query")
    assert response.status_code == 413
    assert b"1024 bytes" in response.data


def test_default_body_limit_is_one_mebibyte(client: FlaskClient) -> None:
    body = (LABELS + "\n#" + "x" * (1024 * 1024)).encode()
    response = client.post("/sparql", data=body, content_type="application/sparql-query")
    assert response.status_code == 413


def test_missing_store_is_503_until_built(
    tmp_path: Path, make_app: Callable[..., Flask]
) -> None:
    client = make_app(tmp_path / "none").test_client()
    response = client.get("/sparql", query_string={"query": LABELS})
    assert response.status_code == 503
    assert b"kg build" in response.data


def test_a_rebuild_is_seen_by_the_running_app(
    tmp_path: Path, small_trig: Path, make_store: Callable[..., Path],
    make_app: Callable[..., Flask],
) -> None:
    location = make_store(tmp_path / "store", small_trig)
    client = make_app(location).test_client()
    before = quad_count(client)
    extra = tmp_path / "extra.trig"
    extra.write_text("<http://example.org/g> { <http://example.org/s> "
                     "<http://example.org/p> \"new\" . }\n", encoding="utf-8")
    make_store(location, small_trig, extra)
    assert quad_count(client) == before + 1


# --- the query page ----------------------------------------------------------------------


def test_page_lists_every_example_query(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    examples = load_examples(QUERIES_DIR)
    assert len(examples) >= 5
    for example in examples:
        assert example.title.replace("'", "&#39;") in page


def test_every_example_file_has_a_title_and_description() -> None:
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# title: "), path.name
        assert lines[1].startswith("# description: "), path.name


def test_example_prefixes_match_the_namespace_module() -> None:
    from kg.namespace import PREFIXES

    for example in load_examples(QUERIES_DIR):
        for prefix, iri in re.findall(r"^PREFIX\s+(\w*):\s*<([^>]*)>", example.query, re.M):
            assert PREFIXES.get(prefix) == iri, (example.name, prefix)


@pytest.mark.parametrize("example", load_examples(QUERIES_DIR), ids=lambda e: e.name)
def test_every_example_query_runs_and_finds_rows(client: FlaskClient, example: object) -> None:
    query = example.query  # type: ignore[attr-defined]
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 200, response.data
    assert response.get_json()["results"]["bindings"], "small.trig has an answer to each"
    page = client.get("/", query_string={"query": query})
    assert page.status_code == 200
    assert 'class="error"' not in page.get_data(as_text=True)


@pytest.mark.parametrize(("name", "count"), [("01-protests", 2), ("06-figures", 2)])
def test_examples_look_labels_up_only_for_bound_nodes(
    client: FlaskClient, name: str, count: int
) -> None:
    # small.trig has a protest account without a target and a figure without a speaker: an
    # OPTIONAL label lookup on an unbound variable would join them with every label.
    query = next(e.query for e in load_examples(QUERIES_DIR) if e.name == name)
    bindings = client.get("/sparql", query_string={"query": query}).get_json()
    assert len(bindings["results"]["bindings"]) == count


def test_parse_example_strips_the_header() -> None:
    example = parse_example("x", "# title: T\n# description: D\n# keep me\nASK {}\n")
    assert (example.title, example.description) == ("T", "D")
    assert example.query == "# keep me\nASK {}\n"


def test_page_renders_results_with_iris_as_links(client: FlaskClient) -> None:
    query = "SELECT ?actor ?label WHERE { ?actor a kg:Person ; rdfs:label ?label }"
    page = client.get("/", query_string={"query": query}).get_data(as_text=True)
    assert "He Yadong" in page
    link = re.search(r'<a href="(/\?query=[^"]+)" title="[^"]*he-yadong"', page)
    assert link, "the IRI of He Yadong links to a query about it"
    explore = client.get(link.group(1).replace("&amp;", "&"))
    assert explore.status_code == 200
    assert "kg:affiliation" in explore.get_data(as_text=True)


def test_explore_query_lists_both_directions(client: FlaskClient) -> None:
    query = explore_query("https://w3id.org/tradekg/id/actor/china")
    bindings = client.get("/sparql", query_string={"query": query}).get_json()["results"]
    properties = {b["property"]["value"].rsplit("#", 1)[-1] for b in bindings["bindings"]}
    assert {"label", "partOf", "issuer", "mentions"} <= properties


def test_page_keeps_the_query_in_a_shareable_url(client: FlaskClient) -> None:
    page = client.get("/", query_string={"query": LABELS}).get_data(as_text=True)
    found = re.search(r'id="share-url" type="text" readonly value="([^"]+)"', page)
    assert found
    url = urllib.parse.urlsplit(html.unescape(found.group(1)))
    assert urllib.parse.parse_qs(url.query)["query"] == [LABELS]
    again = client.get(f"{url.path}?{url.query}").get_data(as_text=True)
    assert "He Yadong" in again


def test_page_shows_a_syntax_error(client: FlaskClient) -> None:
    response = client.get("/", query_string={"query": "SELECT WHERE {"})
    assert response.status_code == 400
    assert 'class="error"' in response.get_data(as_text=True)


def test_page_notes_a_misspelt_kg_term_beside_the_empty_table(client: FlaskClient) -> None:
    response = client.get("/", query_string={"query": "SELECT ?m WHERE { ?m kg:issuedBy ?x }"})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200 and "No rows" in page
    assert 'id="query-notes"' in page
    assert "kg:issuedBy is not a term of the kg ontology; did you mean kg:issuer?" in page
    fine = client.get("/", query_string={"query": "SELECT ?m WHERE { ?m kg:issuer ?x }"})
    assert 'id="query-notes"' not in fine.get_data(as_text=True)


def test_page_shows_the_line_of_a_syntax_error_with_a_caret(client: FlaskClient) -> None:
    query = 'SELECT ?m WHERE {\n  ?m kg:date ?d\n  FILTER(?d > "2026-01-01"\n}'
    response = client.get("/", query_string={"query": query})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert 'id="query-error" data-line="4" data-column="1"' in page
    assert "'(' at 3:9 not closed" in page
    assert '<pre class="excerpt">4 | }\n  | ^</pre>' in page


def test_page_shows_select_star_columns_in_the_order_the_query_names_them(
    client: FlaskClient,
) -> None:
    query = "SELECT * WHERE { ?person a kg:Person ; rdfs:label ?label } LIMIT 1"
    page = client.get("/", query_string={"query": query}).get_data(as_text=True)
    headers = re.findall(r'<th scope="col">([^<]+)</th>', page)
    assert headers == ["person", "label"]


def test_page_refuses_updates(client: FlaskClient, small_store: Path) -> None:
    before = len(Store(small_store).open())
    response = client.get("/", query_string={"query": "DELETE WHERE { ?s ?p ?o }"})
    assert response.status_code == 403
    assert len(Store(small_store).open()) == before


def test_page_shows_ask_and_construct(client: FlaskClient) -> None:
    ask = client.get("/", query_string={"query": "ASK { ?s a kg:Measure }"})
    assert '<p class="boolean">true</p>' in ask.get_data(as_text=True)
    graph = client.get("/", query_string={"query": CONSTRUCT}).get_data(as_text=True)
    assert "dysprosium" in graph and "format=turtle" in graph


def test_download_as_csv_and_json(client: FlaskClient) -> None:
    as_csv = client.get("/download", query_string={"query": LABELS, "format": "csv"})
    assert as_csv.status_code == 200
    assert as_csv.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in as_csv.headers["Content-Disposition"]
    assert ["He Yadong"] in list(csv.reader(io.StringIO(as_csv.get_data(as_text=True))))
    as_json = client.get("/download", query_string={"query": LABELS, "format": "json"})
    assert as_json.headers["Content-Disposition"].endswith('.json"')
    assert json.loads(as_json.data)["head"]["vars"] == ["l"]


def test_download_in_a_format_that_does_not_fit_is_406_naming_the_formats_that_do(
        client: FlaskClient) -> None:
    response = client.get("/download", query_string={"query": LABELS, "format": "turtle"})
    assert response.status_code == 406
    message = response.get_data(as_text=True)
    # The client chose a format by name, not media types: the answer speaks of names.
    assert "cannot be written as 'turtle'" in message and "json, xml, csv, tsv" in message
    assert "accepted media types" not in message


def test_download_in_an_unknown_format_is_406(client: FlaskClient) -> None:
    response = client.get("/download", query_string={"query": LABELS, "format": "docx"})
    assert response.status_code == 406
    assert "'docx'" in response.get_data(as_text=True)


def test_download_of_a_query_the_parser_refuses_says_what_is_wrong(client: FlaskClient) -> None:
    response = client.get("/download", query_string={"query": "SELEC ?x", "format": "csv"})
    assert response.status_code == 400


def test_page_and_assets_load_nothing_from_the_network(client: FlaskClient) -> None:
    page = client.get("/", query_string={"query": LABELS})
    texts = [page.get_data(as_text=True)]
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', texts[0]):
        with client.get(asset) as response:  # closes the static file
            assert response.status_code == 200
            texts.append(response.get_data(as_text=True))
    assert len(texts) >= 3, "app.css, app.js and, once `make vendor` ran, CodeMirror"
    for text in texts:
        assert not REMOTE_ASSET.search(text)
    head = texts[0].split("<body>")[0]
    assert "http://" not in head and "https://" not in head
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]


def test_a_browser_opening_the_endpoint_is_sent_to_the_query_page(client: FlaskClient) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    answer = client.get("/sparql", headers={"Accept": browser})
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/")
    # RDF clients, wildcards and no Accept still get the service description
    for accept in ("text/turtle", "*/*", "text/html;q=0.5, text/turtle"):
        described = client.get("/sparql", headers={"Accept": accept})
        assert described.status_code == 200
        assert described.headers["Content-Type"].startswith("text/turtle")
    assert client.get("/sparql").headers["Content-Type"].startswith("text/turtle")


def test_an_example_whose_default_is_absent_asks_about_the_most_used_value_instead(
    make_app: Callable[..., Flask], tmp_path: Path,
) -> None:
    from kg.build import build

    store = Store(tmp_path / "store")
    build([Path(__file__).parent / "fixtures" / "build" / "good.txt"], store)
    client = make_app(store.location).test_client()
    page = html.unescape(client.get("/", query_string={"example": "03-he-yadong"})
                         .get_data(as_text=True))
    assert "What did Ana Petrova say" in page
    assert "This measure protects our security" in page
    shared = client.get("/", query_string={"query": next(
        e.query for e in load_examples(QUERIES_DIR) if e.name == "03-he-yadong")})
    assert "No rows" in shared.get_data(as_text=True), "a query given in full runs as written"
