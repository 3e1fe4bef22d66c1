"""Export (byte-stable, every format parses back) and ``kg load`` (idempotent, atomic)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.errors import RdfSyntaxError, UsageError
from kg.export import FORMATS, export
from kg.load import load
from kg.namespace import ONTOLOGY_GRAPH, PREFIXES
from kg.store import Store

TRIG = f"""
@prefix ex: <http://example.org/> .
ex:g1 {{ ex:a ex:p "one" ; ex:q ex:b . }}
ex:g2 {{ ex:b ex:p "two"@en ; ex:n 2 . }}
<{ONTOLOGY_GRAPH}> {{ ex:Class ex:p "vocabulary term" . }}
"""


@pytest.fixture
def store(tmp_path: Path) -> Store:
    source = tmp_path / "data.trig"
    source.write_text(TRIG, encoding="utf-8")
    s = Store(tmp_path / "store")
    load([source], s)
    return s


def exported(store: Store, fmt: str, **options: bool) -> bytes:
    buffer = io.BytesIO()
    export(store, fmt, buffer, **options)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_is_byte_identical_run_twice(store: Store, fmt: str) -> None:
    assert exported(store, fmt) == exported(store, fmt)


@pytest.mark.parametrize(("fmt", "parser"), [("turtle", "turtle"), ("ntriples", "nt"),
                                             ("trig", "trig"), ("nquads", "nquads"),
                                             ("jsonld", "json-ld"), ("rdfxml", "xml")])
def test_every_export_format_parses_back_with_rdflib(store: Store, fmt: str, parser: str) -> None:
    dataset = rdflib.Dataset()
    dataset.parse(data=exported(store, fmt), format=parser)
    assert len(dataset) + sum(len(g) for g in dataset.graphs()) >= 4


def test_triple_formats_merge_graphs_and_leave_the_ontology_out(store: Store) -> None:
    turtle = exported(store, "turtle").decode()
    assert "one" in turtle and "two" in turtle and "vocabulary term" not in turtle
    assert "vocabulary term" in exported(store, "trig", include_ontology=True).decode()


def test_jsonld_export_keeps_named_graphs(store: Store) -> None:
    doc = json.loads(exported(store, "jsonld"))
    text = json.dumps(doc)
    assert "http://example.org/g1" in text and "http://example.org/g2" in text


def test_jsonld_export_has_a_context_and_compact_iris_for_the_same_quads(
        tmp_path: Path) -> None:
    source = tmp_path / "ours.trig"
    source.write_text(f"""
@prefix kg: <{PREFIXES['kg']}> . @prefix actor: <{PREFIXES['actor']}> .
@prefix article: <{PREFIXES['article']}> . @prefix measure: <{PREFIXES['measure']}> .
@prefix rdfs: <{PREFIXES['rdfs']}> . @prefix xsd: <{PREFIXES['xsd']}> .
article:a {{ measure:m a kg:Measure ; kg:issuer actor:china ; kg:date "2026-01-06"^^xsd:date ;
             rdfs:comment "actor:china is no IRI here"@en .
             article:a kg:mentions <http://example.org/outside> . }}
""", encoding="utf-8")
    ours = Store(tmp_path / "store")
    load([source], ours)
    data = exported(ours, "jsonld")
    doc = json.loads(data)
    assert doc["@context"]["actor"] == PREFIXES["actor"]
    [graph] = doc["@graph"]
    assert graph["@id"] == "article:a"
    node = next(n for n in graph["@graph"] if n["@id"] == "measure:m")
    assert node["@type"] == ["kg:Measure"]  # JSON-LD's keyword, not an rdf:type key
    assert "rdf:type" not in node
    assert node["kg:issuer"] == [{"@id": "actor:china"}]
    assert node["kg:date"] == [{"@value": "2026-01-06", "@type": "xsd:date"}]
    assert node["rdfs:comment"] == [{"@value": "actor:china is no IRI here", "@language": "en"}]
    # Both JSON-LD processors here read back exactly the stored quads.
    stored = set(ours.open())
    assert set(ox.parse(data, format=ox.RdfFormat.JSON_LD)) == stored
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format="json-ld")
    assert len(list(dataset.quads((None, None, None, None)))) == len(stored)
    assert "http://example.org/outside" in data.decode()


@pytest.mark.parametrize("fmt", ["turtle", "trig", "jsonld"])
def test_an_export_declares_only_the_prefixes_it_uses(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "ours.trig"
    source.write_text(f"""
@prefix kg: <{PREFIXES['kg']}> . @prefix actor: <{PREFIXES['actor']}> .
@prefix article: <{PREFIXES['article']}> . @prefix xsd: <{PREFIXES['xsd']}> .
article:a {{ actor:china kg:label "China" ; kg:founded "1949"^^xsd:gYear . }}
""", encoding="utf-8")
    ours = Store(tmp_path / "store")
    load([source], ours)
    data = exported(ours, fmt)
    if fmt == "jsonld":
        declared = set(json.loads(data)["@context"])
    else:
        declared = {line.split()[1].rstrip(":") for line in data.decode().splitlines()
                    if line.startswith("@prefix")}
    # kgr: (a namespace around actor: and article:) and the shapes' prefixes are not
    # written; Turtle writes no graph names, so no article: either.
    graphs = set() if fmt == "turtle" else {"article"}
    assert declared == {"kg", "actor", "xsd"} | graphs


def test_a_namespace_iri_itself_uses_no_prefix() -> None:
    from kg.namespace import used_prefixes
    assert used_prefixes([PREFIXES["actor"], PREFIXES["kg"] + "Actor"]) == {"kg": PREFIXES["kg"]}


@pytest.mark.parametrize(("name", "fmt"), [("g.nq", "nquads"), ("g.NT", "ntriples"),
                                           ("g.trig", "trig"), ("g.jsonld", "jsonld"),
                                           ("g.ttl", "turtle"), ("g.txt", "turtle"),
                                           ("g.rdf", "rdfxml")])
def test_an_export_file_extension_names_its_format(name: str, fmt: str) -> None:
    from kg.export import format_for_output
    assert format_for_output(Path(name)) == fmt


def test_an_export_to_an_rdf_format_kg_cannot_write_is_a_usage_error() -> None:
    from kg.export import format_for_output
    with pytest.raises(UsageError, match="cannot write N3"):
        format_for_output(Path("graph.n3"))


def test_unknown_export_format_is_a_usage_error(store: Store) -> None:
    with pytest.raises(UsageError, match="choose one of"):
        exported(store, "csv")


def test_loading_the_same_file_twice_gives_the_same_store(store: Store, tmp_path: Path) -> None:
    before = exported(store, "nquads", include_ontology=True)
    load([tmp_path / "data.trig"], store)
    assert exported(store, "nquads", include_ontology=True) == before


def test_a_named_graph_in_a_file_replaces_that_graph(store: Store, tmp_path: Path) -> None:
    update = tmp_path / "update.trig"
    update.write_text('@prefix ex: <http://example.org/> .\nex:g1 { ex:a ex:p "uno" . }\n')
    load([update], store)
    nquads = exported(store, "nquads").decode()
    assert '"uno"' in nquads and '"one"' not in nquads and '"two"@en' in nquads


def test_plain_triples_go_to_the_graph_given(store: Store, tmp_path: Path) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text('<http://example.org/c> <http://example.org/p> "three" .\n')
    load([extra], store, graph="http://example.org/g3")
    assert '"three" <http://example.org/g3>' in exported(store, "nquads").decode()


def test_a_syntax_error_names_file_line_and_column_and_changes_nothing(
    store: Store, tmp_path: Path
) -> None:
    before = exported(store, "nquads")
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:p "ok" .\nex:b ex:p "open\n')
    with pytest.raises(RdfSyntaxError) as info:
        load([tmp_path / "data.trig", bad], store)
    assert info.value.line == 3 and str(bad) in str(info.value)
    assert exported(store, "nquads") == before


def test_unknown_extension_is_a_usage_error(store: Store, tmp_path: Path) -> None:
    odd = tmp_path / "data.csv"
    odd.write_text("a,b\n")
    with pytest.raises(UsageError, match="unknown RDF file extension"):
        load([odd], store)


def test_loaded_store_holds_exactly_the_file(store: Store) -> None:
    assert len(list(store.open())) == 5
    assert ox.NamedNode("http://example.org/g2") in set(store.open().named_graphs())
