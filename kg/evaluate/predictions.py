"""What an extractor or a built graph claims about each article, in one neutral shape.

Both adapters (:mod:`kg.evaluate.direct` from :class:`kg.model.Extraction` objects and
:mod:`kg.evaluate.stored` from a store) produce these, so the scoring code knows nothing
about where a prediction came from.  Names are kept as written; comparison keys are made
by :func:`kg.evaluate.rules.name_key` when matching.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PredEntity:
    """An actor, material or cited source: its label and every other name it goes by.

    ``type`` is the actor type or the material category (gold names), when known.
    """

    label: str
    alt_labels: set[str] = field(default_factory=set)
    type: str | None = None

    @property
    def names(self) -> set[str]:
        """The label and the alternative labels."""
        return {self.label, *self.alt_labels}


@dataclass
class PredMeasure:
    """One measure as one article reports it; a measure may carry several dates/statuses."""

    label: str
    type: str
    issuer_names: set[str] = field(default_factory=set)
    target_names: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    statuses: set[str] = field(default_factory=set)
    mentions: list[str] = field(default_factory=list)


@dataclass
class PredStatement:
    """A statement: the speaker's label (and other names), the quote, kind and ISO date."""

    speaker: str | None
    speaker_names: set[str]
    quote: str
    kind: str
    date: str | None = None
    negated: bool = False


@dataclass
class PredFigure:
    """A numeric claim."""

    value: float | None
    unit: str
    mention: str
    value_max: float | None = None
    qualifier: str | None = None


@dataclass(frozen=True)
class EvidenceSpan:
    """An evidence span as claimed: offsets and the anchor text said to be there."""

    begin: int
    end: int
    anchor: str


@dataclass
class PredFile:
    """Everything predicted for one article file; ``text`` is what offsets count into."""

    name: str
    text: str | None = None
    actors: list[PredEntity] = field(default_factory=list)
    materials: list[PredEntity] = field(default_factory=list)
    sources: list[PredEntity] = field(default_factory=list)
    measures: list[PredMeasure] = field(default_factory=list)
    statements: list[PredStatement] = field(default_factory=list)
    figures: list[PredFigure] = field(default_factory=list)
    evidence: list[EvidenceSpan] = field(default_factory=list)


@dataclass
class Predictions:
    """Predictions for a corpus, by file name, and inputs that could not be read."""

    mode: str
    files: dict[str, PredFile] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)
