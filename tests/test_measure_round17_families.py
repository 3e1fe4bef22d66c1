"""Measure families and frames of round 17, each in invented words.

Items of a thread or a digest led by a state's label ("2/4 Peru: ...", "- Chile: ...") are
stories of their own: the label issues the item's measures that name no issuer, no other
item lends one, and the label is never a target.  A duty on X's exports to Y is Y's.  The
subject of a passive list addition ("firms in A and B ... are added to the list") is what
is listed, not who lists.  A company does not issue a measure the learned step proposes,
nor does the owner of the goods a measure falls on.  A party put on a list that permits
("its list of approved destinations") ends a restriction.  A bill is a proposal; a bare
year in brackets after a measure is its year; a section heading ("Export Controls: Peru")
and a body's name ("the Export Control Agency") report no measure.
"""

from __future__ import annotations

from extract_support import actor, measures_in, parties_of

from kg.model import MeasureMention, MeasureStatus, PartialDate

BRAZIL = actor("Brazil", "state", "Brazil", "Brasilia")
PERU = actor("Peru", "state", "Peru", "Lima")
CHILE = actor("Chile", "state", "Chile", "Santiago")
BOLIVIA = actor("Bolivia", "state", "Bolivia", "La Paz")
BRAZIL_FM = actor("Ministry of Foreign Affairs of Brazil", "government_body",
                  "Brazil's foreign ministry", part_of="Brazil")
AGENCY = actor("Export Control Agency of Brazil", "government_body", "Export Control Agency",
               part_of="Brazil")
MINERA = actor("Minera Andina", "company", "Minera Andina")
TABLE = [BRAZIL, PERU, CHILE, BOLIVIA, BRAZIL_FM, AGENCY, MINERA]
GOODS = [{"name": "copper", "category": "other", "forms": ["copper", "copper ore"]},
         {"name": "soybeans", "category": "other", "forms": ["soybeans"]}]


def run(text: str, *, date: str | None = "2026-05-20") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date=date)


def summary(text: str) -> list[tuple[str, str | None, str | None]]:
    """(type, issuer, target) of each measure of ``text``, in text order."""
    return parties_of(run(text))


# -- label-led items --------------------------------------------------------------------------

def test_a_thread_post_labelled_with_a_state_is_that_states_measure() -> None:
    text = ("Maya Lund @mayatrade\nFour commodity curbs you may have missed. 1/4\n\n"
            "2/4 Peru: the 90-day halt of copper ore exports began on 3 May. The energy "
            "minister signed it to build up local smelting.\n\n"
            "3/4 Chile: a suspension of soybean imports starts next week.\n\n"
            "4/4 Bolivia?? Someone wrote that La Paz banned soybean imports again. I could "
            "not confirm it.")
    found = summary(text)
    assert ("export_ban", "Peru", None) in found
    assert ("import_ban", "Chile", None) in found
    assert not any(issuer == "Bolivia" for _, issuer, _ in found[:2])
    assert not any(target in ("Peru", "Chile") for _, _, target in found)


def test_a_bulleted_state_label_issues_its_item_and_is_no_target() -> None:
    text = ("Curbs to watch this week:\n\n"
            "- Bolivia: La Paz banned soybean imports in 2021 and has kept the ban since.\n\n"
            "- Chile: the suspension of copper imports runs from next Monday.")
    found = summary(text)
    assert ("import_ban", "Bolivia", None) in found
    assert found[-1] == ("import_ban", "Chile", None)


# -- direction of imposed and suffered words --------------------------------------------------

def test_a_duty_on_one_states_exports_to_another_is_the_importers() -> None:
    text = ("**Interviewer:** On 3 May a 40% duty took effect on most of Peru's exports to "
            "Brazil. How do you answer it?\n\n**Minister:** We are studying every option.")
    found = run(text)
    assert [(m.type.value, m.issuer, m.target) for m in found][:1] == \
        [("other", "Brazil", "Peru")]
    assert found[0].date == PartialDate(2026, 5, 3)


def test_the_subject_of_a_passive_list_addition_is_listed_not_listing() -> None:
    text = ("Brazil's foreign ministry today adopted sanctions against Bolivia.\n\n"
            "In addition, twelve firms in Peru and Chile, which the ministry says supply the "
            "Bolivian army, are added to the list of entities subject to tighter export "
            "restrictions.")
    found = summary(text)
    assert not any(issuer in ("Peru", "Chile") for _, issuer, _ in found)


def test_a_company_acted_on_or_its_shares_issue_no_measure() -> None:
    text = ("A court in Lima suspended the chief executive on 7 May and placed nearly all of "
            "Minera Andina's shares under the control of a trustee. Minera Andina agreed to "
            "swap a mine it owned for land held by the army.")
    assert not any(m.issuer == "Minera Andina" for m in run(text))


def test_a_state_put_on_a_list_of_approved_destinations_ends_a_restriction() -> None:
    text = ("The ban on group tours to Peru was fully lifted in May 2024, when Brazil's "
            "foreign ministry added Peru to its list of approved destinations for group "
            "travel.")
    lifting = [m for m in run(text) if m.target == "Peru" and
               m.issuer == "Ministry of Foreign Affairs of Brazil"]
    assert lifting and all(m.type.value == "other" for m in lifting)
    assert lifting[-1].status is MeasureStatus.HISTORICAL
    assert lifting[-1].date == PartialDate(2024, 5)


# -- status, date and non-measures ------------------------------------------------------------

def test_a_bill_sent_to_the_legislature_is_under_consideration() -> None:
    text = "Chile's government sent Congress a bill to raise tariffs on copper to 30%."
    found = run(text)
    assert found and found[0].status is MeasureStatus.UNDER_CONSIDERATION


def test_a_bracketed_year_after_a_measure_dates_it() -> None:
    text = "None of this is new: Peru's copper export ban (2019) is the model everyone cites."
    found = run(text)
    assert found and found[0].date == PartialDate(2019)
    assert found[0].status is MeasureStatus.HISTORICAL


def test_a_section_heading_and_a_bodys_name_report_no_measure() -> None:
    text = ("Export Controls: Peru\n\n"
            "The Export Control Agency publishes its statistics every quarter. Brazil now "
            "prohibits the export to Peru of all goods on its military list.")
    found = run(text)
    assert [m.span.text for m in found] == ["Brazil now prohibits the export to Peru"] or \
        all("Export Control" not in m.span.text for m in found)
    assert len(found) == 1


def test_a_first_person_measure_borrows_no_issuer_from_the_article() -> None:
    text = ("Lima imposed a 30% tariff on Chilean copper on Monday.\n\n"
            "\"First we talk, and we have asked for consultations at the World Trade "
            "Organization,\" an official told the paper.")
    assert not any(m.issuer == "Peru" and "consultations" in m.span.text for m in run(text))


def test_no_evidence_so_far_that_denies_the_measure_after_it() -> None:
    text = ("There is no evidence so far that Chile intends to retaliate with export controls "
            "of its own.")
    assert run(text) == []


# -- informal measures, liftings and conduct --------------------------------------------------

def test_travel_sales_stopped_by_order_and_allowed_again() -> None:
    text = ("In April 2019 agencies in Lima were called in by tourism officials and told to "
            "stop selling package tours to Chile.\n\n"
            "In June 2020 some agencies in Lima were allowed to sell Chile tours again.")
    found = run(text)
    halt = [m for m in found if "stop selling" in m.span.text]
    again = [m for m in found if "again" in m.span.text]
    assert halt and (halt[0].type.value, halt[0].target) == ("other", "Chile")
    assert again and again[0].type.value == "other"
    assert again[0].status is MeasureStatus.HISTORICAL


def test_outlets_shut_by_the_authorities_are_a_measure_a_firm_closing_its_own_is_not() -> None:
    found = summary("In March, Peruvian authorities closed 40 of Minera Andina's stores.")
    assert found and found[0][:2] == ("other", "Peru")
    assert summary("Minera Andina closed 12 of its stores in Lima last year.") == []


def test_a_measure_named_as_a_partys_conduct_is_no_measure() -> None:
    text = ("On the same day Brasilia put 8 Peruvian firms which took part in arms sales to "
            "Bolivia on its list of sanctioned companies.")
    assert not any("arms sales" in m.span.text for m in run(text))


def test_a_government_invoking_a_law_against_a_firm_is_a_measure_dated_in_its_clause() -> None:
    for text in ("Chile's government on 3 May invoked the Critical Supplies Act, a law never "
                 "used before, to take control of Minera Andina.",
                 "Santiago invoked the never-before-used Critical Supplies Act on 3 May to take "
                 "control of Minera Andina."):
        found = run(text)
        assert [(m.type.value, m.issuer, m.target) for m in found] == \
            [("other", "Chile", "Minera Andina")]
        assert found[0].date == PartialDate(2026, 5, 3)


def test_a_party_listed_in_the_passive_is_the_target_not_the_issuer() -> None:
    text = ("On 2 May Brasilia widened its export blacklist rules to cover affiliates, a step "
            "that catches Minera Andina because Minera Andina was put on the list in March "
            "2025.")
    listed = [m for m in run(text) if "put on the list" in m.span.text]
    assert listed and listed[0].issuer == "Brazil"
    assert listed[0].target == "Minera Andina"
    assert listed[0].date == PartialDate(2025, 3)


def test_a_ban_the_text_says_stays_is_in_force_however_old() -> None:
    found = run("Bolivia's mining ministry says the 2019 ban on copper exports stays.")
    assert found and found[0].date == PartialDate(2019)
    assert found[0].status is MeasureStatus.IN_FORCE


def test_goods_put_under_licensing_may_be_a_long_list_with_examples() -> None:
    text = ("On 4 May Bolivia's government put five light and heavy minerals, including "
            "copper and tin, and alloys containing them under export licensing.")
    found = summary(text)
    assert found[:1] == [("export_control", "Bolivia", None)]


def test_a_list_of_entities_borrows_no_target_from_another_export_measure() -> None:
    text = ("Brasilia banned the export of drones to Bolivia on Monday.\n\n"
            "In addition, 20 firms in Peru and Chile are added to the list of entities "
            "subject to tighter export restrictions.")
    listing = [m for m in run(text) if "list of entities" in m.span.text]
    assert listing and listing[0].target is None
    assert listing[0].type.value == "export_control"


def test_only_a_run_of_numbered_posts_makes_a_thread() -> None:
    from extract_support import article, mentions

    from kg.extract.context import build_context
    from kg.extract.measures.labels import is_item

    thread = "Intro. 1/3\n\n2/3 Tariffs rose.\n\n3/3 That is all."
    lone = "Background.\n\n9/11 changed how Brasilia treats exports.\n\nMore text."
    for text, expected in ((thread, True), (lone, False)):
        ctx = build_context(article(text), mentions(text, TABLE))
        offset = text.index("/", text.index("\n\n")) + 3
        assert is_item(ctx, offset) is expected


def test_a_possibility_that_a_state_will_act_is_no_measure() -> None:
    for text in ("An analyst said it is not excluded that Brazil will impose new export "
                 "restrictions on copper to Peru.",
                 "It is possible that Brazil will impose a ban on copper exports to Peru."):
        assert run(text) == []


def test_the_day_a_measure_started_says_in_force_once_past() -> None:
    began = run("Chile's 90-day suspension of copper imports started on 1 May.")
    ahead = run("Chile's 90-day suspension of copper imports starts on 1 June.")
    assert began and began[0].status is MeasureStatus.IN_FORCE
    assert ahead and ahead[0].status is MeasureStatus.ANNOUNCED


def test_bold_and_numbered_labels_are_item_labels_too() -> None:
    text = ("Curbs to watch:\n\n**Bolivia:** La Paz banned soybean imports in 2021.\n\n"
            "**Chile:** the suspension of copper imports runs from next Monday.\n\n"
            "3) Peru: a suspension of soybean imports starts next week.")
    assert summary(text) == [("import_ban", "Bolivia", None), ("import_ban", "Chile", None),
                             ("import_ban", "Peru", None)]


def test_the_year_naming_a_budget_is_the_year_it_funds_not_its_date() -> None:
    found = run("Officials at the trade ministry said the government is considering expanding "
                "the 2027 budget of the Export Control Agency for emergency purchases of copper.")
    budgets = [m for m in found if m.type.value == "budget"]
    assert budgets and budgets[0].date is None
