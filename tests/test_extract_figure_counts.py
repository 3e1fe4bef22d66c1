"""Figures of round 14: what a number counts and how a price names its quantity; inline
texts written for each phenomenon (kg.extract.figure_counts, kg.extract.figures)."""

from __future__ import annotations

import pytest
from extract_support import article

from kg.evaluate.rules import units_compatible
from kg.extract.figures import find_figures
from kg.model import FigureMention


def run(text: str) -> list[FigureMention]:
    return find_figures(article(text, date="2026-01-08"), [])


def summary(text: str) -> list[tuple[str, str | None, str, str]]:
    return [(str(f.value), str(f.value_max) if f.value_max is not None else None, f.unit,
             f.span.text) for f in run(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Spot cobalt traded at $31,500-33,000/tonne on Friday.",
     [("31500", "33000", "USD per tonne", "$31,500-33,000/tonne")]),
    ("Dealers quoted 2,140 yuan/kg for the oxide.",
     [("2140", None, "CNY per kg", "2,140 yuan/kg")]),
    ("Indium fetched roughly $410 a kilogram in Rotterdam.",
     [("410", None, "USD per kg", "roughly $410 a kilogram")]),
    ("The smelter paid 96,000 yuan per metric ton.",
     [("96000", None, "CNY per tonne", "96,000 yuan per metric ton")]),
])
def test_a_price_names_its_quantity_one_way_however_the_text_writes_it(
        text: str, expected: list[tuple[str, str | None, str, str]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(("gold", "predicted"), [
    ("USD/kg", "USD per kg"), ("USD per kilogram", "USD per kg"),
    ("CNY/tonne", "CNY per tonne"), ("CNY per ton", "CNY per tonne"),
    ("manufacturers", "companies"), ("persons", "people"),
])
def test_the_evaluator_reads_spellings_of_one_unit_as_that_unit(gold: str,
                                                               predicted: str) -> None:
    assert units_compatible(gold, predicted)


def test_a_price_unit_never_meets_another_currency_or_quantity() -> None:
    assert not units_compatible("USD/kg", "CNY per kg")
    assert not units_compatible("USD/kg", "USD per tonne")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The survey reached about 40 small machine-tool manufacturers.", "40", "companies"),
    ("Washington sanctioned 17 Chinese shipbuilding contractors.", "17", "companies"),
    ("Seoul fined 14 U.S. subsidiaries last year.", "14", "companies"),
    ("The embargo hit 26 EU steel makers.", "26", "companies"),
    ("The plant employs 350 people.", "350", "people"),
    ("Beijing barred 9 defence executives.", "9", "people"),
])
def test_a_count_of_businesses_or_persons_is_in_companies_or_people(
        text: str, value: str, unit: str) -> None:
    assert [(str(f.value), f.unit) for f in run(text)] == [(value, unit)]


def test_a_count_does_not_reach_past_the_end_of_its_sentence() -> None:
    assert run("The duties will stay for seven years. Korean buyers protested.") == []


def test_others_after_a_count_count_the_same_noun() -> None:
    found = summary("Ottawa listed 31 Russian firms and added 8 others to a watch list.")
    assert found == [("31", None, "companies", "31 Russian firms"),
                     ("8", None, "companies", "8")]


@pytest.mark.parametrize("text", [
    "Two regional papers carried the story.",
    "The 2019 curbs covered three chemicals used in chipmaking.",
    "Both sides held two rounds of talks.",
])
def test_an_unqualified_two_or_three_describes_it_does_not_count(text: str) -> None:
    assert [f.unit for f in run(text)] in ([], ["percent"])


def test_a_small_count_with_a_qualifier_is_a_figure() -> None:
    assert summary("At least three ferry operators cancelled sailings.") == [
        ("3", None, "operators", "At least three ferry operators")]


def test_the_time_since_an_event_is_no_duration() -> None:
    assert run("It was the first cargo of scallops in more than three years.") == []
    assert summary("The review took more than three years.") == [
        ("3", None, "years", "more than three years")]


@pytest.mark.parametrize("text", [
    "Nikkei 225 futures fell in Osaka.",
    "Most S&P 500 companies report next week.",
    "We trimmed FY3/28 earnings estimates.",
])
def test_a_number_inside_a_name_or_label_is_no_figure(text: str) -> None:
    assert run(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The agency aims to lift cobalt reserves to 90 days of domestic demand.",
     [("90", None, "days", "90 days")]),
    ("Seoul will grow the tungsten stockpile from current 40 days to 75 days by 2028.",
     [("40", None, "days", "40 days"), ("75", None, "days", "75 days")]),
    ("Export reviews that took five weeks in spring now take longer.",
     [("5", None, "weeks", "five weeks")]),
])
def test_a_stock_in_time_a_level_between_durations_and_a_time_taken_are_figures(
        text: str, expected: list[tuple[str, str | None, str, str]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize("text", [
    "Two weeks after the ban, exports fell.",
    "The index rose from 3 months ago to a high.",
])
def test_a_duration_that_says_when_is_still_no_figure(text: str) -> None:
    assert run(text) == []


def test_companies_coordinated_with_another_kind_of_body_count_entities() -> None:
    assert summary("Washington blacklisted 33 Chinese firms and research institutes.") == [
        ("33", None, "entities", "33 Chinese firms and research institutes")]
    assert [f.unit for f in run("Tokyo named 9 companies and their subsidiaries.")] == [
        "companies"]


def test_visitor_arrivals_are_counted_as_visitors() -> None:
    assert [f.unit for f in run("Thailand recorded about 2.4 million arrivals.")] == [
        "visitors"]


def test_a_part_of_another_whole_is_not_a_part_of_the_count_before() -> None:
    found = summary("Ottawa froze the assets of 14 Russian shipping companies and barred 6 of "
                    "their directors from entry.")
    assert [(value, unit) for value, _, unit, _ in found] == [("14", "companies"),
                                                              ("6", "directors")]
