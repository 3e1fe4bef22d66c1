"""Syntax errors of queries are told in plain words, with the parser's position."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.sparql_text import error_position, excerpt, explain_syntax_error, offset_of
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
        "error at 2:8: undefined prefix 'foo:' (declare it: PREFIX foo: <...>)")


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
    ('SELECT ?s WHERE { ?s ?p ?o FILTER(regex(?o, "x") }', "'(' at 1:34 not closed"),
    ("SELECT ?s WHERE { ?s ?p ?o ", "'{' at 1:17 not closed"),
    ('SELECT ?s WHERE { ?s ?p "never ends }', 'a string opened with " at 1:25 not closed'),
])
def test_an_error_at_the_end_names_what_was_left_open(query: str, told: str) -> None:
    explained = explain_syntax_error(query, _parser_message(query))
    assert explained.endswith(f"(at the end of the query: {told})")


def test_an_error_inside_the_query_shows_the_text_there() -> None:
    query = "SELECT ?s WHERE { ?s ?p ?o }\nLIMIT 5 ORDER BY ?s"
    assert explain_syntax_error(query, _parser_message(query)).endswith("(near 'BY ?s')")


@pytest.mark.parametrize(("query", "told"), [
    # The parser says "expected BIND" here: it could have read "?d" as the start of BIND.
    ("SELECT * WHERE { ?a ?b ?c ?d }",
     "four terms in a row (at 1:27): a triple pattern has three, and each ends with '.'"),
    ('SELECT * WHERE { ?s <http://e/p> "x"@en <http://e/q> ?o }',
     "four terms in a row (at 1:41): a triple pattern has three, and each ends with '.'"),
    ("SELECT * WHERE { ?s ?p ?o FILTER ?o > 1 }",
     "FILTER takes its condition in brackets: FILTER(...) (at 1:27)"),
    ("SELECT ?s WHERE { ?s ?p ?o }\nLIMIT many", "LIMIT takes a whole number (LIMIT 10) (at 2:1)"),
    ("SELECT ?s WHERE { ?s ?p ?o } OFFSET 2.5",
     "OFFSET takes a whole number (OFFSET 10) (at 1:30)"),
    # The parser says "expected DISTINCT" here (COUNT(DISTINCT ...) was possible).
    ("SELECT (COUNT(?s)) WHERE { ?s ?p ?o }",
     "an expression in SELECT needs a name: (expression AS ?name) (at 1:8)"),
])
def test_a_common_mistake_is_named_where_the_parsers_list_would_mislead(
        query: str, told: str) -> None:
    assert explain_syntax_error(query, _parser_message(query)).endswith(f"; {told}")


@pytest.mark.parametrize("query", [
    # Terms in a row that are right: VALUES data, collections, arguments, ORDER/GROUP BY.
    "SELECT * WHERE { VALUES ?x { 1 2 3 4 } ?x ?p }",
    "SELECT * WHERE { ?s <http://e/p> (1 2 3 4) . ?s ?p }",
    "SELECT ?a ?b ?c ?d WHERE { ?a ?b ?c FILTER(regex(?c, 'x')) } ORDER BY ?a ?b ?c ?d .",
    # FILTER without brackets where the grammar allows it, and a named expression.
    "SELECT (COUNT(?s) AS ?n) WHERE { ?s ?p ?o FILTER regex(?o, 'x') FILTER EXISTS { ?s ?p ?o } ",
])
def test_right_forms_are_not_named_as_mistakes(query: str) -> None:
    explained = explain_syntax_error(query, _parser_message(query))
    for told in ("four terms", "FILTER takes", "whole number", "needs a name"):
        assert told not in explained


def test_a_bracket_closing_another_names_the_one_left_open_and_where() -> None:
    query = 'SELECT ?m WHERE {\n  ?m <http://e/date> ?d\n  FILTER(?d > "2026-01-01"\n}'
    explained = explain_syntax_error(query, _parser_message(query))
    assert explained.startswith("error at 4:1:")
    assert explained.endswith("(near '}': '(' at 3:9 not closed)")


@pytest.mark.parametrize("query", [
    "SELECT ?x WHERE { ?x ?y }",
    "SELECT ?x WHERE { ?x a <http://e/T> . ?x <http://e/label> }",
])
def test_a_pattern_of_two_terms_is_said_to_need_three(query: str) -> None:
    explained = explain_syntax_error(query, _parser_message(query))
    assert explained.endswith("; a triple pattern needs a subject, a predicate and an object")


def test_keywords_sparql_11_does_not_have_are_not_listed_as_expected() -> None:
    query = "SELECT ?x WHERE { ?x ?y }"
    assert "LATERAL" in _parser_message(query)  # the parser's own list has them
    explained = explain_syntax_error(query, _parser_message(query))
    assert "LATERAL" not in explained and "[_]" not in explained


def test_the_position_of_an_error_is_read_from_its_message() -> None:
    assert error_position("error at 12:7: expected one of ...") == (12, 7)
    assert error_position("the query is empty") is None


def test_an_excerpt_puts_a_caret_under_the_column() -> None:
    query = "SELECT ?s\nWHERE { ?s ?p ?o\n}"
    assert excerpt(query, 2, 7) == "2 | WHERE { ?s ?p ?o\n  |       ^"
    assert excerpt(query, 9, 1) == ""


def test_an_offset_is_counted_from_line_and_column() -> None:
    query = "ab\ncde\nf"
    assert query[offset_of(query, 2, 2)] == "d"
    assert offset_of(query, 3, 99) == len(query)  # clamped to the line's end


def test_a_query_on_the_store_raises_the_explained_error(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    with store.write() as target:
        target.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"),
                           ox.Literal("x")))
    with pytest.raises(QueryError, match="undefined prefix 'ex:'"):
        run_query(store.open(), "SELECT * { ?s a ex:Thing }")


def test_a_subquerys_projection_and_group_list_are_not_four_terms() -> None:
    for query in ("SELECT ?s WHERE { { SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } } }"
                  " FILTER(?o = ) }",
                  "SELECT ?s WHERE { { SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } } "
                  "GROUP BY ?s ?p ?o ?g } FILTER(?o = ) }"):
        assert "four terms" not in explain_syntax_error(query, _parser_message(query))
