"""Measure families met on unseen text in round 7 (kg.extract.measures, kg.extract.dates).

Each test is one phenomenon, written with invented states and other words than the
articles it was seen in: policy instruments outside the trade-restriction lexicon (growing
a stockpile, purchase guarantees, designation lists, subsidies, support packages, extra
allocations, named plans), the reverse acts (lifting checks, restoring a partner to a
list, withdrawing a simplified procedure), protests that urge the other side to withdraw a
measure, hedged proposals (modal, "assessing whether", "not ruling out", "may be worth
filing") as under consideration while "ruled out" gives nothing, and the dates of a past
episode told across paragraphs ("that year", "A month later, on ...") and of its undated
sentences.
"""

from __future__ import annotations

import datetime as dt

from test_measure_round4_families import run, summary

from kg.extract.dates import find_dates
from kg.model import PartialDate

EARLIER = "Ruritania banned exports of graphite to Freedonia last month. "
"""A first measure, so that a protest has a measure to answer."""


# -- policy instruments ---------------------------------------------------------------------

def test_a_modal_stockpile_expansion_is_weighed() -> None:
    found = summary("Freedonia could expand the graphite stockpile held by its state agency.")
    assert found == [("other", "Freedonia", None, "under_consideration")]


def test_money_set_aside_to_grow_a_stockpile_is_one_budget() -> None:
    found = summary("Ruritania set aside about 40 billion yen to expand the state graphite "
                    "stockpile.")
    assert [f[0] for f in found] == ["budget"]


def test_purchase_guarantees_someone_might_consider_are_weighed() -> None:
    found = summary("Fredville might consider long-term purchase guarantees for "
                    "non-Ruritanian producers.")
    assert found == [("other", "Freedonia", None, "under_consideration")]


def test_assessing_whether_to_release_a_stockpile_is_weighed() -> None:
    found = summary("Ruritania has begun assessing whether to release part of its graphite "
                    "stockpile to manufacturers.")
    assert found == [("other", "Ruritania", None, "under_consideration")]


def test_adding_goods_to_a_designation_list_is_a_measure() -> None:
    found = summary("Freedonia said it would add magnets to the list of designated critical "
                    "materials eligible for subsidies.")
    assert [f[:2] for f in found] == [("other", "Freedonia")]


def test_support_packages_widened_subsidies_and_extra_allocations_are_budgets() -> None:
    assert summary("Freedonia unveiled a support package for battery makers on Monday.") == \
        [("budget", "Freedonia", None, "announced")]
    assert [f[:2] for f in summary("Fredville will widen subsidies for magnet recycling.")] \
        == [("budget", "Freedonia")]
    weighed = summary("Strelsau would consider an extra allocation if needed.")
    assert weighed == [("budget", "Ruritania", None, "under_consideration")]


def test_a_named_plan_unveiled_is_a_measure() -> None:
    found = summary("Freedonia unveiled its MetalsFirst plan in March.")
    assert [f[:2] for f in found] == [("other", "Freedonia")]


# -- reverse acts -------------------------------------------------------------------------------

def test_lifting_extra_checks_is_a_measure_of_its_own() -> None:
    found = summary("In March 2021 Fredville lifted the additional curbs on the two gases.")
    assert found == [("other", "Freedonia", None, "historical")]


def test_restoring_a_partner_to_a_trusted_list_is_a_measure() -> None:
    found = summary("Strelsau returned Freedonia to its list of preferred trading partners in "
                    "May 2022.")
    assert found == [("other", "Ruritania", "Freedonia", "historical")]


def test_withdrawing_a_simplified_procedure_is_a_licensing_restriction() -> None:
    found = summary("Ruritania said shipments of gallium to Freedonia would no longer qualify "
                    "for simplified approval.")
    assert [f[:3] for f in found] == [("licensing_restriction", "Ruritania", "Freedonia")]


# -- protests --------------------------------------------------------------------------------------

def test_urging_the_other_side_to_withdraw_a_measure_is_a_protest() -> None:
    found = summary(EARLIER + "Freedonia said it would keep urging Ruritania \"firmly\" to "
                    "withdraw the measure.")
    assert found[-1] == ("protest", "Freedonia", "Ruritania", "announced")


def test_asking_the_other_side_to_lift_a_ban_is_a_protest() -> None:
    found = summary(EARLIER + "Freedonia has asked Strelsau to lift the ban.")
    assert found[-1][:3] == ("protest", "Freedonia", "Ruritania")


def test_asking_someone_to_retract_a_remark_is_no_protest() -> None:
    assert summary("Ruritania asked Fredville to retract the remark.") == []


# -- hedged and denied --------------------------------------------------------------------------

def test_not_ruling_out_a_case_is_weighing_it() -> None:
    assert summary("Freedonia is not ruling out a WTO dispute against Ruritania.") == \
        [("other", "Freedonia", "Ruritania", "under_consideration")]
    assert summary("Freedonia refused to rule out a WTO dispute against Ruritania.")[0][3] == \
        "under_consideration"


def test_a_case_ruled_out_is_no_measure() -> None:
    assert summary("Freedonia ruled out a WTO case against Ruritania.") == []
    assert summary("Fredville has ruled out retaliatory measures against Ruritania.") == []


def test_a_case_worth_filing_is_weighed_but_a_modal_scenario_is_not_a_measure() -> None:
    found = summary("Freedonia has few good options left. A complaint at the World Trade "
                    "Organization may be worth pursuing.")
    assert found == [("other", "Freedonia", None, "under_consideration")]
    assert summary("A full ban on graphite could cut output at Freedonian plants.") == []


# -- the dates of a past episode ---------------------------------------------------------------

ANCHOR = dt.date(2026, 3, 2)


def _dates(text: str) -> dict[str, PartialDate]:
    return {d.span.text: d.date for d in find_dates(text, ANCHOR)}


def test_that_year_after_a_yearless_date_is_the_story_year() -> None:
    text = ("On June 3, 2018, Ruritania announced new rules.\n\n"
            "From June 9 that year, exporters needed a permit.")
    assert _dates(text)["June 9"] == PartialDate(2018, 6, 9)


def test_a_sequel_in_a_later_paragraph_continues_the_story_and_chains() -> None:
    text = ("On June 3, 2018, Ruritania announced new rules.\n\n"
            "Two weeks later, on Aug. 20, Strelsau went further. In October, Freedonia "
            "answered.")
    found = _dates(text)
    assert found["Aug. 20"] == PartialDate(2018, 8, 20)
    assert found["October"] == PartialDate(2018, 10)


def test_a_later_paragraph_without_a_sequel_keeps_the_articles_year() -> None:
    # (round 23: a story told to the month, years back, goes on in the next paragraphs as a
    # retrospective tells it, tests/test_round23_dates.py; a bare year sets no such scene)
    text = ("In 2018, Ruritania announced new rules.\n\n"
            "On Aug. 20, Strelsau went further.")
    assert _dates(text)["Aug. 20"] == PartialDate(2025, 8, 20)


def test_an_undated_past_act_after_a_dated_episode_takes_its_month() -> None:
    found = run("On Aug. 2, 2018, Ruritania struck Freedonia from its white list of trusted "
                "partners. Fredville lodged a formal protest.")
    protest = [m for m in found if m.type.value == "protest"]
    assert [(m.date, m.status.value) for m in protest] == [(PartialDate(2018, 8), "historical")]


def test_an_undated_present_act_after_a_dated_episode_keeps_no_date() -> None:
    found = run("On Aug. 2, 2018, Ruritania struck Freedonia from its white list of trusted "
                "partners. Fredville has now lodged a formal protest.")
    protest = [m for m in found if m.type.value == "protest"]
    assert [m.date for m in protest] == [None]
