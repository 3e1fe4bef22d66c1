"""Every IRI that ``kg`` mints or uses, and the functions that mint them.

This is the only module in which IRIs are written out.  Everything else imports the
namespaces and minting functions from here, so a change of base IRI is a one-line change
and a typo in a vocabulary term fails loudly (``KG`` is a closed namespace).

IRIs are deterministic: the same input always yields the same IRIs, because they are made
from canonical names and text offsets, never from counters or random numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, ClosedNamespace

BASE = "https://w3id.org/tradekg/"
"""Base of everything ``kg`` mints: the vocabulary, shapes, entities and graphs."""

ONTOLOGY_IRI = BASE + "ontology"
ID_BASE = BASE + "id/"

KG_TERMS = [
    # classes
    "Actor", "Person", "State", "GovernmentBody", "Company", "MediaOutlet", "Organization",
    "Statement", "NumericClaim", "Measure", "Material", "Source", "Article", "Evidence",
    "Disagreement", "CandidateLink",
    # concept schemes and concepts
    "MeasureTypeScheme", "MeasureStatusScheme", "StatementKindScheme", "MaterialCategoryScheme",
    "ExportBan", "ExportControl", "LicensingRestriction", "ImportBan", "TravelAdvisory",
    "DiplomaticProtest", "DefenceBudget", "MilitaryDrill", "OtherMeasure",
    "Announced", "InForce", "Reported", "UnderConsideration", "Historical",
    "DirectQuote", "ReportedSpeech",
    "RareEarthElement", "RareEarthProduct", "Semiconductor", "Component", "Technology",
    "OtherMaterial",
    # properties
    "mentions", "cites", "speaker", "quote", "statementKind", "date", "via", "about", "value",
    "valueMax", "unit", "qualifier", "negated", "measureType", "issuer", "target", "covers",
    "status", "evidence", "role", "affiliation", "partOf", "category", "sentence",
    "conflictingAssertion", "disagreementAbout", "candidateFor", "candidateOf", "score",
    "modelScore",
]

KG = ClosedNamespace(BASE + "ontology#", KG_TERMS)
"""The ``kg:`` vocabulary (ontology/kg.ttl)."""

KGSH = Namespace(BASE + "shapes#")
"""SHACL shapes (shapes/*.ttl)."""

KGR = Namespace(ID_BASE)
"""Instances minted by ``kg``: actors, measures, materials, articles, statements."""

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
CC = Namespace("http://creativecommons.org/ns#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
"""W3C unique IRIs for file formats (used as ``sd:resultFormat`` values)."""
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")
"""W3C entailment regimes (``sd:defaultEntailmentRegime``)."""

ENTITIES_GRAPH = BASE + "graph/entities"
"""Named graph holding what is true across articles: entity types, labels, aliases."""

DISAGREEMENTS_GRAPH = BASE + "graph/disagreements"
"""Named graph holding kg:Disagreement nodes: where articles differ about the same fact."""

ONTOLOGY_GRAPH = BASE + "graph/ontology"
"""Named graph holding ontology/kg.ttl, so queries can read labels of concepts."""

def is_built_graph(name: str) -> bool:
    """Whether a graph of that name is one ``kg build`` makes (an article's, the entities',
    the disagreements', the ontology's) rather than one loaded by ``kg load``."""
    return name in (ENTITIES_GRAPH, DISAGREEMENTS_GRAPH, ONTOLOGY_GRAPH) or \
        is_article_graph(name)


def is_article_graph(name: str) -> bool:
    """Whether a graph of that name is an article's (its IRI is the article's)."""
    return name.startswith(f"{ID_BASE}article/")


PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "kgr": str(KGR),
    # one prefix per kind of minted node, so that exports read "actor:china", never the
    # valid but opaque "kgr:actor\/china" (a "/" in a local name must be escaped)
    "actor": str(KGR) + "actor/",
    "article": str(KGR) + "article/",
    "material": str(KGR) + "material/",
    "measure": str(KGR) + "measure/",
    "disagreement": str(KGR) + "disagreement/",
    # the graphs a build makes besides the articles': graph:entities, graph:disagreements,
    # graph:ontology (GRAPH graph:entities { ... } reads what the corpus resolved)
    "graph": BASE + "graph/",
    "kgsh": str(KGSH),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "nif": str(NIF),
    "sh": str(SH),
}
"""Prefixes used in exports, in SPARQL queries run by ``kg`` and on the query page."""


_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: len(item[1]), reverse=True)
"""Longest namespace first, so ``actor:`` wins over ``kgr:``, a prefix of the same IRI."""


def compact(iri: str) -> str:
    """``actor:japan`` for an IRI under a namespace of :data:`PREFIXES`, else the IRI itself."""
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def used_prefixes(iris: Iterable[str]) -> dict[str, str]:
    """The entries of :data:`PREFIXES` that :func:`compact` would use for ``iris``, in the
    order of :data:`PREFIXES`: an export declares only the prefixes it writes."""
    used: set[str] = set()
    heads: set[str] = set()
    for iri in iris:
        # Every namespace ends with / or #, so the IRI's head (up to its last / or #)
        # decides which one compacts it: test each head once, not every IRI against every
        # namespace. An IRI that is all head (a namespace itself) compacts to nothing.
        head = iri[: max(iri.rfind("/"), iri.rfind("#")) + 1]
        if head in heads or len(head) == len(iri):
            continue
        heads.add(head)
        for prefix, namespace in _BY_LENGTH:
            if head.startswith(namespace):
                used.add(prefix)
                break
    return {prefix: namespace for prefix, namespace in PREFIXES.items() if prefix in used}


def sparql_prefixes() -> str:
    """Return ``PREFIX`` lines for every prefix in :data:`PREFIXES`."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Turn a name into an IRI-safe, lower-case slug (``"He Ya-dong"`` -> ``"he-ya-dong"``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG_DROP.sub("-", ascii_text.lower()).strip("-")
    return slug or "x"


def article_iri(identifier: str) -> str:
    """IRI of an article (and of its named graph), from its file name."""
    stem = identifier.rsplit(".", 1)[0] if identifier.endswith(".txt") else identifier
    return f"{ID_BASE}article/{_safe_segment(stem)}"


def actor_iri(canonical_name: str) -> str:
    """IRI of an actor from its canonical English name."""
    return f"{ID_BASE}actor/{slugify(canonical_name)}"


def local_actor_iri(identifier: str, description: str) -> str:
    """IRI of an actor known only inside one article (an unnamed source such as "unnamed
    officials"): a node of that article, since another article's are other people."""
    return f"{article_iri(identifier)}/actor/{slugify(description)}"


def material_iri(canonical_name: str) -> str:
    """IRI of a material from its canonical English name."""
    return f"{ID_BASE}material/{slugify(canonical_name)}"


def measure_iri(key: str) -> str:
    """IRI of a real-world measure from its resolution key (see :mod:`kg.resolve`)."""
    return f"{ID_BASE}measure/{slugify(key)}"


def statement_iri(identifier: str, begin: int, end: int) -> str:
    """IRI of a statement: the article it is in and the offsets of its quote."""
    return f"{article_iri(identifier)}/statement/{begin}-{end}"


def evidence_iri(identifier: str, begin: int, end: int) -> str:
    """IRI of an evidence span (a NIF string) inside an article."""
    return f"{article_iri(identifier)}#char={begin},{end}"


def assertion_iri(identifier: str, kind: str, begin: int, end: int) -> str:
    """IRI of an article-local node that is not a statement (e.g. a measure account)."""
    return f"{article_iri(identifier)}/{kind}/{begin}-{end}"


def candidate_iri(identifier: str, begin: int, end: int, candidate: str) -> str:
    """IRI of a candidate link: one per mention *and* candidate actor, since an ambiguous
    mention ("Krüger" after two Krügers) may have several scored candidates."""
    return f"{assertion_iri(identifier, 'candidate', begin, end)}/{slugify(candidate)}"


def disagreement_iri(key: str) -> str:
    """IRI of a recorded disagreement between sources."""
    return f"{ID_BASE}disagreement/{slugify(key)}"


def _safe_segment(text: str) -> str:
    # File names are mostly safe already; keep them readable and only replace what an IRI
    # path segment cannot hold, so dcterms:identifier and the IRI stay recognisably alike.
    # Letters and digits of any script stay (an IRI holds them: "article/日本の輸出"), so
    # that names in Chinese or Japanese do not all become "__".
    return _UNSAFE.sub("_", text)


_UNSAFE = re.compile(r"[^\w.~-]")
"""What an IRI path segment here does not keep: anything but letters and digits of any
script, ``_``, ``.``, ``~`` and ``-``."""
