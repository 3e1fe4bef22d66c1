"""Rule-based, deterministic, offline extractors: one article in, an :class:`Extraction` out.

The pipeline runs components in order; each declares what it needs and produces (in the
manner of spaCy pipeline components):

==============  ==========================  ================================
component       needs                       produces
==============  ==========================  ================================
actors          article text, actors data   ActorMention, CandidateLink
materials       article text, materials     MaterialMention
citations       actors                      CitationMention
statements      actors                      StatementMention
figures         actors, statements          FigureMention
measures        actors, materials,          MeasureMention
                statements
==============  ==========================  ================================

Statements, figures and measures share one :class:`~kg.extract.context.Context` (the
article's paragraphs, sentences, quotations, resolved dates and actor index), built once.

Reference data (known actors, aliases, materials) lives in ``kg/data/`` and is loaded once by
:mod:`kg.extract.refdata`; the trigger words of statements, figures, measures and dates
(``kg/data/triggers.toml``) by :mod:`kg.extract.triggers`.  :func:`prepare` loads them and
compiles the rule tables made from them, once per process, before a corpus is extracted.
"""

from __future__ import annotations

from ..collector import collector_paused
from ..model import Article, Extraction
from . import (
    citations,
    data_terms,
    dates,
    figure_about,
    figure_counts,
    figure_filters,
    figure_frames,
    figure_shares,
    figure_subjects,
    figures,
    furniture,
    speech_triggers,
)
from .actor_bylines import publisher_actor
from .actors import find_actors
from .citations import find_citations
from .context import build_context
from .figures import find_figures
from .materials import find_materials
from .measures import find_measures
from .measures.learned import load_model as load_measure_model
from .measures.rules import measure_rules
from .refdata import actor_data, material_data
from .statements import find_statements
from .triggers import load_triggers

__all__ = ["extract", "prepare"]


def prepare() -> None:
    """Load the reference data and compile the rule tables made from it, now.

    Each is built once per process on first use (cached), so this changes no result: it
    moves that one-time setup (about 0.1 s: the date, measure and figure tables most)
    out of the first article's extraction, where it would be taken for extraction time.
    :func:`kg.build.extract_corpus` calls it before its first article.
    """
    actor_data()
    material_data()
    load_triggers()
    measure_rules()
    load_measure_model()
    for module in (dates, figures, figure_shares, figure_counts, figure_frames, figure_about,
                   figure_filters, figure_subjects,
                   data_terms, citations, furniture, speech_triggers):
        module.prepare()


@collector_paused()
def extract(article: Article) -> Extraction:
    """Run every extractor over one article.

    The cyclic garbage collector is paused while it runs (see :mod:`kg.collector`): one
    article makes tens of thousands of short-lived objects, and the collections they would
    trigger traverse the extractions of all the articles before.
    """
    actors, candidates = find_actors(article)
    materials = find_materials(article)
    context = build_context(article, actors)
    statements = find_statements(article, actors, context=context)
    publisher = None
    if article.metadata.publisher:
        name = publisher_actor(article.metadata.publisher)[0]
        publisher = name if any(m.name == name for m in actors) else None
    return Extraction(
        article=article,
        actors=actors,
        candidates=candidates,
        publisher=publisher,
        materials=materials,
        citations=find_citations(article, actors),
        statements=statements,
        figures=find_figures(article, actors, statements=statements, context=context),
        measures=find_measures(article, actors, materials, statements=statements,
                               context=context),
    )
