"""Measure phrasings met on unseen text in round 4 (kg.extract.measures).

Each test is one phenomenon, written with invented states and other words than the
articles it was seen in: safety advice to nationals abroad, quoted advice, study-risk
warnings, a quoted demand of withdrawal, an adopted budget draft, standing rules that age
without ending, goods licensed or controlled "since" a date in a list, goods dated one by
one in brackets, a modal placement on an entity list and a complaint under discussion.
"""

from __future__ import annotations

from extract_support import actor, article, materials, mentions

from kg.extract.measures import find_measures
from kg.model import MeasureMention, MeasureStatus, PartialDate

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau", "Ruritanian side")
FREEDONIA = actor("Freedonia", "state", "Freedonia", "Fredville", "Freedonian side")
US = actor("United States", "state", "United States", "Washington", "U.S.")
KESTREL = actor("Kestrel Marine", "company", "Kestrel Marine")
KIEL = actor("Max Kiel", "person", "Max Kiel", "Kiel")
RURI_MOFA = actor("Ministry of Foreign Affairs of Ruritania", "government_body",
                  "Ruritania's foreign ministry", part_of="Ruritania")
FREE_CABINET = actor("Cabinet of Freedonia", "government_body", "Freedonia's cabinet",
                     part_of="Freedonia")
PETROVA = actor("Ana Petrova", "person", "Ana Petrova", "Petrova", affiliation="Freedonia")
BRAUN = actor("Karl Braun", "person", "Karl Braun", "Braun", affiliation="Freedonia")
TABLE = [RURITANIA, FREEDONIA, US, RURI_MOFA, FREE_CABINET, PETROVA, BRAUN, KESTREL, KIEL]
GOODS = [
    {"name": "gallium", "category": "semiconductor", "forms": ["gallium", "Ga"]},
    {"name": "antimony", "category": "semiconductor", "forms": ["antimony", "Sb"]},
    {"name": "graphite", "category": "semiconductor", "forms": ["graphite"]},
    {"name": "heavy rare earths", "category": "rare_earth_element",
     "forms": ["heavy rare earths"]},
]


def run(text: str, *, date: str | None = "2026-03-02") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return find_measures(article(text, date=date), mentions(text, TABLE),
                         materials(text, GOODS))


def summary(text: str, **kwargs: object) -> list[tuple[str, str | None, str | None, str]]:
    """(type, issuer, target, status) of each measure of ``text``, in text order."""
    return [(m.type.value, m.issuer, m.target, m.status.value)
            for m in run(text, **kwargs)]  # type: ignore[arg-type]


# -- travel advisories ------------------------------------------------------------------------

def test_safety_advice_to_nationals_abroad_is_a_travel_advisory() -> None:
    found = summary("Freedonia, for its part, has urged its nearly 40,000 nationals in "
                    "Ruritania to exercise caution when going out at night.")
    assert found == [("travel_advisory", "Freedonia", "Ruritania", "announced")]


def test_advice_to_avoid_crowds_is_a_travel_advisory() -> None:
    found = summary("Fredville told its citizens in Ruritania to avoid crowded places.")
    assert [f[0] for f in found] == ["travel_advisory"]


def test_quoted_advice_to_avoid_travel_is_a_travel_advisory() -> None:
    found = summary("Ruritania's foreign ministry reminds Ruritanian citizens to \"avoid "
                    "travelling to Freedonia for the time being\".")
    assert found == [("travel_advisory", "Ministry of Foreign Affairs of Ruritania",
                      "Freedonia", "announced")]


def test_a_warning_to_weigh_the_risks_of_study_is_a_travel_advisory() -> None:
    found = summary("A day later, Strelsau warned students to carefully weigh the risks of "
                    "enrolling at universities in Freedonia.")
    assert [f[:2] for f in found] == [("travel_advisory", "Ruritania")]


def test_advice_to_citizens_without_a_risk_is_no_advisory() -> None:
    assert run("Fredville told its citizens to enjoy the spring festival.") == []


# -- protests and budgets -----------------------------------------------------------------------

def test_a_demand_of_withdrawal_with_quoted_verb_is_a_protest() -> None:
    found = summary("Ruritania banned exports of graphite to Freedonia on Monday. The "
                    "Freedonian minister said Freedonia had 'firmly demanded' its withdrawal.")
    assert ("protest", "Freedonia", "Ruritania", "announced") in found


def test_a_speaker_quoted_in_one_predicate_lodges_the_protest_of_the_next() -> None:
    found = summary("Oct. 2 - Karl Braun summons Ruritania's envoy over the seizure.\n\n"
                    "Oct. 9 - Defence Minister Ana Petrova calls the incident \"deeply "
                    "troubling\" and lodges protest with Ruritania.")
    assert [f[:3] for f in found] == [("protest", "Karl Braun", "Ruritania"),
                                      ("protest", "Ana Petrova", "Ruritania")]


def test_drills_named_in_quotes_after_their_verb_are_found_with_their_target() -> None:
    found = summary('Strelsau starts "Iron Shield-2026" exercises around Freedonia.')
    assert found == [("military_drill", "Ruritania", "Freedonia", "announced")]


def test_drills_in_a_with_clause_of_drills_are_the_same_event() -> None:
    found = summary('Strelsau starts "Iron Shield-2026" exercises around Freedonia, with '
                    "live-fire drills continuing the next day.")
    assert found == [("military_drill", "Ruritania", "Freedonia", "announced")]


def test_approving_a_budget_draft_with_modifiers_adopts_it() -> None:
    found = run("Freedonia's cabinet approves the fiscal 2027 budget draft with record "
                "defence spending of 3 trillion crowns.")
    assert [(m.type.value, m.status) for m in found] == [("budget", MeasureStatus.ANNOUNCED)]


# -- standing rules and lists of goods ----------------------------------------------------------

def test_standing_control_rules_are_not_historical_by_age() -> None:
    found = summary("These steps echo the semiconductor controls that Washington imposed in "
                    "March 2022.")
    assert [(f[0], f[1], f[3]) for f in found] == [("export_control", "United States",
                                                    "in_force")]


def test_an_old_episode_of_curbed_shipments_stays_historical() -> None:
    found = summary("Ruritania curbed graphite shipments to Freedonia in 2019 during a row "
                    "over fishing rights.")
    assert [f[3] for f in found] == ["historical"]


def test_names_added_to_an_entity_list_stay_listed_years_on() -> None:
    found = summary("In October 2022 Washington added two chip designers to the Entity List.",
                    date="2026-01-10")
    assert [(f[0], f[3]) for f in found] == [("export_control", "in_force")]


def test_an_effective_date_years_back_does_not_keep_a_measure_in_force() -> None:
    text = ("Ruritania's cabinet approved removing Freedonia from its white list on 3 May "
            "{year}; the change takes effect on 20 May {year}.")
    assert [f[3] for f in summary(text.format(year=2019), date="2024-06-01")] == ["historical"]
    assert [f[3] for f in summary(text.format(year=2025), date="2025-06-01")] == ["in_force"]


def test_goods_licensed_or_controlled_since_a_date_in_a_list_are_controls() -> None:
    found = run("Ruritania banned exports of graphite to Freedonia on Monday. Other goods "
                "on its list include:\n"
                "- gallium (Ga), licensed since May 2022;\n"
                "- antimony (Sb), controlled since June 2023.\n")
    assert [(m.type.value, m.issuer, m.date, m.status) for m in found[1:]] == [
        ("export_control", "Ruritania", PartialDate(2022, 5), MeasureStatus.IN_FORCE),
        ("export_control", "Ruritania", PartialDate(2023, 6), MeasureStatus.IN_FORCE)]


def test_licensing_a_technology_is_no_control() -> None:
    assert run("A Freedonian firm licensed its graphite technology to a partner in May 2022.") \
        == []


def test_each_good_dated_in_brackets_is_a_control_of_its_own() -> None:
    found = run("Ruritania's regime rests on controls on gallium and antimony (effective May "
                "2022), graphite (October 2022) and four heavy rare earths (June 2023).")
    assert [(m.type.value, m.date) for m in found] == [
        ("export_control", PartialDate(2022, 5)), ("export_control", PartialDate(2022, 10)),
        ("export_control", PartialDate(2023, 6))]


def test_goods_sharing_one_date_are_one_control() -> None:
    found = run("Ruritania announced controls on gallium and graphite (May 2022).")
    assert len(found) == 1


def test_shipments_to_the_issuers_own_state_make_no_export_measure_of_it() -> None:
    found = summary("Ruritania banned graphite exports to Freedonia on Monday. Freedonian traders "
                    "say shipments to Ruritania have all but stopped.")
    assert [f[:3] for f in found] == [("export_ban", "Ruritania", "Freedonia")]


def test_a_measure_no_formal_notice_confirms_two_sentences_on_is_reported() -> None:
    found = run("Freedonia is halting imports of graphite from Ruritania, officials said.\n\n"
                "The message reached Strelsau on Tuesday, local media reported. Fredville did "
                "not publish a formal notice.")
    assert [(m.type.value, m.status) for m in found] == [("import_ban", MeasureStatus.REPORTED)]


def test_a_measure_no_notice_was_received_of_is_not_asserted() -> None:
    assert run('Ruritania\'s foreign ministry said it had "not received any notice" halting '
               "imports of graphite.") == []


# -- targets ---------------------------------------------------------------------------------

def test_a_destination_given_as_a_list_after_to_is_the_target() -> None:
    found = summary("On 2 March, Strelsau published a notice prohibiting the export of graphite "
                    "to:\n1. Canadian defence users;\n2. any end use serving them.")
    assert [f[:3] for f in found] == [("export_ban", "Ruritania", "Canada")]


def test_the_subjects_of_a_relative_clause_after_a_measure_are_not_its_target() -> None:
    found = summary("These rules mirror the chip controls that Washington imposed in March 2022 "
                    "and that Ruritania and Freedonia broadly matched in 2023.")
    # the copiers issue controls of their own (tests/test_measure_copies.py), none a target
    assert ("export_control", "United States", None) in [f[:3] for f in found]
    assert all(f[2] is None for f in found)


def test_a_company_described_after_a_preposition_is_the_target_not_its_modifier() -> None:
    found = summary("On 3 March Strelsau imposed countermeasures on four U.S.-linked units of "
                    "Freedonian shipbuilder Kestrel Marine, accusing them of aiding a U.S. "
                    "probe.")
    assert [f[:3] for f in found] == [("other", "Ruritania", "Kestrel Marine")]


# -- weighed measures --------------------------------------------------------------------------

def test_a_modal_placement_on_an_entity_list_is_weighed() -> None:
    found = summary("Strelsau may place Canadian defence firms on its Unreliable Entity List.")
    assert found == [("other", "Ruritania", "Canada", "under_consideration")]


def test_a_weighed_measure_the_issuer_took_before_is_also_that_precedent() -> None:
    found = run("Strelsau may place Canadian defence firms on its Unreliable Entity List, as it "
                "did with shipbuilder Kestrel Marine in 2024.")
    assert [(m.type.value, m.issuer, m.target, m.status, m.date) for m in found] == [
        ("other", "Ruritania", "Canada", MeasureStatus.UNDER_CONSIDERATION, None),
        ("other", "Ruritania", "Kestrel Marine", MeasureStatus.HISTORICAL, PartialDate(2024))]


def test_an_undated_as_it_did_clause_gives_no_precedent() -> None:
    found = run("Strelsau may place Canadian defence firms on its Unreliable Entity List, as it "
                "did with shipbuilder Kestrel Marine.")
    assert [m.status for m in found] == [MeasureStatus.UNDER_CONSIDERATION]


def test_a_threat_dated_between_verb_and_infinitives_is_the_speakers_and_weighed() -> None:
    found = summary("Ruritania banned graphite exports to Freedonia on Oct. 1. Kiel "
                    "threatened on Oct. 3 to impose a 50% tariff on Ruritanian cheese from "
                    "Nov. 1 and to restrict exports of graphite.")
    assert [(f[0], f[1], f[3]) for f in found[1:]] == [
        ("other", "Max Kiel", "under_consideration"),
        ("export_control", "Max Kiel", "under_consideration")]


def test_a_measure_someone_urges_a_state_to_take_is_that_states_and_weighed() -> None:
    found = summary("Kiel urged Strelsau to impose a 20% tariff on Freedonian cheese.")
    assert [(f[0], f[1], f[3]) for f in found] == [("other", "Ruritania", "under_consideration")]


def test_urging_a_state_to_scrap_a_ban_does_not_weigh_the_ban() -> None:
    found = summary("Freedonia presses Ruritania to scrap its graphite export ban.")
    # (the pressing itself is Freedonia's protest, round 7)
    assert [(f[0], f[3]) for f in found if f[0] != "protest"] == [("export_ban", "in_force")]


def test_a_complaint_under_discussion_is_weighed() -> None:
    found = summary("Freedonia's WTO complaint is also under discussion.")
    assert [(f[0], f[3]) for f in found] == [("other", "under_consideration")]
