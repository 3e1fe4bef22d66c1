"""Graph assembly: resolved extractions -> RDF quads, laid out as docs/graph-layout.md says.

The entities graph holds what is true across articles (types, the one label, aliases,
links between actors, a measure's identity); each article's named graph holds what that
article asserts, with a ``kg:evidence`` span on every Statement and Measure assertion.

Quads are pyoxigraph terms so that the store loads them without conversion.  Every IRI is
minted by :mod:`kg.namespace` from canonical names and offsets, so the same input always
gives the same quads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .about import statement_topics
from .collector import collector_paused
from .disagree import Disagreement
from .extract.text import sentence_index, split_sentences
from .model import (
    ActorType,
    Article,
    DatePrecision,
    Extraction,
    MaterialCategory,
    MeasureStatus,
    MeasureType,
    PartialDate,
    Span,
    StatementKind,
)
from .namespace import (
    DISAGREEMENTS_GRAPH,
    ENTITIES_GRAPH,
    KG,
    NIF,
    SCHEMA,
    article_iri,
    candidate_iri,
    evidence_iri,
    statement_iri,
)
from .resolve import ActorNode, MeasureNode, Resolution, measure_target, surface_form

ACTOR_CLASSES: dict[ActorType, str] = {
    ActorType.PERSON: KG.Person,
    ActorType.STATE: KG.State,
    ActorType.GOVERNMENT_BODY: KG.GovernmentBody,
    ActorType.COMPANY: KG.Company,
    ActorType.MEDIA: KG.MediaOutlet,
    ActorType.ORGANIZATION: KG.Organization,
}
MEASURE_CONCEPTS: dict[MeasureType, str] = {
    MeasureType.EXPORT_BAN: KG.ExportBan,
    MeasureType.EXPORT_CONTROL: KG.ExportControl,
    MeasureType.LICENSING_RESTRICTION: KG.LicensingRestriction,
    MeasureType.IMPORT_BAN: KG.ImportBan,
    MeasureType.TRAVEL_ADVISORY: KG.TravelAdvisory,
    MeasureType.PROTEST: KG.DiplomaticProtest,
    MeasureType.BUDGET: KG.DefenceBudget,
    MeasureType.MILITARY_DRILL: KG.MilitaryDrill,
    MeasureType.OTHER: KG.OtherMeasure,
}
STATUS_CONCEPTS: dict[MeasureStatus, str] = {
    MeasureStatus.ANNOUNCED: KG.Announced,
    MeasureStatus.IN_FORCE: KG.InForce,
    MeasureStatus.REPORTED: KG.Reported,
    MeasureStatus.UNDER_CONSIDERATION: KG.UnderConsideration,
    MeasureStatus.HISTORICAL: KG.Historical,
}
KIND_CONCEPTS: dict[StatementKind, str] = {
    StatementKind.DIRECT_QUOTE: KG.DirectQuote,
    StatementKind.REPORTED: KG.ReportedSpeech,
}
CATEGORY_CONCEPTS: dict[MaterialCategory, str] = {
    MaterialCategory.RARE_EARTH_ELEMENT: KG.RareEarthElement,
    MaterialCategory.RARE_EARTH_PRODUCT: KG.RareEarthProduct,
    MaterialCategory.SEMICONDUCTOR: KG.Semiconductor,
    MaterialCategory.COMPONENT: KG.Component,
    MaterialCategory.TECHNOLOGY: KG.Technology,
    MaterialCategory.OTHER: KG.OtherMaterial,
}
_DATE_TYPES: dict[DatePrecision, str] = {
    DatePrecision.DAY: XSD.date,
    DatePrecision.MONTH: XSD.gYearMonth,
    DatePrecision.YEAR: XSD.gYear,
}


def _iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def _text(value: str) -> ox.Literal:
    return ox.Literal(value)


@lru_cache(maxsize=64)
def _datatype(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _typed(value: object, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=_datatype(str(datatype)))


def date_literal(date: PartialDate) -> ox.Literal:
    """``kg:date`` literal at the date's own precision (xsd:date, gYearMonth or gYear)."""
    return _typed(date.isoformat(), _DATE_TYPES[date.precision])


def decimal_literal(value: Decimal) -> ox.Literal:
    """An xsd:decimal in the canonical form Oxigraph stores (``60.0`` -> ``60``).

    Writing what the store will give back keeps the validated graph, the stored graph
    and the exports identical.
    """
    return _typed(format(value.normalize(), "f"), XSD.decimal)


_TERMS = (ox.NamedNode, ox.Literal)
_MAX_CACHED_TERMS = 20_000


class _Quads:
    """Collects quads once each (two mentions may state the same triple), in the order they
    were added: a dict keeps it, so the same input gives the same list without sorting.

    Each IRI is made a term once: a corpus repeats a few predicates, classes and graph names
    hundreds of thousands of times, and building their terms again was most of the cost.
    """

    def __init__(self) -> None:
        self.quads: dict[ox.Quad, None] = {}
        self._nodes: dict[str, ox.NamedNode] = {}
        self.described: set[tuple[str, tuple[str, ...]]] = set()
        """The NIF strings (IRI and classes) described in the graph being made: an
        evidence span shared by several facts, or a sentence holding several spans, is
        described once (describing it again would add the same quads)."""

    def take(self) -> list[ox.Quad]:
        """The quads added since the last call (a whole graph), forgotten here."""
        quads, self.quads = list(self.quads), {}
        self.described = set()
        if len(self._nodes) > _MAX_CACHED_TERMS:
            # The cache must not grow with the corpus: statement and evidence IRIs occur in
            # one article only; the vocabulary comes back at once.
            self._nodes.clear()
        return quads

    def node(self, iri: str) -> ox.NamedNode:
        """The term of ``iri`` (an rdflib URIRef or a plain string)."""
        key = str(iri)
        node = self._nodes.get(key)
        if node is None:
            node = self._nodes[key] = ox.NamedNode(key)
        return node

    def add(self, graph: str, s: str, p: str, o: ox.NamedNode | ox.Literal | str) -> None:
        obj = o if isinstance(o, _TERMS) else self.node(o)
        self.quads[ox.Quad(self.node(s), self.node(p), obj, self.node(graph))] = None


@collector_paused()  # its collections would traverse every extraction: see kg.collector
def assemble(
    extractions: Iterable[Extraction],
    resolution: Resolution,
    disagreements: Iterable[Disagreement] = (),
) -> list[ox.Quad]:
    """All quads of a corpus: entities, one graph per article, disagreements (see
    :func:`iter_quads`, which yields them without holding them all)."""
    return list(iter_quads(extractions, resolution, disagreements))


def iter_quads(
    extractions: Iterable[Extraction],
    resolution: Resolution,
    disagreements: Iterable[Disagreement] = (),
) -> Iterator[ox.Quad]:
    """The quads of a corpus, one graph at a time: the entities graph, each article's graph,
    the disagreements graph.  Only the graph being made is held, so a build can stream a
    corpus into a store rather than hold a list of every quad (most of its memory).

    In a deterministic order (the order of the corpus and of its resolution), not a sorted
    one: sorting cost 40% of assembly and a string per quad, and the store keeps no order
    (exports sort, see :mod:`kg.export`).  Each graph holds each quad once.
    """
    out = _Quads()
    _add_entities(out, resolution)
    yield from out.take()
    for extraction in extractions:
        _add_article(out, extraction, resolution)
        yield from out.take()
    for disagreement in disagreements:
        _add_disagreement(out, disagreement)
    yield from out.take()


def _add_disagreement(out: _Quads, disagreement: Disagreement) -> None:
    g = DISAGREEMENTS_GRAPH
    d = disagreement.iri
    out.add(g, d, RDF.type, KG.Disagreement)
    out.add(g, d, RDFS.label, _text(disagreement.label))
    out.add(g, d, DCTERMS.type, _text(disagreement.kind))
    if disagreement.about:
        out.add(g, d, KG.disagreementAbout, disagreement.about)
    for assertion in disagreement.assertions:
        out.add(g, d, KG.conflictingAssertion, assertion.node)
        out.add(g, d, DCTERMS.source, article_iri(assertion.article))


def article_quads(extraction: Extraction, resolution: Resolution) -> list[ox.Quad]:
    """The quads of one article's named graph (for per-article figures and tests)."""
    out = _Quads()
    _add_article(out, extraction, resolution)
    return sorted(out.quads, key=str)


def _add_entities(out: _Quads, resolution: Resolution) -> None:
    g = ENTITIES_GRAPH
    for actor in resolution.actors.values():
        if not actor.local:  # an unnamed source is described in each article citing it
            _add_actor(out, g, actor.iri, actor, actor.alt_labels, resolution)
    for material in resolution.materials.values():
        out.add(g, material.iri, RDF.type, KG.Material)
        out.add(g, material.iri, RDFS.label, _text(material.name))
        out.add(g, material.iri, KG.category, CATEGORY_CONCEPTS[material.category])
        for alt in sorted(material.alt_labels):
            out.add(g, material.iri, SKOS.altLabel, _text(alt))
        if material.broader:
            out.add(g, material.iri, SKOS.broader, resolution.materials[material.broader].iri)
    for measure in resolution.measures.values():
        out.add(g, measure.iri, RDF.type, KG.Measure)
        out.add(g, measure.iri, RDFS.label, _text(measure.label))
        out.add(g, measure.iri, KG.measureType, MEASURE_CONCEPTS[measure.type])
        # A measure node is corpus-wide: an article-local unnamed issuer stays in the article.
        for link, name in ((KG.issuer, measure.issuer), (KG.target, measure.target)):
            if name and not resolution.actors[name].local:
                out.add(g, measure.iri, link, resolution.actors[name].iri)


def _add_actor(out: _Quads, g: str, iri: str, actor: ActorNode, alt_labels: Iterable[str],
               resolution: Resolution) -> None:
    """An actor node's types, label, aliases and links to other (corpus-wide) actors."""
    out.add(g, iri, RDF.type, KG.Actor)
    out.add(g, iri, RDF.type, ACTOR_CLASSES[actor.type])
    if actor.is_source:
        out.add(g, iri, RDF.type, KG.Source)
    out.add(g, iri, RDFS.label, _text(actor.name))
    for alt in sorted(alt_labels):
        out.add(g, iri, SKOS.altLabel, _text(alt))
    if actor.role:
        out.add(g, iri, KG.role, _text(actor.role))
    for link, name in ((KG.affiliation, actor.affiliation), (KG.partOf, actor.part_of)):
        if name and not resolution.actors[name].local:
            out.add(g, iri, link, resolution.actors[name].iri)


def _add_local_actors(out: _Quads, extraction: Extraction, resolution: Resolution,
                      names: Iterable[str]) -> None:
    """Describe, in the article's graph, the unnamed sources it refers to (``names``), with
    the ways this article writes them as aliases."""
    ident = extraction.article.identifier
    g = article_iri(ident)
    for name in sorted(set(names)):
        actor = resolution.actors[name]
        forms = {surface_form(m) for m in extraction.actors if m.name == name}
        _add_actor(out, g, resolution.actor_iri_in(name, ident), actor,
                   forms - {"", name}, resolution)


def _add_article_alias(out: _Quads, g: str, node: ActorNode, form: str) -> None:
    """A way article ``g`` writes a corpus-wide actor that is not among the node's aliases
    (a description such as "the ministry", or a form another node shares) is its
    ``skos:altLabel`` in that article's graph: every surface form stays an alias, and the
    entities graph keeps only those that name the node alone."""
    if form and not node.local and form != node.name and form not in node.alt_labels:
        out.add(g, node.iri, SKOS.altLabel, _text(form))


def _add_article(out: _Quads, extraction: Extraction, resolution: Resolution) -> None:
    article = extraction.article
    ident = article.identifier
    g = article_iri(ident)
    meta = article.metadata
    for cls in (KG.Article, KG.Source, NIF.Context):
        out.add(g, g, RDF.type, cls)
    out.add(g, g, DCTERMS.identifier, _text(ident))
    out.add(g, g, NIF.isString, _text(article.text))
    if meta.title:
        out.add(g, g, DCTERMS.title, _text(meta.title))
    if meta.date:
        out.add(g, g, DCTERMS.date, _typed(meta.date.isoformat(), XSD.date))
    if meta.publisher:
        out.add(g, g, DCTERMS.publisher, _text(meta.publisher))
    for name in meta.author_names():
        out.add(g, g, DCTERMS.creator, _text(name))
    if meta.url:
        out.add(g, g, SCHEMA.url, _iri(meta.url))

    actors = resolution.actors
    local: list[str] = []

    def iri(name: str) -> str:
        node = actors[name]
        if not node.local:
            return node.iri
        local.append(name)
        return resolution.actor_iri_in(name, ident)

    for mention in extraction.actors:
        if mention.name in actors:
            out.add(g, g, KG.mentions, iri(mention.name))
            _add_article_alias(out, g, actors[mention.name], surface_form(mention))
    for material in extraction.materials:
        out.add(g, g, KG.mentions, resolution.materials[material.name].iri)
    for citation in extraction.citations:
        if citation.name in actors:
            out.add(g, g, KG.cites, iri(citation.name))
    if extraction.publisher in actors:
        out.add(g, g, SCHEMA.publisher, iri(extraction.publisher))

    for statement in extraction.statements:
        if statement.speaker not in actors:
            continue  # words nobody is known to have said are not a Statement (layout rule)
        s = statement_iri(ident, statement.span.begin, statement.span.end)
        out.add(g, s, RDF.type, KG.Statement)
        out.add(g, s, KG.quote, _text(statement.span.text))
        out.add(g, s, KG.statementKind, KIND_CONCEPTS[statement.kind])
        out.add(g, s, PROV.wasDerivedFrom, g)
        if statement.speaker in actors:
            out.add(g, s, KG.speaker, iri(statement.speaker))
        if statement.via in actors:
            out.add(g, s, KG.via, iri(statement.via))
        if statement.date:
            out.add(g, s, KG.date, date_literal(statement.date))
        if statement.negated:
            out.add(g, s, KG.negated, _typed("true", XSD.boolean))
        topics = statement_topics(statement, extraction)
        for measure in topics.measures:
            out.add(g, s, KG.about, resolution.measure_for(measure).iri)
        for name in topics.materials:
            if name in resolution.materials:
                out.add(g, s, KG.about, resolution.materials[name].iri)
        _add_evidence(out, article, s, statement.span)

    for figure in extraction.figures:
        s = statement_iri(ident, figure.span.begin, figure.span.end)
        out.add(g, s, RDF.type, KG.Statement)
        out.add(g, s, RDF.type, KG.NumericClaim)
        out.add(g, s, KG.quote, _text(figure.span.text))
        out.add(g, s, KG.statementKind, KG.ReportedSpeech)
        out.add(g, s, PROV.wasDerivedFrom, g)
        out.add(g, s, KG.unit, _text(figure.unit))
        if figure.value is not None:
            out.add(g, s, KG.value, decimal_literal(figure.value))
        if figure.value_max is not None:
            out.add(g, s, KG.valueMax, decimal_literal(figure.value_max))
        if figure.qualifier:
            out.add(g, s, KG.qualifier, _text(figure.qualifier))
        if figure.asserted_by in actors:
            out.add(g, s, KG.speaker, iri(figure.asserted_by))
        _add_evidence(out, article, s, figure.span)

    for measure, node in resolution.candidate_accounts(extraction.measures):
        _add_measure_candidates(out, article, node, measure.span, resolution)
    for measure in extraction.measures:
        node = resolution.measure_for(measure)
        m = node.iri
        out.add(g, g, KG.mentions, m)
        out.add(g, m, KG.measureType, MEASURE_CONCEPTS[measure.type])
        out.add(g, m, KG.status, STATUS_CONCEPTS[measure.status])
        if measure.issuer in actors:
            out.add(g, m, KG.issuer, iri(measure.issuer))
        target = measure_target(measure, actors)
        if target in actors:
            out.add(g, m, KG.target, iri(target))
        if measure.via in actors:
            out.add(g, m, KG.via, iri(measure.via))
        if measure.date:
            out.add(g, m, KG.date, date_literal(measure.date))
        for name in measure.covers:
            if name in resolution.materials:
                out.add(g, m, KG.covers, resolution.materials[name].iri)
        e = _add_evidence(out, article, m, measure.span)
        if measure.model_score is not None:
            # proposed by the learned step, not found by a rule: say so, with how sure it was
            out.add(g, e, KG.modelScore,
                    decimal_literal(Decimal(str(round(measure.model_score, 3)))))

    for link in extraction.candidates:
        if link.candidate not in actors:
            continue
        c = candidate_iri(ident, link.mention.begin, link.mention.end, link.candidate)
        out.add(g, c, RDF.type, KG.CandidateLink)
        out.add(g, c, KG.candidateFor, iri(link.candidate))
        out.add(g, c, KG.score, decimal_literal(Decimal(str(round(link.score, 3)))))
        _add_evidence(out, article, c, link.mention)
    _add_local_actors(out, extraction, resolution, local)


def _add_measure_candidates(out: _Quads, article: Article, node: MeasureNode, span: Span,
                            resolution: Resolution) -> None:
    """The targeted measures an untargeted ``node`` may be, as scored candidate links in
    the graph of one article that tells it, on the span of its first account there."""
    g = article_iri(article.identifier)
    score = decimal_literal(Decimal(str(round(1 / len(node.candidates), 3))))
    for key in node.candidates:
        candidate = resolution.measures[key]
        c = candidate_iri(article.identifier, span.begin, span.end, key)
        out.add(g, c, RDF.type, KG.CandidateLink)
        out.add(g, c, KG.candidateOf, node.iri)
        out.add(g, c, KG.candidateFor, candidate.iri)
        out.add(g, c, KG.score, score)
        _add_evidence(out, article, c, span)


# Evidence spans are the most frequent nodes of a graph: their terms are looked up once here
# rather than through the rdflib namespaces on every span.
_EVIDENCE = str(KG.evidence)
_EVIDENCE_CLASSES = (str(KG.Evidence), str(NIF.String), str(NIF.RFC5147String))
_SENTENCE = str(KG.sentence)
_SENTENCE_CLASSES = (str(NIF.Sentence), str(NIF.String), str(NIF.RFC5147String))
_TYPE = str(RDF.type)
_CONTEXT, _BEGIN, _END, _ANCHOR = (str(NIF.referenceContext), str(NIF.beginIndex),
                                   str(NIF.endIndex), str(NIF.anchorOf))
_INTEGER = str(XSD.integer)


def _add_evidence(out: _Quads, article: Article, node: str, span: Span) -> str:
    """Link ``node`` to the evidence span ``span`` of an article, described there, and the
    span to the sentence(s) holding it (``kg:sentence``); returns the span's IRI."""
    g = article_iri(article.identifier)
    e = evidence_iri(article.identifier, span.begin, span.end)
    out.add(g, node, _EVIDENCE, e)
    _add_string(out, g, e, span, _EVIDENCE_CLASSES)
    sentences = split_sentences(article.text)  # kept per text: one split per article
    first = sentence_index(sentences, span.begin)
    last = sentence_index(sentences, max(span.begin, span.end - 1))
    if first is not None and last is not None:
        for sentence in sentences[first:last + 1]:
            sentence_iri = evidence_iri(article.identifier, sentence.begin, sentence.end)
            out.add(g, e, _SENTENCE, sentence_iri)
            _add_string(out, g, sentence_iri, sentence, _SENTENCE_CLASSES)
    return e


def _add_string(out: _Quads, g: str, iri: str, span: Span, classes: tuple[str, ...]) -> None:
    """Describe a NIF string of article ``g``: its types, article, offsets and text (once
    per graph: see :attr:`_Quads.described`)."""
    if (iri, classes) in out.described:
        return
    out.described.add((iri, classes))
    for cls in classes:
        out.add(g, iri, _TYPE, cls)
    out.add(g, iri, _CONTEXT, g)
    # xsd:integer rather than NIF's xsd:nonNegativeInteger: Oxigraph stores the latter as
    # the former, and the graph we validate must be the graph we store.
    out.add(g, iri, _BEGIN, _typed(span.begin, _INTEGER))
    out.add(g, iri, _END, _typed(span.end, _INTEGER))
    out.add(g, iri, _ANCHOR, _text(span.text))
