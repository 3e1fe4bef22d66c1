"""Where sources disagree, read back for display: each side, its article and its words.

:mod:`kg.disagree` finds disagreements while building and stores them as
``kg:Disagreement`` nodes (kind in ``dcterms:type``, the conflicting assertions in
``kg:conflictingAssertion``, the fact in ``kg:disagreementAbout``).  This module reads them
from a store for the disagreements page: for each side, the article, the sentence with the
span marked, and what the article says in comparable form (the dates it gives the measure,
the figure with its qualifier, the materials it says the measure covers), so that a page
can draw the sides against each other.  A disagreement records one side per article and
value (:mod:`kg.disagree`); :attr:`DisagreementView.positions` groups them by value, so
each value comes with every article giving it, and an article found on two positions
contradicts itself (:attr:`DisagreementView.contradicting`).  No web framework here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF

from .entity import Labels, Term
from .evidence import ArticleRef, Articles, Snippet
from .namespace import KG, NIF
from .timeline import Period, names_date, period_of

_TYPE = ox.NamedNode(RDF.type)
_DISAGREEMENT = ox.NamedNode(KG.Disagreement)
_KIND = ox.NamedNode(DCTERMS.type)
_ABOUT = ox.NamedNode(KG.disagreementAbout)
_SIDE = ox.NamedNode(KG.conflictingAssertion)
_EVIDENCE = ox.NamedNode(KG.evidence)
_CONTEXT = ox.NamedNode(NIF.referenceContext)
_DERIVED = ox.NamedNode(PROV.wasDerivedFrom)
_DATE = ox.NamedNode(KG.date)
_COVERS = ox.NamedNode(KG.covers)
_VALUE = ox.NamedNode(KG.value)
_VALUE_MAX = ox.NamedNode(KG.valueMax)
_UNIT = ox.NamedNode(KG.unit)
_QUALIFIER = ox.NamedNode(KG.qualifier)


@dataclass(frozen=True)
class Figure:
    """A number as one article gives it: ``more than 70 percent``."""

    value: Decimal
    value_max: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None


@dataclass
class Side:
    """One conflicting assertion: where it is and what it says."""

    node: str
    article: ArticleRef | None
    snippet: Snippet | None
    values: list[str] = field(default_factory=list)
    """Comparable values: ISO dates, material labels, or the figure's words."""
    periods: list[Period] = field(default_factory=list)
    figure: Figure | None = None


@dataclass
class Position:
    """What some articles say about the fact: one value and every side that gives it."""

    label: str
    """The value as a reader compares it: ISO dates, the goods covered, the figure's words."""
    sides: list[Side]

    @property
    def articles(self) -> list[ArticleRef]:
        """The articles taking this position, each once, in the sides' order."""
        seen: dict[str, ArticleRef] = {}
        for side in self.sides:
            if side.article is not None:
                seen.setdefault(side.article.iri, side.article)
        return list(seen.values())


@dataclass
class DisagreementView:
    """A recorded disagreement with its sides, ready to draw."""

    iri: str
    kind: str
    label: str
    about: Term | None
    sides: list[Side]
    """One per article and value (:mod:`kg.disagree`), by article then node."""

    @property
    def values(self) -> list[str]:
        """Every value some side gives (chronological for dates), for a side-by-value grid."""
        if self.kind == "date":
            periods = {p for s in self.sides for p in s.periods}
            return [p.iso for p in sorted(periods, key=lambda p: p.sort_key)]
        return sorted({v for s in self.sides for v in s.values}, key=str.lower)

    @property
    def figures(self) -> list[Figure]:
        """The figures of the sides that give one (figure disagreements)."""
        return [s.figure for s in self.sides if s.figure is not None]

    @cached_property
    def positions(self) -> list[Position]:
        """The sides grouped by what they say: each value with every article giving it.

        Dates come in chronological order, figures by number, scopes by their goods.
        """
        groups: dict[tuple[int, tuple[Any, ...]], list[Side]] = {}
        for side in self.sides:
            groups.setdefault(_position_key(self.kind, side), []).append(side)
        return [Position(_position_label(self.kind, groups[key]), groups[key])
                for key in sorted(groups)]

    @property
    def articles(self) -> list[ArticleRef]:
        """Every article on some side, each once, by identifier."""
        found = {s.article.iri: s.article for s in self.sides if s.article is not None}
        return sorted(found.values(), key=lambda a: a.identifier)

    def also_says(self, article: str, position: Position) -> list[str]:
        """The labels of the other positions the article (an IRI) takes besides ``position``."""
        return [p.label for p in self.positions
                if p is not position and any(a.iri == article for a in p.articles)]

    @property
    def self_contradictory(self) -> bool:
        """Whether an article on two positions contradicts itself: two dates or two numbers
        for one fact do; two scopes from one article may be two measures it tells apart."""
        return self.kind != "scope"

    @property
    def contradicting(self) -> set[str]:
        """IRIs of the articles that take more than one position: they contradict themselves
        (one article dating the ban 7 January in its summary and 6 January in its body)."""
        seen: dict[str, int] = {}
        for position in self.positions:
            for article in position.articles:
                seen[article.iri] = seen.get(article.iri, 0) + 1
        return {iri for iri, count in seen.items() if count > 1}


def _position_key(kind: str, side: Side) -> tuple[int, tuple[Any, ...]]:
    """What decides a side's position, sortable: ``(0, typed value)`` for a figure's number
    or a date's periods, ``(1, words)`` for anything else (so no two types are compared)."""
    # A figure's number decides, not its wording ("around 60%" and "approximately 60%" agree).
    if kind == "figure" and side.figure is not None:
        return (0, (side.figure.value, side.figure.value_max or side.figure.value))
    if kind == "date" and side.periods:
        return (0, tuple(p.sort_key for p in side.periods))
    return (1, tuple(v.lower() for v in side.values))


def _position_label(kind: str, sides: list[Side]) -> str:
    if kind == "figure":
        words = dict.fromkeys(s.snippet.mark for s in sides if s.snippet is not None)
        return " / ".join(words) or "a figure"
    return ", ".join(sides[0].values) or "nothing comparable"


def read_disagreements(store: ox.Store) -> list[DisagreementView]:
    """Every ``kg:Disagreement`` in the store, by kind then label."""
    labels = Labels(store)
    articles = Articles(store)
    found: list[DisagreementView] = []
    for quad in store.quads_for_pattern(None, _TYPE, _DISAGREEMENT, None):
        node = quad.subject
        if not isinstance(node, ox.NamedNode):
            continue
        kind = _literal(store, node, _KIND) or "other"
        about = _object(store, node, _ABOUT)
        sides = [
            _side(store, articles, labels, kind, about, q.object)
            for q in store.quads_for_pattern(node, _SIDE, None, None)
            if isinstance(q.object, ox.NamedNode)
        ]
        sides.sort(key=lambda s: (s.article.identifier if s.article else "", s.node))
        found.append(DisagreementView(
            node.value, kind, labels(node.value) or node.value,
            labels.term(about) if about is not None else None, sides))
    return sorted(found, key=lambda d: (d.kind, d.label))


def disagreement_records(store: ox.Store) -> list[dict[str, Any]]:
    """:func:`read_disagreements` as plain data (for JSON and the command line): per
    disagreement its IRI, kind, label and subject; its positions (each value with the
    articles giving it); and per side the article, the span's offsets and words, what the
    side says (ISO dates, material labels or the figure's words), the index of its position
    and whether its article also takes another position (``several_positions``; for a date
    or a figure, ``contradicts_itself`` too)."""
    records = []
    for view in read_disagreements(store):
        positions = view.positions
        where = {id(side): i for i, p in enumerate(positions) for side in p.sides}
        contradicting = view.contradicting
        records.append({
            "iri": view.iri, "kind": view.kind, "label": view.label,
            "about": view.about.value if view.about is not None else None,
            "positions": [{"says": p.label, "articles": [a.identifier for a in p.articles]}
                          for p in positions],
            "sides": [{
                "node": side.node,
                "article": side.article.identifier if side.article else None,
                "begin": side.snippet.begin if side.snippet else None,
                "end": side.snippet.end if side.snippet else None,
                "text": side.snippet.mark if side.snippet else None,
                "says": side.values,
                "position": where[id(side)],
                "several_positions": side.article is not None
                and side.article.iri in contradicting,
                "contradicts_itself": view.self_contradictory and side.article is not None
                and side.article.iri in contradicting,
            } for side in view.sides],
        })
    return records


def _side(store: ox.Store, articles: Articles, labels: Labels, kind: str,
          about: ox.NamedNode | None, node: ox.NamedNode) -> Side:
    # A side is an evidence span (measure accounts) or a statement with its own evidence.
    snippet = articles.evidence(node.value)
    article_iri = _object(store, node, _CONTEXT) or _object(store, node, _DERIVED)
    if snippet is None:
        evidence = _object(store, node, _EVIDENCE)
        snippet = articles.evidence(evidence.value) if evidence is not None else None
    article = articles.ref(article_iri.value) if article_iri is not None else None
    side = Side(node.value, article, snippet)
    if article is None:
        return side
    graph = ox.NamedNode(article.iri)
    if kind == "date" and about is not None:
        side.periods = sorted(
            (p for q in store.quads_for_pattern(about, _DATE, None, graph)
             if isinstance(q.object, ox.Literal)
             and (p := period_of(q.object.value, q.object.datatype.value)) is not None),
            key=lambda p: p.sort_key)
        # Dates disagree by the day (a month holds its days: kg.disagree); an article giving
        # two days has a span for each, so keep the one this side's sentence writes out.
        side.periods = [p for p in side.periods if p.precision == "day"] or side.periods
        if snippet is not None:
            side.periods = [p for p in side.periods if names_date(snippet, p)] or side.periods
        side.values = [p.iso for p in side.periods]
    elif kind == "scope":
        measures = [q.subject for q in store.quads_for_pattern(None, _EVIDENCE, node, graph)]
        side.values = sorted({
            labels.term(q.object).text
            for m in measures for q in store.quads_for_pattern(m, _COVERS, None, graph)
        }, key=str.lower)
    elif kind == "figure":
        side.figure = _figure(store, node)
        side.values = [snippet.mark] if snippet else []
    elif snippet is not None:
        side.values = [snippet.mark]
    return side


def _figure(store: ox.Store, node: ox.NamedNode) -> Figure | None:
    try:
        value = Decimal(_literal(store, node, _VALUE) or "")
    except InvalidOperation:
        return None
    high = _literal(store, node, _VALUE_MAX)
    try:
        value_max = Decimal(high) if high else None
    except InvalidOperation:
        value_max = None
    return Figure(value, value_max, _literal(store, node, _UNIT),
                  _literal(store, node, _QUALIFIER))


def _object(store: ox.Store, subject: ox.NamedNode, predicate: ox.NamedNode,
            ) -> ox.NamedNode | None:
    for quad in store.quads_for_pattern(subject, predicate, None, None):
        if isinstance(quad.object, ox.NamedNode):
            return quad.object
    return None


def _literal(store: ox.Store, subject: ox.NamedNode, predicate: ox.NamedNode) -> str | None:
    for quad in store.quads_for_pattern(subject, predicate, None, None):
        if isinstance(quad.object, ox.Literal):
            return quad.object.value
    return None
