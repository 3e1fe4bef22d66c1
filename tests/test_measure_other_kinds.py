"""Measures beyond one country's export ban (kg.extract.measures, round 3).

Trade and security measures of every kind and between any states: tariffs and fees,
countermeasures, arms sales, additions to entity lists, licences revoked or made
mandatory, drills held, permissions denied; who took them when the text says so around
the measure rather than as its verb's subject; targets that are a setting, not an aim;
suspensions announced, threats weighed, denials and compounds that name no measure.  Each
test is one phenomenon, written with invented states and wording of its own.
"""

from __future__ import annotations

from extract_support import actor, article, materials, mentions

from kg.extract.measures import find_measures
from kg.model import MeasureMention, MeasureStatus, MeasureType

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau", "Ruritanian side")
FREEDONIA = actor("Freedonia", "state", "Freedonia", "Fredville", "Freedonian side")
INDIA = actor("India", "state", "India", "New Delhi")
US = actor("United States", "state", "United States", "Washington", "US")
EU = actor("European Union", "organization", "European Union", "EU")
RURI_MOFCOM = actor("Ministry of Commerce of Ruritania", "government_body",
                    "Ruritania's commerce ministry", "commerce ministry", part_of="Ruritania")
RURI_EDU = actor("Ministry of Education of Ruritania", "government_body",
                 "Ministry of Education", part_of="Ruritania")
FREE_CABINET = actor("Cabinet of Freedonia", "government_body", "Freedonia's cabinet",
                     "Cabinet", part_of="Freedonia")
PETROVA = actor("Ana Petrova", "person", "Ana Petrova", "Petrova", affiliation="Freedonia")
KOVAC = actor("Ivo Kovac", "person", "Ivo Kovac", "Kovac", affiliation="Ruritania")
HERALD = actor("Daily Herald", "media", "the Daily Herald", "The Herald")
ZENTA = actor("Zenta Optics", "company", "Zenta Optics")
TABLE = [RURITANIA, FREEDONIA, INDIA, US, EU, RURI_MOFCOM, RURI_EDU, FREE_CABINET, PETROVA,
         KOVAC, HERALD, ZENTA]
GOODS = [{"name": n, "category": c, "forms": [n]} for n, c in (
    ("graphite", "other"), ("gallium", "other"), ("antimony", "other"), ("cheese", "other"),
    ("turbines", "component"), ("rare earths", "rare_earth_element"))]


def run(text: str, *, date: str | None = "2026-03-20") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return find_measures(article(text, date=date), mentions(text, TABLE), materials(text, GOODS))


def kinds(text: str, **kwargs: object) -> list[tuple[str, str | None, str | None]]:
    """(type, issuer, target) of each measure of ``text``, in text order."""
    return [(m.type.value, m.issuer, m.target) for m in run(text, **kwargs)]  # type: ignore[arg-type]


def dates(text: str, **kwargs: object) -> list[str | None]:
    """The date of each measure of ``text`` (ISO), in text order."""
    return [m.date.isoformat() if m.date else None for m in run(text, **kwargs)]  # type: ignore[arg-type]


# -- what: kinds of measure beyond bans and controls ---------------------------------------------

def test_a_tariff_on_a_states_goods_is_a_measure() -> None:
    assert kinds("Fredville slapped a 40% tariff on Indian cheese last week.") == \
        [("other", "Freedonia", "India")]


def test_fees_on_a_states_ships_and_port_fees_are_measures() -> None:
    found = kinds("Washington began levying new fees on Ruritanian-built vessels, and Strelsau "
                  "answered with port fees of its own.")
    assert [k for k, _, _ in found] == ["other", "other"]
    assert [issuer for _, issuer, _ in found] == ["United States", "Ruritania"]


def test_countermeasures_on_named_firms_and_an_arms_sale() -> None:
    assert kinds("Strelsau imposed countermeasures on Zenta Optics.") == \
        [("other", "Ruritania", "Zenta Optics")]
    assert kinds("Washington approved arms sales to Freedonia worth $3 billion.") == \
        [("other", "United States", "Freedonia")]


def test_anti_dumping_measures_named_with_their_author_after_them() -> None:
    found = run("Importers of Freedonian cheese must now post deposits under the provisional "
                "anti-dumping measures Ruritania announced on March 2.")
    assert [(m.type, m.issuer) for m in found] == [(MeasureType.OTHER, "Ruritania")]
    assert found[0].date is not None and found[0].date.isoformat() == "2026-03-02"


def test_challenging_a_measure_at_the_wto_is_a_case() -> None:
    found = kinds("The EU imposed countervailing duties on Ruritanian turbines. Ruritania's "
                  "commerce ministry has challenged the duties at the WTO.")
    assert found[-1] == ("other", "Ministry of Commerce of Ruritania", "European Union")


def test_adding_firms_to_an_entity_list_targets_whom_it_adds() -> None:
    assert kinds("Washington added nine Indian drone makers to the Entity List.") == \
        [("export_control", "United States", "India")]
    assert kinds("Strelsau added Zenta Optics, among others, to its unreliable entity list.") \
        == [("other", "Ruritania", "Zenta Optics")]


def test_licences_revoked_or_left_stuck_are_licensing_and_made_mandatory_a_control() -> None:
    assert kinds("Fredville partially revoked an export licence for turbines bound for India.") \
        == [("licensing_restriction", "Freedonia", "India")]
    found = run("Ruritania's commerce ministry acted first. Export licences for antimony "
                "became mandatory on 1 March.")
    assert [(m.type, m.issuer) for m in found] == [
        (MeasureType.EXPORT_CONTROL, "Ministry of Commerce of Ruritania")]
    assert kinds("Ruritania tightened graphite controls. Freedonian buyers say their licence "
                 "applications remain stuck.")[-1][0] == "licensing_restriction"


def test_a_machine_translated_stricter_examination_of_licences() -> None:
    found = kinds("Ruritania is considering to make strict the examination of export license "
                  "of graphite to Freedonia.")
    assert found == [("licensing_restriction", "Ruritania", "Freedonia")]


def test_striking_a_partner_from_its_own_list_of_trusted_partners() -> None:
    assert kinds("Fredville said it would strike Strelsau from its own list of trusted trading "
                 "partners.") == [("export_control", "Freedonia", "Ruritania")]


def test_holding_days_of_exercises_and_launching_the_drills_are_drills() -> None:
    found = run("Ruritania held three days of exercises near Freedonia in January. On Monday "
                "the Ruritanian side launched the drills again.")
    assert [m.type for m in found] == [MeasureType.MILITARY_DRILL, MeasureType.MILITARY_DRILL]
    assert found[1].date is not None and found[1].date.isoformat() == "2026-03-16"


def test_calling_on_citizens_to_refrain_from_travel_is_an_advisory() -> None:
    assert kinds("Strelsau called on its citizens to refrain from travel to Freedonia.") == \
        [("travel_advisory", "Ruritania", "Freedonia")]


def test_a_permission_denied_is_a_ban_a_permission_granted_is_not() -> None:
    assert kinds("Ruritania's commerce ministry said exports of gallium to Freedonia would no "
                 "longer be permitted.") == [("export_ban", "Ministry of Commerce of Ruritania",
                                              "Freedonia")]
    assert kinds("Ruritania's commerce ministry said exports of gallium to Freedonia are "
                 "permitted.") == []


def test_squeezing_shipments_in_a_past_episode_is_that_episode() -> None:
    found = run("Freedonia relied on Ruritania in 2015, when Strelsau last squeezed graphite "
                "shipments to Fredville.")
    assert [(m.type, m.issuer, m.target) for m in found] == [
        (MeasureType.EXPORT_CONTROL, "Ruritania", "Freedonia")]
    assert found[0].date is not None and found[0].date.isoformat() == "2015"
    assert found[0].status is MeasureStatus.HISTORICAL


# -- who: the words around the measure ----------------------------------------------------------

def test_the_subject_of_an_object_relative_clause_imposed_it() -> None:
    found = run("The new quota leaves the licensing regime Ruritania imposed in January on "
                "graphite untouched.")
    assert [(m.type, m.issuer) for m in found][-1] == (
        MeasureType.LICENSING_RESTRICTION, "Ruritania")
    assert found[-1].date is not None and found[-1].date.isoformat() == "2026-01"


def test_the_owner_of_a_decision_takes_the_measure_it_decides() -> None:
    found = kinds("Freedonia lodged a protest over Ruritania's decision to ban exports of "
                  "graphite to Fredville.")
    assert ("export_ban", "Ruritania", "Freedonia") in found
    assert all(issuer != "Freedonia" for kind, issuer, _ in found if kind == "export_ban")


def test_a_protest_or_warning_from_a_state_or_body_is_theirs() -> None:
    found = kinds("Ruritania banned exports of graphite to Freedonia, drawing a sharp protest "
                  "from Fredville, deepening a quarrel that began with remarks on India.")
    assert found[-1] == ("protest", "Freedonia", "Ruritania")
    found = kinds("Ruritanian students face a study-abroad warning from the Ministry of "
                  "Education.")
    assert [(k, i) for k, i, _ in found] == [
        ("travel_advisory", "Ministry of Education of Ruritania")]


def test_items_of_a_list_after_a_colon_belong_to_the_clause_before() -> None:
    found = kinds("Since the summit, Strelsau has added one step to another: a travel warning "
                  "for Freedonia, a study-abroad alert from the Ministry of Education and the "
                  "suspension of Freedonian cheese imports.")
    assert found == [("travel_advisory", "Ruritania", "Freedonia"),
                     ("travel_advisory", "Ministry of Education of Ruritania", "Freedonia"),
                     ("import_ban", "Ruritania", "Freedonia")]


def test_a_participle_after_a_possessor_does_not_cut_it_off() -> None:
    found = kinds("Opposition parties stalled Petrova's proposed defence budget of $40 billion "
                  "(about US$40 billion).")
    assert found == [("budget", "Freedonia", None)]  # a budget aims at no one


def test_a_gerund_of_manner_after_a_date() -> None:
    assert kinds("Strelsau answered on 4 March by barring exports of antimony to Freedonia.") == \
        [("export_ban", "Ruritania", "Freedonia")]


def test_it_after_a_sentence_opening_with_a_states_noun_is_that_state() -> None:
    found = kinds("Ruritania's first reply was legal. In March it filed a complaint at the World "
                  "Trade Organization against the rules.")
    assert found == [("other", "Ruritania", None)]


def test_a_paragraph_on_its_second_reply_continues_the_state_before() -> None:
    text = ("Ruritania's first reply was legal.\n\n"
            "Its second reply was material. Export licences for antimony became mandatory.")
    assert [(k, i) for k, i, _ in kinds(text)] == [("export_control", "Ruritania")]


def test_goods_held_at_a_states_ports_are_held_by_that_state() -> None:
    found = kinds("Traders began reporting that graphite shipments were stuck at Indian ports.")
    assert [(k, i) for k, i, _ in found] == [("export_control", "India")]


# -- whom: settings are not targets -------------------------------------------------------------

def test_a_place_or_time_of_the_clause_is_not_the_target() -> None:
    found = kinds("Ruritania's licensing regime on graphite caused shortages at plants in "
                  "India.")
    assert found == [("licensing_restriction", "Ruritania", None)]
    found = kinds("Ruritania paused its graphite controls after Petrova-Kovac talks.")
    assert found[0][2] is None


def test_a_goods_origin_after_in_is_still_the_target() -> None:
    found = kinds("Ruritania opened an anti-dumping investigation on cheese originating in "
                  "Freedonia.")
    assert found == [("other", "Ruritania", "Freedonia")]


# -- where it stands: suspensions, threats, denials ---------------------------------------------

def test_saying_it_would_suspend_a_measure_leaves_it_announced() -> None:
    found = run("Ruritania's commerce ministry said on Friday it would suspend for one year the "
                "graphite export controls it unveiled on Feb. 9.")
    # the controls, and the suspension as a measure of its own
    assert [(m.type.value, m.status) for m in found] == [
        ("other", MeasureStatus.ANNOUNCED), ("export_control", MeasureStatus.ANNOUNCED)]
    controls = [m for m in found if m.type.value == "export_control"]
    assert [m.date.isoformat() if m.date else None for m in controls] == ["2026-02-09"]


def test_has_since_is_no_sign_of_a_measure_in_force() -> None:
    found = run("Ruritania has since halted imports of Indian cheese.")
    assert [m.status for m in found] == [MeasureStatus.ANNOUNCED]


def test_a_threat_and_its_coordinated_infinitive_are_under_consideration() -> None:
    found = run("Kovac threatened on March 3 to impose an extra tariff on Indian goods and to "
                "restrict exports of turbines.")
    assert [(m.type, m.issuer, m.status) for m in found] == [
        (MeasureType.OTHER, "Ruritania", MeasureStatus.UNDER_CONSIDERATION),
        (MeasureType.EXPORT_CONTROL, "Ruritania", MeasureStatus.UNDER_CONSIDERATION)]


def test_a_measure_a_state_could_take_is_under_consideration() -> None:
    found = run("The Herald said Strelsau could raise tariffs on Freedonian turbines.")
    assert [m.status for m in found] == [MeasureStatus.UNDER_CONSIDERATION]


def test_saying_measures_are_not_bans_asserts_no_ban() -> None:
    assert kinds('Ruritania\'s commerce ministry said its graphite rules "are not export '
                 'bans".') == [("export_control", "Ministry of Commerce of Ruritania", None)]
    assert [k for k, _, _ in kinds("Analysts said the step was licensing, not an outright "
                                   "export ban.")] == []


def test_a_claim_its_writer_disowns_is_no_measure() -> None:
    assert kinds("I am not saying that Ruritania has imposed a graphite embargo on Freedonia.") \
        == []
    assert kinds("Strelsau denied that it had halted graphite shipments to Fredville.") == []


def test_a_measure_word_modifying_another_noun_names_no_measure() -> None:
    assert kinds("Ruritania and Freedonia agreed to upgrade their export-control dialogue.") == []
    assert kinds("Ruritania's export control officials met Freedonian traders.") == []


def test_entering_into_force_today_puts_it_in_force() -> None:
    found = run("Definitive EU countervailing duties on Ruritanian turbines enter into force "
                "today for five years.", date="2026-03-20")
    assert [(m.issuer, m.status) for m in found] == [("European Union", MeasureStatus.IN_FORCE)]


# -- when: measures referred back to -------------------------------------------------------------

def test_a_definite_measure_with_an_appositive_or_passive_participle_is_dated() -> None:
    text = ("Ruritania's ban on exports of graphite to Freedonia worries buyers. Kovac said the "
            "ban, announced on Tuesday, was lawful.")
    assert "2026-03-17" in dates(text)
    text = ("Ruritania's commerce ministry opened an anti-dumping probe into Freedonian cheese. "
            "The probe was announced on Wednesday.")
    assert dates(text) == [None, "2026-03-18"]


def test_a_definite_measure_dated_far_from_the_last_one_is_another() -> None:
    text = ("Reports say licence reviews for Freedonian buyers have slowed.\n\n"
            "In November, Strelsau suspended the expanded controls it had announced on Oct. 9.")
    found = run(text)
    assert [(m.type, m.target) for m in found][-1] == (MeasureType.EXPORT_CONTROL, None)
    assert found[-1].date is not None and found[-1].date.isoformat() == "2025-10-09"


def test_a_date_before_a_measure_is_not_its_own_clauses() -> None:
    found = run("On Feb. 2, Ruritania lifted the ban on Indian cheese it imposed in 2023.")
    # (the lifting itself is a measure of its own since round 18, dated Feb. 2)
    ban = next(m for m in found if m.type.value != "other")
    assert ban.date is not None and ban.date.isoformat() == "2023"


def test_the_date_of_an_answer_about_a_measure_is_not_the_measures() -> None:
    found = run("Kovac, in the press conference of 7th morning, about that Freedonia's cabinet "
                "approved a record defence budget, said it was regrettable.")
    assert [m.date for m in found] == [None]


# -- round 3, continued: protests, cases, concepts, stories told in years ------------------------

def test_a_protest_answers_a_measure_the_same_sentence_names_after_it() -> None:
    found = kinds("Freedonia protests as Ruritania bars graphite exports to its army.")
    assert found[0] == ("protest", "Freedonia", "Ruritania")


def test_a_protests_target_is_not_in_the_clause_after_it() -> None:
    found = kinds("Ruritania's commerce ministry banned exports of graphite to Freedonia, drawing "
                  "a protest from Fredville and deepening a row that began with remarks on India.")
    assert found[-1] == ("protest", "Freedonia", "Ruritania")


def test_later_steps_of_a_wto_case_are_that_case() -> None:
    text = ("- 3 May 2021: Freedonia files a WTO complaint against Ruritania's graphite curbs.\n"
            "- June 2022: Freedonia revives the WTO dispute.")
    found = [m for m in run(text) if m.type is MeasureType.OTHER]
    assert [m.date.isoformat() if m.date else None for m in found] == ["2021-05-03",
                                                                       "2021-05-03"]


def test_export_control_as_a_practice_is_no_measure() -> None:
    assert kinds("Kovac insisted the step concerned export control, not retaliation.") == []
    assert [k for k, _, _ in kinds("Ruritania tightened export control on graphite.")] == \
        ["export_control"]


def test_a_month_later_counts_from_the_storys_year() -> None:
    text = ("On 1 July 2019, Ruritania's commerce ministry said it would tighten controls on "
            "exports to Freedonia of graphite. From 4 July, exporters needed a licence.\n\n"
            "A month later Strelsau went further, striking Freedonia from its white list of "
            "trusted trading partners.")
    assert dates(text, date="2024-07-04")[-1] == "2019-08"


def test_a_measure_coordinated_after_a_dated_one_shares_its_date() -> None:
    text = ("The latest step came on 2 March, when Washington added nine Indian drone makers to "
            "the Entity List and put new controls on gallium.")
    assert dates(text) == ["2026-03-02", "2026-03-02"]
    text = ("Ruritania halted imports of Indian cheese on 2 March and now bars exports of "
            "gallium to India.")
    assert dates(text)[-1] is None  # "now": another time


def test_a_case_borrowing_the_side_whose_measure_it_answers_is_the_aggrieved_sides() -> None:
    # no complainant named: the case is not Ruritania's, whose duties it would answer
    found = kinds("Strelsau imposed anti-dumping duties on cheese from Freedonia in May. A "
                  "complaint at the WTO is now under discussion.")
    assert found == [("other", "Ruritania", "Freedonia"), ("other", "Freedonia", "Ruritania")]


def test_a_case_borrowing_a_side_that_is_itself_aimed_at_keeps_that_side() -> None:
    # Freedonia's last measure aims at India, but Ruritania's ban aims at Freedonia, so
    # Freedonia may bring the case it borrowed
    found = kinds("Strelsau banned exports of graphite to Freedonia. Fredville answered with "
                  "tariffs on India. A complaint at the WTO is now under discussion.")
    assert found[-1] == ("other", "Freedonia", "Ruritania")
