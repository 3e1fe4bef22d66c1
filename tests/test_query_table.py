"""`kg query`'s table: IRIs are shown whole, long text is cut and the table says so."""

from __future__ import annotations

import pyoxigraph as ox

from kg.query import format_results

EX = "http://example.org/"


def _results(query: str) -> ox.QuerySolutions:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(EX + "a-very-long-local-name-" + "x" * 80),
                      ox.NamedNode(EX + "says"), ox.Literal("word " * 30)))
    store.add(ox.Quad(ox.NamedNode(EX + "b"), ox.NamedNode(EX + "says"), ox.Literal("short")))
    return store.query(query)  # type: ignore[return-value]


def test_long_text_is_cut_and_the_table_says_how_to_see_it_whole() -> None:
    table = format_results(_results(f"SELECT ?s ?o WHERE {{ ?s <{EX}says> ?o }}"), None)
    assert "word word" in table and "…" in table
    assert "--format tsv or csv shows it whole" in table.splitlines()[-1]
    assert "x" * 80 + ">" in table  # the IRI, however long, can be copied


def test_a_table_with_nothing_cut_has_no_note() -> None:
    table = format_results(_results(f"SELECT ?o WHERE {{ <{EX}b> <{EX}says> ?o }}"), None)
    assert table.splitlines()[-1] == "(1 row)"


def test_tsv_keeps_the_long_text_whole() -> None:
    tsv = format_results(_results(f"SELECT ?o WHERE {{ ?s <{EX}says> ?o }}"), "tsv")
    assert ("word " * 30).strip() in tsv
