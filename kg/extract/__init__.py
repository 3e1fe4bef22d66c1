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
(``kg/data/triggers.toml``) by :mod:`kg.extract.triggers`.
"""

from __future__ import annotations

from ..collector import collector_paused
from ..model import Article, Extraction
from .actors import find_actors
from .citations import find_citations
from .context import build_context
from .figures import find_figures
from .materials import find_materials
from .measures import find_measures
from .statements import find_statements

__all__ = ["extract"]


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
    return Extraction(
        article=article,
        actors=actors,
        candidates=candidates,
        materials=materials,
        citations=find_citations(article, actors),
        statements=statements,
        figures=find_figures(article, actors, statements=statements, context=context),
        measures=find_measures(article, actors, materials, statements=statements,
                               context=context),
    )
