"""The columns of a SELECT * answer come in the order the query mentions its variables."""

from __future__ import annotations

from kg.sparql_text import in_order_of_appearance


def test_select_star_columns_follow_the_query_not_the_alphabet() -> None:
    query = "SELECT * WHERE { ?zeta <http://e/p> ?alpha . ?alpha <http://e/q> ?mid }"
    assert in_order_of_appearance(query, ["alpha", "mid", "zeta"]) == ["zeta", "alpha", "mid"]


def test_distinct_star_and_dollar_variables_are_read_too() -> None:
    query = "select distinct * { $b ?p ?a }"
    assert in_order_of_appearance(query, ["a", "b", "p"]) == ["b", "p", "a"]


def test_an_explicit_projection_keeps_the_order_it_was_given() -> None:
    query = "SELECT ?b ?a WHERE { ?a ?p ?b }"
    assert in_order_of_appearance(query, ["b", "a"]) == ["b", "a"]


def test_a_variable_the_query_never_names_goes_last() -> None:
    query = "SELECT * WHERE { ?s ?p ?o }"
    assert in_order_of_appearance(query, ["extra", "o", "s"]) == ["s", "o", "extra"]


def test_a_variable_in_a_comment_or_string_is_not_a_mention() -> None:
    query = 'SELECT * WHERE { # ?late first\n ?early ?p "?late" . ?x ?q ?late }'
    assert in_order_of_appearance(query, ["early", "late", "p", "q", "x"]) == \
        ["early", "p", "x", "q", "late"]
