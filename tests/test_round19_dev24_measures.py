"""Measures of official and regulatory English (round 19), each in invented words.

A proposed rule ("the agency proposes to prohibit ...") is under consideration, not
announced, and what a proposal leaves out ("does not propose to prohibit ...") is no
measure.  A trade notice's policy change "from 'Free' to 'Prohibited'" is a ban, and a
minimum export price prescribed or imposed is an export control dated by its "with effect
from DD.MM.YYYY".
"""

from __future__ import annotations

from extract_support import actor, measures_in

from kg.model import MeasureMention, MeasureStatus, PartialDate

PERU = actor("Peru", "state", "Peru", "Lima")
BRAZIL = actor("Brazil", "state", "Brazil", "Brasilia")
DIRECTORATE = actor("Trade Directorate of Peru", "government_body", "Trade Directorate",
                    part_of="Peru")
TABLE = [PERU, BRAZIL, DIRECTORATE]
GOODS = [{"name": "copper", "category": "other", "forms": ["copper"]},
         {"name": "soybeans", "category": "other", "forms": ["soybeans"]}]


def run(text: str) -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date="2026-12-11")


def test_a_rule_an_agency_proposes_is_under_consideration() -> None:
    found = run("The Trade Directorate proposes to prohibit the import of copper from "
                "Brazil. The prohibition would take effect for the 2028 season.")
    bans = [m for m in found if m.type.value == "import_ban"]
    assert bans, found
    assert bans[0].status is MeasureStatus.UNDER_CONSIDERATION


def test_what_a_proposal_does_not_propose_is_no_measure() -> None:
    found = run("The Trade Directorate does not propose to prohibit the import of soybeans "
                "at this time.")
    assert [m for m in found if m.type.value == "import_ban"] == []


def test_an_export_policy_amended_from_free_to_prohibited_is_an_export_ban() -> None:
    found = run('The Trade Directorate issued a notification on 07.12.2026. By the '
                'notification, the export policy of copper (tariff codes 7401 and 7402) has '
                'been amended from "Free" to "Prohibited" with immediate effect.')
    assert [(m.type.value, m.issuer) for m in found] == [
        ("export_ban", "Trade Directorate of Peru")]


def test_an_import_policy_amended_to_prohibited_is_an_import_ban() -> None:
    found = run("Peru said the import policy for soybeans (tariff lines 1201 10 00, 1201 90 "
                "00 and 1208 10 00 of the schedule) was revised from 'Restricted' to "
                "'Prohibited' last week.")
    assert "import_ban" in [m.type.value for m in found]


def test_a_prescribed_minimum_export_price_is_an_export_control_dated_by_its_effect() -> None:
    found = run("Peru recalled that a Minimum Export Price (MEP) of USD 900 per tonne of "
                "copper was prescribed with effect from 14.09.2026.")
    controls = [m for m in found if m.type.value == "export_control"]
    assert controls, found
    assert controls[0].issuer == "Peru"
    assert controls[0].date == PartialDate(2026, 9, 14)


def test_a_minimum_export_price_quoted_alone_is_no_measure() -> None:
    found = run("Traders said the minimum export price of copper stood at USD 900 per tonne "
                "on the exchange.")
    assert [m for m in found if m.type.value == "export_control"] == []
