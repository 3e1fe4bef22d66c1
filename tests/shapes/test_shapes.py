"""Each SHACL shape fires exactly where it should, in the style of the W3C SHACL test suite.

``invalid/<shape>.trig`` is a small graph laid out as docs/graph-layout.md says, with one
defect; its header names the shape that must fire, the focus node and the severity.  The
test checks that this shape, and no other, reports exactly that focus node, with both
engines.  ``valid/<shape>.trig`` is its twin with the defect fixed (at the boundary where
there is one: a score of exactly 1, a statement of the article's own month): it must give
no result at all, while the shape has that focus node to check.  ``valid/one-article.trig``
and ``valid/two-articles.trig`` are whole graphs with every kind of node, also without any
result.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, SKOS

from kg.namespace import KG, KGSH, SH
from kg.resources import ontology_path
from kg.validate import (
    ENGINES,
    default_shape_files,
    load_shapes,
    read_rdf,
    union_graph,
    validate_file,
    validate_graph,
)

HERE = Path(__file__).resolve().parent
INVALID = sorted((HERE / "invalid").glob("*.trig"))
VALID = sorted((HERE / "valid").glob("*.trig"))
WHOLE = [HERE / "valid" / "one-article.trig", HERE / "valid" / "two-articles.trig"]
TWINS = [p for p in VALID if p not in WHOLE]
_HEADER = re.compile(r"^#\s*(shape|focus|severity):\s*(\S+)", re.MULTILINE)


def expectation(path: Path) -> tuple[str, str, str]:
    """(shape IRI, focus IRI, severity) from a fixture's header (no severity: valid)."""
    fields = dict(_HEADER.findall(path.read_text(encoding="utf-8")))
    shape = fields["shape"]
    assert shape.startswith("kgsh:"), f"{path.name}: shape must be a kgsh: name"
    return (str(KGSH[shape.removeprefix("kgsh:")]), fields["focus"].strip("<>"),
            fields.get("severity", ""))


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load_shapes()


@pytest.fixture(scope="module")
def checking_shapes(shapes: rdflib.Graph) -> dict[str, str]:
    return validate_graph(rdflib.Graph(), shapes).shapes


def test_there_are_fixtures() -> None:
    assert len(INVALID) >= 80 and len(TWINS) == len(INVALID) and len(WHOLE) == 2


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_fires_its_shape_on_its_focus_and_nothing_else(
    path: Path, engine: str, shapes: rdflib.Graph
) -> None:
    shape, focus, severity = expectation(path)
    assert path.stem == shape.rsplit("#", 1)[1], "fixture file is named after its shape"
    report = validate_file(path, shapes, engine=engine)
    assert [(r.shape, r.focus, r.severity) for r in report.results] == [(shape, focus, severity)]
    assert report.conforms == (severity != "Violation")
    assert report.engine == engine


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture_gives_no_result(path: Path, engine: str, shapes: rdflib.Graph) -> None:
    report = validate_file(path, shapes, engine=engine)
    assert report.results == [], report.to_text()
    assert report.conforms


def test_every_shape_has_a_valid_and_an_invalid_fixture(checking_shapes: dict[str, str]) -> None:
    assert {expectation(p)[0] for p in INVALID} == set(checking_shapes)
    assert {p.stem for p in TWINS} == {p.stem for p in INVALID}


@pytest.mark.parametrize("path", TWINS, ids=lambda p: p.stem)
def test_valid_twin_gives_its_shape_its_focus_node_to_check(
    path: Path, shapes: rdflib.Graph
) -> None:
    """The twin's focus node is a focus node of the shape and, for a property shape on a
    plain property without sh:minCount, has a value of it: the check is not vacuous."""
    shape_iri, focus, severity = expectation(path)
    assert severity == "" and path.stem == shape_iri.rsplit("#", 1)[1]
    assert expectation(HERE / "invalid" / path.name)[0] == shape_iri
    shape = rdflib.URIRef(shape_iri)
    graph = union_graph(read_rdf(path))
    node = rdflib.URIRef(focus)
    assert node in _focus_nodes(graph, _targets(shapes, shape))
    prop = shapes.value(shape, SH.path)
    if isinstance(prop, rdflib.URIRef) and shapes.value(shape, SH.minCount) is None:
        assert (node, prop, None) in graph


def _targets(shapes: rdflib.Graph, shape: rdflib.term.Node) -> list[tuple[rdflib.URIRef, object]]:
    """(target predicate, object) of a shape, or of the node shapes that hold it."""
    kinds = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    own = [(k, o) for k in kinds for o in shapes.objects(shape, k)]
    parents = [p for p in shapes.subjects(SH.property, shape)]
    return own + [t for p in parents for t in _targets(shapes, p)]


def _focus_nodes(data: rdflib.Graph, targets: list[tuple[rdflib.URIRef, object]]) -> set:
    nodes: set = set()
    for kind, obj in targets:
        if kind == SH.targetClass:
            nodes |= set(data.subjects(RDF.type, obj))
        elif kind == SH.targetNode:
            nodes.add(obj)
        elif kind == SH.targetSubjectsOf:
            nodes |= set(data.subjects(obj, None))
        else:
            nodes |= set(data.objects(None, obj))
    return nodes


def test_whole_valid_graphs_give_every_shape_something_to_check(
    shapes: rdflib.Graph, checking_shapes: dict[str, str]
) -> None:
    """Every shape has a focus node in one of the whole valid graphs and, for a property
    shape on a plain property, a focus node that has that property."""
    data = [union_graph(read_rdf(p)) for p in WHOLE]
    unchecked = []
    for iri in checking_shapes:
        shape = rdflib.URIRef(iri)
        targets = _targets(shapes, shape)
        path = shapes.value(shape, SH.path)
        exercised = False
        for graph in data:
            focus = _focus_nodes(graph, targets)
            if isinstance(path, rdflib.URIRef) and shapes.value(shape, SH.minCount) is None:
                focus = {f for f in focus if (f, path, None) in graph}
            exercised = exercised or bool(focus)
        if not exercised:
            unchecked.append(iri)
    assert unchecked == []


def test_every_shape_has_a_name_message_and_severity(shapes: rdflib.Graph) -> None:
    named = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape))
    assert len(named) > 80
    for shape in named:
        assert isinstance(shape, rdflib.URIRef) and str(shape).startswith(str(KGSH)), shape
        assert shapes.value(shape, SH.name) is not None, shape
        assert shapes.value(shape, SH.message) is not None, shape
        assert shapes.value(shape, SH.severity) in (SH.Violation, SH.Warning, SH.Info), shape


def test_all_three_severities_are_used(shapes: rdflib.Graph) -> None:
    assert set(shapes.objects(None, SH.severity)) == {SH.Violation, SH.Warning, SH.Info}


def test_shape_names_follow_class_number_property() -> None:
    pattern = re.compile(r"^[A-Z][A-Za-z]+(-\d\d-[A-Za-z-]+)?$")
    for path in default_shape_files():
        graph = rdflib.Graph().parse(path)
        for shape in set(graph.subjects(SH.name, None)):
            local = str(shape).removeprefix(str(KGSH))
            assert pattern.match(local), local


def test_sh_in_lists_are_the_concept_schemes_of_the_ontology(shapes: rdflib.Graph) -> None:
    ontology = rdflib.Graph().parse(ontology_path())
    schemes = {KG.measureType: KG.MeasureTypeScheme, KG.status: KG.MeasureStatusScheme,
               KG.statementKind: KG.StatementKindScheme, KG.category: KG.MaterialCategoryScheme}
    seen = set()
    for shape, values in shapes.subject_objects(SH["in"]):
        path = shapes.value(shape, SH.path)
        if path in schemes:
            concepts = set(ontology.subjects(SKOS.inScheme, schemes[path]))
            assert set(Collection(shapes, values)) == concepts, shape
            seen.add(path)
    assert seen == set(schemes)


@pytest.mark.parametrize("engine", ENGINES)
def test_validation_sees_the_union_of_named_graphs(shapes: rdflib.Graph, engine: str) -> None:
    """A type in the entities graph, a label in another graph and the mention in an article
    graph are seen together: the actor has its label, its kind and its provenance."""
    data = rdflib.Dataset()
    node = rdflib.URIRef("https://w3id.org/tradekg/id/actor/x")
    entities = data.graph(rdflib.URIRef("https://w3id.org/tradekg/graph/entities"))
    entities.add((node, RDF.type, KG.Actor))
    entities.add((node, RDF.type, KG.State))
    data.graph(rdflib.URIRef("https://example.org/g")).add(
        (node, rdflib.RDFS.label, rdflib.Literal("X")))
    article = read_rdf(HERE / "invalid" / "Actor-07-provenance.trig")
    for s, p, o, g in article.quads((None, None, None, None)):
        if "graph/entities" not in str(g):
            data.graph(g).add((s, p, o))
    data.graph(rdflib.URIRef("https://w3id.org/tradekg/id/article/t1")).add(
        (rdflib.URIRef("https://w3id.org/tradekg/id/article/t1"), KG.mentions, node))
    assert validate_graph(data, shapes, engine=engine).results == []
