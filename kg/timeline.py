"""Dated claims across the corpus: which article says what happened when.

Every ``kg:date`` in an article's graph is one :class:`Event`: a Measure as that article
dates it, or a Statement.  Dates keep the precision the text gave (``xsd:date``,
``xsd:gYearMonth``, ``xsd:gYear``), read here as a :class:`Period` (first and last day), so
"in November" is the whole of November rather than a made-up 1 November.  Articles'
own publication dates come along, to show how far back each article looks.

No web framework here; the timeline page lays these out (``server/charts.py``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import RDF, XSD

from .entity import Labels, Term
from .evidence import ArticleRef, Articles, Snippet
from .namespace import KG

_TYPE = ox.NamedNode(RDF.type)
_DATE = ox.NamedNode(KG.date)
_MEASURE = ox.NamedNode(KG.Measure)
_STATEMENT = ox.NamedNode(KG.Statement)
_SPEAKER = ox.NamedNode(KG.speaker)
_MEASURE_TYPE = ox.NamedNode(KG.measureType)
_PRECISION = {str(XSD.date): "day", str(XSD.dateTime): "day",
              str(XSD.gYearMonth): "month", str(XSD.gYear): "year"}
_LEXICAL = re.compile(r"(-?\d{4,})(?:-(\d{2}))?(?:-(\d{2}))?")
_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True)
class Period:
    """A date at the precision the text gives: its first and last day, both included."""

    first: dt.date
    last: dt.date
    precision: str
    """``day``, ``month`` or ``year``."""

    @property
    def label(self) -> str:
        """``6 Jan 2026``, ``Nov 2025`` or ``2025``."""
        if self.precision == "day":
            return f"{self.first.day} {self.first:%b %Y}"
        if self.precision == "month":
            return f"{self.first:%b %Y}"
        return str(self.first.year)

    @property
    def iso(self) -> str:
        """The lexical form: ``2026-01-06``, ``2025-11`` or ``2025``."""
        if self.precision == "day":
            return self.first.isoformat()
        if self.precision == "month":
            return f"{self.first.year:04d}-{self.first.month:02d}"
        return f"{self.first.year:04d}"

    @property
    def sort_key(self) -> tuple[dt.date, int]:
        """Chronological, a coarser period before the finer ones starting on its first day."""
        return (self.first, _RANK[self.precision])

    def contains(self, other: Period) -> bool:
        """True when ``other`` lies wholly inside this period."""
        return self.first <= other.first and other.last <= self.last


def period_of(value: str, datatype: str | None = None) -> Period | None:
    """Read a date literal (its datatype says the precision); None when it is no date."""
    match = _LEXICAL.match(value.strip())
    if match is None:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    precision = _PRECISION.get(datatype or "") or (
        "day" if day else "month" if month else "year")
    try:
        if precision == "day" and month and day:
            first = last = dt.date(year, month, day)
        elif precision in ("day", "month") and month:
            first = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
            precision = "month"
        else:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
            precision = "year"
    except ValueError:
        return None
    return Period(first, last, precision)


@dataclass
class Event:
    """One article dating one thing: a measure (as that article tells it) or a statement."""

    period: Period
    article: ArticleRef
    subject: Term
    """The measure or the statement (its label is the measure's name or the quote)."""
    kind: str
    """``measure`` or ``statement``."""
    detail: Term | None
    """The measure's type, or the statement's speaker."""
    evidence: list[Snippet] = field(default_factory=list)


@dataclass
class Timeline:
    """Every dated event, the articles they come from and the periods they fall in."""

    events: list[Event]
    articles: list[ArticleRef]
    published: dict[str, Period]
    """Publication period of each article IRI that has a ``dcterms:date``."""
    total: int = 0
    """How many events there are in all (``events`` may hold the first ones only)."""

    @property
    def periods(self) -> list[Period]:
        """Distinct periods of events and publication dates, in chronological order."""
        found = {e.period for e in self.events} | set(self.published.values())
        return sorted(found, key=lambda p: p.sort_key)

    @property
    def measures(self) -> list[Term]:
        """The measures that some article dates, in order of their earliest date."""
        first: dict[Term, tuple[dt.date, int]] = {}
        for event in self.events:
            if event.kind == "measure":
                key = event.period.sort_key
                first[event.subject] = min(first.get(event.subject, key), key)
        return sorted(first, key=lambda t: (first[t], t.text))


def read_timeline(store: ox.Store, *, statements: bool = True,
                  max_events: int = 2000) -> Timeline:
    """Gather every dated measure account (and statement, unless ``statements`` is False).

    Events are ordered by date, then article; past ``max_events`` the latest are left out
    (``Timeline.total`` counts them all), and only the events kept are read in full, so a
    large corpus costs a scan of its ``kg:date`` triples and no more.
    """
    articles = Articles(store)
    found: list[tuple[tuple[dt.date, int], str, str, Period, ox.NamedNode, ox.NamedNode]] = []
    for quad in store.quads_for_pattern(None, _DATE, None, None):
        graph, subject, date = quad.graph_name, quad.subject, quad.object
        if not (isinstance(graph, ox.NamedNode) and isinstance(subject, ox.NamedNode)
                and isinstance(date, ox.Literal)):
            continue
        period = period_of(date.value, date.datatype.value)
        if period is None or articles.ref(graph.value) is None:
            continue
        if _typed(store, subject, _STATEMENT, graph):
            if statements:
                found.append((period.sort_key, graph.value, "statement", period, subject, graph))
        elif _typed(store, subject, _MEASURE, None):
            found.append((period.sort_key, graph.value, "measure", period, subject, graph))
    found.sort(key=lambda f: (f[0], f[1], f[2], f[4].value))
    labels = Labels(store)
    events = [_event(store, articles, labels, kind, period, subject, graph)
              for _, _, kind, period, subject, graph in found[:max_events]]
    refs = {e.article.iri: e.article for e in events}
    published: dict[str, Period] = {}
    for ref in refs.values():
        if ref.date and (day := period_of(ref.date, str(XSD.date))) is not None:
            published[ref.iri] = day
    ordered = sorted(refs.values(), key=lambda r: (r.date or "9999", r.identifier))
    return Timeline(events, ordered, published, total=len(found))


def _event(store: ox.Store, articles: Articles, labels: Labels, kind: str, period: Period,
           subject: ox.NamedNode, graph: ox.NamedNode) -> Event:
    if kind == "statement":
        detail = _first(store, subject, _SPEAKER, graph)
    else:
        detail = _first(store, subject, _MEASURE_TYPE, None)
    ref = articles.ref(graph.value)
    assert ref is not None  # only articles' events were kept
    evidence = articles.evidence_of(subject.value, graph.value)
    return Event(
        period, ref, labels.term(subject), kind,
        labels.term(detail) if detail is not None else None,
        [s for s in evidence if names_date(s, period)] or evidence,
    )


def names_date(snippet: Snippet, period: Period) -> bool:
    """True when the snippet's sentence writes the period out (``January 7``, ``7 Jan.``).

    An account giving two dates has evidence for each; this picks the sentences behind one
    date.  Relative dates ("on Tuesday") are not recognised, and then every span is shown.
    """
    sentence = f"{snippet.before}{snippet.mark}{snippet.after}"
    month = period.first.strftime("%B")
    months = rf"(?:{month}|{month[:3]}\.?)"
    if period.precision == "year":
        return re.search(rf"\b{period.first.year}\b", sentence) is not None
    if period.precision == "month":
        return re.search(rf"\b{months}\b", sentence) is not None
    day = period.first.day
    pattern = rf"\b{months}\s+{day}\b|\b{day}(?:st|nd|rd|th)?\s+(?:of\s+)?{months}\b"
    return re.search(pattern, sentence) is not None


def _typed(store: ox.Store, subject: ox.NamedNode, cls: ox.NamedNode,
           graph: ox.NamedNode | None) -> bool:
    return any(True for _ in store.quads_for_pattern(subject, _TYPE, cls, graph))


def _first(store: ox.Store, subject: ox.NamedNode, predicate: ox.NamedNode,
           graph: ox.NamedNode | None) -> ox.NamedNode | None:
    found = sorted(q.object.value for q in store.quads_for_pattern(subject, predicate, None, graph)
                   if isinstance(q.object, ox.NamedNode))
    return ox.NamedNode(found[0]) if found else None
