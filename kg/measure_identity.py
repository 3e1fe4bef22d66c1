"""Which measure mentions are one real-world measure.

:mod:`kg.resolve` gives every mention a *block*: the measure family (export measures are one
family: a ban, a control or a licensing rule of one issuer on one target may be reported
under any of these names), the state at the root of its issuer (where the mention's own
article puts the issuer: two measures whose issuers lie in different states never share a
block, whatever name the issuers share) and of its target, the person
who acted (for protests: two envoys protesting are two protests), and its stage (historical
precedent, under consideration, known only from reports, or current).  Inside a block, this
module tells measures apart by *when* and *what*:

1. **In one article**, mentions with a date or covered goods are compared in text order: a
   mention joins the nearest earlier group whose date is close enough (see below) and whose
   goods are not unrelated; otherwise it starts a group.  A mention dated to the day joins
   a group holding days only when one of them is at most :data:`ONE_OFF_DAYS` away: an
   article that gives two days further apart tells two steps, and step 2 decides by their
   first dates whether they are one measure (so 1 July, 25 July and 20 August do not chain
   into one measure, each within a month of the one before).  Mentions with neither ("the
   export curbs") join the group nearest to them in the text.  Each group is the article's
   account of one measure.
2. **Across articles**, groups with a date are taken in date order; a group joins the
   closest measure already found whose first date is close enough and whose goods are not
   unrelated, else it founds a measure.  An undated group joins the one dated measure it is
   compatible with when there is exactly one; otherwise it joins, or founds, an undated
   measure of the block: naming no date, it cannot be told apart from the dated ones, and a
   guess would put a wrong claim in the graph.
3. **Accounts naming no target**: a story may name a measure without its target ("the
   dual-use ban", the target implied), so its mentions land in the block with no target.
   Such a measure joins the measure of its *kin* (same type, issuer's state, acting person
   and stage, any target) that names a target and fits it, when exactly one does: a dated
   one fits a dated targeted measure whose date is close enough and whose goods are not
   unrelated; an undated one needs goods to be told by, and fits one naming related goods.
   None or several: it stays apart (a guess between two targets would put a wrong claim in
   the graph); when several fit, they are kept as its *candidates* (:attr:`Cluster.candidates`),
   which the graph records as scored candidate links (``kg:CandidateLink``), never a merge.
   The targeted measures of a kin are sorted by date and found by bisection.

Accounts that name different government bodies of the state as the issuer (below the state:
an embassy counts as its ministry) are different measures: the education ministry's
study-abroad alert is not the foreign ministry's travel advisory of two days before.  An
account naming only the state agrees with any body.  So are accounts whose words name
different kinds of act (:attr:`MeasureItem.act`, :mod:`kg.measure_acts`): a tariff and the
WTO complaint filed the same day; an account naming none agrees with any kind.

*Close enough*: dates whose periods (a day, a month, a year) lie at most
:data:`ONE_OFF_DAYS` apart for events that happen once (protests, drills, budgets), at most
:data:`MEASURE_DAYS` apart for lasting measures, and :data:`MEASURE_DAYS_SAME_GOODS` apart
when both name related goods (an announcement and the day it takes effect).  So "6 January"
and "7 January" are one measure, reported two ways; China's controls on gallium of July 2023
and on graphite of October 2023 are two.  *Unrelated goods*: both groups name goods and no
good of one is, or lies under (``skos:broader``), a good of the other.

Every step is a dictionary lookup or a scan of the measures of one block near one date, so
the cost grows with the number of mentions, not with its square.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from .model import PartialDate

ONE_OFF_DAYS = 3
"""Protests, drills and budgets further apart than this are different events."""
MEASURE_DAYS = 31
"""Lasting measures further apart than this are different measures, unless ..."""
MEASURE_DAYS_SAME_GOODS = 62
"""... both name related goods: an announcement and its effective date can be this far apart."""


@dataclass(frozen=True)
class MeasureItem:
    """What identity needs to know of one measure mention."""

    article: str
    offset: int
    block: str
    date: PartialDate | None
    covers: frozenset[str]
    one_off: bool
    body: str | None = None
    """The government body that took the measure, when the text names one below its state."""
    kin: str | None = None
    """The block with the mention's type for its family and without its target: the
    measures whose accounts may differ only in naming the target or not.  None when the
    mention may never adopt or lend a target (its issuer unknown, its type a catch-all)."""
    targeted: bool = False
    """Whether the mention names a target (its block has one)."""
    act: str | None = None
    """The kind of act the mention's words name (a WTO case, a tariff, a study-abroad
    alert: see :mod:`kg.measure_acts`); None when they name none."""


@dataclass
class Cluster:
    """One real-world measure: the mentions (indexes into the items) that report it."""

    block: str
    anchor: PartialDate | None
    covers: set[str] = field(default_factory=set)
    members: list[int] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    bodies: set[str] = field(default_factory=set)
    kins: set[str] = field(default_factory=set)
    """Its mentions' kins (see :attr:`MeasureItem.kin`)."""
    acts: set[str] = field(default_factory=set)
    """Its mentions' kinds of act (see :attr:`MeasureItem.act`)."""
    targeted: bool = False
    one_off: bool = False
    candidates: list[Cluster] = field(default_factory=list)
    """For a measure naming no target, the targeted measures of its kin it fits when more
    than one does (step 3): each may be the same measure, none is certain."""


@dataclass
class _Group:
    """One article's account of one measure."""

    article: str
    block: str
    dates: list[PartialDate] = field(default_factory=list)
    covers: set[str] = field(default_factory=set)
    members: list[int] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    one_off: bool = False
    bodies: set[str] = field(default_factory=set)
    kins: set[str] = field(default_factory=set)
    acts: set[str] = field(default_factory=set)
    targeted: bool = False

    @property
    def anchor(self) -> PartialDate | None:
        """The most precise, then earliest, of the group's dates."""
        if not self.dates:
            return None
        return min(self.dates, key=lambda d: (-_precision(d), period(d)[0]))


Related = Callable[[frozenset[str], frozenset[str]], bool]
"""Whether two sets of goods share a good or one lies under a good of the other."""


def cluster_measures(items: Sequence[MeasureItem], related: Related) -> list[Cluster]:
    """Group ``items`` into real-world measures (see module doc); every item is in exactly
    one cluster, and the clusters come in a deterministic order."""
    groups = _article_groups(items, related)
    dated = sorted((g for g in groups if g.anchor is not None), key=_group_order)
    undated = sorted((g for g in groups if g.anchor is None), key=_group_order)
    by_block: dict[str, list[Cluster]] = {}
    longest: dict[str, int] = {}
    for group in dated:
        clusters = by_block.setdefault(group.block, [])
        best = _best_dated(group, clusters, longest.get(group.block, 0), related)
        if best is None:
            best = _cluster(group, group.anchor)
            clusters.append(best)
            first, last = period(group.anchor)  # type: ignore[arg-type]
            longest[group.block] = max(longest.get(group.block, 0), (last - first).days)
        _add(best, group)
    loose: dict[str, list[Cluster]] = {}
    for group in undated:
        only = _only_fitting(group, by_block.get(group.block, []), related)
        if only is not None:
            _add(only, group)
            continue
        pool = loose.setdefault(group.block, [])
        target = next((c for c in pool if _goods_agree(group.covers, c.covers, related)
                       and _parties_agree(group, c)), None)
        if target is None:
            target = _cluster(group, None)
            pool.append(target)
        _add(target, group)
    out = [c for clusters in by_block.values() for c in clusters]
    out += [c for clusters in loose.values() for c in clusters]
    return adopt_targets(out, related)


def _cluster(group: _Group, anchor: PartialDate | None) -> Cluster:
    return Cluster(group.block, anchor, targeted=group.targeted, one_off=group.one_off)


def adopt_targets(clusters: list[Cluster], related: Related) -> list[Cluster]:
    """Join each measure whose accounts name no target to the one measure of its kin that
    names a target and fits it (see module doc, step 3); a measure that fits none or several
    stays apart, and keeps the several as its :attr:`Cluster.candidates`.  Returns the
    clusters left, in their order.  Fits are decided before any join, so the order of the
    clusters does not matter."""
    indexes: dict[str, _KinIndex] = {}
    for cluster in clusters:
        if cluster.targeted:
            for kin in cluster.kins:
                indexes.setdefault(kin, _KinIndex()).add(cluster)
    joins: list[tuple[Cluster, Cluster]] = []
    for cluster in clusters:
        if cluster.targeted:
            continue
        fits: dict[int, Cluster] = {}
        for kin in sorted(cluster.kins):
            if kin in indexes:
                fits.update((id(c), c) for c in indexes[kin].fitting(cluster, related))
        if len(fits) == 1:
            joins.append((cluster, next(iter(fits.values()))))
        elif fits:
            cluster.candidates = list(fits.values())
    for cluster, found in joins:
        found.members.extend(cluster.members)
        found.covers |= cluster.covers
        found.articles |= cluster.articles
        found.bodies |= cluster.bodies
        found.kins |= cluster.kins
        found.acts |= cluster.acts
    joined = {id(cluster) for cluster, _ in joins}
    return [c for c in clusters if id(c) not in joined]


class _KinIndex:
    """The targeted measures of one kin, the dated ones by start day: a dated measure's
    candidates are found by bisection, so adoption stays linear in the number of measures."""

    def __init__(self) -> None:
        self.dated: list[tuple[dt.date, int, Cluster]] = []
        self.undated: list[Cluster] = []
        self.longest = 0
        self._sorted = True

    def add(self, cluster: Cluster) -> None:
        """Index one targeted measure."""
        if cluster.anchor is None:
            self.undated.append(cluster)
            return
        first, last = period(cluster.anchor)
        self.dated.append((first, len(self.dated), cluster))
        self.longest = max(self.longest, (last - first).days)
        self._sorted = False

    def fitting(self, cluster: Cluster, related: Related) -> list[Cluster]:
        """The indexed measures ``cluster`` fits (more than one makes it ambiguous).  A
        dated measure fits a dated one whose date is close enough and whose goods are not
        unrelated; an undated one needs goods to tell it: it fits one naming related goods."""
        if not self._sorted:
            self.dated.sort(key=lambda entry: (entry[0], entry[1]))
            self._sorted = True
        if cluster.anchor is None:
            if not cluster.covers:
                return []
            pool: Iterable[Cluster] = (
                c for c in chain((c for _, _, c in self.dated), self.undated)
                if c.covers and related(frozenset(cluster.covers), frozenset(c.covers)))
        else:
            first, last = period(cluster.anchor)
            reach = dt.timedelta(days=MEASURE_DAYS_SAME_GOODS)
            lo = bisect_left(self.dated, (first - reach - dt.timedelta(days=self.longest),),
                             key=lambda entry: (entry[0],))
            hi = bisect_right(self.dated, (last + reach,), key=lambda entry: (entry[0],))
            pool = (c for _, _, c in self.dated[lo:hi] if c.anchor is not None and
                    _goods_agree(cluster.covers, c.covers, related) and
                    days_between(cluster.anchor, c.anchor)
                    <= _window(cluster.one_off, cluster.covers, c.covers, related))
        # every fit, not the first two: an ambiguous measure keeps them all as candidates
        # (the date window and the kin bound the pool)
        return [c for c in pool if _parties_agree(cluster, c)]


def _only_fitting(group: _Group, clusters: list[Cluster], related: Related) -> Cluster | None:
    """The one dated cluster an undated group fits, if exactly one (stops at a second)."""
    clusters = [c for c in clusters if _parties_agree(group, c)]
    if not group.covers:
        return clusters[0] if len(clusters) == 1 else None
    found: Cluster | None = None
    for cluster in clusters:
        if _goods_agree(group.covers, cluster.covers, related):
            if found is not None:
                return None
            found = cluster
    return found


def _article_groups(items: Sequence[MeasureItem], related: Related) -> list[_Group]:
    by_article: dict[tuple[str, str], list[int]] = {}
    for index, item in enumerate(items):
        by_article.setdefault((item.article, item.block), []).append(index)
    groups: list[_Group] = []
    for (article, block), indexes in by_article.items():
        indexes.sort(key=lambda i: items[i].offset)
        local: list[_Group] = []
        for i in indexes:
            item = items[i]
            if item.date is None and not item.covers:
                continue
            fitting = [g for g in local if _fits(item, g, related)]
            if fitting:
                group = min(fitting, key=lambda g: min(abs(o - item.offset) for o in g.offsets))
            else:
                group = _group(article, block, item)
                local.append(group)
            _join(group, i, item)
        for i in indexes:
            item = items[i]
            if item.date is not None or item.covers:
                continue
            # an undated account of one kind of act never joins another kind's group
            agreeing = [g for g in local if _named_alike({item.act} if item.act else set(),
                                                          g.acts)]
            if not agreeing:
                agreeing = [_group(article, block, item)]
                local.extend(agreeing)
            group = min(agreeing, key=lambda g: min((abs(o - item.offset) for o in g.offsets),
                                                    default=0))
            _join(group, i, item)
        groups.extend(local)
    return groups


def _group(article: str, block: str, item: MeasureItem) -> _Group:
    return _Group(article, block, one_off=item.one_off, targeted=item.targeted)


def _join(group: _Group, index: int, item: MeasureItem) -> None:
    group.members.append(index)
    group.offsets.append(item.offset)
    if item.date is not None:
        group.dates.append(item.date)
    group.covers |= item.covers
    if item.body is not None:
        group.bodies.add(item.body)
    if item.kin is not None:
        group.kins.add(item.kin)
    if item.act is not None:
        group.acts.add(item.act)


def _fits(item: MeasureItem, group: _Group, related: Related) -> bool:
    if not _goods_agree(frozenset(item.covers), group.covers, related) or \
            not _named_alike({item.body} if item.body else set(), group.bodies) or \
            not _named_alike({item.act} if item.act else set(), group.acts):
        return False
    if item.date is None or not group.dates:
        return True
    window = _window(item.one_off, item.covers, group.covers, related)
    if item.date.day is not None:
        # two days of one article further apart than a one-off event: two steps (see doc)
        days = [d for d in group.dates if d.day is not None]
        if days and all(days_between(item.date, d) > ONE_OFF_DAYS for d in days):
            return False
    return any(days_between(item.date, d) <= window for d in group.dates)


def _best_dated(group: _Group, clusters: list[Cluster], longest: int,
                related: Related) -> Cluster | None:
    """The closest cluster a dated group may join.  Groups come in date order, so the
    clusters it may join are the latest ones: the scan stops at clusters starting more than
    the widest window plus the longest anchor period (``longest`` days) before it."""
    anchor = group.anchor
    assert anchor is not None
    start = period(anchor)[0]
    best: tuple[tuple[int, int, int], Cluster] | None = None
    for cluster in reversed(clusters):
        assert cluster.anchor is not None
        if (start - period(cluster.anchor)[0]).days > MEASURE_DAYS_SAME_GOODS + longest:
            break
        if not _goods_agree(group.covers, cluster.covers, related) or \
                not _parties_agree(group, cluster):
            continue
        distance = days_between(anchor, cluster.anchor)
        if distance > _window(group.one_off, group.covers, cluster.covers, related):
            continue
        rank = (distance, 0 if group.covers & cluster.covers else 1, -len(cluster.articles))
        if best is None or rank < best[0]:
            best = (rank, cluster)
    return best[1] if best else None


def _add(cluster: Cluster, group: _Group) -> None:
    cluster.members.extend(group.members)
    cluster.covers |= group.covers
    cluster.articles.add(group.article)
    cluster.bodies |= group.bodies
    cluster.kins |= group.kins
    cluster.acts |= group.acts


def _parties_agree(a: _Group | Cluster, b: _Group | Cluster) -> bool:
    """Whether two accounts may be one measure by who took it and what act it is: no two
    different government bodies, no two different kinds of act (a tariff is not the WTO
    complaint filed the same day)."""
    return _named_alike(a.bodies, b.bodies) and _named_alike(a.acts, b.acts)


def _named_alike(a: set[str], b: set[str]) -> bool:
    """Whether two accounts' names of one thing (their issuers' bodies, their kinds of act)
    agree: one names none, or both name one in common.  Different bodies of one state took
    different measures (the education ministry's study alert is not the foreign ministry's
    travel advisory); different kinds of act are different measures."""
    return not a or not b or bool(a & b)


def _window(one_off: bool, a: set[str] | frozenset[str], b: set[str] | frozenset[str],
            related: Related) -> int:
    if one_off:
        return ONE_OFF_DAYS
    if a and b and related(frozenset(a), frozenset(b)):
        return MEASURE_DAYS_SAME_GOODS
    return MEASURE_DAYS


def _goods_agree(a: set[str] | frozenset[str], b: set[str] | frozenset[str],
                 related: Related) -> bool:
    return not a or not b or related(frozenset(a), frozenset(b))


def _group_order(group: _Group) -> tuple[object, ...]:
    anchor = group.anchor
    day = period(anchor)[0] if anchor else dt.date.min
    return (group.block, day, -_precision(anchor) if anchor else 0, sorted(group.covers),
            group.article, min(group.offsets, default=0))


def days_between(a: PartialDate, b: PartialDate) -> int:
    """Days between the periods two partial dates denote (0 when they overlap)."""
    a_lo, a_hi = period(a)
    b_lo, b_hi = period(b)
    if a_hi < b_lo:
        return (b_lo - a_hi).days
    if b_hi < a_lo:
        return (a_lo - b_hi).days
    return 0


def period(d: PartialDate) -> tuple[dt.date, dt.date]:
    """First and last day of the period a partial date denotes."""
    if d.day is not None and d.month is not None:
        day = dt.date(d.year, d.month, d.day)
        return day, day
    if d.month is not None:
        first = dt.date(d.year, d.month, 1)
        following = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)


def _precision(d: PartialDate | None) -> int:
    if d is None:
        return -1
    return 2 if d.day is not None else 1 if d.month is not None else 0
