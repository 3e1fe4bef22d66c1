"""Evidence in context: the article behind a claim and the sentence around its span.

Every Statement and every Measure assertion points (``kg:evidence``) to a NIF string whose
``nif:beginIndex``/``nif:endIndex`` count code points into its article's ``nif:isString``.
The pages show the sentence holding such a span with the span itself marked; this module
reads articles and evidence nodes from a store and cuts those snippets, without any web
framework.  An :class:`Articles` reader fetches each article's metadata and text at most
once, so a page that shows fifty statements of one article reads its text once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF

from .extract.text import sentence_at, split_sentences
from .namespace import KG, NIF, SCHEMA

_TYPE = ox.NamedNode(RDF.type)
_ARTICLE = ox.NamedNode(KG.Article)
_IS_STRING = ox.NamedNode(NIF.isString)
_BEGIN = ox.NamedNode(NIF.beginIndex)
_END = ox.NamedNode(NIF.endIndex)
_ANCHOR = ox.NamedNode(NIF.anchorOf)
_CONTEXT = ox.NamedNode(NIF.referenceContext)
_MODEL_SCORE = ox.NamedNode(KG.modelScore)
_METADATA = {
    "identifier": ox.NamedNode(DCTERMS.identifier),
    "title": ox.NamedNode(DCTERMS.title),
    "date": ox.NamedNode(DCTERMS.date),
    "publisher": ox.NamedNode(DCTERMS.publisher),
    "creator": ox.NamedNode(DCTERMS.creator),
    "url": ox.NamedNode(SCHEMA.url),
}
MAX_CONTEXT = 280
"""Most characters of a sentence shown on either side of a span (long sentences are cut)."""


@dataclass(frozen=True)
class ArticleRef:
    """An article as pages cite it: its IRI and whatever metadata the graph has."""

    iri: str
    identifier: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    creator: str | None = None
    url: str | None = None

    @property
    def name(self) -> str:
        """What to call the article on a page: its title, else its file name."""
        return self.title or self.identifier

    @property
    def source(self) -> str:
        """Publisher, author and date as one line (``Quick Digest · 2026-01-08``)."""
        parts = [p for p in (self.publisher, self.creator, self.date) if p]
        return " · ".join(parts)


@dataclass(frozen=True)
class Snippet:
    """The sentence around an evidence span, cut in three: ``before``, ``mark``, ``after``."""

    article: ArticleRef
    begin: int
    end: int
    before: str
    mark: str
    after: str
    anchor: str | None = None
    """``nif:anchorOf`` as stored; equal to ``mark`` when the offsets are right."""
    model_score: str | None = None
    """``kg:modelScore`` of the span: the learned detector proposed its measure (no rule)."""

    @property
    def fragment(self) -> str:
        """RFC 5147 fragment of the span (``char=12,40``), as evidence IRIs end."""
        return f"char={self.begin},{self.end}"

    def trimmed(self, limit: int) -> Snippet:
        """The same snippet with at most ``limit`` characters of context on either side."""
        before, after = _clip(self.before, self.after, limit)
        return replace(self, before=before, after=after)

    @property
    def consistent(self) -> bool:
        """True when the stored anchor is exactly the text at the offsets."""
        return self.anchor is None or self.anchor == self.mark


def cut(text: str, begin: int, end: int, *, limit: int = MAX_CONTEXT) -> tuple[str, str, str]:
    """``(before, span, after)``: the span and the rest of the sentence(s) it lies in.

    The context runs to the start of the sentence holding ``begin`` and the end of the one
    holding ``end - 1``, at most ``limit`` characters each side (cut at a space, with an
    ellipsis).  Offsets outside the text are clamped.
    """
    begin = max(0, min(begin, len(text)))
    end = max(begin, min(end, len(text)))
    sentences = split_sentences(text)
    first = sentence_at(sentences, begin)
    last = sentence_at(sentences, max(begin, end - 1))
    start = first.begin if first and first.begin <= begin else begin
    stop = last.end if last and last.end >= end else end
    before, after = _clip(text[start:begin], text[end:stop], limit)
    return before, text[begin:end], after


def _clip(before: str, after: str, limit: int) -> tuple[str, str]:
    """At most ``limit`` characters each side, cut at a space, an ellipsis marking the cut."""
    if len(before) > limit:
        before = "\u2026" + _after_space(before[-limit:])
    if len(after) > limit:
        after = _before_space(after[:limit]) + "\u2026"
    return before, after


def _after_space(text: str) -> str:
    space = text.find(" ")
    return text[space + 1:] if 0 <= space < len(text) // 2 else text


def _before_space(text: str) -> str:
    space = text.rfind(" ")
    return text[:space] if space > len(text) // 2 else text


def term_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """The text of a term: its value, or for an RDF 1.2 triple term (which a user may load
    or insert) its N-Triples form, since a triple has no single value."""
    return str(term) if isinstance(term, ox.Triple) else term.value


def _value(store: ox.Store, subject: ox.NamedNode, predicate: ox.NamedNode,
           graph: ox.NamedNode | None = None) -> str | None:
    for quad in store.quads_for_pattern(subject, predicate, None, graph):
        return term_text(quad.object)
    return None


class Articles:
    """Articles of a store, read on first use: metadata, text and evidence snippets."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._refs: dict[str, ArticleRef | None] = {}
        self._texts: dict[str, str | None] = {}

    def is_article(self, iri: str) -> bool:
        """True when ``iri`` names an article (typed ``kg:Article`` in its own graph)."""
        node = ox.NamedNode(iri)
        return any(True for _ in self.store.quads_for_pattern(node, _TYPE, _ARTICLE, node))

    def ref(self, iri: str) -> ArticleRef | None:
        """The article's metadata from its graph, or None when ``iri`` is no article."""
        if iri not in self._refs:
            self._refs[iri] = self._read_ref(iri) if self.is_article(iri) else None
        return self._refs[iri]

    def _read_ref(self, iri: str) -> ArticleRef:
        node = ox.NamedNode(iri)
        found = {name: _value(self.store, node, predicate, node)
                 for name, predicate in _METADATA.items()}
        identifier = found.pop("identifier") or iri.rsplit("/", 1)[-1]
        return ArticleRef(iri, identifier, **found)

    def text(self, iri: str) -> str | None:
        """The article's ``nif:isString``: the text evidence offsets count into."""
        if iri not in self._texts:
            node = ox.NamedNode(iri)
            self._texts[iri] = _value(self.store, node, _IS_STRING, node)
        return self._texts[iri]

    def snippet(self, article: str, begin: int, end: int,
                anchor: str | None = None) -> Snippet | None:
        """The sentence around ``[begin, end)`` of an article; None without its text."""
        ref, text = self.ref(article), self.text(article)
        if ref is None or text is None:
            return None
        before, mark, after = cut(text, begin, end)
        return Snippet(ref, begin, end, before, mark, after, anchor)

    def evidence(self, node: str) -> Snippet | None:
        """The snippet of an evidence node (its offsets, its article, its anchor)."""
        subject = ox.NamedNode(node)
        article = _value(self.store, subject, _CONTEXT)
        begin, end = _value(self.store, subject, _BEGIN), _value(self.store, subject, _END)
        if article is None or begin is None or end is None:
            return None
        try:
            span = int(begin), int(end)
        except ValueError:
            return None
        found = self.snippet(article, *span, _value(self.store, subject, _ANCHOR))
        score = _value(self.store, subject, _MODEL_SCORE)
        return replace(found, model_score=score) if found is not None and score else found

    def evidence_of(self, subject: str, graph: str) -> list[Snippet]:
        """Snippets of every ``kg:evidence`` of ``subject`` in one article graph, in order."""
        quads = self.store.quads_for_pattern(
            ox.NamedNode(subject), ox.NamedNode(KG.evidence), None, ox.NamedNode(graph))
        snippets = [self.evidence(str(q.object.value)) for q in quads
                    if isinstance(q.object, ox.NamedNode)]
        return sorted((s for s in snippets if s is not None), key=lambda s: (s.begin, s.end))
