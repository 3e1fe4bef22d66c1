"""Disagreements as data: where articles differ about the same fact.

Three kinds are recorded, each as a ``kg:Disagreement`` node in the disagreements graph
linking the conflicting assertions (their evidence spans, hence their articles):

* ``date``: one real-world measure given different day-precision dates for one event of it
  (6 vs 7 January).  Dates of coarser precision that contain each other ("January" and "6
  January") agree.  The day a measure takes effect ("from Aug. 1", "took effect on Jan. 6")
  is compared only with other such days, never with the day it was announced (it may only
  stand with an article giving that day for the announcement); days more than
  :data:`~kg.measure_identity.ONE_OFF_DAYS` apart are two steps of the measure (its
  announcement and a listing under it three weeks later), not two accounts of one day.
* ``figure``: numbers about the same quantity that differ by more than 0.5% ("about 60%" vs
  "more than 70%").  The same quantity is the same unit and topic words, the same holder
  (the actors the figure's sentence names, or the publisher of a release speaking of
  itself: two companies' stocks are two quantities) and the same time (a figure of a past
  year, or in the past tense, is not today's; counts of past events of articles weeks
  apart are two events): :mod:`kg.disagree_text`.  Changes and market quotes ("fell 2.4
  percent", "firmed to 156.40 per dollar") are of one day, which a figure does not carry,
  so they are left out; so are claims under examination ('Claim: "Japan gets 90% ..."')
  and two numbers of one sentence for one quantity ("added 20 companies ... and put 12
  others on a watch list": the sentence tells them apart).
* ``scope``: the current export measures (in force, announced or reported; not historical
  precedents nor measures under consideration) of one issuer against one target that
  different articles describe, for the same time (dated within a month of each other; an
  account with no date of its own is current as of its article's date, and one whose
  article has no date either may be any time), with unrelated coverage: goods none of
  which is, or lies under (``skos:broader``), a good the other names.  A ban on dual-use
  items "limited to military users" in one article and reported curbs on rare earths in
  another disagree; dysprosium and rare earths do not; China's gallium controls of July
  2023 and its graphite controls of October 2023 are two measures, not two views of one.
  Measures with no target (China's controls on gallium) are China's measures on everyone,
  not a view of one on Japan, and stay out.  Coverage is compared whether or not
  :mod:`kg.resolve` made the accounts one node, since differing coverage is what may have
  kept it from doing so.

An article giving both values contradicts itself, which must be well founded: for dates,
an article giving one event several days keeps only the days its mentions write in their
own words ("announced on January 7 an immediate ban"); a day a mention inherits from a live
blog's entry or the article's date yields to them.

Dates are compared within one measure node (:mod:`kg.resolve`), so two measures of one
issuer months apart never make a date disagreement.  Grouping is by dictionary keys, so the
cost is linear in the number of mentions; the text around an assertion is read only for
the facts whose values differ.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import cast

from .collector import collector_paused
from .disagree_text import ArticleReading, Quantity, When
from .extract.triggers import load_triggers, phrase_alternation
from .measure_identity import ONE_OFF_DAYS, Related
from .model import (
    Extraction,
    FigureMention,
    MeasureMention,
    MeasureStatus,
    MeasureType,
    PartialDate,
    Span,
)
from .namespace import disagreement_iri, evidence_iri, statement_iri
from .resolve import Resolution, related_goods, root_actor

_EXPORT_TYPES = {
    MeasureType.EXPORT_BAN,
    MeasureType.EXPORT_CONTROL,
    MeasureType.LICENSING_RESTRICTION,
}
_NOT_CURRENT = frozenset({MeasureStatus.HISTORICAL, MeasureStatus.UNDER_CONSIDERATION})
"""Statuses of measures that say nothing about the scope of the measures in place."""
_WORD = re.compile(r"[a-z]+")
_STOP = frozenset(
    "a an the of to in on for from by with and or its their his her share per cent percent "
    "about around some nearly almost over more than less at least up roughly approximately "
    "total all".split()
)
_TOLERANCE = Decimal("0.005")


@dataclass(frozen=True)
class Assertion:
    """One article's side of a disagreement: what it says, where."""

    article: str
    span: Span
    value: str
    node: str
    """IRI of the asserting node: an evidence span (measures) or a NumericClaim (figures)."""


@dataclass
class Disagreement:
    """Articles that differ about one fact."""

    kind: str
    key: str
    label: str
    about: str | None
    assertions: list[Assertion] = field(default_factory=list)

    @property
    def iri(self) -> str:
        """Deterministic IRI from the kind and the fact's key."""
        return disagreement_iri(f"{self.kind} {self.key}")


@collector_paused()  # its collections would traverse every extraction: see kg.collector
def find_disagreements(
    extractions: Sequence[Extraction], resolution: Resolution
) -> list[Disagreement]:
    """Every disagreement in a resolved corpus, sorted by IRI."""
    readings = _Readings(resolution)
    found = [
        *_date_disagreements(extractions, resolution, readings),
        *_figure_disagreements(extractions, readings),
        *_scope_disagreements(extractions, resolution),
    ]
    return sorted(found, key=lambda d: d.iri)


def _date_disagreements(
    extractions: Sequence[Extraction], resolution: Resolution, readings: _Readings
) -> Iterable[Disagreement]:
    dated: dict[str, list[_Dated]] = defaultdict(list)
    for extraction in extractions:
        ident = extraction.article.identifier
        for mention in extraction.measures:
            if mention.date is None or mention.date.day is None \
                    or mention.status is MeasureStatus.HISTORICAL:
                continue  # dates disagree by the day: a month holds its days
            node = resolution.measure_for(mention)
            span = mention.span
            assertion = Assertion(ident, span, mention.date.isoformat(),
                                  evidence_iri(ident, span.begin, span.end))
            dated[node.key].append(_Dated(mention.date, assertion, extraction, mention))
    for key, items in sorted(dated.items()):
        if len({d.date for d in items}) < 2 or len({d.assertion.article for d in items}) < 2:
            # Sources disagree, not one article with two dates: "restricted exports on
            # Monday ... the rules take effect on December 31" (announced, then in force).
            continue
        node = resolution.measures[key]
        effective = [readings(d.extraction).effective(d.mention) for d in items]
        made = [d for d, e in zip(items, effective, strict=True) if not e]
        took_effect = [d for d, e in zip(items, effective, strict=True) if e]
        found: list[tuple[str, list[_Dated]]] = []
        for kind, events, voices in (("made", _events(made), took_effect),
                                     ("effective", _events(took_effect), [])):
            for event in events:
                event = _well_founded(event, readings)
                # The day a measure took effect ("banned exports from January 6") is a voice
                # for a day some article gives its making, never a value of its own: an
                # announcement and the day the rule took effect are two facts.
                days = {d.date for d in event}
                articles = {d.assertion.article for d in event}
                event += [d for d in voices
                          if d.date in days and d.assertion.article not in articles]
                if len(days) > 1 and len({d.assertion.article for d in event}) > 1:
                    found.append((kind, event))
        for kind, event in found:
            chosen = _per_value_and_article((d.assertion.value, d.assertion) for d in event)
            values = " vs ".join(sorted({a.value for a in chosen}))
            # A node with two disagreements (about its announcement and about the day it
            # took effect, or two steps) tells them apart by the event and its first day.
            first = min(d.date.isoformat() for d in event)
            suffix = f" {kind} {first}" if len(found) > 1 else ""
            yield Disagreement("date", key + suffix, f"date of {node.label}: {values}",
                               node.iri, chosen)


@dataclass(frozen=True)
class _Dated:
    """A measure mention's day, with what it is read from."""

    date: PartialDate
    assertion: Assertion
    extraction: Extraction
    mention: MeasureMention


def _events(items: list[_Dated]) -> list[list[_Dated]]:
    """The days of one measure cut into events: days at most :data:`ONE_OFF_DAYS` apart
    (chained) are accounts of one day; days further apart are two steps of the measure
    (its announcement and a later listing under it), as :mod:`kg.measure_identity` reads
    two days of one article."""
    ordered = sorted(items, key=lambda d: (_day(d.date), d.assertion.article, d.assertion.span))
    events: list[list[_Dated]] = []
    for item in ordered:
        if events and _day(item.date) - _day(events[-1][-1].date) <= ONE_OFF_DAYS:
            events[-1].append(item)
        else:
            events.append([item])
    return events


def _day(date: PartialDate) -> int:
    return dt.date(date.year, date.month or 1, date.day or 1).toordinal()


def _well_founded(event: list[_Dated], readings: _Readings) -> list[_Dated]:
    """The event's accounts, an article giving it several days keeping only the days its
    mentions write in their own words ("announced on January 7 an immediate ban"): a day
    inherited from a heading or the article's date yields to the day the article states,
    and an article stating none of its days is left out.  An article contradicts itself
    only where it writes two days for one event."""
    days: dict[str, set[PartialDate]] = defaultdict(set)
    for d in event:
        days[d.assertion.article].add(d.date)
    return [d for d in event if len(days[d.assertion.article]) == 1
            or readings(d.extraction).states(d.mention)]


def _figure_disagreements(extractions: Sequence[Extraction],
                          readings: _Readings) -> Iterable[Disagreement]:
    groups: dict[tuple[str, frozenset[str]], list[_Figure]] = defaultdict(list)
    for extraction in extractions:
        ident = extraction.article.identifier
        for figure in extraction.figures:
            topic = topic_words(figure.about)
            if figure.value is None or len(topic) < 2:
                continue  # too vague to say two numbers measure the same thing
            if _is_change(extraction.article.text, figure.span):
                continue  # a change of one period, and figures carry no date to match
            span = figure.span
            assertion = Assertion(ident, span, span.text,
                                  statement_iri(ident, span.begin, span.end))
            groups[(figure.unit, topic)].append(_Figure(figure, assertion, extraction))
    for (unit, topic), items in sorted(groups.items(), key=lambda kv: (kv[0][0], sorted(kv[0][1]))):
        if not _may_disagree(items):
            continue  # the text is read only for numbers that may disagree
        found = [(name, sides) for name, sides in _same_quantities(items, topic, readings)
                 if _may_disagree(sides)]
        # The quantity most articles give keeps the plain key; another of the same words
        # (another holder or time) is told apart by them.
        found.sort(key=lambda ns: (-len({f.assertion.article for f in ns[1]}),
                                   min(_order(f) for f in ns[1])))
        for rank, (name, sides) in enumerate(found):
            pairs = [(str(f.figure.value), f.assertion) for f in sides]
            first = min(sides, key=_order)
            # The subject words of the first side by article and offset: the same whatever
            # the order of the input.  The label keeps one wording per number ("around
            # 60%", not also "approximately 60%"), so it stays as short as the
            # disagreement it names.
            label = f"{' '.join(cast(str, first.figure.about).split())} ({unit}): " \
                + " vs ".join(_first_per_value(pairs))
            key = f"{unit} {' '.join(sorted(topic))}" + (f" {name}" if rank else "")
            yield Disagreement("figure", key, label, None, _per_value_and_article(pairs))


@dataclass(frozen=True)
class _Figure:
    """A figure with the assertion it makes and its article's extraction."""

    figure: FigureMention
    assertion: Assertion
    extraction: Extraction


def _order(f: _Figure) -> tuple[str, Span]:
    return (f.assertion.article, f.assertion.span)


def _may_disagree(sides: list[_Figure]) -> bool:
    """Numbers that differ by more than the tolerance, from two articles at least (one
    article giving two numbers is usually two different things)."""
    values = [f.figure.value for f in sides if f.figure.value is not None]
    if not values or len({f.assertion.article for f in sides}) < 2:
        return False
    lowest, highest = min(values), max(values)
    return highest - lowest > abs(highest) * _TOLERANCE


def _same_quantities(items: list[_Figure], topic: frozenset[str], readings: _Readings,
                     ) -> Iterable[tuple[str, list[_Figure]]]:
    """The figures of one unit and subject words cut into quantities, each named by its
    holder and time: one holder, one time (:mod:`kg.disagree_text`), no claim under
    examination, and no two numbers of one sentence ("added 20 companies ... and put 12
    others on a watch list", "about 70 percent, although private estimates put it closer
    to 60": the sentence tells them apart by words the subject words do not hold)."""
    by_quantity: dict[Quantity, list[tuple[When, _Figure]]] = defaultdict(list)
    sentence: dict[int, int] = {}
    for item in items:
        reading = readings(item.extraction)
        if reading.examined(item.figure):
            continue
        quantity = reading.quantity_of(item.figure, topic)
        by_quantity[quantity].append((reading.when(item.figure), item))
        sentence[id(item)] = reading.sentence(item.figure.span).begin
    for quantity in sorted(by_quantity, key=lambda q: sorted(q.holder)):
        holder = ", ".join(sorted(quantity.holder)) or "-"
        for when, times in _same_times(by_quantity[quantity]):
            values: dict[tuple[str, int], set[Decimal | None]] = defaultdict(set)
            for item in times:
                values[(item.assertion.article, sentence[id(item)])].add(item.figure.value)
            yield f"{holder} {when}", [
                item for item in times
                if len(values[(item.assertion.article, sentence[id(item)])]) == 1]


def _same_times(figures: list[tuple[When, _Figure]]) -> list[tuple[str, list[_Figure]]]:
    """The figures grouped by time, each group named by its first time: current figures
    (or forecasts) of articles dated within a month of each other (chained), an undated
    article's with all of them; past figures of articles at most :data:`ONE_OFF_DAYS`
    apart; figures of one written month or year together."""
    reach = {"now": 1, "ahead": 1, "past": ONE_OFF_DAYS, "at": 0}
    times = sorted({w for w, _ in figures}, key=_when_order)
    parent = {w: w for w in times}

    def root(w: When) -> When:
        while parent[w] != w:
            w = parent[w]
        return w

    previous: When | None = None
    anytime: set[When] = set()
    for when in times:
        if when.ordinal is None:
            if when.article is None:  # current as of an undated article: any time
                anytime.add(when)
            continue
        if previous is not None and previous.kind == when.kind \
                and previous.year_only == when.year_only \
                and cast(int, when.ordinal) - cast(int, previous.ordinal) <= reach[when.kind]:
            parent[root(when)] = root(previous)
        previous = when
    joined: dict[When, list[_Figure]] = defaultdict(list)
    for when, item in figures:
        if when not in anytime:
            joined[root(when)].append(item)
    # An undated article's current figure may be of any time: it sits with every group of
    # its kind, but never joins two groups into one (figures six years apart stay apart).
    for when, item in figures:
        if when in anytime:
            groups = [w for w in joined if w.kind == when.kind]
            for group in groups or [when]:
                joined[group].append(item)
    return [(_when_name(w), joined[w]) for w in sorted(joined, key=_when_order)]


def _when_order(w: When) -> tuple[str, bool, bool, int, str]:
    return (w.kind, w.year_only, w.ordinal is None, w.ordinal or 0, w.article or "")


def _when_name(w: When) -> str:
    """A time for a key: ``now 2026-01``, ``past 2026-01-19``, ``at 2023``."""
    if w.ordinal is None:
        return w.kind
    if w.kind == "past":
        return f"past {dt.date.fromordinal(w.ordinal).isoformat()}"
    if w.year_only:
        return f"{w.kind} {w.ordinal}"
    return f"{w.kind} {w.ordinal // 12:04d}-{w.ordinal % 12 + 1:02d}"


class _Readings:
    """Each article's :class:`~kg.disagree_text.ArticleReading`, made when first asked."""

    def __init__(self, resolution: Resolution) -> None:
        self._actors = resolution.actors
        self._made: dict[int, ArticleReading] = {}

    def __call__(self, extraction: Extraction) -> ArticleReading:
        reading = self._made.get(id(extraction))
        if reading is None:
            reading = self._made[id(extraction)] = ArticleReading(extraction, self._actors)
        return reading


_CHANGE_REACH = 30
"""How far before a figure its change word may stand ("fell as much as": the qualifier is
in the figure's span)."""


@lru_cache(maxsize=1)
def _change_before() -> re.Pattern[str]:
    words = load_triggers().raw["figures"]["changes"]
    # an adverb may follow ("firmed slightly to 156.40 per dollar")
    return re.compile(r"(?<![\w])(?:" + phrase_alternation(words) + r")(?:\s+\w+ly)?"
                      r"(?:\s+(?:by|to|at))?\s+$", re.IGNORECASE)


def _is_change(text: str, span: Span) -> bool:
    """Whether the figure at ``span`` is a change ("fell 2.4 percent"), by the word before it."""
    return _change_before().search(text, max(0, span.begin - _CHANGE_REACH), span.begin) \
        is not None


@dataclass
class _Scope:
    """The accounts that give export measures of one issuer on one target one coverage."""

    assertions: list[Assertion] = field(default_factory=list)
    months: set[int] = field(default_factory=set)
    undated: bool = False


def _scope_disagreements(
    extractions: Sequence[Extraction], resolution: Resolution
) -> Iterable[Disagreement]:
    by_pair: dict[tuple[str, str], dict[str, _Scope]] = defaultdict(dict)
    for extraction in extractions:
        ident = extraction.article.identifier
        own = extraction.article.metadata.date
        for mention in extraction.measures:
            if mention.type not in _EXPORT_TYPES or mention.status in _NOT_CURRENT:
                continue
            issuer = root_actor(mention.issuer, resolution.actors)
            target = root_actor(mention.target, resolution.actors)
            if not (issuer and target and mention.covers):
                continue
            name = ", ".join(sorted(mention.covers))
            span = mention.span
            scope = by_pair[(issuer, target)].setdefault(name, _Scope())
            scope.assertions.append(Assertion(ident, span, f"{mention.type.value} covering {name}",
                                              evidence_iri(ident, span.begin, span.end)))
            # A current measure the article gives no date is current as of the article's
            # own date: accounts months apart are of different measures, not two views of
            # one (with no date at all, it may be any time).
            if mention.date is not None:
                scope.months |= _months(mention.date)
            elif own is not None:
                scope.months |= _months(PartialDate(own.year, own.month))
            else:
                scope.undated = True
    related = related_goods(resolution.materials)
    for (issuer, target), scopes in sorted(by_pair.items()):
        conflicting = _conflicting(scopes, related)
        if not conflicting:
            continue
        chosen = _per_value_and_article(
            (n, a) for n in conflicting for a in scopes[n].assertions)
        label = f"scope of export measures by {issuer} on {target}: " + " vs ".join(conflicting)
        yield Disagreement("scope", f"{issuer} {target}", label, None, chosen)


def _conflicting(scopes: dict[str, _Scope], related: Related) -> list[str]:
    """The coverages that disagree with another: unrelated goods (none is, or lies under,
    a good of the other), given by different articles for the same time (dated within a
    month of each other, or of no date at all: measures months apart are different
    measures)."""
    names = sorted(scopes)
    # Pairs grow with the square of the coverages one issuer-target pair has: each scope's
    # articles and goods are computed once, and a pair whose two sides are already known to
    # conflict is not compared again.
    articles = [{x.article for x in scopes[n].assertions} for n in names]
    goods = [frozenset(n.split(", ")) for n in names]
    found: set[str] = set()
    for i, a in enumerate(names):
        for j in range(i + 1, len(names)):
            b = names[j]
            if a in found and b in found:
                continue
            if len(articles[i]) == 1 and articles[i] == articles[j]:
                continue  # one article giving two coverages
            if related(goods[i], goods[j]):
                continue
            if _same_time(scopes[a], scopes[b]):
                found |= {a, b}
    return sorted(found)


def _same_time(a: _Scope, b: _Scope) -> bool:
    if a.undated or b.undated:
        return True
    return any(m + shift in b.months for m in a.months for shift in (-1, 0, 1))


def _months(date: PartialDate) -> set[int]:
    """The months (as year * 12 + month - 1) a date's period covers."""
    if date.month is None:
        return {date.year * 12 + m for m in range(12)}
    return {date.year * 12 + date.month - 1}


def _per_value_and_article(items: Iterable[tuple[str, Assertion]]) -> list[Assertion]:
    """Each article's first assertion (by offset) of each distinct value, by article and
    offset.

    Every article that gives a value is one of its side's voices (three articles saying 6
    January outweigh one saying 7), while an article repeating its value adds nothing.  An
    article giving both values appears on both sides: it contradicts itself.
    """
    return _first_of_each(items, lambda value, assertion: (value, assertion.article))


def _first_per_value(items: Iterable[tuple[str, Assertion]]) -> list[str]:
    """The words of the first assertion (by article, then offset) of each distinct value."""
    return [a.span.text for a in _first_of_each(items, lambda value, _: value)]


def _first_of_each(items: Iterable[tuple[str, Assertion]],
                   key: Callable[[str, Assertion], Hashable]) -> list[Assertion]:
    """The first assertion (by article, then offset) under each key, in that order: the
    order of the input never changes the result."""
    best: dict[Hashable, Assertion] = {}
    for value, assertion in sorted(items, key=lambda va: (va[1].article, va[1].span)):
        best.setdefault(key(value, assertion), assertion)
    return sorted(best.values(), key=lambda a: (a.article, a.span))


def topic_words(about: str | None) -> frozenset[str]:
    """Content words of what a figure measures, singularised: its grouping key."""
    if not about:
        return frozenset()
    words = (w[:-1] if w.endswith("s") and len(w) > 3 else w for w in _WORD.findall(about.lower()))
    return frozenset(w for w in words if w not in _STOP and len(w) > 1)
