"""Plain data passed between the pipeline stages: ingest -> extract -> resolve -> graph.

Extractors produce *mentions* tied to exact spans of one article's text; they know nothing
about IRIs.  :mod:`kg.resolve` turns canonical names into nodes across articles and
:mod:`kg.graph` writes the triples.  Keeping this contract small and typed lets each stage
be tested alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class ActorType(StrEnum):
    """Kinds of actor, named as in the evaluation gold (``type`` field)."""

    PERSON = "person"
    STATE = "state"
    GOVERNMENT_BODY = "government_body"
    COMPANY = "company"
    MEDIA = "media"
    ORGANIZATION = "organization"


class MeasureType(StrEnum):
    """Kinds of measure, named as in the evaluation gold; mapped to ``kg:`` SKOS concepts."""

    EXPORT_BAN = "export_ban"
    EXPORT_CONTROL = "export_control"
    LICENSING_RESTRICTION = "licensing_restriction"
    IMPORT_BAN = "import_ban"
    TRAVEL_ADVISORY = "travel_advisory"
    PROTEST = "protest"
    BUDGET = "budget"
    MILITARY_DRILL = "military_drill"
    OTHER = "other"


class MeasureStatus(StrEnum):
    """Status of a measure as one article reports it."""

    ANNOUNCED = "announced"
    IN_FORCE = "in_force"
    REPORTED = "reported"
    UNDER_CONSIDERATION = "under_consideration"
    HISTORICAL = "historical"


class StatementKind(StrEnum):
    """Whether the words are quoted verbatim or reported."""

    DIRECT_QUOTE = "direct_quote"
    REPORTED = "reported"


class MaterialCategory(StrEnum):
    """Material categories, named as in the evaluation gold."""

    RARE_EARTH_ELEMENT = "rare_earth_element"
    RARE_EARTH_PRODUCT = "rare_earth_product"
    SEMICONDUCTOR = "semiconductor"
    COMPONENT = "component"
    TECHNOLOGY = "technology"
    OTHER = "other"


class DatePrecision(StrEnum):
    """How precise a date is, mapped to xsd:date, xsd:gYearMonth and xsd:gYear."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A half-open range of code points ``[begin, end)`` in an article's text.

    Slotted: an article's extraction makes thousands of spans and reads their offsets
    many times over; without a ``__dict__`` (which :meth:`of` used to fill) a span takes
    56 bytes instead of 350 and its fields are read faster (measured: 0.37 ms less per
    synthetic article over all extractors)."""

    begin: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.begin <= self.end:
            raise ValueError(f"bad span [{self.begin}, {self.end})")
        if len(self.text) != self.end - self.begin:
            raise ValueError(f"span text {self.text!r} does not fit [{self.begin}, {self.end})")

    @classmethod
    def of(cls, text: str, begin: int, end: int) -> Span:
        """Cut the span ``[begin, end)`` out of ``text``."""
        piece = text[begin:end]
        if not 0 <= begin <= end or len(piece) != end - begin:
            return cls(begin, end, piece)  # raises the ValueError of __post_init__
        # The extractors cut hundreds of spans per article: once checked here, the fields
        # are set directly by their slots' setters, as the frozen dataclass's __init__
        # sets them with object.__setattr__ (that and __post_init__ cost twice as much).
        span = object.__new__(cls)
        _set_begin(span, begin)
        _set_end(span, end)
        _set_text(span, piece)
        return span


# The setters of Span's slots (their member descriptors).
_set_begin = Span.__dict__["begin"].__set__
_set_end = Span.__dict__["end"].__set__
_set_text = Span.__dict__["text"].__set__


JAPANESE_ERAS = {"meiji": 1868, "taisho": 1912, "taishō": 1912, "showa": 1926, "shōwa": 1926,
                 "heisei": 1989, "reiwa": 2019}
"""The first (Gregorian) year of each Japanese era: "Reiwa 5" is 2023, "Heisei 31" 2019.
Machine translations of Japanese releases keep the era ("Reiwa 5 year (2023) May 23")."""


def era_year(era: str, number: int) -> int | None:
    """The Gregorian year of year ``number`` (1 = the first) of a Japanese ``era``."""
    first = JAPANESE_ERAS.get(era.lower())
    return first + number - 1 if first is not None and number >= 1 else None


def day_and_month(first: int, second: int) -> tuple[int, int] | None:
    """The (day, month) of a numeric date's two leading numbers ("17/03" or "03/17"), read
    only when one of them cannot be a month; ``None`` when either order is a date ("06/01")
    or neither is."""
    if (first > 12) == (second > 12):
        return None
    return (first, second) if first > 12 else (second, first)


@dataclass(frozen=True)
class PartialDate:
    """A date with the precision the text gives: ``2026-01-06``, ``2025-11`` or ``2025``."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Raises ValueError on impossible dates such as 31 February.
        dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def precision(self) -> DatePrecision:
        """The precision of this date."""
        if self.day is not None:
            return DatePrecision.DAY
        if self.month is not None:
            return DatePrecision.MONTH
        return DatePrecision.YEAR

    def isoformat(self) -> str:
        """ISO 8601 at this date's precision."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """A day-precision date."""
        return cls(value.year, value.month, value.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        parts = [int(p) for p in text.split("-")]
        return cls(*parts)  # type: ignore[arg-type]


@dataclass
class ArticleMetadata:
    """What is known about an article; ``None`` where neither header nor text says."""

    title: str | None = None
    date: dt.date | None = None
    publisher: str | None = None
    author: str | None = None
    """The byline as written: one name, or several ("Jane Roe and John Doe")."""
    url: str | None = None

    def author_names(self) -> list[str]:
        """Each name of :attr:`author` ("Jane Roe and John Doe" -> two names)."""
        if not self.author:
            return []
        return [n for n in AUTHOR_SEPARATORS.split(self.author.strip()) if n]


AUTHOR_SEPARATORS = re.compile(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*&\s*|\s*;\s*")
"""What separates the names of a byline with several authors."""


@dataclass
class Article:
    """One input article: its file name, exact text and metadata.

    ``text`` is what ``nif:isString`` holds and what every offset counts into: the file's
    content after the header (the whole file when there is none), decoded as UTF-8.
    """

    identifier: str
    text: str
    metadata: ArticleMetadata = field(default_factory=ArticleMetadata)
    path: str | None = None
    metadata_spans: dict[str, Span] = field(default_factory=dict)
    """Where in ``text`` each metadata value was found (only for header-less articles)."""
    notes: list[str] = field(default_factory=list)
    """What is worth telling about the input without refusing it (a header key that looks
    like a misspelt one, "autor:"); ``kg build`` prints them."""
    reference_date: dt.date | None = None
    """The date relative expressions resolve against when the article gives none itself.

    :func:`kg.build` sets it to the latest dated article of the same corpus (documented in
    README.md); it is never written to the graph as the article's own date.
    """

    @property
    def anchor_date(self) -> dt.date | None:
        """The article's own date, else the corpus reference date, else ``None``."""
        return self.metadata.date or self.reference_date


UNNAMED_PREFIX = "unnamed "
"""How extractors name an unnamed source ("unnamed Japanese officials"): a description, not
a name, so two articles' unnamed officials are not known to be the same people."""


def is_unnamed(name: str) -> bool:
    """Whether ``name`` is an unnamed source's description rather than a real name."""
    return name.startswith(UNNAMED_PREFIX)


@dataclass
class ActorMention:
    """An actor named in an article.

    ``name`` is the canonical English name (the reference data's key, or the surface form
    itself for a name found by patterns).  ``affiliation`` and ``part_of`` are canonical
    names of other actors.
    """

    name: str
    type: ActorType
    span: Span
    role: str | None = None
    affiliation: str | None = None
    part_of: str | None = None
    known: bool = True
    """True when the actor comes from the reference data, False when found by a pattern."""


@dataclass
class CandidateLink:
    """An uncertain identity between a mention and a known actor, kept instead of merged."""

    mention: Span
    candidate: str
    score: float


@dataclass
class MaterialMention:
    """A material, good or technology named in an article."""

    name: str
    category: MaterialCategory
    span: Span
    broader: str | None = None


@dataclass
class StatementMention:
    """Words attributed to an actor: a direct quote or reported speech.

    ``span`` is the verbatim quote (``kg:quote``) and the evidence; ``speaker`` and ``via``
    are canonical actor names.
    """

    speaker: str | None
    kind: StatementKind
    span: Span
    date: PartialDate | None = None
    via: str | None = None
    about: list[str] = field(default_factory=list)
    negated: bool = False


@dataclass
class FigureMention:
    """A number with a unit that an article asserts (a numeric claim)."""

    value: Decimal | None
    unit: str
    span: Span
    value_max: Decimal | None = None
    qualifier: str | None = None
    about: str | None = None
    asserted_by: str | None = None


@dataclass
class MeasureMention:
    """An article's account of a measure: what, by whom, against whom, when, covering what."""

    type: MeasureType
    span: Span
    issuer: str | None = None
    target: str | None = None
    date: PartialDate | None = None
    status: MeasureStatus = MeasureStatus.ANNOUNCED
    covers: list[str] = field(default_factory=list)
    via: str | None = None
    model_score: float | None = None
    """The probability the learned detector gave the sentence, for a measure it proposed;
    ``None`` for one the rules found."""


@dataclass
class CitationMention:
    """An outlet, agency or organisation an article cites as a source."""

    name: str
    span: Span


@dataclass
class Extraction:
    """Everything the extractors found in one article."""

    article: Article
    actors: list[ActorMention] = field(default_factory=list)
    materials: list[MaterialMention] = field(default_factory=list)
    statements: list[StatementMention] = field(default_factory=list)
    figures: list[FigureMention] = field(default_factory=list)
    measures: list[MeasureMention] = field(default_factory=list)
    citations: list[CitationMention] = field(default_factory=list)
    candidates: list[CandidateLink] = field(default_factory=list)
    publisher: str | None = None
    """The canonical name of the actor the header's publisher names, when it is among
    :attr:`actors` (``schema:publisher`` links the article to its node)."""
