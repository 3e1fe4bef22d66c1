"""How news text names measures, and who takes them (kg.extract.measures, round 2).

Each test is one phenomenon, written with other actors and other words than the articles
it was seen in: coordinated predicates and lists, manner gerunds, pronouns across
sentences, nationality adjectives, inflected advisory verbs, cultural countermeasures,
import bans named by the goods' origin, passive licensing, white lists, demands of
withdrawal, unverified claims, fact-check claims.
"""

from __future__ import annotations

from extract_support import actor, article, materials, mentions

from kg.extract.measures import find_measures
from kg.model import MeasureMention, MeasureStatus, MeasureType

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau", "Ruritanian side")
FREEDONIA = actor("Freedonia", "state", "Freedonia", "Fredville", "Freedonian side")
AUSTRALIA = actor("Australia", "state", "Australia", "Canberra")
CANADA = actor("Canada", "state", "Canada", "Ottawa")
INDIA = actor("India", "state", "India", "New Delhi")
US = actor("United States", "state", "United States", "Washington")
RURI_MOFA = actor("Ministry of Foreign Affairs of Ruritania", "government_body",
                  "Ruritania's foreign ministry", part_of="Ruritania")
RURI_MOFCOM = actor("Ministry of Commerce of Ruritania", "government_body",
                    "Ruritania's commerce ministry", part_of="Ruritania")
FREE_CABINET = actor("Cabinet of Freedonia", "government_body", "Freedonia's cabinet",
                     part_of="Freedonia")
PETROVA = actor("Ana Petrova", "person", "Ana Petrova", "Petrova", affiliation="Freedonia")
HERALD = actor("Daily Herald", "media", "the Daily Herald", "The Herald")
TABLE = [RURITANIA, FREEDONIA, AUSTRALIA, CANADA, INDIA, US, RURI_MOFA, RURI_MOFCOM,
         FREE_CABINET, PETROVA, HERALD]
GOODS = [{"name": n, "category": c, "forms": [n]} for n, c in (
    ("graphite", "other"), ("gallium", "other"), ("antimony", "other"), ("wine", "other"),
    ("beef", "other"), ("cheese", "other"), ("seafood", "other"),
    ("dual-use items", "other"), ("rare earths", "rare_earth_element"))]


def run(text: str, *, date: str | None = "2026-02-10") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return find_measures(article(text, date=date), mentions(text, TABLE), materials(text, GOODS))


def kinds(text: str, **kwargs: object) -> list[tuple[str, str | None, str | None]]:
    """(type, issuer, target) of each measure of ``text``, in text order."""
    return [(m.type.value, m.issuer, m.target) for m in run(text, **kwargs)]  # type: ignore[arg-type]


# -- who: coordination, manner, pronouns, nationality ------------------------------------------

def test_coordinated_verbs_share_the_subject_of_the_first() -> None:
    found = kinds("Within days, Canberra had told Australian students to avoid travelling to "
                  "India, suspended imports of Indian beef and postponed the screening of "
                  "several Indian films.")
    assert found == [("travel_advisory", "Australia", "India"),
                     ("import_ban", "Australia", "India"),
                     ("other", "Australia", "India")]


def test_a_gerund_of_manner_takes_the_subject_of_its_verb() -> None:
    found = kinds("Freedonia responded by warning its nationals against travel to Canada and "
                  "halting imports of Canadian beef.")
    assert found == [("travel_advisory", "Freedonia", "Canada"),
                     ("import_ban", "Freedonia", "Canada")]


def test_measures_listed_after_a_verb_of_response_are_its_subjects() -> None:
    found = run("Ruritania answered with a travel warning, a halt to cheese imports and, on "
                "Feb. 3, the dual-use ban.")
    assert [(m.type, m.issuer) for m in found] == [
        (MeasureType.TRAVEL_ADVISORY, "Ruritania"), (MeasureType.IMPORT_BAN, "Ruritania"),
        (MeasureType.EXPORT_BAN, "Ruritania")]
    assert found[1].date is None  # the date opens the next item of the list
    assert found[2].date is not None and found[2].date.isoformat() == "2026-02-03"
    assert found[2].covers == ["dual-use items"]


def test_a_body_that_followed_with_a_measure_issued_it() -> None:
    found = run("Ruritania's foreign ministry advised citizens on Friday to avoid travel to "
                "Freedonia. Ruritania's commerce ministry followed on Monday with a halt to "
                "cheese imports from Freedonia.")
    assert [(m.type.value, m.issuer, m.date and m.date.isoformat()) for m in found] == [
        ("travel_advisory", "Ministry of Foreign Affairs of Ruritania", "2026-02-06"),
        ("import_ban", "Ministry of Commerce of Ruritania", "2026-02-09")]


def test_a_plural_after_a_possessor_and_an_adjective_is_a_noun_whose_possessor_issued_it(
) -> None:
    # "curbs" can be a verb ("Ruritania curbs exports"); after "Ruritania's new" it is the
    # noun, and the protester is not its issuer
    found = kinds("Freedonia on Friday protested Ruritania's new curbs on graphite exports.")
    assert found == [("protest", "Freedonia", "Ruritania"), ("export_control", "Ruritania", None)]
    assert kinds("Ruritania curbs graphite exports to Freedonia.") == [
        ("export_control", "Ruritania", "Freedonia")]


def test_a_measure_someone_says_a_party_should_take_is_not_taken() -> None:
    found = run("Some in Fredville argue that Freedonia should ban all graphite sales to "
                "Ruritania. Critics urged the Daily Herald's readers to act, and urged the "
                "Cabinet of Freedonia to ban imports of Ruritanian cheese.")
    assert [(m.type, m.status) for m in found] == [
        (MeasureType.EXPORT_BAN, MeasureStatus.UNDER_CONSIDERATION),
        (MeasureType.IMPORT_BAN, MeasureStatus.UNDER_CONSIDERATION)]


def test_a_question_about_an_act_that_may_come_asserts_no_measure() -> None:
    assert run("QUESTION: Will Freedonia ban graphite exports to Ruritania?") == []
    assert run("Daily Herald: Does Ruritania plan to ban imports of Freedonian cheese?") == []
    assert run("Ruritania denied reports that it had halted graphite exports to Freedonia.") == []
    # a question about an act reported, or a request to the person asked, keeps the measure
    asked = run("Is Ruritania tightening controls on graphite exports to Freedonia?")
    assert [(m.type, m.status) for m in asked] == [
        (MeasureType.EXPORT_CONTROL, MeasureStatus.REPORTED)]
    assert run("Could you say when Ruritania banned graphite exports to Freedonia?") != []


def test_a_step_told_as_coming_is_announced_not_in_force() -> None:
    for text in ("Ruritania will curb graphite exports to Freedonia, its commerce ministry "
                 "said on Wednesday.",
                 "Ruritania announced on Feb. 4 that it would restrict graphite exports to "
                 "Freedonia."):
        assert [m.status for m in run(text)] == [MeasureStatus.ANNOUNCED], text
    assert [m.status for m in run("Ruritania restricted graphite exports to Freedonia on "
                                  "Feb. 4.")] == [MeasureStatus.IN_FORCE]


def test_a_list_after_a_colon_spells_out_the_counted_goods_a_measure_covers() -> None:
    found = run("Ruritania tightened export controls on three minerals vital to Freedonia's "
                "chipmakers: gallium, graphite and antimony.")
    assert [m.covers for m in found] == [["gallium", "graphite", "antimony"]]
    # a colon that opens a comment, not a list of what was counted, ends the clause
    found = run("Ruritania banned exports of gallium to Freedonia: the move hit cheese makers.")
    assert [m.covers for m in found] == [["gallium"]]


def test_measures_listed_under_countermeasures_taken_by_a_side_are_that_sides() -> None:
    found = run("Petrova said the countermeasures taken by the Freedonian side, including the "
                "travel alert issued on January 20 and the suspension of imports of Ruritanian "
                "wine, were justified.")
    assert [(m.type, m.issuer) for m in found] == [(MeasureType.TRAVEL_ADVISORY, "Freedonia"),
                                                   (MeasureType.IMPORT_BAN, "Freedonia")]
    assert found[0].date is not None and found[0].date.isoformat() == "2026-01-20"
    assert found[1].date is None  # the alert's own participle clause dates the alert only


def test_it_opening_a_sentence_is_the_state_the_sentence_before_is_about() -> None:
    found = run("Ruritania took note. In May 2023 it announced licensing requirements for "
                "gallium.")
    assert [(m.type, m.issuer) for m in found] == [
        (MeasureType.EXPORT_CONTROL, "Ruritania")]


def test_a_nationality_adjective_before_the_measure_is_its_issuer() -> None:
    found = kinds("The move mirrored the American chip controls of March 2021.")
    assert found == [("export_control", "United States", None)]


def test_a_nationality_heading_the_subject_gives_the_issuer() -> None:
    found = kinds("Canadian customs officers held shipments of graphite bound for Ruritania.")
    assert found == [("export_control", "Canada", "Ruritania")]


def test_a_place_after_a_preposition_is_not_the_subject() -> None:
    found = kinds("Ruritania's foreign ministry and its embassy in Fredville advise Ruritanian "
                  "citizens to avoid travelling to Freedonia.")
    assert found == [("travel_advisory", "Ministry of Foreign Affairs of Ruritania",
                      "Freedonia")]


def test_the_state_or_body_before_an_infinitive_does_what_it_says() -> None:
    found = kinds("Petrova criticised the decision of the Ruritanian side to prohibit the export "
                  "of graphite to Freedonia.")
    assert found == [("export_ban", "Ruritania", "Freedonia")]


def test_a_visitor_not_the_place_visited_lodges_the_protest() -> None:
    found = kinds("Freedonia's cabinet sent an envoy to Strelsau to lodge a formal protest.")
    assert found == [("protest", "Cabinet of Freedonia", "Ruritania")]


def test_an_unnamed_source_acts_for_no_one_unless_its_state_is_said() -> None:
    text = ("Ruritania banned exports of graphite to Freedonia on Feb. 2. Officials in Fredville "
            "have formally protested the move.")
    acts = mentions(text, TABLE) + mentions(text, [actor("unnamed officials", "person",
                                                          "Officials")])
    found = find_measures(article(text, date="2026-02-10"), sorted(acts, key=lambda a: a.span),
                          materials(text, GOODS))
    assert [(m.type.value, m.issuer, m.target) for m in found][-1] == \
        ("protest", "Freedonia", "Ruritania")


def test_an_issuerless_one_liner_takes_the_state_behind_most_of_the_articles_measures() -> None:
    text = ("Ruritania's commerce ministry banned exports of graphite to Freedonia on Feb. 2. "
            "Ruritania also curbed exports of gallium.\n\n"
            "Washington still restricts chip exports.\n\n"
            "- Antimony: licences required since Sept. 15, 2024.")
    found = run(text)
    assert found[-1].type is MeasureType.EXPORT_CONTROL  # a licence requirement on goods
    assert found[-1].issuer == "Ruritania"


def test_a_possessor_opening_the_clause_speaks_for_a_bare_protest() -> None:
    found = kinds("There is no sign of retaliation; Fredville's response has been confined to "
                  "formal protests.")
    assert found == [("protest", "Freedonia", None)]


# -- what: phrasings --------------------------------------------------------------------------

def test_advisory_verbs_in_every_inflection_with_a_time_in_between() -> None:
    assert kinds("Strelsau advised its citizens in early March to stay away from Freedonia.") \
        == [("travel_advisory", "Ruritania", "Freedonia")]
    assert kinds("Ruritania's education ministry issues a study-abroad alert for Freedonia.",
                 ) == [("travel_advisory", "Ruritania", "Freedonia")]


def test_holding_back_film_releases_is_a_cultural_countermeasure() -> None:
    found = kinds("Strelsau has delayed the release of two Indian films and put Indian concerts "
                  "on hold.")
    assert found == [("other", "Ruritania", "India"), ("other", "Ruritania", "India")]


def test_a_ban_on_goods_of_a_foreign_origin_is_an_import_ban() -> None:
    m = run("Strelsau eased the ban on Australian wine it imposed in 2020.")
    assert [(x.type, x.issuer, x.target) for x in m] == [
        (MeasureType.IMPORT_BAN, "Ruritania", "Australia")]
    assert m[0].date is not None and m[0].date.isoformat() == "2020"


def test_licences_required_in_the_passive_is_an_export_control() -> None:
    found = run("Ruritania's commerce ministry says licences are now required for antimony.")
    assert [(m.type, m.issuer) for m in found] == [
        (MeasureType.EXPORT_CONTROL, "Ministry of Commerce of Ruritania")]


def test_slowing_the_review_of_licences_for_named_goods_is_licensing() -> None:
    found = kinds("Ruritania has slowed the review of graphite export licence applications "
                  "from Freedonia.")
    assert found == [("licensing_restriction", "Ruritania", "Freedonia")]


def test_dropping_a_partner_from_a_white_list_is_an_export_control() -> None:
    found = kinds("Fredville struck Strelsau from its white list of trusted trading partners.")
    assert found == [("export_control", "Freedonia", "Ruritania")]


def test_a_complaint_at_the_wto_over_a_states_quotas() -> None:
    found = kinds("Freedonia filed a complaint at the World Trade Organization over Ruritania's "
                  "export quotas.")
    assert found == [("other", "Freedonia", "Ruritania"), ("export_control", "Ruritania", None)]


def test_demanding_a_measures_withdrawal_is_a_protest() -> None:
    found = kinds("Ruritania's commerce ministry banned exports of graphite to Freedonia. "
                  "Fredville called the step unjust and demanded its withdrawal.")
    assert found[-1] == ("protest", "Freedonia", "Ruritania")


def test_holding_needs_its_export_word_as_object() -> None:
    assert kinds("Graphite exports held steady in January, Ruritania said.") == []


def test_the_measures_announced_by_a_body_on_a_date_are_the_measure_named_before() -> None:
    found = run("Ruritania banned exports of graphite to Freedonia. Traders are studying the "
                "measures announced by Ruritania's commerce ministry on Feb. 4.")
    assert [m.type for m in found] == [MeasureType.EXPORT_BAN, MeasureType.EXPORT_BAN]
    assert found[1].date is not None and found[1].date.isoformat() == "2026-02-04"


def test_a_governments_dated_announcement_stands_for_its_measure() -> None:
    found = run("Ruritania banned exports of graphite to Freedonia. The commerce ministry's "
                "announcement on Monday named no company.")
    assert [m.type for m in found] == [MeasureType.EXPORT_BAN, MeasureType.EXPORT_BAN]
    assert found[1].date is not None and found[1].date.isoformat() == "2026-02-09"


def test_releasing_state_stockpiles_is_a_measure_under_consideration_when_weighed() -> None:
    found = run("Freedonia's cabinet is considering releasing graphite from state stockpiles.")
    assert [(m.type, m.issuer, m.status) for m in found] == [
        (MeasureType.OTHER, "Cabinet of Freedonia", MeasureStatus.UNDER_CONSIDERATION)]


def test_a_bare_plural_with_a_predicate_of_its_own_is_one_measure() -> None:
    found = run("Ruritania banned exports of graphite to Freedonia in January.\n\nTraders hear "
                "that licence reviews for Freedonian buyers have stopped altogether.")
    assert [(m.type, m.issuer) for m in found][-1] == (MeasureType.LICENSING_RESTRICTION,
                                                       "Ruritania")


def test_a_list_that_covers_controlled_goods_is_a_control_still_in_force() -> None:
    found = run("Fredville's 2021 list covers 40 kinds of graphite.", date="2026-02-10")
    assert [(m.type, m.issuer, m.status) for m in found] == [
        (MeasureType.EXPORT_CONTROL, "Freedonia", MeasureStatus.IN_FORCE)]
    assert found[0].date is not None and found[0].date.isoformat() == "2021"


def test_a_good_that_modifies_another_noun_is_not_what_is_controlled() -> None:
    assert run("Freedonia's cabinet drew up a list of graphite suppliers.") == []


# -- not asserted -----------------------------------------------------------------------------

def test_a_claim_under_fact_check_is_not_asserted() -> None:
    assert run('Claim: "Ruritania has banned all graphite exports to Freedonia."\n'
               "Verdict: False.") == []


def test_regimes_someone_calls_for_are_no_measure() -> None:
    assert run("Petrova called for export control regimes that are transparent.") == []


def test_an_export_word_of_another_phrase_does_not_make_a_ban() -> None:
    assert run("Delays reflect scrutiny of graphite exports in general rather than the new "
               "ban, Ruritania said.") == []


def test_a_measure_an_outlet_could_not_verify_is_reported() -> None:
    found = run("Traders said Canadian officials had slowed their review of export licences "
                "for graphite bound for Freedonia. The Herald could not independently verify "
                "the account.")
    assert [m.status for m in found] == [MeasureStatus.REPORTED]


def test_a_regime_said_to_be_country_neutral_has_no_target() -> None:
    found = kinds("Ruritania banned exports of graphite to Freedonia. Ruritania's export control "
                  "regime has otherwise been country-neutral.")
    assert found[-1][2] is None
