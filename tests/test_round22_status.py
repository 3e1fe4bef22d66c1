"""Measure status of round 22, each in invented words.

"Has since" is read before the ten-word window cuts it from a long clause ("X has since
urged its citizens to avoid travel to Y and halted imports": no lasting "since"); students
"studying in" a country are no measure being studied; and a measure being drafted or
named "one option" of several is under consideration.
"""

from __future__ import annotations

from extract_support import actor, measures_in

from kg.model import MeasureMention, MeasureStatus, MeasureType

BRAZIL = actor("Brazil", "state", "Brazil", "Brasilia")
PERU = actor("Peru", "state", "Peru", "Lima")
EDUCATION = actor("Ministry of Education of Brazil", "government_body",
                  "Ministry of Education", part_of="Brazil")
TABLE = [BRAZIL, PERU, EDUCATION]
GOODS = [{"name": "copper", "category": "other", "forms": ["copper", "copper cathodes"]}]


def run(text: str) -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date="2026-05-20")


def of_type(found: list[MeasureMention], kind: MeasureType) -> list[MeasureMention]:
    """The measures of ``found`` of type ``kind``."""
    return [m for m in found if m.type is kind]


def test_has_since_far_before_the_head_is_no_lasting_cue() -> None:
    found = run("Brazil has since urged its citizens to avoid travel to Peru and halted "
                "imports of Peruvian copper cathodes.")
    bans = of_type(found, MeasureType.IMPORT_BAN)
    assert bans and bans[0].status is MeasureStatus.ANNOUNCED


def test_studying_in_a_country_is_no_measure_being_studied() -> None:
    found = run("Brazil's Ministry of Education on Monday warned students to weigh the "
                "risks of studying in Peru.")
    advisories = of_type(found, MeasureType.TRAVEL_ADVISORY)
    assert advisories and advisories[0].status is MeasureStatus.ANNOUNCED


def test_studying_a_measure_still_weighs_it() -> None:
    found = run("Brazil is studying a ban on copper exports to Peru.")
    assert found and found[0].status is MeasureStatus.UNDER_CONSIDERATION


def test_a_list_being_drafted_is_under_consideration() -> None:
    found = run("Brazil's trade office is drafting a ban on copper exports to Peru.")
    assert found and found[0].status is MeasureStatus.UNDER_CONSIDERATION


def test_a_measure_named_one_option_among_many_is_under_consideration() -> None:
    found = run("Brazil's trade minister said a ban on copper exports to Peru was \"one option "
                "among many.\"")
    assert found and found[0].status is MeasureStatus.UNDER_CONSIDERATION
