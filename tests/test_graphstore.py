"""kg.graphstore: the read-only Graph Store Protocol, on a real on-disk store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.conneg import by_name
from kg.errors import ProtocolError
from kg.graphstore import GraphRequest, negotiate_graph, parse_graph_request, read_graph
from kg.namespace import ENTITIES_GRAPH, article_iri
from kg.store import Store

ARTICLE_A = article_iri("a_first.txt")


@pytest.fixture(scope="module")
def store(small_store: Path) -> ox.Store:
    return Store(small_store).open()


@pytest.mark.parametrize(
    ("args", "whole_store", "expected"),
    [
        ({"graph": [ARTICLE_A]}, False, GraphRequest(graph=ARTICLE_A)),
        ({"default": [""]}, False, GraphRequest()),
        ({}, False, GraphRequest()),
        ({}, True, GraphRequest(dataset=True)),
        ({"default": [""]}, True, GraphRequest()),
    ],
)
def test_requests_name_a_graph_the_default_graph_or_the_dataset(
    args: dict[str, list[str]], whole_store: bool, expected: GraphRequest
) -> None:
    assert parse_graph_request("GET", args, whole_store=whole_store) == expected


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE", "PATCH"])
def test_every_write_method_is_405_with_allow(method: str) -> None:
    with pytest.raises(ProtocolError) as info:
        parse_graph_request(method, {"graph": [ARTICLE_A]})
    assert info.value.status == 405
    assert info.value.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert "read-only" in info.value.message


@pytest.mark.parametrize(
    "args",
    [{"graph": [ARTICLE_A], "default": [""]}, {"graph": ["relative/iri"]},
     {"graph": [ARTICLE_A, ENTITIES_GRAPH]}, {"default": [""], "query": ["ASK {}"]},
     {"graph": [ARTICLE_A], "query": ["ASK {}"]}, {"default": [""], "update": ["CLEAR ALL"]}],
)
def test_contradictory_or_malformed_names_are_400(args: dict[str, list[str]]) -> None:
    with pytest.raises(ProtocolError) as info:
        parse_graph_request("GET", args)
    assert info.value.status == 400


def test_a_named_graph_is_read_whole(store: ox.Store) -> None:
    written = read_graph(store, GraphRequest(graph=ARTICLE_A), by_name("turtle"))
    triples = {(t.subject, t.predicate, t.object)
               for t in ox.parse(written.body, ox.RdfFormat.TURTLE)}
    stored = {(q.subject, q.predicate, q.object)
              for q in store.quads_for_pattern(None, None, None, ox.NamedNode(ARTICLE_A))}
    assert triples == stored and written.rows == len(stored)


def test_the_default_graph_is_the_merge_of_all_graphs(store: ox.Store) -> None:
    written = read_graph(store, GraphRequest(), by_name("ntriples"))
    triples = list(ox.parse(written.body, ox.RdfFormat.N_TRIPLES))
    merged = {(q.subject, q.predicate, q.object) for q in store}
    assert {(t.subject, t.predicate, t.object) for t in triples} == merged
    assert len(triples) == len(merged), "a triple in several graphs is written once"


def test_the_dataset_keeps_its_named_graphs(store: ox.Store) -> None:
    written = read_graph(store, GraphRequest(dataset=True), by_name("trig"))
    quads = set(ox.parse(written.body, ox.RdfFormat.TRIG))
    assert quads == set(store)


def test_an_unknown_graph_is_404(store: ox.Store) -> None:
    with pytest.raises(ProtocolError) as info:
        read_graph(store, GraphRequest(graph="http://example.org/none"), by_name("turtle"))
    assert info.value.status == 404


def test_a_capped_graph_read_says_so(store: ox.Store) -> None:
    written = read_graph(store, GraphRequest(graph=ARTICLE_A), by_name("turtle"), max_rows=3)
    assert written.truncated and written.body.startswith(b"# truncated")
    assert len(list(ox.parse(written.body, ox.RdfFormat.TURTLE))) == 3


def test_negotiation_offers_dataset_formats_only_for_the_dataset() -> None:
    assert negotiate_graph(GraphRequest(dataset=True), None).media_type == "application/trig"
    assert negotiate_graph(GraphRequest(graph=ARTICLE_A), None).media_type == "text/turtle"
    with pytest.raises(ProtocolError) as info:
        negotiate_graph(GraphRequest(dataset=True), "text/turtle")
    assert info.value.status == 406
