"""Measure phrasings met on unseen text in round 6 (kg.extract.measures).

Each test is one phenomenon, written with invented states and other words than the
articles it was seen in: the suspension of a package of controls is a measure of its own,
a package of controls named by its month or contents is a control, a past halt of
shipments told by a verb of stopping is a control episode, budgets of any purpose and money
set aside are budgets, WTO consultations and cases "against X at the WTO" are cases, a
demand that a ban "be withdrawn" without "that" is a protest, an advisory issued "similar"
and a warning to students about studying are advisories (their own words are no cue of
weighing), and a request that a ban "be withdrawn" does not end it.
"""

from __future__ import annotations

from test_measure_round4_families import summary

EARLIER = "Ruritania banned exports of heavy rare earths to Freedonia last month. "
"""A first measure, so that the one under test has an issuer to share."""


def _types(text: str) -> list[str]:
    return [f[0] for f in summary(text)]


# -- suspensions and packages -----------------------------------------------------------------

def test_suspending_a_package_for_a_year_is_a_measure_of_its_own() -> None:
    found = summary(EARLIER + "A sweeping graphite package from March was widened in May, "
                    "but Strelsau froze it for a year after the summit in Geneva.")
    suspension = [f for f in found if f[0] == "other"]
    assert suspension == [("other", "Ruritania", None, "announced")]


def test_a_passive_suspension_for_months_is_a_measure() -> None:
    found = summary(EARLIER + "Those rules were suspended for six months after the talks.")
    assert ("other", "Ruritania", None, "announced") in found


def test_suspending_imports_is_no_suspension_of_a_measure() -> None:
    found = summary("Ruritania suspended imports of Freedonian beef for a year.")
    assert [f[0] for f in found] == ["import_ban"]


def test_a_package_of_controls_named_by_its_month_is_a_control() -> None:
    found = summary(EARLIER + "The May 2025 package added four more metals to the list.")
    assert found[-1][:2] == ("export_control", "Ruritania")


def test_an_agreed_suspension_keeps_the_package_a_control_not_the_ban() -> None:
    found = summary(EARLIER + "Strelsau then agreed to pause a wider package of controls "
                    "unveiled in March.")
    assert sorted(f[0] for f in found[1:]) == ["export_control", "other"]


def test_a_suspension_in_a_timeline_entry_keeps_the_entry_measure() -> None:
    text = ("Controls Ruritania has added since 2024:\n\n"
            "- March 3, 2025: six more heavy rare earths, which Strelsau paused for a year "
            "after the Geneva talks\n\n"
            "- June 9, 2025: graphite anodes\n")
    types = _types(text)
    assert types.count("export_control") == 2 and "other" in types


# -- past halts ---------------------------------------------------------------------------------

def test_a_past_halt_of_shipments_is_a_control_episode() -> None:
    found = summary("In 2012 Ruritania halted graphite shipments to Freedonia for weeks "
                    "during a fishing dispute.")
    assert found == [("export_control", "Ruritania", "Freedonia", "historical")]


def test_a_past_formal_ban_stays_a_ban() -> None:
    found = summary("Ruritania banned exports of graphite to Freedonia in 2012.")
    assert found[0][0] == "export_ban"


def test_a_request_that_a_ban_be_withdrawn_does_not_end_it() -> None:
    found = summary(EARLIER + "Fredville has asked for the heavy rare earth ban to be "
                    "withdrawn.")
    assert found[0][3] != "historical"


# -- budgets ----------------------------------------------------------------------------------

def test_money_set_aside_for_a_stockpile_is_a_budget() -> None:
    found = summary("Freedonia's cabinet has set aside 40 billion crowns for a graphite "
                    "reserve.")
    assert found == [("budget", "Cabinet of Freedonia", None, "announced")]


def test_a_supplementary_budget_approved_is_a_budget() -> None:
    found = summary("The FY2026 supplementary budget, approved by Freedonia's cabinet last "
                    "week, funds new smelters.")
    assert [f[:2] for f in found] == [("budget", "Cabinet of Freedonia")]


def test_a_budget_only_mentioned_is_no_measure() -> None:
    assert summary("Freedonia's supplementary budget is larger than last year's.") == []


# -- WTO, protests, advisories ---------------------------------------------------------------

def test_seeking_consultations_at_the_wto_is_a_case() -> None:
    found = summary(EARLIER + "Fredville is weighing a request for consultations at the "
                    "World Trade Organization.")
    assert found[-1][:2] == ("other", "Freedonia")
    assert found[-1][3] == "under_consideration"


def test_a_case_against_a_state_at_the_wto_is_a_case() -> None:
    found = summary("Freedonia filed a case against Ruritania at the WTO in 2014.")
    assert found == [("other", "Freedonia", "Ruritania", "historical")]


def test_demanding_a_ban_be_withdrawn_is_a_protest() -> None:
    found = summary(EARLIER + "Fredville demanded the ban be rescinded at once.")
    assert found[-1][:3] == ("protest", "Freedonia", "Ruritania")


def test_a_similar_advisory_issued_is_a_travel_advisory() -> None:
    found = summary("Ruritania's foreign ministry issued a similar advisory two days later.")
    assert [f[0] for f in found] == ["travel_advisory"]


def test_a_warning_to_students_about_studying_is_issued_not_weighed() -> None:
    found = summary("Ruritania's foreign ministry cautioned students to consider carefully "
                    "whether to study in Freedonia.")
    assert [(f[0], f[3]) for f in found] == [("travel_advisory", "announced")]
