"""Figures of round 4: fractions in words, shares and parts written with "of", counts by a
verb, hyphenated units, amounts after a possessive, stocks measured in time and counts
announcing a bulleted list: inline texts written for each phenomenon."""

from __future__ import annotations

from decimal import Decimal

import pytest
from extract_support import article

from kg.extract.figures import find_figures
from kg.model import FigureMention


def run(text: str) -> list[FigureMention]:
    return find_figures(article(text, date="2026-01-08"), [])


def claims(text: str) -> list[tuple[str, Decimal | None, str, str | None]]:
    return [(f.span.text, f.value, f.unit, f.qualifier) for f in run(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Korea took well over a quarter of the tuna catch.",
     ("well over a quarter", Decimal(25), "percent", "well over")),
    ("Just under two-thirds of the smelters are idle.",
     ("Just under two-thirds", Decimal("66.7"), "percent", "just under")),
    ("One fifth of the cobalt goes to Finland.",
     ("One fifth", Decimal(20), "percent", None)),
    ("One-third of the lithium is refined abroad.",
     ("One-third", Decimal("33.3"), "percent", None)),
])
def test_a_fraction_in_words_before_of_is_a_share_in_percent(text: str, expected: tuple) -> None:
    assert claims(text) == [expected]


def test_a_qualified_fraction_at_a_clause_end_is_a_share() -> None:
    assert claims("Brokers put the figure nearer to a third.") == [
        ("nearer to a third", Decimal("33.3"), "percent", "nearer to")]


@pytest.mark.parametrize("text", [
    "Output rose in the first quarter of 2025.",
    "The mine has run for a quarter of a century.",
    "She finished a third, behind two Kenyans.",
])
def test_quarters_of_a_year_and_ranks_are_no_shares(text: str) -> None:
    assert [f for f in run(text) if f.unit == "percent"] == []


def test_n_of_ten_followed_by_of_is_a_share() -> None:
    assert claims("Roughly 8 of 10 of the wafers are exported.") == [
        ("Roughly 8 of 10", Decimal(80), "percent", "roughly")]


@pytest.mark.parametrize("text", [
    "Only one of 10 members abstained.",
    "The envoy was one of 100.",
])
def test_an_unqualified_n_of_ten_is_no_share(text: str) -> None:
    assert all(f.unit != "percent" for f in run(text))


def test_a_whole_that_is_a_year_is_no_whole() -> None:
    assert run("Section 2 of the 2019 rules still applies.") == []


def test_a_part_of_a_possessed_whole_counts_the_wholes_noun() -> None:
    found = run("Tokyo has reopened 12 of Hokkaido's 35 ports to the ferries.")
    assert [(f.span.text, f.value, f.unit) for f in found] == [
        ("12 of Hokkaido's 35 ports", Decimal(12), "ports")]


def test_a_number_after_a_verb_of_counting_counts_the_noun_before() -> None:
    found = run("Foreign students, who numbered nearly 1.2 million last year, are leaving.")
    assert [(f.span.text, f.value, f.unit, f.qualifier) for f in found] == [
        ("nearly 1.2 million", Decimal(1200000), "students", "nearly")]


def test_a_unit_glued_by_a_hyphen_is_the_amounts_unit() -> None:
    found = run("A first eight-ton cargo of cobalt cleared customs.")
    assert [(f.span.text, f.value, f.unit) for f in found] == [
        ("eight-ton", Decimal(8), "metric tons")]


def test_an_amount_with_a_scale_after_a_possessive_is_claimed() -> None:
    found = run("Tourists were about a tenth of Thailand's 28.2 million arrivals.")
    assert ("28.2 million arrivals", Decimal(28200000), "visitors") in [
        (f.span.text, f.value, f.unit) for f in found]


def test_a_stock_measured_in_time_is_a_duration() -> None:
    found = run("The reserve is meant to cover 90 days of imports.")
    assert [(f.span.text, f.value, f.unit) for f in found] == [("90 days", Decimal(90), "days")]


def test_a_count_announcing_a_bulleted_list_measures_nothing() -> None:
    assert run("Four responses are open to Seoul:\n- tariffs;\n- quotas.\n") == []


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("Scallop exports dropped by about a third in March.", "33.3", "about"),
    ("Output was cut by half after the flood.", "50", None),
    ("About half of the surveyed firms hold less than a month of stock.", "50", "about"),
])
def test_a_change_by_a_fraction_and_a_qualified_half_are_shares(
        text: str, value: str, qualifier: str | None) -> None:
    found = run(text)
    assert [(str(f.value), f.unit, f.qualifier) for f in found][:1] == [
        (value, "percent", qualifier)]


@pytest.mark.parametrize("text", [
    "Sales recovered in the second half of 2025.",
    "He was hired by a third party.",
])
def test_a_period_or_a_party_is_no_fraction(text: str) -> None:
    assert run(text) == []


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("Lithium prices climbed nearly sevenfold in two years.", "7", "nearly"),
    ("Analysts expect a threefold increase in orders.", "3", None),
])
def test_a_multiple_in_words_after_a_change_is_a_ratio(text: str, value: str,
                                                       qualifier: str | None) -> None:
    found = [f for f in run(text) if f.unit == "ratio"]
    assert [(str(f.value), f.qualifier) for f in found] == [(value, qualifier)]


def test_a_multiple_in_words_without_a_change_is_no_ratio() -> None:
    assert run("The plan has a twofold aim.") == []
