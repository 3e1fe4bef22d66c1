"""Measure phrasings met on unseen text in round 5 (kg.extract.measures).

Each test is one phenomenon, written with invented states and other words than the
articles it was seen in: an idea "floated" is weighed, licences no longer received and
licence applications that have stalled are licensing restrictions, a claim no written
order backs is reported, a bare document year yields to the day of the same sentence, a
bare state name after a possessor is not the issuer, a participle agent after a comma is
the issuer, and weighing a measure's effects does not weigh the measure.
"""

from __future__ import annotations

from extract_support import actor, article, materials, mentions
from test_measure_round4_families import GOODS, TABLE, run, summary

from kg.extract.measures import find_measures
from kg.model import PartialDate

EARLIER = "Ruritania banned exports of heavy rare earths to Freedonia last month. "
"""A first measure, so that the one under test has an issuer to share."""


def _last(text: str) -> tuple[str, str | None, str | None, str]:
    return summary(EARLIER + text)[-1]


# -- licensing ---------------------------------------------------------------------------------

def test_an_idea_floated_is_under_consideration() -> None:
    found = _last("Ruritania's state television has floated the idea of stricter licence "
                  "reviews for graphite shipments to Freedonia.")
    assert found == ("licensing_restriction", "Ruritania", "Freedonia", "under_consideration")


def test_licences_no_longer_received_are_a_licensing_restriction() -> None:
    found = _last("Several smelters in Ruritania have stopped receiving licences for "
                  "shipments of antimony to Freedonia since the dispute began.")
    assert found[:3] == ("licensing_restriction", "Ruritania", "Freedonia")


def test_licence_applications_for_goods_that_have_stalled_are_a_restriction() -> None:
    found = _last("Licence applications for gallium cargoes bound for Freedonia have "
                  "stalled, two brokers said.")
    assert found[:3] == ("licensing_restriction", "Ruritania", "Freedonia")


def test_a_claim_no_written_order_backs_is_reported() -> None:
    found = _last("Several smelters in Ruritania have stopped receiving licences for "
                  "shipments of antimony to Freedonia, two brokers said, although none had "
                  "seen a written instruction from Strelsau.")
    assert found == ("licensing_restriction", "Ruritania", "Freedonia", "reported")


def test_an_outlet_reporting_stalled_applications_does_not_date_them() -> None:
    wire = actor("Harbour Wire", "media", "Harbour Wire")
    text = ("2026-02-10 - Ruritania bans exports of heavy rare earths to Freedonia.\n\n"
            "2026-02-14 - Harbour Wire reports that licence applications for gallium bound "
            "for Freedonia have stalled since the ban.\n\n"
            "2026-02-20 - Freedonia lodges a protest.\n")
    found = find_measures(article(text, date="2026-03-02"), mentions(text, [*TABLE, wire]),
                          materials(text, GOODS))
    licensing = [m for m in found if m.type.value == "licensing_restriction"]
    assert licensing and all(m.date is None for m in licensing)


# -- dates -------------------------------------------------------------------------------------

def test_a_document_year_yields_to_the_day_of_its_sentence() -> None:
    found = run("On March 2, Ruritania's foreign ministry published its second notice of "
                "2026, banning exports of gallium to Freedonia.")
    assert [(m.type.value, m.date) for m in found] == [
        ("export_ban", PartialDate(2026, 3, 2))]


# -- issuer ------------------------------------------------------------------------------------

def test_a_state_name_after_a_possessor_is_not_the_issuer() -> None:
    found = summary("Ruritania's Freedonia export ban worries shipowners.")
    assert [(f[0], f[1]) for f in found] == [("export_ban", "Ruritania")]


def test_a_participle_agent_after_a_comma_issues_the_measure() -> None:
    found = summary("Freedonia said the new ban on gallium exports, imposed by Ruritania on "
                    "Feb. 3, has hit shipyards.")
    assert [(f[0], f[1]) for f in found] == [("export_ban", "Ruritania")]


# -- status ------------------------------------------------------------------------------------

def test_weighing_the_effects_of_a_measure_does_not_weigh_it() -> None:
    for text in ("Kestrel Marine is weighing its exposure to Ruritania's ban on gallium "
                 "exports to Freedonia.",
                 "Fredville studies the fallout of Ruritania's ban on gallium exports to "
                 "Freedonia."):
        assert [f[3] for f in summary(text)] == ["in_force"]


def test_weighing_a_measure_itself_is_still_under_consideration() -> None:
    found = summary("Ruritania is weighing a ban on gallium exports to Freedonia.")
    assert [f[3] for f in found] == ["under_consideration"]
