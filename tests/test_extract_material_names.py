"""Material names of round 3 (chip and battery supply chains, consumer goods of trade
disputes): inline texts written for each phenomenon."""

from __future__ import annotations

from kg.extract.materials import find_materials
from kg.model import Article


def _found(text: str) -> list[tuple[str, str]]:
    article = Article(identifier="inline.txt", text=text)
    return [(m.name, m.span.text) for m in find_materials(article)]


def test_a_good_named_by_its_origin_keeps_the_nationality_in_its_name() -> None:
    assert _found("Beijing halted imports of Japanese scallops and French cognac.") == [
        ("scallops", "Japanese scallops"), ("brandy", "French cognac")]


def test_a_nationality_does_not_join_a_good_not_named_by_origin() -> None:
    assert _found("The plant uses Chinese gallium.") == [("gallium", "gallium")]


def test_an_acronym_in_parentheses_inside_a_name_is_skipped() -> None:
    assert _found("Shipments of extreme-ultraviolet (EUV) machines stopped in 2019.") == [
        ("EUV lithography systems", "extreme-ultraviolet (EUV) machines")]


def test_the_items_of_the_2023_gallium_and_germanium_list_are_materials() -> None:
    names = [n for n, _ in _found("Licences now cover gallium phosphide, germanium "
                                  "tetrachloride and zone-melted germanium ingots.")]
    assert names == ["gallium phosphide", "germanium tetrachloride",
                     "zone-melted germanium ingots"]


def test_a_quality_word_does_not_make_a_kind_of_chip() -> None:
    assert _found("The rules target advanced chips and high-bandwidth memory.") == [
        ("semiconductors", "chips"), ("high-bandwidth memory", "high-bandwidth memory")]


def test_a_material_naming_parts_or_a_desk_is_not_the_good() -> None:
    assert _found("Exports of supercomputer parts need a licence, said the director of rare "
                  "earths at a consultancy.") == []


def test_a_material_word_inside_an_organisations_name_is_not_the_good() -> None:
    assert _found("A spokesperson for the Cognac Export Council declined to comment.") == []


def test_battery_electric_vehicles_are_electric_vehicles() -> None:
    assert _found("Duties on battery-electric vehicles (BEVs) took effect.") == [
        ("electric vehicles", "battery-electric vehicles"), ("electric vehicles", "BEVs")]


def test_farm_goods_and_bulk_commodities_of_trade_disputes_are_materials() -> None:
    # Round 15: goods that duties and import stops name, with their origin.
    assert _found("Manila cut duties on Thai parboiled rice and Canadian wheat, while "
                  "Ottawa halted coal and timber shipments.") == [
        ("parboiled rice", "Thai parboiled rice"), ("wheat", "Canadian wheat"),
        ("coal", "coal"), ("timber", "timber")]


def test_steel_grades_and_ores_are_narrower_materials() -> None:
    assert _found("Hanoi opened a probe into hot-rolled steel and banned nickel ore "
                  "exports.") == [("hot-rolled steel", "hot-rolled steel"),
                                  ("nickel ore", "nickel ore")]


def test_a_commodity_inside_a_proper_name_or_a_modifier_is_no_mention() -> None:
    assert _found("The FAO All Rice Price Index rose as automobile output fell.") == []


def test_a_rare_earth_master_alloy_is_a_product_of_its_element() -> None:
    assert _found("The plant stores terbium-iron alloy in drums.") == [
        ("terbium-iron alloy", "terbium-iron alloy")]


def test_chip_tools_named_by_their_optics_or_use_are_equipment() -> None:
    assert _found("The rules now cover immersion scanners and metrology equipment.") == [
        ("DUV lithography systems", "immersion scanners"),
        ("measurement and inspection equipment", "metrology equipment")]


def test_a_good_glued_to_an_activity_names_no_good() -> None:
    assert _found("Tokyo funds chip-tool research and magnet-making plants.") == []
