"""The kg ontology as data: its document, and its terms with their labels and definitions.

``ontology/kg.ttl`` is the vocabulary's source; the build copies it into the ontology graph
of every store.  This module reads it for those who ask for the vocabulary itself rather
than for a graph: the server's ``/ontology`` (the document behind the ``kg:`` namespace, as
RDF or as a page listing the terms, each at its own ``#fragment``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from .errors import KgError
from .namespace import KG, ONTOLOGY_IRI, PREFIXES, compact
from .resources import ontology_path

_RDF_TYPE = PREFIXES["rdf"] + "type"
_LABEL = PREFIXES["rdfs"] + "label"
_COMMENT = PREFIXES["rdfs"] + "comment"
_DOMAIN = PREFIXES["rdfs"] + "domain"
_RANGE = PREFIXES["rdfs"] + "range"
_IN_SCHEME = PREFIXES["skos"] + "inScheme"
_VERSION_IRI = PREFIXES["owl"] + "versionIRI"
_KINDS = (
    ("Classes", (PREFIXES["owl"] + "Class", PREFIXES["rdfs"] + "Class")),
    ("Properties", (PREFIXES["owl"] + "ObjectProperty", PREFIXES["owl"] + "DatatypeProperty",
                    PREFIXES["rdf"] + "Property")),
    ("Concept schemes", (PREFIXES["skos"] + "ConceptScheme",)),
    ("Concepts", (PREFIXES["skos"] + "Concept",)),
)


@dataclass(frozen=True)
class Term:
    """A term of the ``kg:`` vocabulary: its local name (the IRI's fragment), label,
    definition, and domain, range or concept scheme as prefixed names ("" when none)."""

    name: str
    label: str
    comment: str
    domain: str = ""
    range: str = ""
    scheme: str = ""


@lru_cache(maxsize=1)
def ontology_triples() -> tuple[ox.Triple, ...]:
    """The triples of ``ontology/kg.ttl``; :class:`KgError` when it is not valid Turtle."""
    try:
        return tuple(ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE))
    except SyntaxError as exc:
        raise KgError(f"ontology/kg.ttl is not valid Turtle: {exc}") from exc


def version_iri() -> str | None:
    """The ontology's ``owl:versionIRI`` (the IRI of this version's document), if stated."""
    for triple in ontology_triples():
        subject, value = triple.subject, triple.object
        if isinstance(subject, ox.NamedNode) and subject.value == ONTOLOGY_IRI \
                and triple.predicate.value == _VERSION_IRI and isinstance(value, ox.NamedNode):
            return value.value
    return None


def terms_by_kind() -> list[tuple[str, list[Term]]]:
    """The vocabulary's terms grouped as classes, properties, concept schemes and concepts,
    each group in name order."""
    namespace = str(KG)
    types: dict[str, set[str]] = {}
    values: dict[tuple[str, str], str] = {}
    for triple in ontology_triples():
        node, term = triple.subject, triple.object
        if not isinstance(node, ox.NamedNode) or not node.value.startswith(namespace) \
                or not isinstance(term, (ox.NamedNode, ox.Literal)):
            continue
        subject, predicate, value = node.value, triple.predicate.value, term.value
        if predicate == _RDF_TYPE:
            types.setdefault(subject, set()).add(value)
        elif isinstance(term, ox.Literal) and term.language not in (None, "en"):
            continue
        else:
            values.setdefault((subject, predicate), compact(value))
    groups: list[tuple[str, list[Term]]] = []
    for title, kinds in _KINDS:
        members = sorted(iri for iri, found in types.items() if found & set(kinds))
        groups.append((title, [Term(
            name=iri[len(namespace):],
            label=values.get((iri, _LABEL), ""),
            comment=values.get((iri, _COMMENT), ""),
            domain=values.get((iri, _DOMAIN), ""),
            range=values.get((iri, _RANGE), ""),
            scheme=values.get((iri, _IN_SCHEME), ""),
        ) for iri in members]))
    return groups
