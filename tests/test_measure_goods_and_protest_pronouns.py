"""Measures told without the usual words: a demand to withdraw "it", goods "bound for" a
place, chip chemicals as controlled goods.

Each test is one phenomenon, in invented words: a demand that the other side withdraw
"it" is a protest, as a demand naming the measure is; goods "bound for" a place are goods
leaving it, so a control verb on them is an export control with no "export" word; the
chemicals chips are made of are controlled goods, so controls on them need no export word.
"""

from __future__ import annotations

from extract_support import actor, article, materials, mentions

from kg.extract.measures import find_measures
from kg.model import MeasureMention

RURITANIA = actor("Ruritania", "state", "Ruritania", "Strelsau")
FREEDONIA = actor("Freedonia", "state", "Freedonia", "Fredville")
TABLE = [RURITANIA, FREEDONIA]
GOODS = [
    {"name": "graphite", "category": "semiconductor", "forms": ["graphite"]},
    # a chip chemical: category "other", controlled through its broader good
    {"name": "photoresists", "category": "other", "forms": ["photoresists"]},
]


def run(text: str) -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return find_measures(article(text, date="2026-04-02"), mentions(text, TABLE),
                         materials(text, GOODS))


def kinds(text: str) -> list[tuple[str, str | None, str | None]]:
    """(type, issuer, target) of each measure of ``text``, in text order."""
    return [(m.type.value, m.issuer, m.target) for m in run(text)]


def test_demand_that_the_other_side_withdraw_it_is_a_protest() -> None:
    text = ("Freedonia stopped graphite exports to Ruritania on Monday. "
            "Strelsau has demanded that Fredville rescind it.")
    assert ("protest", "Ruritania", "Freedonia") in kinds(text)


def test_demand_that_the_other_side_scrap_them_is_a_protest() -> None:
    text = ("Freedonia placed new curbs on graphite exports to Ruritania this week. "
            "The Ruritanian envoy demanded that Fredville immediately cancel them.")
    assert any(kind == "protest" for kind, _, _ in kinds(text))


def test_refusing_to_withdraw_it_is_no_protest() -> None:
    text = "Fredville has refused to withdraw it, officials in Strelsau said."
    assert all(kind != "protest" for kind, _, _ in kinds(text))


def test_goods_bound_for_a_state_make_a_control_verb_an_export_control() -> None:
    text = "In 2021 Freedonia restricted four solvents bound for Ruritania."
    found = [m for m in run(text) if m.type.value == "export_control"]
    assert [(m.issuer, m.target) for m in found] == [("Freedonia", "Ruritania")]


def test_goods_bound_for_a_place_before_an_anaphoric_ban_add_no_measure() -> None:
    text = "Traders asked whether parts bound for civilian plants would fall under the curbs."
    assert run(text) == []


def test_controls_on_a_chip_chemical_need_no_export_word() -> None:
    text = "Ruritania could tighten its own controls on photoresists, an adviser said."
    assert [kind for kind, _, _ in kinds(text)] == ["export_control"]
