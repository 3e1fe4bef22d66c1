"""Names of the closed kg: vocabulary that the ontology does not define are pointed out."""

from __future__ import annotations

import pytest

from kg.namespace import KG_TERMS
from kg.query_terms import unknown_terms


def test_a_misspelt_property_is_named_with_the_closest_defined_term() -> None:
    notes = unknown_terms("SELECT ?m WHERE { ?m kg:issuedBy ?who }")
    assert notes == ["kg:issuedBy is not a term of the kg ontology; did you mean kg:issuer?"]


def test_a_class_written_in_lower_case_suggests_the_class() -> None:
    assert unknown_terms("SELECT ?m WHERE { ?m a kg:measure }") == [
        "kg:measure is not a term of the kg ontology; did you mean kg:Measure?"]


def test_every_defined_term_passes_in_any_spelling_of_its_iri() -> None:
    names = " ".join(f"kg:{term}" for term in KG_TERMS)
    assert unknown_terms(f"SELECT * WHERE {{ VALUES ?t {{ {names} }} }}") == []
    full = "<https://w3id.org/tradekg/ontology#issuer>"
    assert unknown_terms(f"SELECT * WHERE {{ ?m {full} ?x }}") == []


def test_a_query_s_own_prefix_and_full_iris_are_checked_too() -> None:
    query = ("PREFIX k: <https://w3id.org/tradekg/ontology#>\n"
             "SELECT * WHERE { ?m k:Issuer ?x . "
             "?m <https://w3id.org/tradekg/ontology#covered> ?y }")
    assert unknown_terms(query) == [
        "k:Issuer is not a term of the kg ontology; did you mean kg:issuer?",
        "kg:covered is not a term of the kg ontology; did you mean kg:covers?",
    ]


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?m kg:issuer "kg:issuedBy" }',  # a string
    "SELECT * WHERE { ?m kg:issuer ?x } # kg:issuedBy in a comment",
    "SELECT * WHERE { ?m schema:issuedBy ?x }",  # another vocabulary: not ours to judge
    "SELECT * WHERE { ?m ex:issuedBy ?x }",  # an undeclared prefix: the parser says so
    "SELECT ?p WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(kg:))) }",  # the namespace
])
def test_names_outside_the_vocabulary_or_outside_the_syntax_are_left_alone(query: str) -> None:
    assert unknown_terms(query) == []


def test_a_name_far_from_every_term_points_to_the_ontology_file() -> None:
    assert unknown_terms("SELECT * WHERE { ?m kg:xyzzyq ?x }") == [
        "kg:xyzzyq is not a term of the kg ontology (its terms are listed in ontology/kg.ttl)"]


def test_a_term_named_twice_is_noted_once() -> None:
    assert len(unknown_terms("SELECT * WHERE { ?m kg:issuedBy ?x . ?n kg:issuedBy ?y }")) == 1
