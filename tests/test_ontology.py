"""ontology/kg.ttl: parses, is complete, documented, aligned, and in sync with kg.namespace."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.graph import CATEGORY_CONCEPTS, KIND_CONCEPTS, MEASURE_CONCEPTS, STATUS_CONCEPTS
from kg.namespace import KG, KG_TERMS, NIF, ONTOLOGY_IRI, SCHEMA
from kg.resources import ontology_path

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
