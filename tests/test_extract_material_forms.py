"""Materials named by their traded form, by an acronym in brackets, and the goods of energy
and metal tariffs (round 15b): one phenomenon per test, each in an inline text written for
it."""

from __future__ import annotations

from kg.extract.materials import find_materials
from kg.model import Article, ArticleMetadata


def _names(text: str) -> dict[str, str]:
    found = find_materials(Article(identifier="inline.txt", text=text,
                                   metadata=ArticleMetadata()))
    return {m.span.text: m.name for m in found}


def test_the_forms_a_control_list_names_a_mineral_in_are_goods_under_it() -> None:
    names = _names("(1) Tungsten ore and raw materials, including tungsten concentrate.\n"
                   "(2) Bismuth ingots and bismuth oxide of 99.99% purity.")
    assert names == {"Tungsten ore": "tungsten ore", "tungsten concentrate":
                     "tungsten concentrate", "Bismuth ingots": "bismuth ingots",
                     "bismuth oxide": "bismuth oxide"}


def test_an_acronym_in_brackets_after_its_expansion_names_the_good_with_its_head() -> None:
    names = _names("The firm may not sell its extreme ultraviolet (EUV) machines abroad.")
    assert names == {"extreme ultraviolet (EUV) machines": "EUV lithography systems"}


def test_an_acronym_after_words_that_do_not_spell_it_is_no_expansion() -> None:
    assert not _names("Shipments to the Gulf (EUV) systems were cut.")


def test_fuels_and_tariffed_energy_goods_are_materials() -> None:
    names = _names("Duties on photovoltaic cells and solar modules rose, and Moscow halted "
                   "petrol and diesel fuel exports; aluminium and silver paste were spared.")
    assert set(names.values()) == {"solar cells", "solar panels", "gasoline", "diesel",
                                   "aluminum", "silver paste"}


def test_a_fuel_naming_a_kind_of_vehicle_or_engine_is_no_material() -> None:
    assert not _names("Sales of diesel trucks and petrol cars slowed.")
    assert _names("Diesel exhaust fluid ran short.") == {
        "Diesel exhaust fluid": "diesel exhaust fluid"}


def test_unrefined_rare_earths_are_rare_earths_and_their_ore_a_good_under_them() -> None:
    names = _names("Jakarta plans to stop exports of raw rare earths, and Hanoi of "
                   "unprocessed rare earth ore.")
    assert names == {"raw rare earths": "rare earths",
                     "unprocessed rare earth ore": "rare earth ore"}


def test_the_works_that_make_a_good_do_not_name_it() -> None:
    assert not _names("Two steel mills and a tungsten smelter closed.")


def test_chip_tools_are_named_by_their_process_step() -> None:
    names = _names("The ordinance adds etching equipment, annealing equipment and wafer "
                   "cleaning equipment to the list.")
    assert set(names.values()) == {"etching equipment", "heat treatment equipment",
                                   "cleaning equipment"}
