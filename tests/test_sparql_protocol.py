"""kg.sparql: the SPARQL 1.1 Protocol rules, on a real on-disk store holding small.trig."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import sparql
from kg.errors import ProtocolError, QueryError
from kg.namespace import ENTITIES_GRAPH, KG, article_iri
from kg.sparql import QueryForm, QueryRequest
from kg.store import Store

ARTICLE_A = article_iri("a_first.txt")
ARTICLE_B = article_iri("b_second.txt")
STATEMENTS = "SELECT ?s WHERE { ?s a kg:Statement }"
CONSTRUCT_LABELS = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a kg:Actor ; rdfs:label ?l }"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(scope="module")
def store(small_store: Path) -> ox.Store:
    return Store(small_store).open()


@pytest.fixture
def writable(small_trig: Path) -> ox.Store:
    """An in-memory, writable store: an update that ran would show in it."""
    memory = ox.Store()
    memory.load(path=str(small_trig), format=ox.RdfFormat.TRIG)
    return memory


def rows(store: ox.Store, query: str, **dataset: tuple[str, ...]) -> list[dict[str, str]]:
    results = sparql.execute(store, QueryRequest(query, **dataset))
    assert isinstance(results, ox.QuerySolutions)
    names = [v.value for v in results.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in results]


def status_of(call: object, *args: object, **kwargs: object) -> int:
    with pytest.raises(ProtocolError) as info:
        call(*args, **kwargs)  # type: ignore[operator]
    return info.value.status


# --- parse_request -----------------------------------------------------------------------


def test_get_takes_the_query_and_dataset_from_the_query_string() -> None:
    request = sparql.parse_request(
        "GET", None,
        {"query": ["ASK {}"], "default-graph-uri": [ARTICLE_A],
         "named-graph-uri": [ARTICLE_A, ARTICLE_B]},
    )
    assert request == QueryRequest("ASK {}", (ARTICLE_A,), (ARTICLE_A, ARTICLE_B))


def test_head_is_answered_like_get() -> None:
    assert sparql.parse_request("HEAD", None, {"query": ["ASK {}"]}).query == "ASK {}"


def test_post_form_body_is_parsed_from_bytes() -> None:
    body = b"query=SELECT+%3Fs+WHERE+%7B%7D&default-graph-uri=" + ARTICLE_A.encode()
    request = sparql.parse_request("POST", f"{FORM}; charset=UTF-8", {}, None, body)
    assert request.query == "SELECT ?s WHERE {}"
    assert request.default_graphs == (ARTICLE_A,)


def test_post_form_accepts_an_already_parsed_form() -> None:
    request = sparql.parse_request("POST", FORM, {}, {"query": ["ASK {}"]}, b"")
    assert request.query == "ASK {}"


def test_post_direct_reads_the_body_and_the_dataset_from_the_query_string() -> None:
    query = "SELECT ?q WHERE { ?s kg:quote ?q FILTER(CONTAINS(?q, \"ö\")) }"
    request = sparql.parse_request(
        "POST", "application/sparql-query; charset=utf-8",
        {"named-graph-uri": [ARTICLE_B]}, None, query.encode("utf-8"),
    )
    assert request.query == query
    assert request.named_graphs == (ARTICLE_B,)


def test_post_direct_honours_a_declared_charset() -> None:
    body = "ASK { ?s ?p \"é\" }".encode("latin-1")
    request = sparql.parse_request("POST", "application/sparql-query; charset=ISO-8859-1",
                                   {}, None, body)
    assert "é" in request.query


def test_post_direct_drops_a_byte_order_mark() -> None:
    request = sparql.parse_request("POST", "application/sparql-query", {}, None,
                                   "\ufeffDROP ALL".encode())
    assert request.form is QueryForm.UPDATE


def test_post_direct_body_that_is_not_utf8_is_400() -> None:
    assert status_of(sparql.parse_request, "POST", "application/sparql-query", {}, None,
                     b"ASK { ?s ?p \"\xff\" }") == 400


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_405_with_an_allow_header(method: str) -> None:
    with pytest.raises(ProtocolError) as info:
        sparql.parse_request(method, None, {"query": ["ASK {}"]})
    assert info.value.status == 405
    assert "POST" in info.value.headers["Allow"]


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/json",
                                          "multipart/form-data; boundary=x"])
def test_post_with_another_content_type_is_415(content_type: str | None) -> None:
    assert status_of(sparql.parse_request, "POST", content_type, {}, None, b"ASK {}") == 415


def test_missing_query_is_400() -> None:
    with pytest.raises(ProtocolError, match="no query") as info:
        sparql.parse_request("GET", None, {"default-graph-uri": [ARTICLE_A]})
    assert info.value.status == 400


def test_blank_query_is_400() -> None:
    assert status_of(sparql.parse_request, "GET", None, {"query": ["  \n"]}) == 400


def test_two_queries_in_the_query_string_are_400() -> None:
    with pytest.raises(ProtocolError, match="2 queries"):
        sparql.parse_request("GET", None, {"query": ["ASK {}", "ASK {}"]})


def test_a_query_in_both_query_string_and_body_is_400() -> None:
    assert status_of(sparql.parse_request, "POST", "application/sparql-query",
                     {"query": ["ASK {}"]}, None, b"ASK {}") == 400
    assert status_of(sparql.parse_request, "POST", FORM, {"query": ["ASK {}"]}, None,
                     b"query=ASK+%7B%7D") == 400


def test_graph_name_that_is_not_an_absolute_iri_is_400() -> None:
    with pytest.raises(ProtocolError, match="default-graph-uri"):
        sparql.parse_request("GET", None, {"query": ["ASK {}"],
                                           "default-graph-uri": ["not an iri"]})


@pytest.mark.parametrize(
    ("method", "content_type", "args", "body"),
    [
        ("GET", None, {"update": ["CLEAR ALL"]}, b""),
        ("POST", FORM, {}, b"update=DROP+ALL"),
        ("POST", "application/sparql-update", {}, b"DROP ALL"),
    ],
)
def test_update_operation_requests_are_403(
    method: str, content_type: str | None, args: dict[str, list[str]], body: bytes
) -> None:
    assert status_of(sparql.parse_request, method, content_type, args, None, body) == 403


# --- reading queries ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", QueryForm.SELECT),
        ("select * { ?s ?p ?o }", QueryForm.SELECT),
        ("# DELETE everything?\nPREFIX insert: <http://example.org/>\nASK { ?s insert:p 1 }",
         QueryForm.ASK),
        ("BASE <http://example.org/> PREFIX : <x#> CONSTRUCT WHERE { ?s ?p ?o }",
         QueryForm.CONSTRUCT),
        ("DESCRIBE <http://example.org/delete>", QueryForm.DESCRIBE),
        ("PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:b ex:c }", QueryForm.UPDATE),
        ("delete where { ?s ?p ?o }", QueryForm.UPDATE),
        ("WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", QueryForm.UPDATE),
        *((f"{op} <http://example.org/g>", QueryForm.UPDATE)
          for op in ("LOAD", "CLEAR GRAPH", "CREATE GRAPH", "DROP GRAPH")),
        ("COPY DEFAULT TO <http://example.org/g>", QueryForm.UPDATE),
        ("MOVE DEFAULT TO <http://example.org/g>", QueryForm.UPDATE),
        ("ADD DEFAULT TO <http://example.org/g>", QueryForm.UPDATE),
        ("{ ?s ?p ?o }", QueryForm.UNKNOWN),
        ("'SELECT'", QueryForm.UNKNOWN),
    ],
)
def test_query_form_is_the_first_keyword_after_the_prologue(query: str, form: QueryForm) -> None:
    assert sparql.query_form(query) is form


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", True),
        ("SELECT * from named <http://example.org/g> { GRAPH ?g { ?s ?p ?o } }", True),
        ("SELECT ?from WHERE { ?from ?p ?o }", False),
        ("PREFIX from: <http://example.org/> SELECT * { ?s from:x ?o }", False),
        ("SELECT * { ?s ?p \"FROM here\" } # FROM there", False),
        ("SELECT * { ?s ?p <http://example.org/FROM> }", False),
        ("SELECT * { ?s ?p \"\"\"multi\nFROM\"\"\" }", False),
    ],
)
def test_dataset_clause_is_found_only_as_a_keyword(query: str, expected: bool) -> None:
    assert sparql.has_dataset_clause(query) is expected


def test_service_is_found_as_a_keyword_only() -> None:
    assert sparql.uses_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert not sparql.uses_service("SELECT * { ?s <http://example.org/SERVICE> ?o }")


# --- content negotiation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "accept", "media_type"),
    [
        (QueryForm.SELECT, None, "application/sparql-results+json"),
        (QueryForm.SELECT, "", "application/sparql-results+json"),
        (QueryForm.SELECT, "*/*", "application/sparql-results+json"),
        (QueryForm.SELECT, "text/*", "text/csv"),
        (QueryForm.SELECT, "text/csv;q=0.5, text/tab-separated-values",
         "text/tab-separated-values"),
        (QueryForm.SELECT, "application/sparql-results+xml, */*;q=0.1",
         "application/sparql-results+xml"),
        (QueryForm.SELECT, "text/csv, */*", "text/csv"),
        (QueryForm.SELECT, "application/json", "application/json"),
        (QueryForm.SELECT, "application/sparql-results+json;q=0, */*",
         "application/sparql-results+xml"),
        (QueryForm.SELECT, "garbage", "application/sparql-results+json"),
        (QueryForm.ASK, "application/sparql-results+xml", "application/sparql-results+xml"),
        (QueryForm.CONSTRUCT, None, "text/turtle"),
        (QueryForm.CONSTRUCT, "*/*", "text/turtle"),
        (QueryForm.DESCRIBE, "application/n-triples", "application/n-triples"),
        (QueryForm.CONSTRUCT, "application/rdf+xml, text/turtle;q=0.9", "application/rdf+xml"),
        (QueryForm.CONSTRUCT, "application/ld+json", "application/ld+json"),
        (QueryForm.CONSTRUCT, "application/*;q=0.9, text/turtle;q=0.2", "application/n-triples"),
    ],
)
def test_negotiation_follows_q_values_specificity_and_server_order(
    form: QueryForm, accept: str | None, media_type: str
) -> None:
    chosen = sparql.negotiate(form, accept)
    assert chosen.media_type == media_type
    assert chosen.content_type == f"{media_type}; charset=utf-8"


@pytest.mark.parametrize(
    ("form", "accept"),
    [
        (QueryForm.SELECT, "text/turtle"),
        (QueryForm.SELECT, "image/png, text/html"),
        (QueryForm.SELECT, "*/*;q=0"),
        (QueryForm.CONSTRUCT, "application/sparql-results+json"),
        (QueryForm.CONSTRUCT, "text/csv"),
    ],
)
def test_nothing_acceptable_is_406(form: QueryForm, accept: str) -> None:
    assert status_of(sparql.negotiate, form, accept) == 406


def test_format_named_picks_a_download_format_or_406() -> None:
    assert sparql.format_named("csv", QueryForm.SELECT).media_type == "text/csv"
    assert sparql.format_named("jsonld", QueryForm.CONSTRUCT).media_type == "application/ld+json"
    assert status_of(sparql.format_named, "turtle", QueryForm.SELECT) == 406


# --- executing ---------------------------------------------------------------------------


def test_default_graph_is_the_union_of_all_graphs(store: ox.Store) -> None:
    found = {r["s"] for r in rows(store, STATEMENTS)}
    assert any(s.startswith(ARTICLE_A) for s in found)
    assert any(s.startswith(ARTICLE_B) for s in found)


def test_default_graph_uri_restricts_the_default_graph(store: ox.Store) -> None:
    found = rows(store, STATEMENTS, default_graphs=(ARTICLE_B,))
    assert found and all(r["s"].startswith(ARTICLE_B) for r in found)


def test_named_graph_uri_restricts_graph_patterns(store: ox.Store) -> None:
    found = rows(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                 named_graphs=(ARTICLE_A,))
    assert [r["g"] for r in found] == [ARTICLE_A]


def test_named_graph_uri_alone_leaves_the_default_graph_empty(store: ox.Store) -> None:
    # As FROM NAMED without FROM does (SPARQL 1.1 Query, 13.2): the protocol's dataset is
    # exactly what its parameters name.
    assert rows(store, STATEMENTS, named_graphs=(ARTICLE_A,)) == []


def test_default_graph_uri_alone_leaves_no_named_graphs(store: ox.Store) -> None:
    query = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert rows(store, query, default_graphs=(ARTICLE_A,)) == []


def test_protocol_dataset_overrides_from_in_the_query(store: ox.Store) -> None:
    query = f"SELECT ?s FROM <{ARTICLE_A}> WHERE {{ ?s a kg:Statement }}"
    found = rows(store, query, default_graphs=(ARTICLE_B,))
    assert found and all(r["s"].startswith(ARTICLE_B) for r in found)


def test_protocol_named_graphs_override_from_named(store: ox.Store) -> None:
    query = f"SELECT DISTINCT ?g FROM NAMED <{ARTICLE_A}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert [r["g"] for r in rows(store, query, named_graphs=(ARTICLE_B,))] == [ARTICLE_B]


def test_several_default_graph_uris_are_merged(store: ox.Store) -> None:
    found = {r["s"] for r in rows(store, STATEMENTS, default_graphs=(ARTICLE_A, ARTICLE_B))}
    assert any(s.startswith(ARTICLE_A) for s in found)
    assert any(s.startswith(ARTICLE_B) for s in found)


def test_from_in_the_query_is_respected(store: ox.Store) -> None:
    query = f"SELECT ?s FROM <{ARTICLE_A}> WHERE {{ ?s a kg:Statement }}"
    found = rows(store, query)
    assert found and all(r["s"].startswith(ARTICLE_A) for r in found)


def test_entities_graph_holds_labels(store: ox.Store) -> None:
    found = rows(store, "SELECT ?l WHERE { ?s rdfs:label ?l }", default_graphs=(ENTITIES_GRAPH,))
    assert {"China", "He Yadong", "dysprosium"} <= {r["l"] for r in found}


def test_common_prefixes_are_predeclared(store: ox.Store) -> None:
    found = rows(store, "SELECT ?m WHERE { ?m kg:measureType kg:DiplomaticProtest }")
    assert found


def test_syntax_error_is_400_with_the_parser_message(store: ox.Store) -> None:
    with pytest.raises(ProtocolError) as info:
        sparql.execute(store, QueryRequest("SELECT ?s WHERE { ?s ?p "))
    assert info.value.status == 400
    assert "syntax error" in info.value.message.lower()
    assert isinstance(info.value, QueryError)


def test_unknown_function_is_400(store: ox.Store) -> None:
    query = "SELECT ?x WHERE { BIND(<http://example.org/nofunction>(1) AS ?x) }"
    assert status_of(sparql.execute, store, QueryRequest(query)) == 400


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://example.org/a> <http://example.org/b> \"c\" }",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX kg: <https://w3id.org/tradekg/ontology#>\n# comment\nDELETE { ?s ?p ?o } "
        "WHERE { ?s a kg:Statement ; ?p ?o }",
        "CLEAR ALL",
        "DROP ALL",
        "LOAD <http://127.0.0.1:1/data.ttl>",
        "CREATE GRAPH <http://example.org/new>",
        "COPY DEFAULT TO <http://example.org/copy>",
        "WITH <http://example.org/g> INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    ],
)
def test_update_is_refused_and_never_executed(writable: ox.Store, update: str) -> None:
    before = len(writable)
    with pytest.raises(ProtocolError) as info:
        sparql.respond(writable, QueryRequest(update), None)
    assert info.value.status == 403
    assert len(writable) == before


def test_service_is_refused(store: ox.Store) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    assert status_of(sparql.execute, store, QueryRequest(query)) == 403


OTHER = "http://127.0.0.1:1/sparql"


@pytest.mark.parametrize(
    ("query", "allowed"),
    [
        (f"SELECT * WHERE {{ SERVICE <{OTHER}> {{ ?s ?p ?o }} }}", True),
        (f"SELECT * WHERE {{ SERVICE SILENT <{OTHER}> {{ ?s ?p ?o }} }}", True),
        ("PREFIX ep: <http://127.0.0.1:1/> SELECT * WHERE { SERVICE ep:sparql { ?s ?p ?o } }",
         True),
        ("BASE <http://127.0.0.1:1/x/> SELECT * WHERE { SERVICE <../sparql> { ?s ?p ?o } }",
         True),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:2/sparql> { ?s ?p ?o } }", False),
        ("SELECT * WHERE { BIND(<http://127.0.0.1:1/sparql> AS ?e) SERVICE ?e { ?s ?p ?o } }",
         False),
        (f"SELECT * WHERE {{ SERVICE <{OTHER}> {{ ?s ?p ?o }} SERVICE <{OTHER}x> {{ }} }}",
         False),
    ],
)
def test_service_is_allowed_only_to_listed_endpoints(query: str, allowed: bool) -> None:
    if allowed:
        sparql.check_services(query, (OTHER,))
    else:
        with pytest.raises(ProtocolError) as info:
            sparql.check_services(query, (OTHER,))
        assert info.value.status == 403 and "not among the endpoints allowed" in \
            info.value.message


def test_service_silent_to_a_listed_endpoint_runs(store: ox.Store) -> None:
    # Port 1 refuses connections at once: SILENT turns the failure into one empty solution.
    query = f"SELECT * WHERE {{ SERVICE SILENT <{OTHER}> {{ ?s ?p ?o }} }}"
    results = sparql.execute(store, QueryRequest(query), allowed_services=(OTHER,))
    assert len(list(results)) == 1  # type: ignore[arg-type]


def test_a_listed_endpoint_that_fails_is_a_bad_gateway(store: ox.Store) -> None:
    # Port 1 refuses connections: the failure is the other endpoint's, so 502, not 500.
    query = f"SELECT * WHERE {{ SERVICE <{OTHER}> {{ ?s ?p ?o }} }}"
    with pytest.raises(ProtocolError) as info:
        sparql.respond(store, QueryRequest(query), None, allowed_services=(OTHER,))
    assert info.value.status == 502 and "federated endpoint" in info.value.message


# --- what a request asks for ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "args", "operation"),
    [
        ("GET", {}, sparql.Operation.DESCRIPTION),
        ("HEAD", {"unrelated": ["1"]}, sparql.Operation.DESCRIPTION),
        ("GET", {"query": ["ASK {}"]}, sparql.Operation.QUERY),
        ("GET", {"default-graph-uri": [ARTICLE_A]}, sparql.Operation.QUERY),
        ("POST", {}, sparql.Operation.QUERY),
        ("GET", {"graph": [ARTICLE_A]}, sparql.Operation.GRAPH),
        ("GET", {"default": [""]}, sparql.Operation.GRAPH),
        ("PUT", {"graph": [ARTICLE_A]}, sparql.Operation.GRAPH),
    ],
)
def test_operation_is_read_from_method_and_parameters(
    method: str, args: dict[str, list[str]], operation: sparql.Operation
) -> None:
    assert sparql.operation_of(method, args) is operation


@pytest.mark.parametrize(
    ("content_type", "args", "body", "update"),
    [
        ("application/sparql-update", {}, b"CLEAR ALL", "CLEAR ALL"),
        ("application/sparql-update; charset=utf-8", {}, "DROP GRAPH <http://x/é>".encode(),
         "DROP GRAPH <http://x/é>"),
        (FORM, {}, b"update=CLEAR+DEFAULT", "CLEAR DEFAULT"),
    ],
)
def test_updates_are_parsed_when_allowed(
    content_type: str, args: dict[str, list[str]], body: bytes, update: str
) -> None:
    parsed = sparql.parse_request("POST", content_type, args, None, body, allow_update=True)
    assert parsed == sparql.UpdateRequest(update)


@pytest.mark.parametrize(
    ("method", "content_type", "args", "body"),
    [
        ("GET", None, {"update": ["CLEAR ALL"]}, b""),
        ("POST", FORM, {}, b"update=CLEAR+ALL&update=DROP+ALL"),
        ("POST", FORM, {}, b"update=CLEAR+ALL&query=ASK+%7B%7D"),
        ("POST", FORM, {}, b"update=+"),
        ("POST", FORM, {}, b"update=CLEAR+ALL&using-graph-uri=http%3A%2F%2Fx%2Fg"),
    ],
)
def test_malformed_update_requests_are_400(
    method: str, content_type: str | None, args: dict[str, list[str]], body: bytes
) -> None:
    assert status_of(sparql.parse_request, method, content_type, args, None, body,
                     allow_update=True) == 400


@pytest.mark.parametrize(
    "update",
    ["LOAD <http://127.0.0.1:1/data.ttl>",
     "LOAD SILENT <http://127.0.0.1:1/data.ttl> INTO GRAPH <http://x/g>",
     "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"],
)
def test_updates_that_would_reach_the_network_are_refused(update: str) -> None:
    with pytest.raises(ProtocolError) as info:
        sparql.check_update(update)
    assert info.value.status == 403


# --- responses in every format -----------------------------------------------------------

SELECT_LABELS = "SELECT ?s ?l WHERE { ?s a kg:Actor ; rdfs:label ?l } ORDER BY ?l"


def answer(store: ox.Store, query: str, accept: str | None) -> sparql.SparqlResponse:
    response = sparql.respond(store, QueryRequest(query), accept)
    assert response.status == 200
    assert response.headers.get("Vary") == "Accept"
    return response


def test_select_as_json(store: ox.Store) -> None:
    response = answer(store, SELECT_LABELS, None)
    assert response.content_type == "application/sparql-results+json; charset=utf-8"
    data = json.loads(response.body)
    assert data["head"]["vars"] == ["s", "l"]
    assert "He Yadong" in [b["l"]["value"] for b in data["results"]["bindings"]]


def test_select_as_xml(store: ox.Store) -> None:
    response = answer(store, SELECT_LABELS, "application/sparql-results+xml")
    root = ET.fromstring(response.body)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    literals = [e.text for e in root.iter(f"{ns}literal")]
    assert "He Yadong" in literals


def test_select_as_csv_and_tsv(store: ox.Store) -> None:
    table = list(csv.reader(io.StringIO(answer(store, SELECT_LABELS, "text/csv").body.decode())))
    assert table[0] == ["s", "l"] and ["He Yadong"] == [r[1] for r in table if r[1] == "He Yadong"]
    tsv = answer(store, SELECT_LABELS, "text/tab-separated-values").body.decode().splitlines()
    assert tsv[0] == "?s\t?l"
    assert any(line.endswith('\t"He Yadong"') for line in tsv)


def test_ask_as_json_and_csv(store: ox.Store) -> None:
    query = "ASK { ?s rdfs:label \"dysprosium\" }"
    assert json.loads(answer(store, query, None).body)["boolean"] is True
    assert answer(store, query, "text/csv").body.decode().strip() == "true"


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [
        (None, ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
    ],
)
def test_construct_in_every_rdf_format_parses_back_to_the_same_triples(
    store: ox.Store, accept: str | None, rdf_format: ox.RdfFormat
) -> None:
    response = answer(store, CONSTRUCT_LABELS, accept)
    assert response.content_type == f"{rdf_format.media_type}; charset=utf-8"
    parsed = {(str(q.subject), str(q.object)) for q in ox.parse(response.body, rdf_format)}
    expected = {(str(t.subject), str(t.object))
                for t in sparql.execute(store, QueryRequest(CONSTRUCT_LABELS))}
    assert parsed == expected and len(parsed) == 6


def test_describe_is_answered_as_turtle(store: ox.Store) -> None:
    response = answer(store, "DESCRIBE <https://w3id.org/tradekg/id/actor/he-yadong>", None)
    triples = list(ox.parse(response.body, ox.RdfFormat.TURTLE))
    assert any(t.predicate.value == str(KG.affiliation) for t in triples)


@pytest.mark.parametrize("rdf_format", [ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS])
def test_construct_in_a_dataset_format_is_the_default_graph(
    store: ox.Store, rdf_format: ox.RdfFormat
) -> None:
    response = answer(store, CONSTRUCT_LABELS, rdf_format.media_type)
    quads = list(ox.parse(response.body, rdf_format))
    assert len(quads) == 6
    assert all(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)


def test_respond_flags_an_answer_cut_at_the_row_cap(store: ox.Store) -> None:
    response = sparql.respond(store, QueryRequest(SELECT_LABELS), None, max_rows=2)
    assert response.headers[sparql.TRUNCATED_HEADER] == "true"
    assert response.headers[sparql.ROW_LIMIT_HEADER] == "2"
    assert len(json.loads(response.body)["results"]["bindings"]) == 2


def test_respond_within_the_cap_has_no_truncation_header(store: ox.Store) -> None:
    response = sparql.respond(store, QueryRequest(SELECT_LABELS), None, max_rows=1000)
    assert sparql.TRUNCATED_HEADER not in response.headers
    assert "truncated" not in json.loads(response.body)


def test_construct_with_a_results_only_accept_is_406(store: ox.Store) -> None:
    assert status_of(sparql.respond, store, QueryRequest(CONSTRUCT_LABELS), "text/csv") == 406


def test_handle_turns_errors_into_plain_text_responses(store: ox.Store) -> None:
    response = sparql.handle(store, method="GET", content_type=None,
                             args={"query": ["SELECT WHERE"]})
    assert response.status == 400
    assert response.content_type == "text/plain; charset=utf-8"
    assert response.body.startswith(b"400 ")


def test_handle_answers_a_good_request(store: ox.Store) -> None:
    response = sparql.handle(store, method="POST", content_type="application/sparql-query",
                             body=b"ASK { ?s a kg:Measure }", accept="application/json")
    assert response.status == 200 and json.loads(response.body)["boolean"] is True


# --- form and query-string decoding ------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        "query=SELECT+%3Fs+WHERE+%7B+%3Fs+%3Fp+%22%C3%A9%22+%7D&default-graph-uri=" + ARTICLE_A,
        "a=1&a=2&b=&c",
        "query=100%25+sure&x=%2B%26%3D",
        "q=%5Cn+stays+a+backslash+and+n",
        "q=%zz+is+not+an+escape&r=trailing%",
        "q=caf%C3%A9+%E6%97%A5%E6%9C%AC",
        "&&q=1&&",
    ],
)
def test_form_decoding_matches_the_standard_library(data: str) -> None:
    import urllib.parse

    expected = urllib.parse.parse_qs(data, keep_blank_values=True)
    assert sparql.parse_form(data) == expected
    assert sparql.parse_form(data.encode()) == expected


def test_a_query_string_that_is_not_utf8_is_400() -> None:
    with pytest.raises(ProtocolError) as info:
        sparql.parse_form("query=%FF%FE")
    assert info.value.status == 400 and "not valid utf-8" in info.value.message


def test_too_many_form_fields_are_400() -> None:
    assert status_of(sparql.parse_form, "&".join(f"f{n}=1" for n in range(1001))) == 400


def test_a_post_with_no_body_and_no_content_type_asks_for_a_query_400() -> None:
    assert status_of(sparql.parse_request, "POST", None, {}, None, b"") == 400
    with pytest.raises(ProtocolError, match="no query"):
        sparql.parse_request("POST", None, {}, None, b"")


def test_an_answer_cut_by_bytes_names_the_byte_bound_not_the_row_cap() -> None:
    from kg.results import Serialized

    by_bytes = sparql.answer_headers(Serialized(b"", 2, True, 4096), max_rows=100)
    assert by_bytes[sparql.TRUNCATED_HEADER] == "true"
    assert by_bytes[sparql.BYTE_LIMIT_HEADER] == "4096"
    assert sparql.ROW_LIMIT_HEADER not in by_bytes
    by_rows = sparql.answer_headers(Serialized(b"", 100, True), max_rows=100)
    assert by_rows[sparql.ROW_LIMIT_HEADER] == "100" and sparql.BYTE_LIMIT_HEADER not in by_rows
