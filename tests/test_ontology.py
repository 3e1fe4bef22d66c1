"""ontology/kg.ttl: parses, is complete, documented, aligned, passes an OWL/RDFS sanity check,
and agrees with kg.namespace and with the SHACL shapes."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.graph import CATEGORY_CONCEPTS, KIND_CONCEPTS, MEASURE_CONCEPTS, STATUS_CONCEPTS
from kg.namespace import KG, KG_TERMS, NIF, ONTOLOGY_IRI, PREFIXES, SCHEMA, SH
from kg.resources import ontology_path
from kg.validate import load_shapes

ONTOLOGY = rdflib.URIRef(ONTOLOGY_IRI)
ACTOR_SUBCLASSES = ["Person", "State", "GovernmentBody", "Company", "MediaOutlet", "Organization"]
SCHEMES = {
    "MeasureTypeScheme": ["ExportBan", "ExportControl", "LicensingRestriction", "ImportBan",
                          "TravelAdvisory", "DiplomaticProtest", "DefenceBudget", "MilitaryDrill",
                          "OtherMeasure"],
    "MeasureStatusScheme": ["Announced", "InForce", "Reported", "UnderConsideration",
                            "Historical"],
    "StatementKindScheme": ["DirectQuote", "ReportedSpeech"],
    "MaterialCategoryScheme": ["RareEarthElement", "RareEarthProduct", "Semiconductor",
                               "Component", "Technology", "OtherMaterial"],
}


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_path(), format="turtle")


def kg_subjects(graph: rdflib.Graph, rdf_type: rdflib.URIRef) -> set[rdflib.URIRef]:
    return {s for s in graph.subjects(RDF.type, rdf_type)
            if isinstance(s, rdflib.URIRef) and str(s).startswith(str(KG))}


def english(graph: rdflib.Graph, subject: rdflib.URIRef, prop: rdflib.URIRef) -> list[str]:
    return [str(o) for o in graph.objects(subject, prop)
            if isinstance(o, rdflib.Literal) and o.language == "en" and str(o).strip()]


def test_ontology_parses_with_pyoxigraph_as_the_build_loads_it() -> None:
    triples = list(ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE))
    assert len(triples) > 300


def test_header_is_complete(onto: rdflib.Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert english(onto, ONTOLOGY, DCTERMS.title)
    assert english(onto, ONTOLOGY, DCTERMS.description)
    assert onto.value(ONTOLOGY, OWL.versionInfo) == rdflib.Literal("0.1.0")
    assert onto.value(ONTOLOGY, OWL.versionIRI) == rdflib.URIRef(ONTOLOGY_IRI + "/0.1.0")
    assert onto.value(ONTOLOGY, DCTERMS.license) == rdflib.URIRef(
        "https://opensource.org/licenses/MIT")
    assert onto.value(ONTOLOGY, DCTERMS.creator) == rdflib.Literal("kg contributors")
    created = onto.value(ONTOLOGY, DCTERMS.created)
    assert isinstance(created, rdflib.Literal) and created.datatype == rdflib.XSD.date


def test_prefix_kg_is_declared_for_the_vocabulary() -> None:
    text = ontology_path().read_text(encoding="utf-8")
    assert f"@prefix kg:      <{KG}> ." in text


def test_every_kg_term_is_defined_in_the_ontology(onto: rdflib.Graph) -> None:
    defined = {str(s) for s in onto.subjects(RDF.type, None)}
    missing = [t for t in KG_TERMS if str(KG[t]) not in defined]
    assert missing == []


def test_every_term_the_ontology_defines_is_in_kg_terms(onto: rdflib.Graph) -> None:
    defined = {str(s).removeprefix(str(KG)) for s in onto.subjects(RDF.type, None)
               if str(s).startswith(str(KG))}
    assert defined - set(KG_TERMS) == set()
    assert len(KG_TERMS) == len(set(KG_TERMS))


def test_every_term_has_an_english_label_and_comment(onto: rdflib.Graph) -> None:
    for term in KG_TERMS:
        assert len(english(onto, KG[term], RDFS.label)) == 1, term
        assert len(english(onto, KG[term], RDFS.comment)) == 1, term


def test_classes_and_properties_are_declared_as_such(onto: rdflib.Graph) -> None:
    classes = kg_subjects(onto, OWL.Class)
    for name in ["Actor", "Statement", "Measure", "Material", "Source", "Article", "Evidence",
                 "NumericClaim", "Disagreement", "CandidateLink", *ACTOR_SUBCLASSES]:
        assert KG[name] in classes, name
    properties = kg_subjects(onto, OWL.ObjectProperty) | kg_subjects(onto, OWL.DatatypeProperty)
    assert kg_subjects(onto, OWL.ObjectProperty) & kg_subjects(onto, OWL.DatatypeProperty) == set()
    concepts = kg_subjects(onto, SKOS.Concept) | kg_subjects(onto, SKOS.ConceptScheme)
    assert classes | properties | concepts == {KG[t] for t in KG_TERMS}


def _members(graph: rdflib.Graph, node: rdflib.term.Node) -> set[rdflib.term.Node]:
    """A class or datatype, or the members of its owl:unionOf."""
    union = graph.value(node, OWL.unionOf)
    return set(Collection(graph, union)) if union is not None else {node}


def test_every_property_has_a_domain_and_a_fitting_range(onto: rdflib.Graph) -> None:
    for prop in kg_subjects(onto, OWL.ObjectProperty):
        assert onto.value(prop, RDFS.domain) is not None, prop
        ranges = _members(onto, onto.value(prop, RDFS.range))
        assert ranges and not any(str(r).startswith(str(rdflib.XSD)) for r in ranges), prop
    for prop in kg_subjects(onto, OWL.DatatypeProperty):
        assert onto.value(prop, RDFS.domain) is not None, prop
        ranges = _members(onto, onto.value(prop, RDFS.range))
        assert ranges and all(str(r).startswith(str(rdflib.XSD)) for r in ranges), prop


def test_ranges_of_literal_properties_are_as_the_interface_says(onto: rdflib.Graph) -> None:
    date_range = onto.value(KG.date, RDFS.range)
    assert (date_range, RDF.type, RDFS.Datatype) in onto
    assert _members(onto, date_range) == {rdflib.XSD.date, rdflib.XSD.gYearMonth, rdflib.XSD.gYear}
    assert onto.value(KG.quote, RDFS.range) == rdflib.XSD.string
    assert onto.value(KG.role, RDFS.range) == rdflib.XSD.string
    assert onto.value(KG.unit, RDFS.range) == rdflib.XSD.string
    assert onto.value(KG.value, RDFS.range) == rdflib.XSD.decimal
    assert onto.value(KG.negated, RDFS.range) == rdflib.XSD.boolean


def test_ranges_of_links_are_as_the_interface_says(onto: rdflib.Graph) -> None:
    for prop, expected in [(KG.speaker, KG.Actor), (KG.issuer, KG.Actor), (KG.target, KG.Actor),
                           (KG.via, KG.Actor), (KG.covers, KG.Material), (KG.cites, KG.Source),
                           (KG.evidence, KG.Evidence), (KG.affiliation, KG.Actor),
                           (KG.partOf, KG.Actor)]:
        assert onto.value(prop, RDFS.range) == expected, prop
    assert _members(onto, onto.value(KG.mentions, RDFS.range)) == {
        KG.Actor, KG.Material, KG.Measure}
    for prop in (KG.measureType, KG.status, KG.statementKind, KG.category):
        assert onto.value(prop, RDFS.range) == SKOS.Concept, prop


def test_class_hierarchy_is_as_the_interface_says(onto: rdflib.Graph) -> None:
    for name in ACTOR_SUBCLASSES:
        assert (KG[name], RDFS.subClassOf, KG.Actor) in onto, name
    assert (KG.Article, RDFS.subClassOf, KG.Source) in onto
    assert (KG.NumericClaim, RDFS.subClassOf, KG.Statement) in onto
    assert (KG.MediaOutlet, RDFS.subClassOf, KG.Source) in onto


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_concept_schemes_are_complete(onto: rdflib.Graph, scheme: str) -> None:
    node = KG[scheme]
    assert (node, RDF.type, SKOS.ConceptScheme) in onto
    assert english(onto, node, SKOS.prefLabel) and english(onto, node, SKOS.definition)
    members = set(onto.subjects(SKOS.inScheme, node))
    assert members == {KG[c] for c in SCHEMES[scheme]}
    assert set(onto.objects(node, SKOS.hasTopConcept)) == members
    for concept in members:
        assert (concept, RDF.type, SKOS.Concept) in onto, concept
        assert len(english(onto, concept, SKOS.prefLabel)) == 1, concept
        assert len(english(onto, concept, SKOS.definition)) == 1, concept


def test_builder_uses_only_concepts_of_the_right_scheme(onto: rdflib.Graph) -> None:
    for mapping, scheme in [(MEASURE_CONCEPTS, KG.MeasureTypeScheme),
                            (STATUS_CONCEPTS, KG.MeasureStatusScheme),
                            (KIND_CONCEPTS, KG.StatementKindScheme),
                            (CATEGORY_CONCEPTS, KG.MaterialCategoryScheme)]:
        members = set(onto.subjects(SKOS.inScheme, scheme))
        assert {rdflib.URIRef(str(c)) for c in mapping.values()} == members, scheme


@pytest.mark.parametrize(("sub", "sup"), [
    (KG.Actor, PROV.Agent),
    (KG.Person, SCHEMA.Person),
    (KG.Person, PROV.Person),
    (KG.Organization, SCHEMA.Organization),
    (KG.GovernmentBody, SCHEMA.GovernmentOrganization),
    (KG.Company, SCHEMA.Corporation),
    (KG.MediaOutlet, SCHEMA.NewsMediaOrganization),
    (KG.Article, SCHEMA.NewsArticle),
    (KG.Article, NIF.Context),
    (KG.Statement, PROV.Entity),
    (KG.Source, PROV.Entity),
    (KG.Measure, PROV.Entity),
    (KG.Evidence, NIF.String),
    (KG.Evidence, NIF.RFC5147String),
])
def test_classes_are_aligned(onto: rdflib.Graph, sub: rdflib.URIRef, sup: rdflib.URIRef) -> None:
    assert (sub, RDFS.subClassOf, rdflib.URIRef(str(sup))) in onto


@pytest.mark.parametrize(("sub", "sup"), [
    (KG.speaker, PROV.wasAttributedTo),
    (KG.issuer, PROV.wasAttributedTo),
    (KG.mentions, SCHEMA.mentions),
    (KG.about, SCHEMA.about),
    (KG.date, DCTERMS.date),
    (KG.cites, DCTERMS.references),
    (KG.measureType, DCTERMS.type),
])
def test_properties_are_aligned(onto: rdflib.Graph, sub: rdflib.URIRef, sup: rdflib.URIRef) -> None:
    assert (sub, RDFS.subPropertyOf, rdflib.URIRef(str(sup))) in onto


# -- OWL/RDFS sanity: every term used is defined, labelled and commented -------------------

_LANGUAGE = (str(RDF), str(RDFS), str(OWL), str(rdflib.XSD), str(SKOS))
"""The modelling vocabularies themselves: RDF, RDFS, OWL, XSD datatypes, SKOS structure."""
_DECLARED_KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                   RDF.Property, SKOS.Concept, SKOS.ConceptScheme, RDFS.Datatype}
_REFERENCES = {RDFS.seeAlso, RDFS.isDefinedBy, DCTERMS.license, OWL.versionIRI}
"""Predicates whose objects are documents pointed to, not terms used."""


def declared_terms(onto: rdflib.Graph) -> set[rdflib.URIRef]:
    return {s for kind in _DECLARED_KINDS for s in onto.subjects(RDF.type, kind)
            if isinstance(s, rdflib.URIRef)}


def test_every_term_used_in_the_ontology_is_defined_in_it(onto: rdflib.Graph) -> None:
    """Subjects and objects of the axioms are declared here (kg: terms and the terms of other
    vocabularies kg uses alike); only the modelling vocabularies are taken as given."""
    declared = declared_terms(onto) | {ONTOLOGY}
    used = {t for s, p, o in onto if p not in _REFERENCES for t in (s, o)
            if isinstance(t, rdflib.URIRef)}
    undefined = sorted(str(t) for t in used - declared if not str(t).startswith(_LANGUAGE))
    assert undefined == []


def test_every_declared_term_is_labelled_and_commented(onto: rdflib.Graph) -> None:
    for term in declared_terms(onto):
        if str(term).startswith(_LANGUAGE):
            continue
        assert len(english(onto, term, RDFS.label)) == 1, term
        assert len(english(onto, term, RDFS.comment)) == 1, term
        if not str(term).startswith(str(KG)):
            assert onto.value(term, RDFS.isDefinedBy) is not None, term


def test_no_term_is_both_a_class_and_a_property(onto: rdflib.Graph) -> None:
    classes = set(onto.subjects(RDF.type, OWL.Class))
    properties = {s for kind in (OWL.ObjectProperty, OWL.DatatypeProperty,
                                 OWL.AnnotationProperty, RDF.Property)
                  for s in onto.subjects(RDF.type, kind)}
    assert classes & properties == set()


def test_class_and_property_hierarchies_have_no_cycle(onto: rdflib.Graph) -> None:
    for relation in (RDFS.subClassOf, RDFS.subPropertyOf):
        for term in set(onto.subjects(relation, None)):
            above = set(onto.transitive_objects(term, relation)) - {term}
            assert term not in {o for a in above for o in onto.objects(a, relation)}, term


def test_domains_and_ranges_are_classes_or_datatypes(onto: rdflib.Graph) -> None:
    classes = set(onto.subjects(RDF.type, OWL.Class)) | {SKOS.Concept}
    for prop in kg_subjects(onto, OWL.ObjectProperty):
        for axis in (RDFS.domain, RDFS.range):
            assert _members(onto, onto.value(prop, axis)) <= classes, (prop, axis)
    for prop in kg_subjects(onto, OWL.DatatypeProperty):
        assert _members(onto, onto.value(prop, RDFS.domain)) <= classes, prop


# -- the shapes and the ontology agree ---------------------------------------------------

_PREFIXED = re.compile(r"(?<![\w<])(kg|nif|prov|dcterms|skos|rdfs|rdf|schema):([A-Za-z]\w*)")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load_shapes()


def _path_properties(shapes: rdflib.Graph, path: rdflib.term.Node) -> set[rdflib.URIRef]:
    if isinstance(path, rdflib.URIRef):
        return {path}
    found: set[rdflib.URIRef] = set()
    for _, _, inner in shapes.triples((path, None, None)):
        if inner != RDF.nil:
            found |= _path_properties(shapes, inner)
    return found


def constrained_properties(shapes: rdflib.Graph) -> set[rdflib.URIRef]:
    """Every property the shapes name: paths (inside inverse and alternative paths too),
    property pairs, targets, and the prefixed names of their SPARQL queries."""
    found: set[rdflib.URIRef] = set()
    for path in shapes.objects(None, SH.path):
        found |= _path_properties(shapes, path)
    for param in (SH.lessThan, SH.lessThanOrEquals, SH.targetSubjectsOf, SH.targetObjectsOf):
        found |= {o for o in shapes.objects(None, param) if isinstance(o, rdflib.URIRef)}
    for query in shapes.objects(None, SH.select):
        for prefix, local in _PREFIXED.findall(str(query)):
            term = rdflib.URIRef(PREFIXES[prefix] + local)
            if local[0].islower():
                found.add(term)
    return found


def test_every_property_the_shapes_constrain_is_defined_in_the_ontology(
    onto: rdflib.Graph, shapes: rdflib.Graph
) -> None:
    properties = constrained_properties(shapes)
    assert KG.speaker in properties and NIF.anchorOf in properties and DCTERMS.date in properties
    missing = sorted(str(p) for p in properties - declared_terms(onto)
                     if not str(p).startswith((str(RDF), str(RDFS))))
    assert missing == []


def test_every_class_the_shapes_name_is_a_class_of_the_ontology(
    onto: rdflib.Graph, shapes: rdflib.Graph
) -> None:
    named = set(shapes.objects(None, SH["class"])) | set(shapes.objects(None, SH.targetClass))
    for query in shapes.objects(None, SH.select):
        named |= {rdflib.URIRef(PREFIXES[p] + local) for p, local in _PREFIXED.findall(str(query))
                  if local[0].isupper() and p == "kg"}
    assert named - set(onto.subjects(RDF.type, OWL.Class)) == set()


def test_every_class_of_the_ontology_has_a_shape(onto: rdflib.Graph, shapes: rdflib.Graph) -> None:
    targeted = set(shapes.objects(None, SH.targetClass))
    assert kg_subjects(onto, OWL.Class) - targeted == set()


def test_every_sh_in_value_is_a_concept_or_class_of_the_ontology(
    onto: rdflib.Graph, shapes: rdflib.Graph
) -> None:
    terms = set(onto.subjects(RDF.type, SKOS.Concept)) | set(onto.subjects(RDF.type, OWL.Class))
    for values in shapes.objects(None, SH["in"]):
        assert set(Collection(shapes, values)) <= terms
