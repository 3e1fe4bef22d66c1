"""Materials that only modify another word (round 4): inline texts written for each
phenomenon."""

from __future__ import annotations

from kg.extract.materials import find_materials
from kg.model import Article


def _found(text: str) -> list[tuple[str, str]]:
    article = Article(identifier="inline.txt", text=text)
    return [(m.name, m.span.text) for m in find_materials(article)]


def test_a_material_glued_to_an_adjective_is_no_mention() -> None:
    assert _found("Traders hold 900 tonnes of magnet-equivalent stock and battery-grade "
                  "graphite.") == [("graphite", "graphite")]


def test_parts_of_a_battery_are_not_batteries() -> None:
    assert _found("Most graphite goes into battery cathodes and anodes.") == [
        ("graphite", "graphite")]


def test_chip_materials_are_a_class_of_their_own_not_chips() -> None:
    # Round 15: what chips are made of is a material of its own (not "semiconductors");
    # the singular only qualifies ("chip-material curbs").
    assert _found("Seoul may curb exports of chip materials to Tokyo.") == [
        ("chip materials", "chip materials")]
    assert _found("Its chip-material curbs hit Korean fabs.") == []
