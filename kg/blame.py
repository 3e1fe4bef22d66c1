"""Which input a SHACL violation of a built graph belongs to: one fact of an article, the
whole article, or nothing the build can leave out.

A build validates the corpus graph before writing it (:func:`kg.build.write_corpus`).  When a
shape fires, the smallest thing to leave out is the fact it fired on: one statement, figure,
measure account or candidate link, found from the focus node (its own IRI, or the IRI of its
evidence span, both minted from the article and the offsets by :mod:`kg.namespace`).  The
rest of the article stays in the graph.  A violation on a node that is no single fact of the
article (its actors, the article node itself) leaves the whole article out, as before; one
that no article can be blamed for fails the build.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .model import (
    CandidateLink,
    Extraction,
    FigureMention,
    MeasureMention,
    Span,
    StatementMention,
)
from .namespace import KG, KGSH, article_iri, candidate_iri, evidence_iri, statement_iri
from .resolve import Resolution

if TYPE_CHECKING:  # validate imports pyshacl, which is slow to load
    from .validate import ValidationReport, ValidationResult

Fact = StatementMention | FigureMention | MeasureMention | CandidateLink
"""An extracted item a build can leave out on its own."""


@dataclass
class Blame:
    """What the violations of one validation belong to."""

    articles: dict[str, str] = field(default_factory=dict)
    """Article IRI -> the first violation on a node of it that is no single fact."""
    facts: dict[str, dict[int, tuple[Fact, str]]] = field(default_factory=dict)
    """Article IRI -> ``id(fact)`` -> the fact and the first violation on it."""


def blame_violations(
    validation: ValidationReport, data: ox.Store, extractions: Sequence[Extraction],
    resolution: Resolution,
) -> Blame | None:
    """Blame each violation of ``validation`` on a fact or an article of ``extractions``
    (resolved as ``resolution``, assembled into ``data``); None when one belongs to no
    article (it is in the entities graph and no article mentions its focus node)."""
    index = _fact_index(extractions, resolution)
    blame = Blame()
    for result in validation.results:
        if result.severity != "Violation":
            continue
        articles = {result.article} if result.article else _mentioned_by(data, result.focus)
        if not articles:
            return None
        reason = describe(result)
        for article in articles:
            facts = index.get((article, result.focus))
            if not facts:
                blame.articles.setdefault(article, reason)
                continue
            for fact in facts:
                blame.facts.setdefault(article, {}).setdefault(id(fact), (fact, reason))
    return blame


def describe(result: ValidationResult) -> str:
    """A violation in one line: the shape (with its name) and the focus node."""
    shape = result.shape.replace(str(KGSH), "kgsh:")
    name = f" ({result.shape_name})" if result.shape_name else ""
    return f"{shape}{name} on <{result.focus}>"


def without_facts(extraction: Extraction, facts: Sequence[Fact]) -> Extraction:
    """``extraction`` less ``facts`` (compared by identity: two equal mentions are two)."""
    drop = {id(fact) for fact in facts}
    return replace(
        extraction,
        statements=[s for s in extraction.statements if id(s) not in drop],
        figures=[f for f in extraction.figures if id(f) not in drop],
        measures=[m for m in extraction.measures if id(m) not in drop],
        candidates=[c for c in extraction.candidates if id(c) not in drop],
    )


def fact_kind(fact: Fact) -> str:
    """What a fact is, in a report's words."""
    if isinstance(fact, StatementMention):
        return "statement"
    if isinstance(fact, FigureMention):
        return "figure"
    if isinstance(fact, MeasureMention):
        return "measure"
    return "candidate link"


def fact_span(fact: Fact) -> Span:
    """The evidence span of a fact."""
    return fact.mention if isinstance(fact, CandidateLink) else fact.span


def _fact_index(
    extractions: Sequence[Extraction], resolution: Resolution,
) -> dict[tuple[str, str], list[Fact]]:
    # (article IRI, node IRI) -> the facts that node stands for in that article's graph.  A
    # statement and a figure on one span share their IRIs; a measure's node is shared by
    # the articles that report it, so it is keyed by article too.
    index: dict[tuple[str, str], list[Fact]] = {}

    def put(g: str, node: str, fact: Fact) -> None:
        index.setdefault((g, node), []).append(fact)

    for extraction in extractions:
        ident = extraction.article.identifier
        g = article_iri(ident)
        spoken: list[StatementMention | FigureMention] = [
            *extraction.statements, *extraction.figures]
        for said in spoken:
            span = said.span
            put(g, statement_iri(ident, span.begin, span.end), said)
            put(g, evidence_iri(ident, span.begin, span.end), said)
        for measure in extraction.measures:
            span = measure.span
            put(g, evidence_iri(ident, span.begin, span.end), measure)
            try:
                put(g, resolution.measure_for(measure).iri, measure)
            except KeyError:
                pass  # not in the graph, so no violation can be on it
        for measure, node in resolution.candidate_accounts(extraction.measures):
            span = measure.span
            for key in node.candidates:
                put(g, candidate_iri(ident, span.begin, span.end, key), measure)
        for link in extraction.candidates:
            span = link.mention
            put(g, candidate_iri(ident, span.begin, span.end, link.candidate), link)
            put(g, evidence_iri(ident, span.begin, span.end), link)
    return index


def _mentioned_by(data: ox.Store, focus: str) -> set[str]:
    """The article graphs that mention ``focus`` (an IRI; a blank node is mentioned by none)."""
    if focus.startswith("_:"):
        return set()
    graphs = {q.graph_name for q in data.quads_for_pattern(
        None, ox.NamedNode(str(KG.mentions)), ox.NamedNode(focus), None)}
    return {g.value for g in graphs if isinstance(g, ox.NamedNode)}
