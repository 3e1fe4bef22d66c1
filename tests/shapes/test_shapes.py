"""Each SHACL shape fires exactly where it should, in the style of the W3C SHACL test suite.

``invalid/<shape>.trig`` is a small graph laid out as docs/graph-layout.md says, with one
defect; its header names the shape that must fire, the focus node and the severity.  The
test checks that this shape, and no other, reports exactly that focus node.
``valid/*.trig`` must give no result at all, and together they must give every shape
something to check.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SKOS

from kg.namespace import KG, KGSH, SH
from kg.resources import ontology_path
from kg.validate import default_shape_files, load_shapes, read_rdf, union_graph, validate_graph

HERE = Path(__file__).resolve().parent
INVALID = sorted((HERE / "invalid").glob("*.trig"))
VALID = sorted((HERE / "valid").glob("*.trig"))
_HEADER = re.compile(r"^#\s*(shape|focus|severity):\s*(\S+)", re.MULTILINE)


def expectation(path: Path) -> tuple[str, str, str]:
    """(shape IRI, focus IRI, severity) from an invalid fixture's header."""
    fields = dict(_HEADER.findall(path.read_text(encoding="utf-8")))
    shape = fields["shape"]
    assert shape.startswith("kgsh:"), f"{path.name}: shape must be a kgsh: name"
    return str(KGSH[shape.removeprefix("kgsh:")]), fields["focus"].strip("<>"), fields["severity"]


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load_shapes()


@pytest.fixture(scope="module")
def checking_shapes(shapes: rdflib.Graph) -> dict[str, str]:
    return validate_graph(rdflib.Graph(), shapes).shapes


def test_there_are_fixtures() -> None:
    assert len(INVALID) >= 50 and len(VALID) >= 2


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_fires_its_shape_on_its_focus_and_nothing_else(
    path: Path, shapes: rdflib.Graph
) -> None:
    shape, focus, severity = expectation(path)
    assert path.stem == shape.rsplit("#", 1)[1], "fixture file is named after its shape"
    report = validate_graph(read_rdf(path), shapes)
    assert [(r.shape, r.focus, r.severity) for r in report.results] == [(shape, focus, severity)]
    assert report.conforms == (severity != "Violation")


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture_gives_no_result(path: Path, shapes: rdflib.Graph) -> None:
    report = validate_graph(read_rdf(path), shapes)
    assert report.results == [], report.to_text()
    assert report.conforms


def test_every_shape_has_an_invalid_fixture(checking_shapes: dict[str, str]) -> None:
    fixtures = {expectation(p)[0] for p in INVALID}
    assert fixtures == set(checking_shapes)


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


def test_valid_fixtures_give_every_shape_something_to_check(
    shapes: rdflib.Graph, checking_shapes: dict[str, str]
) -> None:
    """Every shape has a focus node in some valid fixture and, for a property shape on a
    plain property, a focus node that has that property: a valid case is never vacuous."""
    data = [union_graph(read_rdf(p)) for p in VALID]
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
    assert len(named) > 50
    for shape in named:
        assert isinstance(shape, rdflib.URIRef) and str(shape).startswith(str(KGSH)), shape
        assert shapes.value(shape, SH.name) is not None, shape
        assert shapes.value(shape, SH.message) is not None, shape
        assert shapes.value(shape, SH.severity) in (SH.Violation, SH.Warning, SH.Info), shape


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


def test_validation_sees_the_union_of_named_graphs(shapes: rdflib.Graph) -> None:
    """A label in the entities graph and a mention in an article graph are seen together."""
    data = rdflib.Dataset()
    entities = data.graph(rdflib.URIRef("https://w3id.org/tradekg/graph/entities"))
    node = rdflib.URIRef("https://w3id.org/tradekg/id/actor/x")
    entities.add((node, RDF.type, KG.Actor))
    entities.add((node, RDF.type, KG.State))
    other = data.graph(rdflib.URIRef("https://example.org/g"))
    other.add((node, RDFS.label, rdflib.Literal("X")))
    other.add((rdflib.URIRef("https://example.org/y"), KG.partOf, node))
    assert validate_graph(data, shapes).results == []
