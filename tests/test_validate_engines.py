"""The fast SPARQL engine gives the same results as pySHACL, the reference.

Compared, result by result (shape, focus node, path, value, severity, constraint component
and message): every invalid fixture of tests/shapes, the seeds graph as ``kg build`` makes
it, synthetic graphs with every kind of injected defect, and a shapes graph of SHACL Core
features our shapes do not use (targets of every kind, subclasses, sequence paths, ranges,
lengths, patterns, qualified counts, sh:not/sh:xone/sh:node, SPARQL with $PATH and message
templates), where ill-typed and language-tagged literals and blank nodes meet them.
(Identical results are reported once by both engines.)

One difference is known and kept out of these graphs: inside a SHACL-SPARQL query, rdflib
compares an ill-typed literal (``"abc"^^xsd:integer > 120`` is true for it) where SPARQL, and
Oxigraph, raise a type error and drop the row.  Our own SPARQL constraints read offsets and
dates through ``STR()`` and regular expressions, so they never compare one.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest
import rdflib

from kg.build import BuildReport, build_quads, extract_corpus, read_corpus
from kg.validate import DataGraph, engine_pyshacl, engine_sparql, load_shapes, validate
from kg.validate.compile import Unsupported
from kg.validate.rewrite import rewrite_select
from kg.validate.terms import quiet_rdflib

ROOT = Path(__file__).resolve().parent.parent
INVALID = sorted((ROOT / "tests" / "shapes" / "invalid").glob("*.trig"))


def _bench_module(name: str) -> ModuleType:
    """A bench/ script as a module (bench/ is not a package of the library)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


validation_data = _bench_module("validation_data")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load_shapes()


def results(data: DataGraph, shapes: rdflib.Graph) -> tuple[set[tuple], set[tuple]]:
    """The result keys of each engine (sparql, pyshacl)."""
    with quiet_rdflib():
        fast = {f.key(shapes) for f in engine_sparql.run(data, shapes)}
        reference = {f.key(shapes) for f in engine_pyshacl.run(data, shapes)}
    return fast, reference


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_engines_agree_on_each_invalid_fixture(path: Path, shapes: rdflib.Graph) -> None:
    fast, reference = results(DataGraph.from_files([path]), shapes)
    assert fast == reference and len(fast) == 1


def test_engines_agree_on_the_seeds_graph(shapes: rdflib.Graph) -> None:
    report = BuildReport()
    quads = build_quads(extract_corpus(read_corpus([ROOT / "seeds"], report), report))
    fast, reference = results(DataGraph.from_quads(quads), shapes)
    assert fast == reference and fast  # the seeds give a few notes (infos)


@pytest.mark.parametrize("seed", [1, 2])
def test_engines_agree_on_synthetic_graphs_with_every_kind_of_defect(
    seed: int, shapes: rdflib.Graph
) -> None:
    data = validation_data.synthetic(20, seed=seed)
    broken = validation_data.inject_defects(
        data, 2 * len(validation_data.DEFECTS), random.Random(seed))
    fast, reference = results(DataGraph.from_quads(data.quads), shapes)
    assert fast == reference
    focus_nodes = {key[1] for key in fast}
    assert {node for _, node in broken} <= focus_nodes  # every defect was found


CORE_SHAPES = """
@prefix sh:   <http://www.w3.org/ns/shacl#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix ex:   <https://example.org/> .

ex:PersonShape a sh:NodeShape ;
    sh:targetClass ex:Person ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 2 ; sh:datatype xsd:string ;
                  sh:minLength 2 ; sh:maxLength 10 ; sh:pattern "^[A-Z]" ] ,
        [ sh:path ex:age ; sh:maxCount 1 ; sh:datatype xsd:integer ; sh:minInclusive 0 ;
          sh:maxExclusive 150 ] ,
        [ sh:path ex:born ; sh:datatype xsd:date ; sh:lessThan ex:died ] ,
        [ sh:path ex:height ; sh:lessThanOrEquals ex:maxHeight ] ,
        [ sh:path ex:knows ; sh:class ex:Person ; sh:nodeKind sh:IRI ] ,
        [ sh:path ( ex:knows ex:name ) ; sh:maxCount 3 ] ,
        [ sh:path [ sh:inversePath ex:knows ] ; sh:minCount 1 ] ,
        [ sh:path [ sh:oneOrMorePath ex:parent ] ; sh:class ex:Person ] ,
        [ sh:path ex:role ; sh:in ( "admin" "user" ) ] ,
        [ sh:path ex:pet ; sh:qualifiedValueShape [ sh:class ex:Dog ] ;
          sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ] ,
        [ sh:path ex:score ; sh:or ( [ sh:datatype xsd:integer ] [ sh:datatype xsd:decimal ] ) ;
          sh:not [ sh:minInclusive 100 ] ] ,
        [ sh:path ex:tag ; sh:xone ( [ sh:nodeKind sh:IRI ] [ sh:datatype xsd:string ] ) ] ,
        [ sh:path ex:friend ; sh:node ex:Named ] ,
        [ sh:path ex:flag ; sh:datatype xsd:boolean ] ,
        [ sh:path ex:label ; sh:datatype <http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> ] .

ex:Named a sh:NodeShape ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:nodeKind sh:Literal ] .

ex:Alice a sh:NodeShape ; sh:targetNode ex:alice ; sh:class ex:Employee ;
    sh:severity sh:Warning ; sh:message "alice is an employee" .
ex:Managers a sh:NodeShape ; sh:targetSubjectsOf ex:manages ; sh:class ex:Person .
ex:Managed a sh:NodeShape ; sh:targetObjectsOf ex:manages ; sh:nodeKind sh:IRI ;
    sh:severity sh:Info .
ex:Old a sh:PropertyShape ; sh:targetClass ex:Person ; sh:path ex:years ;
    sh:message "{$this} claims to be {?value}" ;
    sh:sparql [ sh:select '''SELECT $this ?value WHERE {
        $this $PATH ?value . FILTER (?value > 120) }''' ] .
ex:Lonely a sh:NodeShape ; sh:targetClass ex:Person ;
    sh:sparql [ sh:message "knows nobody" ;
        sh:select '''SELECT ?failure WHERE {
            FILTER NOT EXISTS { $this <https://example.org/knows> ?x } BIND (false AS ?failure) }'''
    ] .
"""

CORE_DATA = """
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex:   <https://example.org/> .

ex:Student rdfs:subClassOf ex:Person .
ex:alice a ex:Student ; ex:name "Alice", "A", "alice", "Alexandrina-Maria" ;
    ex:age "abc"^^xsd:integer ; ex:born "2026-02-30"^^xsd:date ; ex:died "2020-01-01"^^xsd:date ;
    ex:height 180 ; ex:maxHeight 170 ;
    ex:knows ex:bob, "carol", _:dave ; ex:role "admin", "root" ; ex:pet ex:rex, ex:tom ;
    ex:score 99, 100, "high" ; ex:tag ex:t, "t", 3 ; ex:friend ex:bob, ex:eve ;
    ex:flag "yes"^^xsd:boolean, true ; ex:label "Alice"@en, "Alice" ; ex:manages ex:bob, "x" .
ex:bob a ex:Person ; ex:name "Bob"@en ; ex:age 130 ; ex:years 130 ; ex:parent ex:zed ;
    ex:knows ex:alice ;
    ex:born "1990-05-01"^^xsd:date ; ex:died "2080-01-01"^^xsd:date ; ex:score 5.5 .
ex:zed ex:parent ex:bob .
ex:rex a ex:Dog . ex:tom a ex:Dog .
ex:eve ex:age 20 .
_:dave a ex:Person ; ex:name "Dave" .
"""


def test_engines_agree_on_shacl_core_features_beyond_ours(tmp_path: Path) -> None:
    shapes_file = tmp_path / "core.ttl"
    shapes_file.write_text(CORE_SHAPES, encoding="utf-8")
    data_file = tmp_path / "data.ttl"
    data_file.write_text(CORE_DATA, encoding="utf-8")
    shapes = load_shapes([shapes_file])
    fast, reference = results(DataGraph.from_files([data_file]), shapes)
    assert fast == reference
    assert len(fast) > 25
    components = {key[5].rsplit("#", 1)[1] for key in fast}
    assert {"DatatypeConstraintComponent", "LessThanConstraintComponent",
            "QualifiedMaxCountConstraintComponent", "XoneConstraintComponent",
            "NodeConstraintComponent", "SPARQLConstraintComponent",
            "MinInclusiveConstraintComponent", "PatternConstraintComponent"} <= components


def test_shapes_outside_the_sparql_subset_are_validated_by_pyshacl(tmp_path: Path) -> None:
    shapes_file = tmp_path / "closed.ttl"
    shapes_file.write_text("""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <https://example.org/> .
        ex:Closed a sh:NodeShape ; sh:targetClass ex:Person ; sh:closed true ;
            sh:property [ sh:path ex:name ] .
    """, encoding="utf-8")
    data_file = tmp_path / "data.ttl"
    data_file.write_text(CORE_DATA, encoding="utf-8")
    shapes = load_shapes([shapes_file])
    data = DataGraph.from_files([data_file])
    with pytest.raises(Unsupported):
        engine_sparql.run(data, shapes)
    report = validate(data, shapes)
    assert report.engine.startswith("pyshacl (the sparql engine does not support")
    assert "closed" in report.engine and report.results


# -- SHACL-SPARQL queries joined to their focus nodes ----------------------------------------


def test_rewrite_adds_the_focus_pattern_first_and_projects_this() -> None:
    query, projects = rewrite_select(
        "SELECT ?value WHERE { $this ex:p ?value . FILTER (?value != '{x}') }",
        {"ex": "https://example.org/"}, "?this a <https://example.org/C> .", None)
    assert not projects
    assert query.startswith("PREFIX ex: <https://example.org/>\nSELECT ?this ?value WHERE {")
    assert "WHERE { { ?this a <https://example.org/C> . }  $this ex:p ?value" in query
    assert query.rstrip().endswith("FILTER (?value != '{x}') }")


def test_rewrite_replaces_path_and_leaves_strings_and_iris_alone() -> None:
    query, projects = rewrite_select(
        'SELECT $this ?value WHERE { $this $PATH ?value FILTER (?value != "}{") }',
        {}, "?this a <urn:C> .", "<urn:p>/<urn:q>")
    assert projects and "$this <urn:p>/<urn:q> ?value" in query
    assert '"}{"' in query


@pytest.mark.parametrize("select", [
    "SELECT $this WHERE { $this <urn:p> ?x MINUS { $this <urn:q> ?x } }",
    "SELECT $this WHERE { VALUES ?x { 1 } }",
    "SELECT (COUNT(?x) AS ?n) WHERE { $this <urn:p> ?x }",
    "SELECT $this WHERE { $this <urn:p> $shapesGraph }",
    "ASK { $this <urn:p> ?x }",
])
def test_rewrite_refuses_queries_whose_meaning_would_change(select: str) -> None:
    with pytest.raises(Unsupported):
        rewrite_select(select, {}, "?this a <urn:C> .", None)


def test_aggregates_grouped_by_this_are_kept() -> None:
    query, _ = rewrite_select(
        "SELECT $this (COUNT(?x) AS ?n) WHERE { $this <urn:p> ?x } GROUP BY $this HAVING (?n > 1)",
        {}, "?this a <urn:C> .", None)
    assert "GROUP BY $this" in query
    assert "{ { SELECT DISTINCT ?this WHERE { ?this a <urn:C> . } }" in query
