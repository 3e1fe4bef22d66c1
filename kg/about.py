"""What a statement is about (``kg:about``): the measures and materials its own words name.

A researcher asks "who said what about which measure"; the graph answers it with
``kg:about`` from each Statement to the Measures and Materials it is about.  The rule is
evidence-based and deliberately narrow, so that a link is never a guess:

* a material is a topic when one of its mentions lies inside the statement's words
  ("did not specify whether rare earth elements are covered": rare earth elements);
* a measure is a topic when the evidence span of one of its accounts in the same article
  overlaps the statement's words ("demanding that Beijing withdraw the export ban": the
  export ban; "Wu rejected the protest": the protest) -- except the speaker's own protest,
  whose words are the act itself, not something said about it.

Measures merely named elsewhere in the sentence are not topics: a sentence may name two
measures, and only the words quoted or reported say which one the speaker spoke of.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Extraction, MeasureMention, MeasureType, StatementMention


@dataclass
class Topics:
    """The measure accounts and material names one statement is about."""

    measures: list[MeasureMention] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)


def statement_topics(statement: StatementMention, extraction: Extraction) -> Topics:
    """The topics of ``statement`` among what ``extraction`` found in the same article."""
    begin, end = statement.span.begin, statement.span.end
    topics = Topics()
    for measure in extraction.measures:
        if measure.span.begin < end and begin < measure.span.end \
                and not _own_protest(statement, measure):
            topics.measures.append(measure)
    seen: set[str] = set()
    for material in extraction.materials:
        if begin <= material.span.begin and material.span.end <= end \
                and material.name not in seen:
            seen.add(material.name)
            topics.materials.append(material.name)
    return topics


def _own_protest(statement: StatementMention, measure: MeasureMention) -> bool:
    """Whether the measure is the speaker's own protest: lodging it is what the words do."""
    return measure.type is MeasureType.PROTEST and measure.issuer is not None \
        and measure.issuer == statement.speaker
