"""Figures: numbers that designate rather than count, amounts written in two scales, and
what an amount "of" something measures."""

from __future__ import annotations

import pytest
from extract_support import article, figure_units, found_actors

from kg.extract.figures import find_figures


@pytest.mark.parametrize(("text", "kept"), [
    ("The carmaker cut prices of its Model Y crossovers and Model 3 sedans in Norway.", set()),
    ("Officials said Section 301 tariffs would stay on 300 products.", {("300", "items")}),
    ("The army fielded 14 Type 90 tanks on the island.", set()),
    ("Under Announcement No. 46 the bureau listed 12 companies.", {("12", "companies")}),
])
def test_a_number_after_a_designating_word_counts_nothing(
    text: str, kept: set[tuple[str, str]]
) -> None:
    assert figure_units(text) == kept


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Shipments reached 2 trillion 350 billion yen last year.", "2350000000000", "JPY"),
    ("The fund is worth 4 billion 600 million dollars.", "4600000000", "USD"),
])
def test_an_amount_in_two_scales_is_their_sum(text: str, value: str, unit: str) -> None:
    assert figure_units(text) == {(value, unit)}


def test_a_smaller_scale_does_not_add_to_a_larger_number_after_it() -> None:
    # "3 million 5 billion" reads as no amount in two scales: the second is not smaller.
    units = figure_units("Estimates ranged widely: 3 million 5 billion dollars, said one.")
    assert ("3000000005000000000", "USD") not in units


@pytest.mark.parametrize(("text", "about"), [
    ("Vietnam shipped 2,400 tonnes of graphite in March.", "graphite"),
    ("The utility bought $3 billion of turbines.", "turbines"),
    ("Smelters exported 60% of their output.", "their output"),
])
def test_an_amount_of_something_is_about_that_thing(text: str, about: str) -> None:
    art = article(text)
    figures = find_figures(art, found_actors(text))
    assert [f.about for f in figures] == [about]
