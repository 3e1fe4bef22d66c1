"""Date expressions resolved against an anchor (kg.extract.dates): one form per test."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import STYLE_NAMES, load_style

from kg.extract.dates import find_dates, resolve_date

WEDNESDAY = dt.date(2026, 1, 7)


def found(text: str, anchor: dt.date | None = WEDNESDAY) -> list[tuple[str, str]]:
    return [(d.span.text, d.date.isoformat()) for d in find_dates(text, anchor)]


@pytest.mark.parametrize(("text", "iso"), [
    ("2026-01-08", "2026-01-08"),
    ("January 6, 2026", "2026-01-06"),
    ("Jan. 6, 2026", "2026-01-06"),
    ("6 January 2026", "2026-01-06"),
    ("the 6th of January, 2026", "2026-01-06"),
    ("November 2025", "2025-11"),
    ("late December 2025", "2025-12"),
])
def test_dates_with_a_year_resolve_without_an_anchor(text: str, iso: str) -> None:
    assert resolve_date(text, None) is not None
    assert resolve_date(text, None).isoformat() == iso  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "iso"), [
    ("Jan. 6", "2026-01-06"),
    ("January 6", "2026-01-06"),
    ("6 January", "2026-01-06"),
    ("Sept. 30", "2025-09-30"),
])
def test_a_day_without_a_year_takes_the_anchor_year_unless_that_is_months_ahead(
        text: str, iso: str) -> None:
    assert resolve_date(text, WEDNESDAY).isoformat() == iso  # type: ignore[union-attr]


def test_a_month_without_a_year_is_last_year_when_this_years_is_far_ahead() -> None:
    assert found("in early November", WEDNESDAY) == [("early November", "2025-11")]
    assert found("in mid-December", WEDNESDAY) == [("mid-December", "2025-12")]


def test_a_month_shortly_ahead_keeps_the_anchor_year() -> None:
    assert found("the fiscal year beginning in April", WEDNESDAY) == [("April", "2026-04")]


def test_a_future_cue_allows_a_date_further_ahead() -> None:
    assert found("The ban will take effect in September.", WEDNESDAY) == [
        ("September", "2026-09")]
    assert found("The ban took effect in September.", WEDNESDAY) == [("September", "2025-09")]


def test_weekdays_are_the_latest_such_day_on_or_before_the_anchor() -> None:
    assert found("declared on Tuesday", WEDNESDAY) == [("Tuesday", "2026-01-06")]
    assert found("said on Wednesday", WEDNESDAY) == [("Wednesday", "2026-01-07")]
    assert found("met on Friday", WEDNESDAY) == [("Friday", "2026-01-02")]


def test_next_weekday_and_future_tense_look_ahead() -> None:
    assert found("talks next Friday", WEDNESDAY) == [("next Friday", "2026-01-09")]
    assert found("They will meet on Monday", WEDNESDAY) == [("Monday", "2026-01-12")]


def test_the_same_day_is_the_last_day_mentioned_before() -> None:
    text = "China announced the ban on January 6. Japan protested on the same day."
    assert found(text, dt.date(2026, 1, 8))[-1] == ("the same day", "2026-01-06")


def test_the_next_day_follows_the_last_day_mentioned() -> None:
    text = "The ban came on 6 January. The following day, Japan protested."
    assert found(text, dt.date(2026, 1, 8))[-1] == ("The following day", "2026-01-07")


@pytest.mark.parametrize(("text", "iso"), [
    ("last month", "2025-12"),
    ("this month", "2026-01"),
    ("last year", "2025"),
    ("earlier this year", "2026"),
    ("yesterday", "2026-01-06"),
    ("today", "2026-01-07"),
    ("two years ago", "2024"),
])
def test_relative_expressions_resolve_against_the_anchor(text: str, iso: str) -> None:
    assert resolve_date(text, WEDNESDAY).isoformat() == iso  # type: ignore[union-attr]


def test_relative_expressions_do_not_resolve_without_an_anchor() -> None:
    assert found("on Tuesday, last month and yesterday, in November", None) == []


def test_on_the_nth_day_is_a_day_of_the_current_month() -> None:
    assert found("On 8th day, the ministry announced", dt.date(2026, 1, 10)) == [
        ("8th day", "2026-01-08")]
    assert found("It happened on the 3rd.", dt.date(2026, 1, 10)) == [("the 3rd", "2026-01-03")]


def test_ordinal_ranks_are_not_days() -> None:
    assert found("the 8th largest economy", WEDNESDAY) == []


def test_new_years_address_is_the_last_day_of_the_year_before() -> None:
    assert found("In his New Year's address, Xi said", WEDNESDAY) == [
        ("his New Year's address", "2025-12-31")]


def test_a_bare_year_needs_a_cue_word() -> None:
    assert found("in 2025 and late 2024", WEDNESDAY) == [("2025", "2025"), ("late 2024", "2024")]
    assert found("about 2000 items", WEDNESDAY) == []


def test_may_and_march_are_dates_only_with_a_day_year_or_cue() -> None:
    assert found("China may impose curbs.", WEDNESDAY) == []
    assert found("in May", WEDNESDAY) == [("May", "2025-05")]
    assert found("on May 5", WEDNESDAY) == [("May 5", "2025-05-05")]


def test_impossible_dates_are_ignored() -> None:
    assert found("February 30, 2026", WEDNESDAY) == []


def test_a_month_name_that_is_not_capitalised_is_not_a_date() -> None:
    assert found("the march on the capital", WEDNESDAY) == []


def test_date_spans_count_into_the_text() -> None:
    text = "On January 6, 2026, and on Tuesday, and the same day, and last month."
    for mention in find_dates(text, WEDNESDAY):
        assert text[mention.span.begin:mention.span.end] == mention.span.text


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_style_fixture_dates_resolve_as_annotated(name: str) -> None:
    style = load_style(name)
    got = {(d.span.text, d.date.isoformat())
           for d in find_dates(style.article.text, style.article.anchor_date)}
    for item in style.expected.get("dates", []):
        assert (item["text"], item["date"]) in got, f"{name}: {item} not in {sorted(got)}"


def test_a_header_less_fixture_anchors_on_the_date_line_of_its_text() -> None:
    style = load_style("headerless")
    meta = style.expected["metadata"]
    assert style.article.metadata.title == meta["title"]
    assert style.article.metadata.author == meta["author"]
    assert style.article.anchor_date == dt.date.fromisoformat(meta["date"])
