"""What the graph says about one IRI, gathered for an entity page and for Linked Data.

:func:`describe` reads every quad with the IRI at either end and sorts it the way a reader
asks about an entity: its names and types; the facts true across articles (the entities
graph and other non-article graphs); what each article says about it, with the sentence
behind each claim (:mod:`kg.evidence`); the statements it speaks, is quoted through or is
the topic of; the nodes that point to it; the articles that mention it.  An article IRI also
gets its text with every evidence span marked.

:func:`describe_quads` gives the same IRI's description as RDF for content negotiation:
the quads with the IRI as subject or object, those of its evidence nodes and of the hash
IRIs it is the document of (an article's ``#char=`` spans), and the labels of every IRI
they name, each in the graph that holds it.

No web framework here; the server only renders what these functions return.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from .evidence import ArticleRef, Articles, Snippet, term_text
from .namespace import ID_BASE, KG, NIF, compact

_TYPE = ox.NamedNode(RDF.type)
_LABEL = ox.NamedNode(RDFS.label)
_PREF_LABEL = ox.NamedNode(SKOS.prefLabel)
_ALT_LABEL = ox.NamedNode(SKOS.altLabel)
_STATEMENT = ox.NamedNode(KG.Statement)
_NUMERIC_CLAIM = ox.NamedNode(KG.NumericClaim)
_EVIDENCE = ox.NamedNode(KG.evidence)
_MENTIONS = ox.NamedNode(KG.mentions)
_QUOTE = ox.NamedNode(KG.quote)
_ANCHOR = ox.NamedNode(NIF.anchorOf)
_TITLE = ox.NamedNode(DCTERMS.title)
_IDENTIFIER = ox.NamedNode(DCTERMS.identifier)
_IS_STRING = ox.NamedNode(NIF.isString)
_REFERENCE_CONTEXT = ox.NamedNode(NIF.referenceContext)
_CANDIDATE_OF = ox.NamedNode(KG.candidateOf)
_CANDIDATE_FOR = ox.NamedNode(KG.candidateFor)
_SCORE = ox.NamedNode(KG.score)
# Shown elsewhere on the page: in its heading, as the article's text, as marked sentences.
_NOT_FACTS = {_TYPE, _LABEL, _ALT_LABEL, _IS_STRING, _EVIDENCE}
_SHORT_TEXT = 90


def is_minted(iri: str) -> bool:
    """True for IRIs that ``kg`` mints (``https://w3id.org/tradekg/id/...``)."""
    return iri.startswith(ID_BASE) and len(iri) > len(ID_BASE)


@dataclass(frozen=True)
class Term:
    """A value on a page: an IRI with its label, or a literal with its datatype or language."""

    value: str
    is_iri: bool
    label: str | None = None
    datatype: str | None = None
    language: str | None = None

    @property
    def text(self) -> str:
        """What to show: the label of an IRI (else its compact form), a literal's value."""
        if self.is_iri:
            return self.label or compact(self.value)
        return self.value

    @property
    def inverse_text(self) -> str:
        """A property's label read backwards, for the nodes that point here: see
        :func:`inverse_label`.  A property without a label (no ontology loaded) is read
        from its local name (``kg:partOf``: "part of")."""
        if self.is_iri and not self.label:
            local = re.split(r"[#/:]", self.value)[-1]
            words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", local).lower()
            return inverse_label(words) if words else inverse_label(self.text)
        return inverse_label(self.text)

    @property
    def note(self) -> str:
        """A literal's language tag or non-string datatype (``xsd:date``), else empty."""
        if self.language:
            return f"@{self.language}"
        if self.datatype and not self.datatype.endswith(("#string", "#langString")):
            return compact(self.datatype)
        return ""


_PREPOSITIONS = frozenset("about against by for from in into of on to via with".split())
# Properties named by a verb or a comparative: their reading backwards is another word.
_OPPOSITES = {"broader": "narrower", "narrower": "broader", "cites": "cited by",
              "covers": "covered by", "mentions": "mentioned by", "references": "referenced by"}


def inverse_label(label: str) -> str:
    """How a page names a property seen from its object: the nodes pointing here.

    ``X issuer Y`` is listed on Y's page under "issuer of" (a noun), ``X part of Y`` under
    "has part", ``X disagreement about Y`` under "disagreement about this" (a label ending
    in a preposition), ``X covers Y`` under "covered by".
    """
    words = label.split()
    if not words:
        return label
    if label.lower() in _OPPOSITES:
        return _OPPOSITES[label.lower()]
    if len(words) == 2 and words[1].lower() == "of":
        return f"has {words[0]}"  # "part of" -> "has part"
    if words[-1].lower() in _PREPOSITIONS:
        return f"{label} this"  # "disagreement about this", "was derived from this"
    return f"{label} of"


@dataclass
class Relation:
    """One property and its values (or, for incoming links, the subjects pointing here)."""

    property: Term
    values: list[Term] = field(default_factory=list)


@dataclass
class Account:
    """What one article says about the entity: its facts in that graph and their evidence."""

    article: ArticleRef
    facts: list[Relation]
    evidence: list[Snippet]


@dataclass(frozen=True)
class CandidateView:
    """A measure the entity (a measure) may be the same as, from a scored candidate link: an
    account naming no target and a targeted measure it fits, one of several (never merged)."""

    other: Term
    score: str
    article: ArticleRef
    """The article whose account the link hangs on."""
    untargeted: bool
    """True on the page of the measure naming no target (it *may be* ``other``); False on
    the page of the targeted one (``other`` may be an account of it)."""


@dataclass
class StatementView:
    """A statement linked to the entity, with the words and the sentence behind them."""

    iri: str
    role: Term
    """The property linking the statement to the entity (``kg:speaker``, ``kg:about``...)."""
    article: ArticleRef | None
    quote: str | None
    speaker: Term | None
    kind: Term | None
    date: Term | None
    evidence: list[Snippet]
    figure: bool = False
    """A number the article gives (``kg:NumericClaim``), its speaker the one it cites for it."""


@dataclass
class Entity:
    """Everything an entity page shows about one IRI."""

    iri: str
    label: str | None
    alt_labels: list[str]
    types: list[Term]
    facts: list[Relation]
    accounts: list[Account]
    statements: list[StatementView]
    incoming: list[Relation]
    mentioned_in: list[ArticleRef]
    article: ArticleRef | None = None
    """Set when the IRI is an article: the page then shows its text (see ``text``)."""
    text: str | None = None
    spans: list[Snippet] = field(default_factory=list)
    """Every evidence span of the article, for marking its text."""
    statements_total: int = 0
    """How many statements there are (``statements`` holds the first ones only)."""
    candidates: list[CandidateView] = field(default_factory=list)
    """Measures it may be the same as (scored candidate links), best score first."""

    @property
    def title(self) -> str:
        """The label, the article's name, or the compact IRI."""
        if self.label:
            return self.label
        if self.article:
            return self.article.name
        return compact(self.iri)


class Labels:
    """Labels of IRIs, read once each.

    ``rdfs:label``, else ``skos:prefLabel`` (English first), else a statement's quote, an
    evidence span's text or an article's title, shortened; None when there is none.
    """

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._cache: dict[str, str | None] = {}

    def __call__(self, iri: str) -> str | None:
        if iri not in self._cache:
            self._cache[iri] = self._read(iri)
        return self._cache[iri]

    def _read(self, iri: str) -> str | None:
        node = ox.NamedNode(iri)
        for predicate in (_LABEL, _PREF_LABEL):
            values = sorted(_literals(self.store.quads_for_pattern(node, predicate, None)))
            english = [v for v, lang in values if lang in ("en", None)]
            if english or values:
                return (english or [values[0][0]])[0]
        for predicate in (_QUOTE, _ANCHOR, _TITLE, _IDENTIFIER):
            for quad in self.store.quads_for_pattern(node, predicate, None):
                text = " ".join(term_text(quad.object).split())
                return text if len(text) <= _SHORT_TEXT else text[: _SHORT_TEXT - 1] + "\u2026"
        return None

    def term(self, node: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Term:
        """A :class:`Term` for any RDF term, labelled when it is an IRI."""
        if isinstance(node, ox.NamedNode):
            return Term(node.value, True, self(node.value))
        if isinstance(node, ox.Literal):
            return Term(node.value, False, datatype=node.datatype.value, language=node.language)
        return Term(str(node), False)


def _literals(quads: Iterable[ox.Quad]) -> Iterable[tuple[str, str | None]]:
    for quad in quads:
        if isinstance(quad.object, ox.Literal):
            yield quad.object.value, quad.object.language


def _graph_name(quad: ox.Quad) -> str | None:
    return quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else None


def _group(pairs: Iterable[tuple[Term, Term]]) -> list[Relation]:
    """Relations by property text, values deduplicated and sorted by text."""
    grouped: dict[Term, dict[Term, None]] = defaultdict(dict)
    for prop, value in pairs:
        grouped[prop][value] = None
    return [Relation(prop, sorted(values, key=lambda t: (t.text.lower(), t.value)))
            for prop, values in sorted(grouped.items(), key=lambda kv: kv[0].text)]


def exists(store: ox.Store, iri: str) -> bool:
    """True when some quad has ``iri`` as its subject or object."""
    node = ox.NamedNode(iri)
    return any(True for _ in store.quads_for_pattern(node, None, None)) or any(
        True for _ in store.quads_for_pattern(None, None, node))


def describe(store: ox.Store, iri: str, *, max_statements: int = 300) -> Entity | None:
    """Gather what the graph says about ``iri`` for its page; None when nothing does.

    At most ``max_statements`` statements are read in full (with their sentences), so the
    page of an actor quoted ten thousand times stays quick; ``statements_total`` says how
    many there are.
    """
    if not exists(store, iri):
        return None
    labels = Labels(store)
    articles = Articles(store)
    entity = Entity(iri=iri, label=labels(iri), alt_labels=[], types=[], facts=[],
                    accounts=[], statements=[], incoming=[], mentioned_in=[])
    _read_outgoing(store, entity, labels, articles)
    _read_incoming(store, entity, labels, articles, max_statements)
    if (ref := articles.ref(iri)) is not None:
        entity.article = ref
        entity.text = articles.text(iri)
        entity.spans = _article_spans(store, articles, iri)
    return entity


def _read_outgoing(store: ox.Store, entity: Entity, labels: Labels, articles: Articles) -> None:
    """Names, types, facts across articles, and each article's account."""
    iri = entity.iri
    outgoing = list(store.quads_for_pattern(ox.NamedNode(iri), None, None))
    entity.alt_labels = sorted(
        {v for v, _ in _literals(q for q in outgoing if q.predicate == _ALT_LABEL)})
    entity.types = sorted({labels.term(q.object) for q in outgoing if q.predicate == _TYPE},
                          key=lambda t: t.text)
    facts: list[tuple[Term, Term]] = []
    per_article: dict[str, list[tuple[Term, Term]]] = defaultdict(list)
    for quad in outgoing:
        if quad.predicate in _NOT_FACTS:
            continue
        graph = _graph_name(quad)
        pair = (labels.term(quad.predicate), labels.term(quad.object))
        if graph and graph != iri and articles.ref(graph):
            per_article[graph].append(pair)
        else:
            facts.append(pair)
    entity.facts = _group(facts)
    entity.accounts = sorted(
        (Account(ref, _group(pairs), articles.evidence_of(iri, graph))
         for graph, pairs in per_article.items() if (ref := articles.ref(graph)) is not None),
        key=lambda a: (a.article.date or "", a.article.identifier))


def _read_incoming(store: ox.Store, entity: Entity, labels: Labels, articles: Articles,
                   max_statements: int) -> None:
    """Statements about or by the entity, other nodes pointing to it, articles naming it."""
    mentioned: dict[str, ArticleRef] = {}
    pointing: list[tuple[Term, Term]] = []
    statements: list[tuple[str, str, ox.NamedNode, ox.NamedNode]] = []
    for quad in store.quads_for_pattern(None, None, ox.NamedNode(entity.iri)):
        subject = quad.subject
        if not isinstance(subject, ox.NamedNode) or quad.predicate == _REFERENCE_CONTEXT:
            continue  # evidence spans of an article are shown in its text
        graph = _graph_name(quad)
        if quad.predicate == _MENTIONS and (ref := articles.ref(subject.value)):
            mentioned[ref.iri] = ref
        elif quad.predicate in (_CANDIDATE_OF, _CANDIDATE_FOR) and graph and (
                view := _candidate(store, subject, quad.predicate, graph, labels, articles)):
            entity.candidates.append(view)
        elif graph and _is_statement(store, subject, graph):
            statements.append((graph, subject.value, subject, quad.predicate))
        else:
            pointing.append((labels.term(quad.predicate), labels.term(subject)))
    statements.sort(key=lambda s: (s[0], s[1], s[3].value))
    entity.statements_total = len(statements)
    entity.statements = sorted(
        (_statement(store, subject, graph, role, labels, articles)
         for graph, _, subject, role in statements[:max_statements]),
        key=_statement_order)
    entity.incoming = _group(pointing)
    entity.candidates.sort(key=lambda c: (-float(c.score or 0), c.other.text,
                                          c.article.identifier))
    entity.mentioned_in = sorted(mentioned.values(), key=lambda r: r.identifier)


def _candidate(store: ox.Store, link: ox.NamedNode, role: ox.NamedNode, graph: str,
               labels: Labels, articles: Articles) -> CandidateView | None:
    """The other measure of a measure candidate link pointing to the entity by ``role``;
    None for a link about an actor (it has no ``kg:candidateOf``: shown as a plain link)."""
    g = ox.NamedNode(graph)

    def value(predicate: ox.NamedNode) -> ox.NamedNode | ox.Literal | None:
        found = next(store.quads_for_pattern(link, predicate, None, g), None)
        term = found.object if found is not None else None
        return term if isinstance(term, ox.NamedNode | ox.Literal) else None

    untargeted = role == _CANDIDATE_OF
    other = value(_CANDIDATE_FOR if untargeted else _CANDIDATE_OF)
    ref = articles.ref(graph)
    if not isinstance(other, ox.NamedNode) or ref is None:
        return None
    score = value(_SCORE)
    return CandidateView(labels.term(other), score.value if score is not None else "", ref,
                         untargeted)


def _is_statement(store: ox.Store, subject: ox.NamedNode, graph: str) -> bool:
    return any(True for _ in store.quads_for_pattern(
        subject, _TYPE, _STATEMENT, ox.NamedNode(graph)))


def _statement(store: ox.Store, subject: ox.NamedNode, graph: str, role: ox.NamedNode,
               labels: Labels, articles: Articles) -> StatementView:
    values: dict[str, ox.NamedNode | ox.Literal] = {}
    for quad in store.quads_for_pattern(subject, None, None, ox.NamedNode(graph)):
        name = quad.predicate.value.rsplit("#", 1)[-1]
        if isinstance(quad.object, (ox.NamedNode, ox.Literal)):
            values.setdefault(name, quad.object)
    article = values.get("wasDerivedFrom")

    def term(name: str) -> Term | None:
        value = values.get(name)
        return labels.term(value) if value is not None else None

    return StatementView(
        iri=subject.value,
        role=labels.term(role),
        article=articles.ref(article.value) if article is not None else articles.ref(graph),
        quote=values["quote"].value if "quote" in values else None,
        speaker=term("speaker"),
        kind=term("statementKind"),
        date=term("date"),
        evidence=articles.evidence_of(subject.value, graph),
        figure=any(True for _ in store.quads_for_pattern(
            subject, _TYPE, _NUMERIC_CLAIM, ox.NamedNode(graph))),
    )


def _statement_order(view: StatementView) -> tuple[str, str, int]:
    first = view.evidence[0].begin if view.evidence else 0
    return (view.article.identifier if view.article else "", view.role.text, first)


def _article_spans(store: ox.Store, articles: Articles, iri: str) -> list[Snippet]:
    """Every evidence span in an article's graph, in text order."""
    node = ox.NamedNode(iri)
    spans = (articles.evidence(q.subject.value)
             for q in store.quads_for_pattern(None, _REFERENCE_CONTEXT, node, node)
             if isinstance(q.subject, ox.NamedNode))
    return sorted((s for s in spans if s is not None), key=lambda s: (s.begin, -s.end))


def describe_quads(store: ox.Store, iri: str) -> list[ox.Quad]:
    """The IRI's description as quads, sorted: see the module docstring."""
    node = ox.NamedNode(iri)
    quads: set[ox.Quad] = set(store.quads_for_pattern(node, None, None))
    quads.update(store.quads_for_pattern(None, None, node))
    # Hash IRIs ("...article/x.txt#char=10,42") are described in their document, the one
    # without the fragment: a client dereferencing one fetches this IRI (Linked Data).
    fragments = iri + "#"
    for quad in list(quads):
        if isinstance(quad.object, ox.NamedNode) and (
                quad.predicate == _EVIDENCE or quad.object.value.startswith(fragments)):
            quads.update(store.quads_for_pattern(quad.object, None, None))
        if isinstance(quad.subject, ox.NamedNode) and quad.subject.value.startswith(fragments):
            quads.update(store.quads_for_pattern(quad.subject, None, None))
    named = {t for q in quads for t in (q.subject, q.object)
             if isinstance(t, ox.NamedNode) and t != node}
    for other in named:
        quads.update(store.quads_for_pattern(other, _LABEL, None))
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate),
                                        str(q.object)))


@dataclass(frozen=True)
class Mark:
    """A piece of an article's text and how many evidence spans cover it."""

    text: str
    depth: int
    starts: tuple[str, ...] = ()
    """Fragments (``char=b,e``) of the spans beginning here, for in-page anchors."""


def mark_text(text: str, spans: Iterable[Snippet]) -> list[Mark]:
    """Cut ``text`` at every span boundary; each piece knows how many spans cover it."""
    change: dict[int, int] = defaultdict(int)  # +1 where a span opens, -1 where it closes
    starts: dict[int, list[str]] = defaultdict(list)
    for span in spans:
        begin, end = max(0, span.begin), min(len(text), span.end)
        if begin < end:
            change[begin] += 1
            change[end] -= 1
            starts[begin].append(span.fragment)
    cuts = sorted({0, len(text), *change})
    pieces: list[Mark] = []
    depth = 0
    for begin, end in zip(cuts, cuts[1:], strict=False):
        depth += change.get(begin, 0)
        pieces.append(Mark(text[begin:end], depth, tuple(starts.get(begin, ()))))
    return pieces
