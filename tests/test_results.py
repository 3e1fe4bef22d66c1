"""kg.results: answers written by pyoxigraph with a row cap that is never silent."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from kg.conneg import GRAPH_FORMATS, RESULTS_FORMATS, by_name
from kg.results import serialize_quads, serialize_results

EX = "http://example.org/"
# Literals that would break naive line counting: line breaks, tabs, quotes, commas.
AWKWARD = ["plain", "two\nlines", "tab\there", 'say "hi", twice', "crlf\r\nend", "é ü 日本"]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    memory = ox.Store()
    for index, text in enumerate(AWKWARD):
        memory.add(ox.Quad(ox.NamedNode(f"{EX}s{index}"), ox.NamedNode(EX + "p"),
                           ox.Literal(text), ox.NamedNode(EX + "g")))
    return memory


SELECT = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def select(store: ox.Store) -> ox.QuerySolutions:
    results = store.query(SELECT, use_default_graph_as_union=True)
    assert isinstance(results, ox.QuerySolutions)
    return results


@pytest.mark.parametrize("fmt", RESULTS_FORMATS, ids=lambda f: f.name)
def test_an_answer_within_the_cap_is_byte_identical_to_an_uncapped_one(
    store: ox.Store, fmt: object
) -> None:
    uncapped = serialize_results(select(store), fmt)  # type: ignore[arg-type]
    capped = serialize_results(select(store), fmt, max_rows=len(AWKWARD))  # type: ignore[arg-type]
    assert capped.body == uncapped.body
    assert capped.rows == len(AWKWARD) and not capped.truncated


@pytest.mark.parametrize("cap", [1, 2, 5])
def test_a_capped_select_keeps_the_first_rows_whole(store: ox.Store, cap: int) -> None:
    written = serialize_results(select(store), by_name("csv"), max_rows=cap)
    rows = list(csv.reader(io.StringIO(written.body.decode())))
    assert written.truncated and written.rows == cap
    assert [r[1] for r in rows[1:]] == AWKWARD[:cap]


def test_json_says_it_is_truncated_and_stays_valid(store: ox.Store) -> None:
    written = serialize_results(select(store), by_name("json"), max_rows=2)
    document = json.loads(written.body)
    assert document["truncated"] is True and document["rowLimit"] == 2
    assert [b["o"]["value"] for b in document["results"]["bindings"]] == AWKWARD[:2]


def test_xml_and_tsv_truncated_answers_parse_back(store: ox.Store) -> None:
    for name, fmt in (("xml", ox.QueryResultsFormat.XML), ("tsv", ox.QueryResultsFormat.TSV)):
        written = serialize_results(select(store), by_name(name), max_rows=3)
        parsed = ox.parse_query_results(written.body, fmt)
        assert [s["o"].value for s in parsed] == AWKWARD[:3]  # type: ignore[union-attr]


def test_ask_is_never_capped(store: ox.Store) -> None:
    written = serialize_results(store.query("ASK { GRAPH ?g { ?s ?p ?o } }"),
                                by_name("json"), max_rows=1)
    assert json.loads(written.body)["boolean"] is True
    assert written.rows is None and not written.truncated


def test_a_select_with_no_variables_counts_its_empty_rows(store: ox.Store) -> None:
    results = store.query("SELECT * WHERE { VALUES ?x { 1 2 3 } FILTER(false) } ")
    written = serialize_results(results, by_name("json"), max_rows=10)
    assert json.loads(written.body)["results"]["bindings"] == []
    assert written.rows == 0 and not written.truncated


@pytest.mark.parametrize("fmt", GRAPH_FORMATS, ids=lambda f: f.name)
def test_a_capped_construct_in_every_rdf_format_holds_exactly_the_cap(
    store: ox.Store, fmt: object
) -> None:
    results = store.query(CONSTRUCT, use_default_graph_as_union=True)
    written = serialize_quads(results, fmt, max_rows=4)  # type: ignore[arg-type]
    triples = list(ox.parse(written.body, fmt.serializer))  # type: ignore[attr-defined]
    assert len(triples) == 4 and written.truncated
    assert {t.object.value for t in triples} <= set(AWKWARD)


def test_turtle_marks_truncation_with_a_comment(store: ox.Store) -> None:
    results = store.query(CONSTRUCT, use_default_graph_as_union=True)
    written = serialize_quads(results, by_name("turtle"), max_rows=1,
                              prefixes={"ex": EX})
    assert written.body.startswith(b"# truncated")
    assert b"@prefix ex:" in written.body


def test_an_uncapped_construct_keeps_every_triple(store: ox.Store) -> None:
    results = store.query(CONSTRUCT, use_default_graph_as_union=True)
    written = serialize_quads(results, by_name("ntriples"))
    assert written.rows == len(AWKWARD) and not written.truncated
    assert {t.object.value for t in ox.parse(written.body, ox.RdfFormat.N_TRIPLES)} == set(
        AWKWARD)


# --- the byte bound that comes with every row cap ------------------------------------------


def _tsv_row_bytes(store: ox.Store, rows: int) -> int:
    """How many bytes the header and the first ``rows`` rows take in the TSV pass."""
    whole = serialize_results(select(store), by_name("tsv")).body
    return len(b"".join(whole.splitlines(keepends=True)[: rows + 1]))


def test_rows_past_the_byte_bound_are_cut_whole_and_said_so(
    store: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.results

    bound = _tsv_row_bytes(store, 2) + 3  # room for two rows and part of a third
    monkeypatch.setattr(kg.results, "MAX_ANSWER_BYTES", bound)
    written = serialize_results(select(store), by_name("json"), max_rows=1000)
    document = json.loads(written.body)
    assert written.truncated and written.rows == 2 and written.byte_limit == bound
    assert document["truncated"] is True and document["byteLimit"] == bound
    assert [b["o"]["value"] for b in document["results"]["bindings"]] == AWKWARD[:2]


def test_the_row_cap_inside_the_byte_bound_is_still_the_row_cap(
    store: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.results

    monkeypatch.setattr(kg.results, "MAX_ANSWER_BYTES", _tsv_row_bytes(store, 4) + 3)
    written = serialize_results(select(store), by_name("csv"), max_rows=1)
    assert written.truncated and written.rows == 1 and written.byte_limit is None


def test_a_construct_past_the_byte_bound_is_cut_and_commented(
    store: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.results

    monkeypatch.setattr(kg.results, "MAX_ANSWER_BYTES", 250)  # two triples of ~100 bytes each
    triples = store.query(CONSTRUCT, use_default_graph_as_union=True)
    written = serialize_quads(triples, by_name("turtle"), max_rows=1000)  # type: ignore[arg-type]
    assert written.truncated and written.rows == 2 and written.byte_limit == 250
    assert written.body.startswith(b"# truncated: cut after the rows within 250 bytes")


def test_without_a_row_cap_nothing_is_bounded(store: ox.Store,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.results

    monkeypatch.setattr(kg.results, "MAX_ANSWER_BYTES", 10)
    assert not serialize_results(select(store), by_name("csv")).truncated  # kg export, kg query
