"""Durations and people counts of round 23, each in invented words.

A period counted in working, business or calendar days is a deadline or a procedure's
length, a figure without a qualifier ("reviewed within 20 working days"), even when an
event follows it ("due within 15 calendar days after the sale").  "For" and a duration after
the verb that puts a measure in place give the measure's length ("halted timber exports for
90 days"); "for one year" and "for" after other verbs stay periods in passing.  People
counted by their nationality ("nationals", "citizens", a demonym's plural) count people.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from extract_support import actor, article, mentions

from kg.extract.figures import find_figures
from kg.model import FigureMention

TABLE = [actor("Freedonia", "state", "Freedonia"), actor("Sylvania", "state", "Sylvania")]


def run(text: str) -> list[FigureMention]:
    """The figures of ``text``, an article of 2026-05-20."""
    return find_figures(article(text, date="2026-05-20"), mentions(text, TABLE))


def summary(text: str) -> list[tuple[Decimal | None, str, str]]:
    """(value, unit, mention) of each figure of ``text``."""
    return [(f.value, f.unit, f.span.text) for f in run(text)]


def test_a_count_of_working_days_is_a_duration_without_a_qualifier() -> None:
    assert summary("Permit requests are examined within 20 working days by the agency.") == [
        (Decimal(20), "working days", "20 working days")]


def test_a_qualified_count_of_business_days_keeps_its_qualifier_and_noun() -> None:
    figure = run("The file stays open for roughly eight business days.")[0]
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal(8), "business days",
                                                             "roughly")


def test_calendar_days_count_days_even_before_an_event() -> None:
    assert summary("Sellers must file a notice within 15 calendar days after the sale.") == [
        (Decimal(15), "days", "15 calendar days")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Freedonia halted timber exports for 90 days on Monday.", 90, "days"),
    ("The surcharges on Sylvania's cheese will apply for four years.", 4, "years"),
    ("Freedonia imposed levies on Sylvanian steel for eight months, effective at once.", 8,
     "months"),
])
def test_for_and_a_duration_after_a_measure_verb_is_the_measure_length(
        text: str, value: int, unit: str) -> None:
    assert [(v, u) for v, u, _ in summary(text)] == [(Decimal(value), unit)]


@pytest.mark.parametrize("text", [
    "Freedonia suspended the quota rules for one year.",
    "A buyer in Sylvania has taken our cheese for nine years.",
    "The minister said the talks went on for three weeks.",
])
def test_for_one_year_or_after_other_verbs_is_a_period_in_passing(text: str) -> None:
    assert run(text) == []


@pytest.mark.parametrize("text", [
    "At least 40 Sylvanian nationals were detained at the border.",
    "The levy affects about 2 million citizens.",
    "Some 3 million Canadians travel abroad each winter.",
])
def test_people_counted_by_nationality_count_people(text: str) -> None:
    assert [u for _, u, _ in summary(text)] == ["people"]
