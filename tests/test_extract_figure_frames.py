"""Figures of round 3: page furniture, shares, planned durations, counts with modifiers,
prices per quantity, Chinese counts in translation, vote tallies: inline texts written for
each phenomenon."""

from __future__ import annotations

from decimal import Decimal

import pytest
from extract_support import article

from kg.extract.figures import find_figures
from kg.model import FigureMention


def run(text: str) -> list[FigureMention]:
    return find_figures(article(text, date="2026-01-08"), [])


def summary(text: str) -> list[tuple[str, str | None, str]]:
    return [(str(f.value), str(f.value_max) if f.value_max is not None else None, f.unit)
            for f in run(text)]


@pytest.mark.parametrize("text", [
    "Summary by TradeBrief · 9 Jan 2026 · 5 min read\n\nKey points\n\n• Exports fell.",
    "Good piece.\n\n12 comments\n\nLeave a reply",
    "© 2001-2026 Harbourfront Media Group. All rights reserved.",
])
def test_what_a_page_counts_about_itself_is_no_figure(text: str) -> None:
    assert run(text) == []


def test_n_in_ten_is_a_share_in_percent() -> None:
    found = run("Japan buys nearly 7 in 10 of its magnets from China.")
    assert [(f.value, f.unit, f.qualifier, f.span.text) for f in found] == [
        (Decimal(70), "percent", "nearly", "nearly 7 in 10")]


def test_the_second_number_of_a_share_is_no_count() -> None:
    assert run("One in three feels too high to me.") == []


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The review may be extended by three months in special cases.", "3", "months"),
    ("The probe is scheduled to last two years.", "2", "years"),
    ("It would normally run for one year.", "1", "years"),
])
def test_a_planned_length_is_a_duration(text: str, value: str, unit: str) -> None:
    assert summary(text) == [(value, None, unit)]


def test_a_length_in_passing_is_no_duration() -> None:
    assert run("Beijing suspended the rule for one year on Monday.") == []


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The ministry tracked 32 military aircraft near the island.", "32", "aircraft"),
    ("It counted nine navy and coast guard boats.", "9", "boats"),
    ("The order covers four EU-based suppliers.", "4", "companies"),
    ("Licences are needed for seven gallium compounds.", "7", "compounds"),
])
def test_a_count_reaches_its_noun_over_modifiers(text: str, value: str, unit: str) -> None:
    assert summary(text) == [(value, None, unit)]


def test_a_count_announcing_its_list_after_a_colon_is_no_figure() -> None:
    assert run("Tokyo curbed two chemicals used in displays: photoresists, polyimide and "
               "etching gas.") == []


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Spot prices reached $410 per tonne this week.", "410", "USD per tonne"),
    ("Fees start at 300 yuan per net ton.", "300", "CNY per net ton"),
])
def test_a_price_per_quantity_keeps_the_quantity_in_its_unit(text: str, value: str,
                                                              unit: str) -> None:
    assert summary(text) == [(value, None, unit)]


def test_hundred_million_translates_a_chinese_count() -> None:
    assert summary("Exports were about 635 hundred million yen in 2022.") == [
        ("63500000000", None, "JPY")]


def test_two_percentages_joined_by_to_are_a_range() -> None:
    assert summary("Importers must lodge deposits of 12.5% to 18.0% with customs.") == [
        ("12.5", "18", "percent")]


def test_the_numbers_of_a_vote_tally_count_the_same_noun() -> None:
    assert summary("In the vote, 15 member states voted in favour, seven against and five "
                   "abstained.") == [("15", None, "states"), ("7", None, "states"),
                                     ("5", None, "states")]


def test_a_figure_named_as_a_rule_is_a_reference() -> None:
    assert run("Everyone now knows the 0.5% rule exists.") == []
