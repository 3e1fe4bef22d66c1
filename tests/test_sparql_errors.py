"""Syntax errors of queries are told in plain words, with the parser's position."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.sparql_text import explain_syntax_error
from kg.store import Store, run_query


def _parser_message(query: str) -> str:
    try:
        ox.Store().query(query)
    except SyntaxError as exc:
        return str(exc)
    raise AssertionError("the query parsed")


def test_an_undefined_prefix_is_named_with_its_position() -> None:
    query = "SELECT ?s WHERE {\n  ?s a foo:Thing }"
    assert explain_syntax_error(query, _parser_message(query)) == (
        "error at 2:17: undefined prefix 'foo:' (declare it: PREFIX foo: <...>)")


def test_an_empty_query_is_said_to_be_empty() -> None:
    assert explain_syntax_error("  \n", _parser_message("  \n")) == "the query is empty"


def test_other_errors_keep_the_parsers_words_without_unicode_class_dumps() -> None:
    query = "SELECT ?s WHERE { ?s a <x> . ?s ?p 'unterminated }"
    message = _parser_message(query)
    explained = explain_syntax_error(query, message)
    assert explained.startswith("error at 1:")
    assert "\\u{" not in explained


def test_a_misspelt_query_form_is_named() -> None:
    query = "# people\nPREFIX ex: <http://e/>\nSELEC ?s {}"
    assert explain_syntax_error(query, _parser_message(query)) == (
        "error at 3:1: a query begins with SELECT, CONSTRUCT, ASK or DESCRIBE (after any "
        "PREFIX and BASE lines), not 'SELEC'")


@pytest.mark.parametrize(("query", "told"), [
    ('SELECT ?s WHERE { ?s ?p ?o FILTER(regex(?o, "x") }', "'(' not closed"),
    ("SELECT ?s WHERE { ?s ?p ?o ", "'{' not closed"),
    ('SELECT ?s WHERE { ?s ?p "never ends }', 'a string opened with " not closed'),
])
def test_an_error_at_the_end_names_what_was_left_open(query: str, told: str) -> None:
    explained = explain_syntax_error(query, _parser_message(query))
    assert explained.endswith(f"(at the end of the query: {told})")


def test_an_error_inside_the_query_shows_the_text_there() -> None:
    query = "SELECT ?s WHERE { ?s ?p ?o }\nLIMIT many"
    assert explain_syntax_error(query, _parser_message(query)).endswith("(near 'many')")


def test_a_query_on_the_store_raises_the_explained_error(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    with store.write() as target:
        target.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"),
                           ox.Literal("x")))
    with pytest.raises(QueryError, match="undefined prefix 'ex:'"):
        run_query(store.open(), "SELECT * { ?s a ex:Thing }")
