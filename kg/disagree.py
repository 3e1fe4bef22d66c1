"""Disagreements as data: where articles differ about the same fact.

Three kinds are recorded, each as a ``kg:Disagreement`` node in the disagreements graph
linking the conflicting assertions (their evidence spans, hence their articles):

* ``date``: one real-world measure given different day-precision dates (6 vs 7 January);
  dates of coarser precision that contain each other ("January" and "6 January") agree;
* ``figure``: numbers about the same quantity (same unit, same topic words) that differ by
  more than 0.5% ("about 60%" vs "more than 70%"); changes and market quotes ("fell 2.4
  percent", "firmed to 156.40 per dollar") are of one day, which a figure does not carry,
  so they are left out;
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

Dates are compared within one measure node (:mod:`kg.resolve`), so two measures of one
issuer months apart never make a date disagreement.  Grouping is by dictionary keys, so the
cost is linear in the number of mentions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import cast

from .collector import collector_paused
from .extract.triggers import load_triggers, phrase_alternation
from .measure_identity import Related
from .model import Extraction, MeasureStatus, MeasureType, PartialDate, Span
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
    found = [
        *_date_disagreements(extractions, resolution),
        *_figure_disagreements(extractions),
        *_scope_disagreements(extractions, resolution),
    ]
    return sorted(found, key=lambda d: d.iri)


def _date_disagreements(
    extractions: Sequence[Extraction], resolution: Resolution
) -> Iterable[Disagreement]:
    dated: dict[str, list[tuple[PartialDate, Assertion]]] = defaultdict(list)
    for extraction in extractions:
        ident = extraction.article.identifier
        for mention in extraction.measures:
            if mention.date is None or mention.status is MeasureStatus.HISTORICAL:
                continue
            node = resolution.measure_for(mention)
            span = mention.span
            assertion = Assertion(ident, span, mention.date.isoformat(),
                                  evidence_iri(ident, span.begin, span.end))
            dated[node.key].append((mention.date, assertion))
    for key, items in sorted(dated.items()):
        days = {d for d, _ in items if d.day is not None}
        if len(days) < 2:
            continue
        if len({a.article for d, a in items if d in days}) < 2:
            # Sources disagree, not one article with two dates: "restricted exports on
            # Monday ... the rules take effect on December 31" (announced, then in force).
            continue
        node = resolution.measures[key]
        chosen = _per_value_and_article((d.isoformat(), a) for d, a in items if d in days)
        values = " vs ".join(sorted({a.value for a in chosen}))
        yield Disagreement("date", key, f"date of {node.label}: {values}", node.iri, chosen)


def _figure_disagreements(extractions: Sequence[Extraction]) -> Iterable[Disagreement]:
    groups: dict[tuple[str, frozenset[str]], list[tuple[Decimal, Assertion]]] = defaultdict(list)
    phrases: dict[tuple[str, frozenset[str]], str] = {}
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
            groups[(figure.unit, topic)].append((figure.value, assertion))
            # topic_words gives no word for a missing ``about``, so it is a str here.
            about = cast(str, figure.about)
            phrases.setdefault((figure.unit, topic), " ".join(about.split()))
    for (unit, topic), items in sorted(groups.items(), key=lambda kv: (kv[0][0], sorted(kv[0][1]))):
        lowest, highest = min(v for v, _ in items), max(v for v, _ in items)
        if highest - lowest <= abs(highest) * _TOLERANCE:
            continue
        if len({a.article for _, a in items}) < 2:
            continue  # one article giving two numbers is usually two different things
        chosen = _per_value_and_article((str(v), a) for v, a in items)
        # The label keeps one wording per number ("around 60%", not also "approximately
        # 60%"), so it stays as short as the disagreement it names.
        label = f"{phrases[(unit, topic)]} ({unit}): " + " vs ".join(
            _first_per_value((str(v), a) for v, a in items))
        yield Disagreement("figure", f"{unit} {' '.join(sorted(topic))}", label, None, chosen)


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
