"""Attributes of measures found, round 24, each in invented words.

A measure whose own verb stands in the future ("said it will exclude Freedonia from its
general export licence", "exporters will need a licence") is decided and not yet applied:
announced, not in force, whatever its type's default.
"""

from __future__ import annotations

from extract_support import actor, measures_in

from kg.model import MeasureMention, MeasureStatus, MeasureType

SYLVANIA = actor("Sylvania", "state", "Sylvania", "Ostburg")
FREEDONIA = actor("Freedonia", "state", "Freedonia", "Fredville")
TABLE = [SYLVANIA, FREEDONIA]
GOODS = [{"name": "tin", "category": "other", "forms": ["tin", "tin ingots"]}]


def run(text: str, *, date: str | None = "2026-03-02") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date=date)


def _export_measures(found: list[MeasureMention]) -> list[MeasureMention]:
    return [m for m in found if m.type in (MeasureType.EXPORT_CONTROL, MeasureType.EXPORT_BAN,
                                           MeasureType.LICENSING_RESTRICTION)]


def test_a_control_whose_own_verb_is_in_the_future_is_announced() -> None:
    text = ("OSTBURG, March 2 - Sylvania's trade ministry said on Monday that it will "
            "exclude Freedonia from the general export permission for tin ingots. Traders "
            "expect delays.")
    found = _export_measures(run(text))
    assert found, "the control is found"
    assert all(m.status is MeasureStatus.ANNOUNCED for m in found)


def test_a_licence_exporters_will_need_is_announced() -> None:
    text = ("Sylvania published new rules on Friday. Under them, exporters will need an "
            "export licence for tin ingots shipped to Freedonia.")
    found = _export_measures(run(text))
    assert found, "the licence requirement is found"
    assert all(m.status is MeasureStatus.ANNOUNCED for m in found)


def test_a_control_told_in_the_past_keeps_its_default() -> None:
    text = ("OSTBURG, March 2 - Sylvania's trade ministry on Monday excluded Freedonia from "
            "the general export permission for tin ingots.")
    found = _export_measures(run(text))
    assert found, "the control is found"
    assert all(m.status is MeasureStatus.IN_FORCE for m in found)
