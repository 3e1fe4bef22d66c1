"""kg.timeline, kg.conflicts and the chart layouts, on real on-disk stores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import namespace as rdfns

from kg.conflicts import read_disagreements
from kg.evidence import Articles
from kg.namespace import KGR
from kg.store import Store
from kg.timeline import names_date, period_of, read_timeline
from server.charts import COLUMN, layout_bars, layout_grid, layout_timeline

DISAGREEMENTS = Path(__file__).parent / "data" / "disagreements.trig"
SIDES = Path(__file__).parent / "data" / "disagreement_sides.trig"
BAN = str(KGR["measure/export-ban-china-japan"])
FIXTURE_BAN = str(KGR["measure/fixture-ban"])


@pytest.fixture(scope="module")
def store(small_store: Path) -> ox.Store:
    return Store(small_store).open()


@pytest.fixture(scope="module")
def disagreeing(tmp_path_factory: pytest.TempPathFactory,
                make_store: Callable[..., Path]) -> ox.Store:
    location = make_store(tmp_path_factory.mktemp("disagree") / "store", DISAGREEMENTS)
    return Store(location).open()


@pytest.fixture(scope="module")
def sides(tmp_path_factory: pytest.TempPathFactory,
          make_store: Callable[..., Path]) -> ox.Store:
    """Three articles on one ban's day, the third giving both days."""
    return Store(make_store(tmp_path_factory.mktemp("sides") / "store", SIDES)).open()


# --- periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "datatype", "first", "last", "label"), [
    ("2026-01-06", rdfns.XSD.date, dt.date(2026, 1, 6), dt.date(2026, 1, 6), "6 Jan 2026"),
    ("2025-11", rdfns.XSD.gYearMonth, dt.date(2025, 11, 1), dt.date(2025, 11, 30), "Nov 2025"),
    ("2024-02", rdfns.XSD.gYearMonth, dt.date(2024, 2, 1), dt.date(2024, 2, 29), "Feb 2024"),
    ("2025", rdfns.XSD.gYear, dt.date(2025, 1, 1), dt.date(2025, 12, 31), "2025"),
])
def test_a_date_keeps_the_precision_its_datatype_gives(
    value: str, datatype: str, first: dt.date, last: dt.date, label: str
) -> None:
    period = period_of(value, str(datatype))
    assert period is not None
    assert (period.first, period.last, period.label, period.iso) == (first, last, label, value)


@pytest.mark.parametrize("value", ["", "January", "2026-13-01", "2026-02-30"])
def test_what_is_no_date_gives_no_period(value: str) -> None:
    assert period_of(value, str(rdfns.XSD.date)) is None


def test_coarser_periods_sort_before_the_days_they_hold() -> None:
    periods = [period_of(v) for v in ("2026-01-06", "2026-01", "2025-12-31", "2026")]
    ordered = sorted((p for p in periods if p), key=lambda p: p.sort_key)
    assert [p.iso for p in ordered] == ["2025-12-31", "2026", "2026-01", "2026-01-06"]
    month, day = period_of("2026-01"), period_of("2026-01-06")
    assert month and day and month.contains(day) and not day.contains(month)


# --- the timeline ---------------------------------------------------------------------------


def test_timeline_shows_which_article_gives_which_date(store: ox.Store) -> None:
    timeline = read_timeline(store)
    ban = {(e.article.identifier, e.period.iso) for e in timeline.events
           if e.kind == "measure" and e.subject.value == BAN}
    assert ban == {("a_first.txt", "2026-01-06"), ("b_second.txt", "2026-01-07")}
    statements = [e for e in timeline.events if e.kind == "statement"]
    assert {e.detail.text for e in statements if e.detail} == {"He Yadong"}
    assert [p.iso for p in timeline.periods] == ["2026-01-06", "2026-01-07", "2026-01-08"]
    assert timeline.published[str(KGR["article/b_second"])].iso == "2026-01-08"


def test_timeline_without_statements(store: ox.Store) -> None:
    timeline = read_timeline(store, statements=False)
    assert timeline.events and {e.kind for e in timeline.events} == {"measure"}


def test_a_date_picks_the_sentence_that_writes_it_out(disagreeing: ox.Store) -> None:
    snippet = Articles(disagreeing).evidence(str(KGR["article/c_two"]) + "#char=0,69")
    assert snippet is not None
    assert names_date(snippet, period_of("2026-01-07"))  # "on January 7"
    assert not names_date(snippet, period_of("2026-01-06"))
    assert names_date(snippet, period_of("2026-01"))


def test_timeline_layout_places_months_as_bars_over_their_days(disagreeing: ox.Store) -> None:
    timeline = read_timeline(disagreeing)
    chart = layout_timeline(timeline, href=lambda iri: f"/go?{iri}")
    assert [c.label for c in chart.columns] == ["Jan 2026", "6 Jan 2026", "7 Jan 2026"]
    bars = [m for m in chart.markers if m.shape == "bar"]
    assert len(bars) == 1, "c_two's 'January' is one bar"
    # The month's bar reaches over both January days that other columns show.
    assert bars[0].x < chart.columns[0].x and bars[0].x2 > chart.columns[2].x
    diamonds = [m for m in chart.markers if m.shape == "diamond"]
    assert len(diamonds) == 2 and len({m.css for m in diamonds + bars}) == 1, "one colour"
    assert all(m.href == f"/go?{FIXTURE_BAN}" for m in diamonds)
    assert [lane.label for lane in chart.lanes] == ["Beijing bans rare earth exports",
                                                     "c_two.txt"]
    assert chart.lanes[0].published == "6 Jan 2026"
    assert chart.width == pytest.approx(chart.columns[-1].x + COLUMN / 2 + 10)


def test_markers_in_one_lane_never_overlap(store: ox.Store) -> None:
    chart = layout_timeline(read_timeline(store), href=str)
    for lane in chart.lanes:
        inside = [m for m in chart.markers if lane.y <= m.y <= lane.y + lane.height]
        spots = [(round(m.x), round(m.y)) for m in inside]
        assert len(spots) == len(set(spots))


# --- disagreements --------------------------------------------------------------------------


def test_disagreements_read_back_with_each_sides_words(disagreeing: ox.Store) -> None:
    views = {v.kind: v for v in read_disagreements(disagreeing)}
    assert set(views) == {"date", "figure", "scope"}
    date = views["date"]
    assert date.about is not None and date.about.value == FIXTURE_BAN
    # c_two gives both "January" and "7 January"; its cited sentence names the day.
    assert [(s.article.identifier, s.values) for s in date.sides if s.article] == [
        ("c_one.txt", ["2026-01-06"]), ("c_two.txt", ["2026-01-07"])]
    assert date.values == ["2026-01-06", "2026-01-07"]
    figure = views["figure"]
    assert [(f.value, f.qualifier) for f in figure.figures] == [
        (Decimal("60"), "about"), (Decimal("70"), "more than")]
    assert [s.snippet.mark for s in figure.sides if s.snippet] == ["about 60%", "more than 70%"]
    scope = views["scope"]
    assert [s.values for s in scope.sides] == [["rare earths (fixture)"], ["magnets (fixture)"]]


def test_sides_are_grouped_by_what_they_say_and_self_contradiction_is_named(
        sides: ox.Store) -> None:
    [view] = read_disagreements(sides)
    assert [(p.label, [a.identifier for a in p.articles]) for p in view.positions] == [
        ("2026-01-06", ["d_one.txt", "d_three.txt", "d_two.txt"]),
        ("2026-01-07", ["d_three.txt"])]
    three = str(KGR["article/d_three"])
    assert view.contradicting == {three}
    sixth, seventh = view.positions
    assert view.also_says(three, sixth) == ["2026-01-07"]
    assert view.also_says(three, seventh) == ["2026-01-06"]
    # Each of d_three's sides keeps the sentence naming its own day.
    assert [s.snippet.mark for s in seventh.sides if s.snippet] == [
        "China announced on January 7 a ban on gallium exports to Japan"]
    assert len(view.articles) == 3


def test_the_grid_has_a_row_per_article_with_a_dot_per_value_it_gives(sides: ox.Store) -> None:
    [view] = read_disagreements(sides)
    grid = layout_grid(view)
    assert [title for _, _, title in grid.rows] == ["d_one.txt", "d_three.txt", "d_two.txt"]
    three = grid.rows[1][0]
    assert sorted(c.x for c in grid.cells if c.y == three) == [x for x, _ in grid.columns]
    # The slanted headers fit inside the picture (a phone scales it, never cuts it).
    assert all(x + len(label) * 7.2 * 0.77 <= grid.width for x, label in grid.columns)


def test_figure_bars_are_narrow_enough_for_a_phone(disagreeing: ox.Store) -> None:
    views = {v.kind: v for v in read_disagreements(disagreeing)}
    bars = layout_bars(views["figure"])
    assert bars is not None and bars.width <= 440
    assert all(bar.x0 < bar.x1 < bars.width for bar in bars.bars)


def test_disagreement_pictures(disagreeing: ox.Store) -> None:
    views = {v.kind: v for v in read_disagreements(disagreeing)}
    grid = layout_grid(views["scope"])
    assert len(grid.rows) == 2 and len(grid.columns) == 2 and len(grid.cells) == 2
    assert {c.y for c in grid.cells} == {y for y, _, _ in grid.rows}
    bars = layout_bars(views["figure"])
    assert bars is not None and bars.unit == "percent"
    low, high = bars.bars
    assert low.x1 < high.x1, "70 is drawn longer than 60"
    assert (low.qualifier, high.qualifier) == ("about", "more")
    assert [label for _, label in bars.ticks] == ["0", "25", "50", "75", "100"]
    assert layout_bars(views["date"]) is None, "no figures, no bars"


def test_a_store_without_disagreements_has_none(store: ox.Store) -> None:
    assert read_disagreements(store) == []


def test_a_long_timeline_keeps_the_earliest_events(store: ox.Store) -> None:
    everything = read_timeline(store)
    first = read_timeline(store, max_events=2)
    assert first.total == everything.total == len(everything.events) > 2
    assert [e.subject for e in first.events] == [e.subject for e in everything.events[:2]]
