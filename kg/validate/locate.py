"""Where a result comes from: the article whose graph holds it, a readable label for its
focus node and the evidence spans behind it.

A researcher reading a report wants the article and the text, not only an IRI: a result
about an evidence span is in that span's article; a result about an assertion (the value of
a triple) is in the article graph that holds that triple; a statement is in the article it
is derived from.  Results about the entities graph (labels, types) belong to no article.
"""

from __future__ import annotations

from typing import cast

import pyoxigraph as ox
from rdflib.term import Literal, Node, URIRef

from ..namespace import DCTERMS, KG, NIF, PROV, RDF, RDFS
from .data import DataGraph
from .report import EvidenceSpan
from .terms import ox_term

_LABEL_PROPERTIES = [ox.NamedNode(str(p)) for p in
                     (RDFS.label, KG.quote, NIF.anchorOf, DCTERMS.identifier, DCTERMS.title)]
_TYPE = ox.NamedNode(str(RDF.type))
_EVIDENCE_CLASS = ox.NamedNode(str(KG.Evidence))
_EVIDENCE = ox.NamedNode(str(KG.evidence))
_CONTEXT = ox.NamedNode(str(NIF.referenceContext))
_DERIVED = ox.NamedNode(str(PROV.wasDerivedFrom))
_BEGIN = ox.NamedNode(str(NIF.beginIndex))
_END = ox.NamedNode(str(NIF.endIndex))
_ANCHOR = ox.NamedNode(str(NIF.anchorOf))


class Locator:
    """Finds the article a result is about, a readable label and the evidence spans."""

    def __init__(self, data: DataGraph, articles: dict[str, str]) -> None:
        self.store = data.store
        self.article_iris = set(articles)

    def _objects(self, subject: ox.NamedNode | ox.BlankNode, predicate: ox.NamedNode) -> list:
        return list(dict.fromkeys(
            q.object for q in self.store.quads_for_pattern(subject, predicate, None, None)))

    def _is_evidence(self, node: ox.NamedNode | ox.BlankNode) -> bool:
        return any(True for _ in self.store.quads_for_pattern(node, _TYPE, _EVIDENCE_CLASS, None))

    def article(self, focus: Node | None, path: Node | None, value: Node | None) -> str | None:
        """The article whose graph holds the problem, when there is exactly one."""
        if focus is None or isinstance(focus, Literal):
            return None
        if isinstance(focus, URIRef) and str(focus) in self.article_iris:
            return str(focus)
        # Not None and not a literal: an IRI or a blank node.
        node = cast("ox.NamedNode | ox.BlankNode", ox_term(focus))
        if self._is_evidence(node):
            span_contexts = self._objects(node, _CONTEXT)
            return span_contexts[0].value if len(span_contexts) == 1 else None
        # The graph that holds the offending triple says whose assertion it is.
        if isinstance(path, URIRef) and value is not None:
            holding = sorted({_graph(q) for q in self.store.quads_for_pattern(
                node, ox.NamedNode(str(path)), ox_term(value), None)})
            in_articles = [g for g in holding if g in self.article_iris]
            if in_articles and len(in_articles) == len(holding):
                return in_articles[0]
            if holding:
                return None
        contexts = {c.value for e in self._objects(node, _EVIDENCE)
                    if not isinstance(e, ox.Literal)
                    for c in self._objects(e, _CONTEXT) if isinstance(c, ox.NamedNode)}
        contexts |= {d.value for d in self._objects(node, _DERIVED) if isinstance(d, ox.NamedNode)}
        if len(contexts) == 1:
            return next(iter(contexts))
        if not contexts:
            # A node described in one article graph only (e.g. a statement without evidence).
            graphs = {_graph(q) for q in self.store.quads_for_pattern(node, None, None, None)}
            if len(graphs) == 1 and next(iter(graphs)) in self.article_iris:
                return next(iter(graphs))
        return None

    def label(self, focus: Node | None) -> str | None:
        """rdfs:label, quote, anchor text, identifier or title of the focus node."""
        if focus is None:
            return None
        node = ox_term(focus)
        if isinstance(node, ox.Literal):
            return None
        for prop in _LABEL_PROPERTIES:
            found = sorted(o.value for o in self._objects(node, prop))
            if found:
                return found[0]
        return None

    def evidence(self, focus: Node | None, article: str | None) -> list[EvidenceSpan]:
        """The focus node's evidence spans, only those in ``article`` when it is given."""
        if focus is None:
            return []
        node = ox_term(focus)
        if isinstance(node, ox.Literal):
            return []
        nodes = [node] if self._is_evidence(node) else [
            e for e in self._objects(node, _EVIDENCE) if not isinstance(e, ox.Literal)]
        spans = []
        for span in nodes:
            contexts = self._objects(span, _CONTEXT)
            if not contexts or (article is not None and contexts[0].value != article):
                continue
            spans.append(EvidenceSpan(
                article=contexts[0].value,
                begin=_first_int(self._objects(span, _BEGIN)),
                end=_first_int(self._objects(span, _END)),
                text=_first_str(self._objects(span, _ANCHOR)),
            ))
        return sorted(set(spans), key=lambda s: (s.article, s.begin or 0, s.end or 0))


def _graph(quad: ox.Quad) -> str:
    name = quad.graph_name
    return name.value if isinstance(name, ox.NamedNode) else ""


def _first_int(terms: list) -> int | None:
    try:
        return int(terms[0].value) if terms else None
    except ValueError:
        return None


def _first_str(terms: list) -> str | None:
    return terms[0].value if terms else None
