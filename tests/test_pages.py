"""The web pages over real stores: Linked Data, entity pages, timeline, disagreements, and
the query page's examples, links and limits (the endpoint itself: tests/test_server.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Dataset, Graph, Literal, URIRef

from kg.jobs import QueryJob
from kg.namespace import KGR, PREFIXES
from kg.sparql import QueryRequest
from server import create_app, ui
from server.app import close_app

DISAGREEMENTS = Path(__file__).parent / "data" / "disagreements.trig"
SIDES = Path(__file__).parent / "data" / "disagreement_sides.trig"
HE_YADONG = "/id/actor/he-yadong"
ARTICLE = "/id/article/a_first"
# Inline: these tests are about pages; the query processes are tests/test_server.py's.
CONFIG = {"TESTING": True, "KG_QUERY_PROCESSES": 0}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, small_trig: Path,
          make_store: Callable[..., Path]) -> Path:
    """small.trig and the disagreements fixture in one store."""
    return make_store(tmp_path_factory.mktemp("pages") / "store", small_trig, DISAGREEMENTS)


@pytest.fixture(scope="module")
def app(store: Path) -> Iterator[Flask]:
    app = create_app(store, config=CONFIG)
    yield app
    close_app(app)


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


class Page(HTMLParser):
    """The parts of a page the checks below read: tags with attributes, marks, labels."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.marks: list[str] = []
        self._in_mark = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marks[-1] += data

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def links(self) -> list[str]:
        return [a["href"] for a in self.all("a") if "href" in a]


def page(client: FlaskClient, url: str, status: int = 200, **kwargs: object) -> Page:
    response = client.get(url, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    assert response.mimetype == "text/html"
    return Page(response.get_data(as_text=True))


# --- Linked Data ----------------------------------------------------------------------------


@pytest.mark.parametrize(("accept", "media_type"), [
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ("*/*", "text/html"),
    ("text/turtle", "text/turtle"),
    ("application/n-triples", "application/n-triples"),
    ("application/ld+json", "application/ld+json"),
    ("application/json", "application/ld+json"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("application/trig", "application/trig"),
    ("application/n-quads", "application/n-quads"),
    ("text/turtle;q=0.5, application/n-triples;q=0.9", "application/n-triples"),
])
def test_minted_iris_dereference_by_content_negotiation(
    client: FlaskClient, accept: str, media_type: str
) -> None:
    response = client.get(HE_YADONG, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert response.headers["Vary"] == "Accept"
    assert 'rel="alternate"; type="text/turtle"' in response.headers["Link"]


def test_turtle_describes_the_entity_and_its_neighbours(client: FlaskClient) -> None:
    response = client.get(HE_YADONG, headers={"Accept": "text/turtle"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    me = URIRef(str(KGR["actor/he-yadong"]))
    rdfs_label = URIRef(PREFIXES["rdfs"] + "label")
    assert (me, rdfs_label, Literal("He Yadong")) in graph
    speaker = URIRef(PREFIXES["kg"] + "speaker")
    assert len(list(graph.subjects(speaker, me))) == 2, "statements pointing to him"
    ministry = URIRef(str(KGR["actor/ministry-of-commerce-of-china"]))
    assert graph.value(ministry, rdfs_label) == Literal("Ministry of Commerce of China")


def test_dataset_formats_keep_each_articles_graph(client: FlaskClient) -> None:
    response = client.get("/id/measure/export-ban-china-japan?format=nquads")
    dataset = Dataset().parse(data=response.get_data(as_text=True), format="nquads")
    dates = {(str(g), str(o)) for _, p, o, g in dataset.quads((None, None, None, None))
             if str(p) == PREFIXES["kg"] + "date"}
    assert dates == {(str(KGR["article/a_first"]), "2026-01-06"),
                     (str(KGR["article/b_second"]), "2026-01-07")}
    jsonld = json.loads(client.get("/id/measure/export-ban-china-japan",
                                   headers={"Accept": "application/ld+json"}).data)
    assert any(str(KGR["article/a_first"]) == item.get("@id") and "@graph" in item
               for item in jsonld)


def test_format_parameter_overrides_accept(client: FlaskClient) -> None:
    response = client.get(f"{HE_YADONG}?format=ntriples", headers={"Accept": "text/html"})
    assert response.mimetype == "application/n-triples"
    response = client.get(f"{HE_YADONG}?format=html", headers={"Accept": "text/turtle"})
    assert response.mimetype == "text/html"
    assert client.get(f"{HE_YADONG}?format=pdf").status_code == 406


def test_unknown_iri_is_404_in_every_format(client: FlaskClient) -> None:
    page(client, "/id/actor/nobody", status=404)
    response = client.get("/id/actor/nobody", headers={"Accept": "text/turtle"})
    assert response.status_code == 404 and response.mimetype == "text/plain"


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_a_mistyped_address_is_a_page_with_the_menu_in_a_browser(client: FlaskClient) -> None:
    # "/timelines" in a browser was a bare line of text with no way back to the site.
    response = client.get("/timelines", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 404 and response.mimetype == "text/html"
    found = Page(response.get_data(as_text=True))
    assert {"/", "/entities", "/timeline", "/disagreements"} <= set(found.links())
    assert "was not found on the server" in response.get_data(as_text=True)
    # Scripts and other clients keep the plain line, as from the endpoint.
    for accept in ("*/*", "text/plain", None):
        plain = client.get("/timelines", headers={"Accept": accept} if accept else {})
        assert plain.status_code == 404 and plain.mimetype == "text/plain"
        assert plain.get_data(as_text=True).startswith("404 Not Found: ")
    wrong = client.delete("/timeline", headers={"Accept": BROWSER_ACCEPT})
    assert wrong.status_code == 405 and "GET" in wrong.headers["Allow"]
    # The endpoint's errors stay plain text whatever the Accept (docs/endpoint.md).
    for method, url in (("put", "/rdf-graph-store?default"), ("delete", "/sparql")):
        endpoint = getattr(client, method)(url, headers={"Accept": BROWSER_ACCEPT})
        assert endpoint.status_code == 405 and endpoint.mimetype == "text/plain", url


@pytest.mark.parametrize("rest", ["a%20b", "a%3Eb", "a%22b", "a%7Bb", "a%FF%FEb", "a%00b"])
def test_a_path_that_is_no_iri_is_404_not_a_server_error(client: FlaskClient, rest: str) -> None:
    response = client.get(f"/id/actor/{rest}", headers={"Accept": "text/turtle"})
    assert response.status_code == 404 and b"is not an IRI" in response.data
    assert client.get(f"/id/actor/{rest}", headers={"Accept": "text/html"}).status_code == 404


def test_unacceptable_type_is_406_and_head_has_no_body(client: FlaskClient) -> None:
    assert client.get(HE_YADONG, headers={"Accept": "image/png"}).status_code == 406
    head = client.head(HE_YADONG, headers={"Accept": "text/turtle"})
    assert head.status_code == 200 and head.data == b"" and head.mimetype == "text/turtle"


def test_no_store_yet_is_503(tmp_path: Path) -> None:
    app = create_app(tmp_path / "missing", config=CONFIG)
    client = app.test_client()
    for url in (HE_YADONG, "/timeline", "/disagreements"):
        assert client.get(url).status_code == 503, url
    assert client.get(HE_YADONG, headers={"Accept": "text/turtle"}).status_code == 503


# --- entity pages ---------------------------------------------------------------------------


def test_entity_page_shows_names_types_and_statements_in_context(client: FlaskClient) -> None:
    html = client.get(HE_YADONG).get_data(as_text=True)
    found = Page(html)
    assert re.search(r"<h1[^>]*>He Yadong</h1>", html)
    assert "He Ya-dong" in html and "spokesperson" in html
    types = {a["title"] for a in found.all("a") if a.get("class") == "type"}
    assert types == {PREFIXES["kg"] + "Actor", PREFIXES["kg"] + "Person"}
    # Each statement: the sentence, with exactly the quoted words marked.
    assert found.marks == ["Civilian users will not be affected,",
                           "exports for military purposes would be stopped"]
    links = found.links()
    assert "/id/actor/ministry-of-commerce-of-china" in links, "relations link to pages"
    assert f"{ARTICLE}#char=120,156" in links, "each span links into its article"


def test_entity_page_lists_incoming_relations(client: FlaskClient) -> None:
    html = client.get("/id/actor/china").get_data(as_text=True)
    links = Page(html).links()
    assert "/id/actor/ministry-of-commerce-of-china" in links
    assert "/id/measure/export-ban-china-japan" in links


def test_incoming_relations_are_named_from_the_pages_side(client: FlaskClient) -> None:
    china = client.get("/id/actor/china").get_data(as_text=True)
    terms = re.findall(r"<dt>([^<]*)</dt>", china)
    assert "has part" in terms and "issuer of" in terms  # X part of China; X's issuer China
    ban = client.get("/id/measure/fixture-ban").get_data(as_text=True)
    assert "disagreement about this" in re.findall(r"<dt>([^<]*)</dt>", ban)
    for html in (china, ban):
        assert not re.search(r"\b(of|about) of\b", html), "no 'part of of'"


def statements_of(html: str) -> dict[str, str]:
    """Each statement of a page, by its marked words: the statement's head (who, what kind)."""
    found = {}
    for block in re.findall(r'<li class="statement">(.*?)</li>', html, re.S):
        head = re.search(r'<p class="statement-head">(.*?)</p>', block, re.S)
        words = re.search(r"<mark>(.*?)</mark>", block, re.S)
        if head and words:
            found[words.group(1)] = " ".join(re.sub(r"<[^>]+>", " ", head.group(1)).split())
    return found


def test_article_page_labels_figures_as_figures_with_their_source(client: FlaskClient) -> None:
    first = statements_of(client.get(ARTICLE).get_data(as_text=True))
    assert first["around 60%"].startswith("figure according to Capital Economics")
    assert "no speaker" not in first["around 60%"] and "reported speech" not in (
        first["around 60%"].lower())
    second = statements_of(client.get("/id/article/b_second").get_data(as_text=True))
    assert second["About 1,100 items"].startswith("figure the article's own figure")
    # Statements that are not figures keep their speaker and kind.
    said = second["exports for military purposes would be stopped"]
    assert said.startswith("He Yadong") and "figure" not in said


def test_measure_page_has_one_account_per_article(client: FlaskClient) -> None:
    found = page(client, "/id/measure/export-ban-china-japan")
    accounts = [s for s in found.all("section") if "account" in s.get("class", "")]
    assert len(accounts) == 2
    assert "China banned exports of dual-use items to Japan on January 6" in found.marks
    assert "Beijing announced on January 7 a ban on exports of dual-use goods to Japan" in (
        found.marks)


def test_article_page_marks_its_spans_with_anchors(client: FlaskClient) -> None:
    found = page(client, ARTICLE)
    anchors = {a["id"] for a in found.all("span") if a.get("class") == "anchor"}
    assert anchors == {"char=0,60", "char=120,156", "char=216,264", "char=323,333"}
    text = next(m for m in found.all("div") if m.get("class") == "article-text")
    assert text is not None
    assert "around 60%" in found.marks


def test_statement_page_shows_its_sentence(client: FlaskClient) -> None:
    found = page(client, f"{ARTICLE}/statement/120-156")
    assert "Civilian users will not be affected," in found.marks


# --- timeline and disagreements ----------------------------------------------------------


def svg_of(html: str, css: str) -> ET.Element:
    match = re.search(rf'<svg [^>]*class="{css}".*?</svg>', html, re.S)
    assert match, css
    return ET.fromstring(match.group(0))


def test_timeline_draws_every_event_and_lists_it(client: FlaskClient) -> None:
    html = client.get("/timeline").get_data(as_text=True)
    svg = svg_of(html, "timeline")
    ns = "{http://www.w3.org/2000/svg}"
    markers = [a for a in svg.iter(f"{ns}a") if a.get("class") == "marker"]
    rows = re.findall(r"<tr>\s*<td class=\"date\">", html)
    assert len(markers) == len(rows) > 0
    assert svg.get("role") == "img" and svg.find(f"{ns}title") is not None
    hrefs = {a.get("href") for a in markers}
    assert "/id/measure/export-ban-china-japan" in hrefs
    assert "/id/measure/fixture-ban" in hrefs
    labels = [t.text for t in svg.iter(f"{ns}text") if t.get("class", "").startswith("column")]
    assert "Jan 2026" in labels and "6 Jan 2026" in labels


def test_timeline_can_leave_statements_out(client: FlaskClient) -> None:
    everything = client.get("/timeline").get_data(as_text=True)
    measures = client.get("/timeline?statements=0").get_data(as_text=True)
    assert measures.count('class="marker"') < everything.count('class="marker"')
    assert "badge statement" not in measures


def test_disagreements_page_draws_each_kind(client: FlaskClient) -> None:
    html = client.get("/disagreements").get_data(as_text=True)
    assert html.count('class="disagreement"') == 3
    bars = svg_of(html, "bars")
    assert "more than 70%" in ET.tostring(bars, encoding="unicode")
    svg_of(html, "grid")
    marks = Page(html).marks
    assert {"about 60%", "more than 70%"} <= set(marks)
    assert "China's ban on exports of magnets to Japan was announced on January 7" in marks


def test_disagreements_page_lists_every_article_per_value_and_names_self_contradiction(
        tmp_path: Path, make_store: Callable[..., Path]) -> None:
    app = create_app(make_store(tmp_path / "store", SIDES), config=CONFIG)
    html = app.test_client().get("/disagreements").get_data(as_text=True)
    positions = re.findall(r'<section class="position"[^>]*>\s*<h3>(.*?)</h3>(.*?)</section>',
                           html, re.S)
    text = [" ".join(re.sub(r"<[^>]+>", " ", head).split()) for head, _ in positions]
    assert text == ["3 articles say 2026-01-06", "1 article says 2026-01-07"]
    sixth, seventh = (body for _, body in positions)
    assert [t for t in ("d_one.txt", "d_two.txt", "d_three.txt") if t in sixth] == [
        "d_one.txt", "d_two.txt", "d_three.txt"]
    assert "d_three.txt" in seventh and "d_one.txt" not in seventh
    # d_three is on both sides, and each side says so.
    notes = re.findall(r'<p class="contradiction">(.*?)</p>', html, re.S)
    assert [" ".join(re.sub(r"<[^>]+>", "", n).split()) for n in notes] == [
        "This article also says 2026-01-07: it contradicts itself.",
        "This article also says 2026-01-06: it contradicts itself."]
    grid = svg_of(html, "grid")
    assert grid.get("viewBox") and grid.get("width"), "drawn size, scaled down by CSS"


# --- pages under the query time limit ------------------------------------------------------

PAGES_READ = ("/timeline", "/disagreements", HE_YADONG, "/id/actor/he-yadong?format=turtle")


def test_pages_read_in_query_processes_show_what_they_show_inline(store: Path) -> None:
    inline = create_app(store, config=CONFIG).test_client()
    pooled_app = create_app(store, config={"TESTING": True, "KG_QUERY_PROCESSES": 1})
    try:
        pooled = pooled_app.test_client()
        for url in PAGES_READ:
            expected, answer = inline.get(url), pooled.get(url)
            assert answer.status_code == expected.status_code == 200, url
            assert answer.data == expected.data, url
    finally:
        close_app(pooled_app)


def test_a_page_past_the_time_limit_is_stopped_and_says_so(store: Path) -> None:
    # A limit of a microsecond: no query process can answer that fast, so every page's
    # reading is stopped, as a slow page over a large store would be.
    app = create_app(store, config={"TESTING": True, "KG_QUERY_PROCESSES": 1,
                                    "KG_QUERY_TIMEOUT": 1e-6})
    try:
        pool = app.extensions["kg"].engine
        client = app.test_client()
        for url in PAGES_READ:
            # Each stop kills the query process: wait for its successor to be ready.
            warm = pool.run(QueryJob(QueryRequest("ASK {}")), timeout=30.0)
            assert warm.status == 200, "a query process is ready"
            response = client.get(url)
            assert response.status_code == 503, url
            assert b"stopped after" in response.data, url
    finally:
        close_app(app)


# --- the query page ------------------------------------------------------------------------


def test_results_link_minted_iris_to_their_pages(client: FlaskClient) -> None:
    query = "SELECT ?actor WHERE { ?actor a kg:Person }"
    links = page(client, "/?" + urllib.parse.urlencode({"query": query})).links()
    assert HE_YADONG in links
    explore = [link for link in links if link.startswith("/?query=") and "he-yadong" in
               urllib.parse.unquote(link)]
    assert explore, "and to the query listing its triples"


def test_example_parameters_are_form_fields(client: FlaskClient) -> None:
    found = page(client, "/?example=07-measures-by-actor")
    [select] = found.all("select")
    assert select["name"] == "actor" and select["id"] == "param-actor"
    options = {o["value"] for o in found.all("option")}
    assert str(KGR["actor/china"]) in options
    labels = {label["for"] for label in found.all("label") if "for" in label}
    assert "param-actor" in labels
    day = page(client, "/?example=11-on-a-day")
    [field] = [i for i in day.all("input") if i.get("name") == "day"]
    assert field["type"] == "date" and field["value"] == "2026-01-06"


def test_example_with_a_value_runs_the_bound_query(client: FlaskClient) -> None:
    url = "/?" + urllib.parse.urlencode({"example": "03-he-yadong", "speakerName": "He Ya-dong"})
    html = client.get(url).get_data(as_text=True)
    assert "exports for military purposes would be stopped" in html
    assert "VALUES ?speakerName { &#34;He Ya-dong&#34; }" in html
    share = re.search(r'id="share-url" type="text" readonly value="([^"]+)"', html)
    assert share and "He+Ya-dong" in share.group(1)


def test_speakers_are_offered_as_a_drop_down_and_the_heading_follows_the_choice(
        client: FlaskClient) -> None:
    found = page(client, "/?example=03-he-yadong")
    [select] = found.all("select")
    assert select["name"] == "speakerName"
    options = [o["value"] for o in found.all("option")]
    # The actors some statement is by, read from the graph: not every actor.
    assert "He Yadong" in options and "Capital Economics" in options
    assert "Japan" not in options and "China" not in options
    html = client.get("/?example=03-he-yadong&speakerName=Capital+Economics").get_data(
        as_text=True)
    assert "<legend>What did Capital Economics say, and where?</legend>" in html
    # A value the list does not hold (an alias from a shared link) stays chosen.
    alias = page(client, "/?example=03-he-yadong&speakerName=He+Ya-dong")
    assert {"value": "He Ya-dong", "selected": ""} in alias.all("option")


def test_an_empty_result_says_no_rows_and_hints_why(client: FlaskClient) -> None:
    html = client.get("/?example=03-he-yadong&speakerName=Nobody+At+All").get_data(as_text=True)
    assert re.search(r'<h2 class="count" id="results-count">No rows</h2>', html)
    assert "try another speaker above" in " ".join(html.split())
    query = 'SELECT ?s WHERE { ?s rdfs:label "no such label" }'
    plain = client.get("/", query_string={"query": query}).get_data(as_text=True)
    assert "No rows" in plain and "language tag" in " ".join(plain.split())
    assert "<table>" not in plain


def test_a_construct_result_counts_triples(client: FlaskClient) -> None:
    query = "CONSTRUCT { ?s a kg:Person } WHERE { ?s a kg:Person }"
    html = client.get("/", query_string={"query": query}).get_data(as_text=True)
    assert re.search(r'id="results-count">1 triple</h2>', html)


def test_result_cells_wrap_iris_between_segments_and_never_inside_a_number(
        client: FlaskClient) -> None:
    query = ('SELECT ?statement ?begin ?kind WHERE { ?statement kg:evidence/nif:beginIndex '
             '?begin ; kg:statementKind ?kind FILTER (?begin = 120) }')
    html = client.get("/", query_string={"query": query}).get_data(as_text=True)
    _, statement, begin, kind = re.findall(r'<td class="([^"]+)">(.*?)</td>', html, re.S)
    assert statement[0] == "iri" and "<wbr>" in statement[1]
    segments = re.findall(r'<span class="seg">([^<]*)</span>', statement[1])
    assert segments == ["article:", "a_", "first/", "statement/", "120-156"]
    assert begin[0] == "literal token"
    assert re.findall(r'<span class="seg">([^<]*)</span>', kind[1]) == ["kg:", "DirectQuote"]


def test_a_bad_parameter_value_is_a_clear_400(client: FlaskClient) -> None:
    response = client.get("/?example=11-on-a-day&day=yesterday")
    assert response.status_code == 400
    assert "is not a date" in response.get_data(as_text=True)


def test_page_says_when_it_shows_only_the_first_rows(store: Path) -> None:
    app = create_app(store, config={**CONFIG, "KG_PAGE_ROWS": 2})
    html = app.test_client().get("/", query_string={
        "query": "SELECT ?s WHERE { ?s a kg:Actor }"}).get_data(as_text=True)
    assert 'class="truncated" role="status"' in html
    assert html.count('<td class="n">') == 2


def test_downloads_share_the_endpoints_row_cap_and_say_when_cut(store: Path) -> None:
    app = create_app(store, config={**CONFIG, "KG_MAX_ROWS": 2, "KG_PAGE_ROWS": 1})
    query = {"query": "SELECT ?s WHERE { ?s a kg:Actor }"}
    response = app.test_client().get("/download", query_string={**query, "format": "csv"})
    assert response.status_code == 200
    assert response.headers["KG-Truncated"] == "true"
    assert re.fullmatch(r'attachment; filename="kg-results-\d{4}-\d{2}-\d{2}\.csv"',
                        response.headers["Content-Disposition"])
    assert len(response.get_data(as_text=True).strip().splitlines()) == 3  # header + 2 rows
    page = app.test_client().get("/", query_string=query).get_data(as_text=True)
    assert "The downloads have up to 2 rows" in " ".join(page.split())


def test_downloads_are_named_after_their_example(client: FlaskClient) -> None:
    found = page(client, "/?example=07-measures-by-actor")
    csv = next(a["href"] for a in found.all("a") if "format=csv" in a.get("href", ""))
    assert "name=07-measures-by-actor" in csv
    response = client.get(csv)
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="07-measures-by-actor.csv"')
    odd = client.get("/download", query_string={"query": "ASK {}", "format": "json",
                                                "name": "../etc/passwd"})
    assert 'filename="kg-results-' in odd.headers["Content-Disposition"]
    assert ui.download_stem(None, dt.date(2026, 1, 6)) == "kg-results-2026-01-06"


def test_the_site_has_an_icon_and_favicon_ico_is_no_404(client: FlaskClient) -> None:
    found = page(client, "/timeline")
    [icon] = [link for link in found.all("link") if link.get("rel") == "icon"]
    assert icon["href"] == "/static/favicon.svg"
    for url in (icon["href"], "/favicon.ico"):
        with client.get(url) as response:
            assert response.status_code == 200 and response.mimetype == "image/svg+xml"
            ET.fromstring(response.data)  # well-formed SVG


def test_query_page_help_points_to_the_prefixes(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    assert "on the right" not in html
    assert '<a href="#prefixes">predeclared prefixes</a>' in html
    assert '<details class="prefixes" id="prefixes">' in html


def test_post_runs_a_query_too_long_for_a_link(client: FlaskClient) -> None:
    padding = "# " + "x" * 9000 + "\n"
    response = client.post("/", data={"query": padding + "ASK { ?s a kg:Measure }"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and '<p class="boolean">true</p>' in html
    assert "too long to share as a link" in html


def test_editor_files_are_used_only_when_make_installed_them(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(ui, "STATIC", tmp_path)
    without = client.get("/").get_data(as_text=True)
    assert "codemirror" not in without and '<textarea id="query"' in without
    folder = tmp_path / "vendor" / "codemirror"
    folder.mkdir(parents=True)
    for name in (*ui.EDITOR_FILES, "codemirror.css"):
        (folder / name).write_text("/* stand-in */")
    with_editor = client.get("/").get_data(as_text=True)
    assert "vendor/codemirror/codemirror.js" in with_editor
    assert '<textarea id="query"' in with_editor, "the text area stays, for no-script use"


# --- every page: safe and accessible markup -------------------------------------------------

PAGES = ["/", "/?example=07-measures-by-actor", HE_YADONG, ARTICLE, "/timeline",
         "/disagreements", "/id/actor/nobody"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_no_inline_code_and_load_nothing_remote(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    html = response.get_data(as_text=True)
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    found = Page(html)
    for script in found.all("script"):
        assert script.get("src", "").startswith("/static/"), "no inline script"
    for _, attrs in found.tags:
        assert "style" not in attrs, "no inline style (the CSP forbids it)"
        assert not [a for a in attrs if a.startswith("on")], "no inline handler"
    for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
        for element in found.all(tag):
            value = element.get(attr, "")
            assert not value.startswith(("http:", "https:", "//")), value
            if value.startswith("/static/"):
                with client.get(value) as asset:
                    assert asset.status_code == 200, value


@pytest.mark.parametrize("url", PAGES)
def test_pages_are_labelled_and_structured(client: FlaskClient, url: str) -> None:
    html = client.get(url).get_data(as_text=True)
    found = Page(html)
    assert found.all("html")[0]["lang"] == "en"
    assert len(found.all("main")) == 1 and found.all("nav")
    assert len(found.all("h1")) == 1, "one heading names the page"
    labelled = {label["for"] for label in found.all("label") if "for" in label}
    for tag in ("input", "select", "textarea"):
        for field in found.all(tag):
            if field.get("type") != "hidden":
                assert field.get("id") in labelled or "aria-label" in field, (tag, field)
    ids = [attrs["id"] for _, attrs in found.tags if "id" in attrs]
    assert len(ids) == len(set(ids)), "ids are unique"


def test_only_web_addresses_of_articles_become_links(
    tmp_path: Path, make_store: Callable[..., Path]
) -> None:
    article = str(KGR["article/odd"])
    trig = tmp_path / "odd.trig"
    trig.write_text(
        f"<{article}> {{ <{article}> a <{PREFIXES['kg']}Article> ; "
        f"<{PREFIXES['dcterms']}identifier> \"odd.txt\" ; "
        f"<{PREFIXES['schema']}url> \"javascript:alert(1)\" . }}\n", encoding="utf-8")
    app = create_app(make_store(tmp_path / "store", trig), config=CONFIG)
    html = app.test_client().get("/id/article/odd").get_data(as_text=True)
    assert "javascript:alert(1)" in html
    assert not [a for a in Page(html).links() if a.startswith("javascript:")]


def test_a_measure_the_learned_step_proposed_says_so_on_its_page(
        tmp_path: Path) -> None:
    from kg.build import build
    from kg.store import Store

    fixture = Path(__file__).parent / "fixtures" / "measures" / "learned_reinstated_rules.txt"
    location = tmp_path / "store"
    build([fixture], Store(location))
    app = create_app(location, config=CONFIG)
    try:
        client = app.test_client()
        article = client.get("/id/article/learned_reinstated_rules").get_data(as_text=True)
        measures = sorted({link for link in Page(article).links() if "/id/measure/" in link})
        pages = {link: client.get(link).get_data(as_text=True) for link in measures}
    finally:
        close_app(app)
    flagged = [link for link, html in pages.items() if "learned measure detector" in html]
    # the rules find the first sentence's measure, the learned step the second's
    assert len(measures) == 2 and len(flagged) == 1
    assert "reinstate" in Page(pages[flagged[0]]).marks[0]


def test_a_query_too_long_for_a_link_is_downloaded_by_posting_it(client: FlaskClient) -> None:
    padding = "# " + "x" * 9000 + "\n"
    query = padding + "SELECT ?m WHERE { ?m a kg:Measure }"
    html = client.post("/", data={"query": query}).get_data(as_text=True)
    assert "download?" not in html  # no GET link the server would refuse as too long (414)
    forms = re.findall(r'<form method="post" action="(/download)">(.*?)</form>', html, re.S)
    assert {re.search(r'name="format" value="(\w+)"', body)[1]  # type: ignore[index]
            for _, body in forms} == {"csv", "json", "tsv", "xml"}
    response = client.post("/download", data={"query": query, "format": "csv"})
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.get_data(as_text=True).startswith("m\r\n")


def test_the_entities_page_links_every_entity_to_its_page(client: FlaskClient) -> None:
    response = client.get("/entities")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    for section in ("Actors", "Measures", "Materials"):
        assert f">{section} <" in html
    assert '<a href="/id/actor/china">China</a>' in html
    assert '<a href="/id/measure/fixture-ban">' in html
    # Each linked page exists.
    for href in set(re.findall(r'href="(/id/[^"]+)"', html)):
        assert client.get(href).status_code == 200, href
    assert 'href="/entities" aria-current="page"' in html  # in the navigation


def _title(client: FlaskClient, url: str) -> str:
    found = re.search(r"<title>(.*?)</title>", client.get(url).get_data(as_text=True), re.S)
    assert found, url
    return found.group(1)


def test_a_query_page_s_title_names_its_question_not_its_prefixes(client: FlaskClient) -> None:
    # Every example's tab (and history entry, and bookmark) read "PREFIX kg:
    # &lt;https://w3id.org/tradekg/ontology#&gt; PREFIX... · kg query".
    protests = _title(client, "/?example=01-protests")
    assert protests == "Who protested the ban, and to whom? · kg query"
    asked = "/?" + urllib.parse.urlencode({"example": "03-he-yadong",
                                           "speakerName": "Masaaki Kanai"})
    assert _title(client, asked).startswith("What did Masaaki Kanai say")
    query = "PREFIX ex: <http://example.org/>\n# people\n\nSELECT ?p WHERE { ?p a kg:Person }"
    assert _title(client, "/?" + urllib.parse.urlencode({"query": query})) == \
        "SELECT ?p WHERE { ?p a kg:Person } · kg query"
    assert _title(client, "/") == "kg query"
