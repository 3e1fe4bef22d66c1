"""Direct mode: predictions straight from the extractors, without building a store.

Each article file under the given paths is read with :func:`kg.ingest.read_article`, given
the corpus reference date exactly as ``kg build`` does (:func:`kg.build.anchor_corpus`, for
those without their own date), and run through
:func:`kg.extract.extract`.  Then, per article:

* actors and materials are grouped by canonical name: the name is the label, the surface
  forms seen *in that article* (possessives stripped) the alternative labels;
* cited sources likewise, from the citations;
* measure mentions that :mod:`kg.resolve` resolved to one node
  (:meth:`kg.resolve.Resolution.measure_for`) are one predicted measure, typed as the node,
  with all their issuers, dates, statuses and spans, as in the store (where the article
  names no target, the node's, as the store falls back on the identity's); an issuer's or a
  speaker's names are its canonical name and its surface forms in the article;
* a speaker, issuer, target or cited source the resolver made no actor node for is left out,
  as the graph leaves it out;
* every span any extractor produced is an evidence span, checked against the text (the
  store mode checks the ``kg:Evidence`` nodes, i.e. statement, figure and measure spans).

The store mode sees corpus-wide alternative labels instead (``skos:altLabel`` collects the
forms of every article); otherwise the two modes see the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..build import BuildReport, extract_corpus, read_corpus
from ..model import Article, Extraction, Span
from ..resolve import ActorLookup, MaterialLookup, Resolution, resolve
from .predictions import (
    EvidenceSpan,
    PredEntity,
    PredFigure,
    PredFile,
    Predictions,
    PredMeasure,
    PredStatement,
)


def predict_direct(paths: Sequence[str | Path]) -> Predictions:
    """Read, anchor and extract every article under ``paths``; unreadable ones are failures."""
    articles, failures = read_anchored(paths)
    build_report = BuildReport()
    extractions = extract_corpus(articles, build_report)
    predictions = predictions_from_extractions(extractions)
    predictions.failures = failures + [(f.path, f.message) for f in build_report.failures]
    return predictions


def read_anchored(paths: Sequence[str | Path]) -> tuple[list[Article], list[tuple[str, str]]]:
    """The articles under ``paths`` with reference dates set as ``kg build`` sets them, and
    the files that could not be read (path, reason)."""
    build_report = BuildReport()
    articles = read_corpus(list(paths), build_report)
    return articles, [(f.path, f.message) for f in build_report.failures]


def predictions_from_extractions(extractions: Iterable[Extraction]) -> Predictions:
    """Turn extractions (of one corpus) into :class:`Predictions`."""
    extractions = list(extractions)
    actor_lookup, material_lookup = _lookups()
    resolution = resolve(extractions, actor_lookup=actor_lookup, material_lookup=material_lookup)
    out = Predictions(mode="direct extraction")
    for extraction in extractions:
        pred = file_from_extraction(extraction, resolution)
        out.files[pred.name] = pred
    return out


def file_from_extraction(extraction: Extraction, resolution: Resolution) -> PredFile:
    """The predictions of one article; ``resolution`` groups its measure mentions."""
    article = extraction.article
    forms: dict[str, set[str]] = defaultdict(set)
    types: dict[str, str] = {}
    for mention in extraction.actors:
        forms[mention.name].add(_form(mention.span.text))
        types.setdefault(mention.name, mention.type.value)

    def names(name: str | None) -> set[str]:
        # As in the graph, a speaker, issuer or target the resolver made no node for is absent.
        if not name or name not in resolution.actors:
            return set()
        return {name, *forms.get(name, set())}

    pred = PredFile(name=article.identifier, text=article.text)
    pred.actors = [PredEntity(n, forms[n] - {n}, types[n]) for n in sorted(forms)]
    materials: dict[str, set[str]] = defaultdict(set)
    categories: dict[str, str] = {}
    for material in extraction.materials:
        materials[material.name].add(_form(material.span.text))
        categories.setdefault(material.name, material.category.value)
    pred.materials = [PredEntity(n, materials[n] - {n}, categories[n]) for n in sorted(materials)]
    cited: dict[str, set[str]] = defaultdict(set)
    for citation in extraction.citations:
        if citation.name in resolution.actors:
            cited[citation.name].update(names(citation.name) | {_form(citation.span.text)})
    pred.sources = [PredEntity(n, cited[n] - {n}) for n in sorted(cited)]

    grouped: dict[str, PredMeasure] = {}
    for m in extraction.measures:
        node = resolution.measure_for(m)
        measure = grouped.setdefault(node.key, PredMeasure(label=node.label, type=node.type.value))
        measure.issuer_names |= names(m.issuer)
        measure.target_names |= names(m.target)
        if m.date is not None:
            measure.dates.add(m.date.isoformat())
        measure.statuses.add(m.status.value)
        measure.mentions.append(m.span.text)
    for m in extraction.measures:
        # As the store reads it: an article naming no target takes the measure node's.
        node = resolution.measure_for(m)
        if not grouped[node.key].target_names:
            grouped[node.key].target_names |= names(node.target)
    pred.measures = list(grouped.values())

    pred.statements = [
        PredStatement(speaker=s.speaker if names(s.speaker) else None,
                      speaker_names=names(s.speaker), quote=s.span.text,
                      kind=s.kind.value, date=s.date.isoformat() if s.date else None,
                      negated=s.negated)
        for s in extraction.statements
    ]
    pred.figures = [
        PredFigure(value=None if f.value is None else float(f.value), unit=f.unit,
                   mention=f.span.text,
                   value_max=None if f.value_max is None else float(f.value_max),
                   qualifier=f.qualifier)
        for f in extraction.figures
    ]
    pred.evidence = [EvidenceSpan(s.begin, s.end, s.text) for s in _spans(extraction)]
    return pred


def _spans(extraction: Extraction) -> list[Span]:
    spans: set[Span] = set()
    for group in (extraction.actors, extraction.materials, extraction.citations,
                  extraction.statements, extraction.figures, extraction.measures):
        spans.update(item.span for item in group)
    spans.update(c.mention for c in extraction.candidates)
    return sorted(spans)


def _form(text: str) -> str:
    return " ".join(text.split())


def _lookups() -> tuple[ActorLookup | None, MaterialLookup | None]:
    """The reference-data lookups ``kg build`` resolves with, when the extractors ship them."""
    try:
        from ..extract.refdata import actor_info, material_info
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__.rpartition('.')[0]}.extract.refdata":
            raise
        return None, None  # extractors without reference data: resolve from mentions alone
    return actor_info, material_info
