"""Measure targets of round 20, each in invented words.

A target named by the goods' destination, origin or user ("chemicals bound for X", "duties on
brandy originating in the EU", "items that could be used by the X military"), or after a
quantifier ("a probe into some EU cheeses"); a listing told before the list's name ("added 20
X companies to its export control list") and a listed set given with examples without a
plain count ("some two dozen X entities, including Y", "X contractors such as Y"): the set's
state; an act lifting or resuming what a measure of its side stopped takes that measure's
target ("lifted the copper duties"); an export curb recalled in a "when" clause of a sentence
saying a state buys from or relies on the issuer targets that state; a state acting "in
lockstep with" the issuer is a partner, not the target.
"""

from __future__ import annotations

from extract_support import actor, measures_in, parties_of

from kg.model import MeasureMention

BRAZIL = actor("Brazil", "state", "Brazil", "Brasilia")
PERU = actor("Peru", "state", "Peru", "Lima")
CHILE = actor("Chile", "state", "Chile", "Santiago")
ZEALAND = actor("New Zealand", "state", "New Zealand", "Wellington")
EU = actor("European Union", "organization", "European Union", "EU")
AGENCY = actor("Export Control Agency of Brazil", "government_body", "Export Control Agency",
               part_of="Brazil")
MINERA = actor("Minera Andina", "company", "Minera Andina")
TABLE = [BRAZIL, PERU, CHILE, ZEALAND, EU, AGENCY, MINERA]
GOODS = [{"name": "copper", "category": "other", "forms": ["copper", "copper ore"]},
         {"name": "soybeans", "category": "other", "forms": ["soybeans"]},
         {"name": "cheese", "category": "other", "forms": ["cheeses", "cheese"]}]


def run(text: str, *, date: str | None = "2026-05-20") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date=date)


def targets(text: str) -> list[str | None]:
    """The target of each measure of ``text``, in text order."""
    return [target for _, _, target in parties_of(run(text))]


# -- destination, origin, user ----------------------------------------------------------------

def test_goods_bound_for_a_state_name_the_target() -> None:
    text = ("In July 2019 Brazil tightened export controls on copper ore, soybeans and refined "
            "tin bound for New Zealand, in a row over fishing rights.")
    assert "New Zealand" in targets(text)


def test_goods_originating_in_a_union_name_the_target() -> None:
    text = ("On 8 October Brazil announced provisional anti-dumping measures on imported copper "
            "ore originating in the EU.")
    assert "European Union" in targets(text)


def test_items_used_by_a_military_name_its_state() -> None:
    text = ("On May 6 Brazil banned exports of dual-use items that could be used by the Chilean "
            "military.")
    assert targets(text) == ["Chile"]


def test_a_probe_into_some_goods_of_a_union_targets_it() -> None:
    text = ("Brazil opened an anti-subsidy probe into some EU cheeses and milk products on "
            "21 August.")
    assert "European Union" in targets(text)


# -- listings ---------------------------------------------------------------------------------

def test_a_listing_told_before_the_list_name_targets_the_set() -> None:
    text = ("Brazil's Export Control Agency on Friday added 20 Peruvian companies and research "
            "institutes to its export control list, barring firms from supplying them.")
    assert targets(text)[:1] == ["Peru"]


def test_a_set_of_some_two_dozen_entities_with_examples_is_its_state() -> None:
    text = ("On Wednesday Brazil added some two dozen Chilean entities, including Minera Andina, "
            "to the Entity List.")
    assert targets(text) == ["Chile"]


def test_contractors_such_as_a_company_are_their_state() -> None:
    text = ("Brasilia is reportedly considering adding Chilean mining contractors such as Minera "
            "Andina to its Unreliable Entity List.")
    assert targets(text) == ["Chile"]


# -- undoing ----------------------------------------------------------------------------------

def test_lifting_duties_takes_the_target_of_the_duties() -> None:
    text = ("Brazil imposed anti-dumping duties on Peruvian copper ore in May 2020.\n\n"
            "Trade recovered slowly. Brasilia lifted the copper duties in August 2023, and "
            "Lima dropped its complaint in return.")
    found = parties_of(run(text))
    lifted = [target for kind, issuer, target in found[1:] if issuer == "Brazil"]
    assert lifted[:1] == ["Peru"]


def test_imports_resumed_in_the_same_sentence_take_the_halt_s_target() -> None:
    text = ("On May 19 Brazil halted imports of Chilean copper ore, which it had partially "
            "resumed only in March.")
    assert targets(text) == ["Chile", "Chile"]


# -- the buyer of a curbed supply -------------------------------------------------------------

def test_an_export_curb_recalled_in_a_when_clause_targets_the_state_that_buys() -> None:
    text = ("Peru relies on Brazil for about 60% of its copper ore, down from 90% in 2012, when "
            "Brasilia curbed shipments during a row over fishing rights.")
    assert targets(text) == ["Peru"]


def test_a_purchase_from_the_issuer_names_the_buyer_as_target_too() -> None:
    text = ("New Zealand sourced roughly half of its copper ore from Brazil last year, down from "
            "80 percent in 2012, when Brasilia halted shipments for weeks.")
    assert targets(text) == ["New Zealand"]


# -- partners ---------------------------------------------------------------------------------

def test_a_state_acting_in_lockstep_with_the_issuer_is_no_target() -> None:
    text = ("Brazil itself restricted exports of 23 types of mining equipment in July 2023, in "
            "lockstep with Lima, and it has added firms to its end-user list.")
    assert "Peru" not in targets(text)
