"""Months and years counted from the last one a paragraph named ("the following month",
"two years later", "in May of that year"), and the comparisons that are not dates
(kg.extract.dates, kg.extract.date_arithmetic)."""

from __future__ import annotations

import datetime as dt

import pytest
from test_measure_timing import dated

from kg.extract.dates import find_dates

ANCHOR = dt.date(2026, 2, 10)


def found(text: str) -> list[tuple[str, str]]:
    return [(d.span.text, d.date.isoformat()) for d in find_dates(text, ANCHOR)]


@pytest.mark.parametrize(("text", "expected"), [
    ("In March 2017 the board froze the accounts and lifted the freeze the following month.",
     [("March 2017", "2017-03"), ("the following month", "2017-04")]),
    ("Strelsau first set quotas in 2011; the same year it cut them, and three years later "
     "it scrapped them.",
     [("2011", "2011"), ("the same year", "2011"), ("three years later", "2014")]),
    ("In November 2015 the port closed. Two months earlier, the dockers had struck.",
     [("November 2015", "2015-11"), ("Two months earlier", "2015-09")]),
    ("The quarrel started in 2016. In June of that year the embassy closed.",
     [("2016", "2016"), ("June", "2016-06")]),
])
def test_a_period_counts_from_the_month_or_year_the_paragraph_named(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_that_year_is_the_year_named_last_not_an_older_full_date() -> None:
    text = ("By Lena Ortiz | 3 March 2026\n\nThe feud began in 2016, after a border "
            "incident. In June of that year the embassy closed and, a week later, the "
            "consulate too.")
    assert found(text)[1:] == [("2016", "2016"), ("June", "2016-06"),
                               ("a week later", "2016-06")]


def test_days_later_after_a_year_alone_give_no_day() -> None:
    text = "Talks ended on 3 March 2026. The feud began in 2016; two days later, it eased."
    assert found(text) == [("3 March 2026", "2026-03-03"), ("2016", "2016")]


def test_a_period_does_not_reach_into_the_next_paragraph() -> None:
    assert found("The port closed in 2015.\n\nThe following year is an election year.") == \
        [("2015", "2015")]


@pytest.mark.parametrize("text", [
    "Grain sales rose 4% from a year earlier.",
    "Imports were 9% lower than the previous year.",
])
def test_a_base_of_comparison_is_not_a_date(text: str) -> None:
    assert found("In 2019 prices fell. " + text) == [("2019", "2019")]


def test_a_measure_takes_the_following_month_its_own_clause_names() -> None:
    assert dated("In May 2018, Ruritania restricted exports of graphite to Freedonia and "
                 "banned exports of gallium to Freedonia the following month.") == \
        [("export_control", "2018-05"), ("export_ban", "2018-06")]


def test_the_same_day_followed_by_the_event_it_means_is_not_the_last_day_named() -> None:
    # "the same day the port reopened": the day of that event, which the text does not
    # give here; not the last day named.  Fronted, the clause after it is the main one.
    text = ("On 3 February the board met. Dockers struck the same day the port reopened. "
            "On the same day Freedonia protested.")
    assert found(text) == [("3 February", "2026-02-03"), ("the same day", "2026-02-03")]


@pytest.mark.parametrize("bound", ["effective", "until", "starting"])
def test_the_same_day_skips_a_day_that_only_bounds_a_state(bound: str) -> None:
    text = (f"On 2 February the board approved new quotas, {bound} 20 February. The same "
            "day, the dockers struck.")
    assert found(text)[-1] == ("The same day", "2026-02-02")


def test_a_narrative_goes_on_from_a_month_named_as_last_or_next() -> None:
    # "... in May 2024; tin followed last September. The quota, set in December, ...": the
    # December after last September, not after May 2024.
    text = ("Strelsau first capped zinc exports in May 2024; tin followed last September. "
            "The quota on lead, set in December, still holds.")
    assert found(text) == [("May 2024", "2024-05"), ("September", "2025-09"),
                           ("December", "2025-12")]
