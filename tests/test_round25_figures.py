"""Figures of round 25, each in invented words.

* A duration written as a compound modifier of a measure ("a 45-day suspension") is the
  measure's length; one before another noun ("the 30-year bond", "a 52-year-old") or a count
  of one ("a one-day fall") is no figure.
* "went from about X to nearly Y": a level left and a level reached, two figures; "estimates
  range from about X to just over Y" stays one range.
* A number grouped with spaces ("300 000 tonnes") never yields its last group alone.
"""

from __future__ import annotations

from decimal import Decimal

from extract_support import actor, article, mentions

from kg.extract.figures import find_figures
from kg.model import FigureMention

TABLE = [actor("Freedonia", "state", "Freedonia"), actor("Sylvania", "state", "Sylvania")]


def run(text: str) -> list[FigureMention]:
    """The figures of ``text``, an article of 2026-05-20."""
    return find_figures(article(text, date="2026-05-20"), mentions(text, TABLE))


def test_a_compound_duration_before_a_measure_is_its_length() -> None:
    text = ("Freedonia announced a 45-day suspension of cheese imports from Sylvania, and "
            "farmers answered with a three-week halt to milk deliveries.")
    found = {(f.value, f.unit) for f in run(text)}
    assert (Decimal(45), "days") in found
    assert (Decimal(3), "weeks") in found


def test_a_compound_duration_naming_a_kind_of_thing_is_no_figure() -> None:
    text = ("The yield on Freedonia's 30-year bond rose after a 52-year-old trader said the "
            "one-day fall in Sylvanian shares was over.")
    assert not [f for f in run(text) if f.unit in ("years", "days")]


def test_a_move_between_two_qualified_levels_gives_two_figures() -> None:
    text = ("The price of Sylvanian cheese went from about $4 to nearly $11 a kilogram "
            "after Freedonia's curbs.")
    found = sorted((f.value, f.value_max) for f in run(text) if f.unit.startswith("USD"))
    assert found == [(Decimal(4), None), (Decimal(11), None)]


def test_estimates_ranging_between_two_qualified_ends_stay_one_range() -> None:
    text = ("Estimates of Freedonia's share of Sylvanian cheese imports range from about 60% "
            "to just over 70%, analysts said.")
    found = [(f.value, f.value_max) for f in run(text) if f.unit == "percent"]
    assert found == [(Decimal(60), Decimal(70))]


def test_the_last_group_of_a_space_grouped_number_is_no_figure() -> None:
    text = ("Le gisement de Freedonia est estimé à plus de 300 000 tonnes d'uranium, avec "
            "une teneur de 0,7 %, selon la Sylvanie.")
    assert not [f for f in run(text) if f.value == Decimal(0) or f.span.text.startswith("000")]


def test_the_numbers_of_a_subtitle_time_code_are_no_figures() -> None:
    text = ("14\n00:01:35,200 --> 00:01:40,400\nFreedonia will detain Sylvanian cheese.\n\n"
            "15\n00:01:40,500 --> 00:01:44,000\nImports fell 12% last year.")
    found = [(f.value, f.unit) for f in run(text)]
    assert found == [(Decimal(12), "percent")]
