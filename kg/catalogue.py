"""What the graph holds, by kind: every actor, measure and material with its label and the
number of articles that speak of it.  The data of the ``/entities`` page, where a
researcher who did not build the graph starts (an entity page needs its IRI).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib.namespace import RDF

from .entity import Labels
from .namespace import ENTITIES_GRAPH, KG, is_article_graph

_TYPE = ox.NamedNode(str(RDF.type))
_IN_ENTITIES = ox.NamedNode(ENTITIES_GRAPH)
KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Actors", ("State", "GovernmentBody", "Person", "Company", "MediaOutlet", "Organization")),
    ("Measures", ("Measure",)),
    ("Materials", ("Material",)),
)
"""The page's sections, each with the classes it lists (kg terms)."""
_KIND_OF = {"Measure": ox.NamedNode(str(KG.measureType)),
            "Material": ox.NamedNode(str(KG.category))}
"""Where a measure's or material's kind is said (its type, its category); an actor's kind
is its class."""


@dataclass(frozen=True)
class Entry:
    """One entity: its IRI, label, what kind of thing it is, in how many articles."""

    iri: str
    label: str
    kind: str
    articles: int


@dataclass(frozen=True)
class Section:
    """The entities of one kind, most spoken of first; ``total`` counts those left out."""

    title: str
    entries: tuple[Entry, ...]
    total: int


def read_catalogue(store: ox.Store, *, max_entries: int = 1000) -> tuple[Section, ...]:
    """The entities of the graph's entities graph by section (see :data:`KINDS`), each
    section ordered by the number of articles that name the entity (most first), then
    label; past ``max_entries`` per section the least named are left out."""
    labels = Labels(store)
    sections = []
    for title, classes in KINDS:
        entries: dict[str, Entry] = {}
        for term in classes:
            cls = ox.NamedNode(str(KG[term]))
            for quad in store.quads_for_pattern(None, _TYPE, cls, _IN_ENTITIES):
                node = quad.subject
                if isinstance(node, ox.NamedNode) and node.value not in entries:
                    kind = _kind(store, labels, node, term, cls)
                    entries[node.value] = Entry(node.value, labels(node.value) or node.value,
                                                kind, _articles_naming(store, node))
        ordered = sorted(entries.values(), key=lambda e: (-e.articles, e.label.casefold()))
        sections.append(Section(title, tuple(ordered[:max_entries]), len(ordered)))
    return tuple(sections)


def _kind(store: ox.Store, labels: Labels, node: ox.NamedNode, term: str,
          cls: ox.NamedNode) -> str:
    """The label of a measure's type or a material's category, else of the class."""
    said = _KIND_OF.get(term)
    if said is not None:
        for quad in store.quads_for_pattern(node, said, None, _IN_ENTITIES):
            if isinstance(quad.object, ox.NamedNode):
                return labels(quad.object.value) or term
    return labels(cls.value) or term


def _articles_naming(store: ox.Store, node: ox.NamedNode) -> int:
    """How many article graphs hold a triple about or pointing to ``node``."""
    graphs = {q.graph_name.value for q in store.quads_for_pattern(None, None, node, None)
              if isinstance(q.graph_name, ox.NamedNode)}
    graphs |= {q.graph_name.value for q in store.quads_for_pattern(node, None, None, None)
               if isinstance(q.graph_name, ox.NamedNode)}
    return sum(1 for g in graphs if is_article_graph(g))
