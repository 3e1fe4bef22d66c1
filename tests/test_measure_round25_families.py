"""Measure acts of round 25 told in words the trigger data lacked, each in invented words.

A permit or licence taken back ("revoked the import permits of", "has withdrawn from X the
permit of exploitation") and an approval for licences or shipments withdrawn are licensing
restrictions; deliveries halted "to" a party are that party's export ban; the other side's
envoy declared persona non grata or expelled, and one's "own" ambassador recalled, are
protests, while a recall demanded of the other side stays that demand.
"""

from __future__ import annotations

from extract_support import actor, measures_in

from kg.model import MeasureMention

BRAZIL = actor("Brazil", "state", "Brazil", "Brasilia")
PERU = actor("Peru", "state", "Peru", "Lima")
MINERA = actor("Minera Andina", "company", "Minera Andina")
GASCO = actor("Gasco", "company", "Gasco")
TABLE = [BRAZIL, PERU, MINERA, GASCO]
GOODS = [{"name": "copper", "category": "other", "forms": ["copper", "copper ore"]}]


def run(text: str, *, date: str | None = "2026-05-20") -> list[MeasureMention]:
    """The measures of ``text`` with the actors and goods of the tables above."""
    return measures_in(text, TABLE, GOODS, date=date)


def summary(text: str) -> list[tuple[str, str | None, str | None]]:
    """(type, issuer, target) of each measure of ``text``, in text order."""
    return [(m.type.value, m.issuer, m.target) for m in run(text)]


def test_a_permit_revoked_or_withdrawn_is_a_licensing_restriction() -> None:
    assert summary("Lima revoked the import permits of two Brazilian traders.") == \
        [("licensing_restriction", "Peru", "Brazil")]
    assert [(t, i) for t, i, _ in summary(
        "Peru has withdrawn from Minera Andina the permit of exploitation of its copper "
        "mine.")] == [("licensing_restriction", "Peru")]


def test_an_approval_for_shipments_withdrawn_is_a_licensing_restriction() -> None:
    assert [t for t, _, _ in summary(
        "Brasilia partially withdrew approval for shipments of copper ore to Peru.")] == \
        ["licensing_restriction"]


def test_an_approval_of_anything_else_withdrawn_is_no_licensing_measure() -> None:
    assert all(t != "licensing_restriction" for t, _, _ in summary(
        "Lima withdrew approval for the screening of two Brazilian films."))


def test_deliveries_halted_to_a_party_are_an_export_ban() -> None:
    assert summary("Gasco halted all deliveries to Peru on Tuesday.") == \
        [("export_ban", "Gasco", "Peru")]


def test_an_envoy_declared_persona_non_grata_or_expelled_is_a_protest() -> None:
    assert [t for t, _, _ in summary(
        "Peru declared Ambassador Joao Silva persona non grata and gave him a day to "
        "leave.")] == ["protest"]
    assert [t for t, _, _ in summary("Lima expelled the Brazilian ambassador.")] == \
        ["protest"]


def test_ones_own_ambassador_recalled_is_a_protest_but_a_demanded_recall_is_not() -> None:
    assert summary("Peru also recalled its own ambassador from Brasilia.") == \
        [("protest", "Peru", "Brazil")]
    assert all(i != "Brazil" or t != "protest" for t, i, _ in summary(
        "Peru demanded that Brazil recall its own envoy from Lima."))


def test_a_firm_withdrawing_its_own_licence_application_is_no_measure() -> None:
    assert summary("Minera Andina withdrew its application for an export licence.") == []
