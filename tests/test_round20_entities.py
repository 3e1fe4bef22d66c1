"""Round 20: materials and figures of new styles, in invented words.

Edible oils and the palm-oil grades export bans name, bulk goods of an embargo's product
list, memory products, drone-related control items and security software, with their place
in the taxonomy; a stream of headlines written in capitals, whose lines are news and not
section labels; chips named as "components"; an embargo's list counted in "product
groups" and livestock counted by the head; the US trade courts, homeland-security bodies
and Turkey's exporters' assembly.
"""

from __future__ import annotations

from extract_support import article, figure_units, found_actors

from kg.extract.materials import find_materials, written_in_capitals
from kg.extract.refdata import material_data


def goods(text: str) -> dict[str, str]:
    """Mention text -> material name of each material ``text`` names."""
    return {m.span.text: m.name for m in find_materials(article(text, date="2026-03-02"))}


# -- materials: reference data ------------------------------------------------------------

def test_palm_oil_grades_are_narrower_than_palm_oil_and_edible_oils_nest() -> None:
    found = goods("Ruritania will halt exports of refined palm olein and crude palm oil, "
                  "and later red palm oil, to keep cooking oil cheap; edible oil importers "
                  "in Freedonia turned to vegetable oils from elsewhere.")
    assert found["refined palm olein"] == "RBD palm olein"
    assert found["crude palm oil"] == "crude palm oil"
    assert found["red palm oil"] == "red palm oil"
    assert found["cooking oil"] == "cooking oil"
    assert found["vegetable oils"] == "vegetable oil"
    data = material_data()
    assert data.entries["crude palm oil"].broader == "palm oil"
    assert data.entries["RBD palm olein"].broader == "palm oil"
    assert data.entries["cooking oil"].broader == "edible oil"
    assert data.entries["palm oil"].broader == "vegetable oil"


def test_an_embargo_list_of_bulk_goods_names_each_good() -> None:
    found = goods("The ministry restricted exports to Freedonia of iron-steel products, "
                  "cement, construction materials, jet fuel and fertilisers.")
    assert found == {"iron-steel products": "iron and steel products", "cement": "cement",
                     "construction materials": "construction materials",
                     "jet fuel": "aviation fuel", "fertilisers": "fertilizer"}
    assert material_data().entries["iron and steel products"].broader == "steel"


def test_memory_products_and_nand_are_goods_of_their_own() -> None:
    found = goods("Our memory modules and SSDs use NAND flash bought from one supplier.")
    assert found == {"memory modules": "memory modules", "SSDs": "solid-state drives",
                     "NAND flash": "NAND flash"}
    assert material_data().entries["NAND flash"].broader == "memory chips"


def test_drone_control_items_and_security_software_are_goods() -> None:
    found = goods("The controls cover UAV engines, laser equipment, radio communication "
                  "equipment and anti-drone systems; consumer drones are exempt. A separate "
                  "rule bars the sale of antivirus software made by a foreign firm.")
    assert found == {"UAV engines": "drone engines", "laser equipment": "lasers",
                     "radio communication equipment": "radio communication equipment",
                     "anti-drone systems": "anti-drone systems",
                     "consumer drones": "consumer drones",
                     "antivirus software": "anti-virus software"}
    data = material_data()
    assert data.entries["consumer drones"].broader == "drones"
    assert data.entries["drone engines"].broader == "drone components"


# -- materials: rules -----------------------------------------------------------------------

HEADLINE_STREAM = (
    "GRAINS WIRE - HEADLINES\n"
    "09:02 *RURITANIA TO BAN EXPORTS OF PALM OIL FROM MONDAY: MINISTER\n"
    "09:15 *FREEDONIA SAYS IT HAS NO PLANS TO CURB ITS OWN COOKING OIL EXPORTS\n"
    "09:40 *PRICES OF CRUDE PALM OIL JUMP 5% ON THE NEWS\n"
    "09:52 *FREEDONIA ALSO HALTS COAL SHIPMENTS TO RURITANIA\n"
)


def test_a_text_in_capitals_is_told_from_prose_with_capital_headings() -> None:
    assert written_in_capitals(HEADLINE_STREAM)
    assert not written_in_capitals("CHIPS CORNER\nPrices of memory chips rose on Monday "
                                   "as buyers stocked up before the new rules.\n")


def test_goods_in_a_stream_of_headlines_written_in_capitals_are_found() -> None:
    found = goods(HEADLINE_STREAM)
    assert found["PALM OIL"] == "palm oil"
    assert found["COOKING OIL"] == "cooking oil"
    assert found["CRUDE PALM OIL"] == "crude palm oil"
    assert found["COAL"] == "coal"  # a good the taxonomy had before


def test_a_section_label_in_capitals_above_prose_still_names_no_good() -> None:
    found = goods("MAGNETS AND CHIPS CORNER\nThe ministry spoke about its budget on Monday.\n")
    assert found == {}


def test_chips_named_as_components_are_the_chips() -> None:
    found = goods("We buy DRAM and NAND components from one supplier.")
    assert found == {"DRAM": "memory chips", "NAND": "NAND flash"}


def test_parts_of_other_goods_still_name_no_good() -> None:
    assert goods("The rule covers supercomputer components.") == {}


# -- figures -------------------------------------------------------------------------------

def test_an_embargo_list_counted_in_product_groups_counts_items() -> None:
    assert ("54", "items") in figure_units(
        "The ministry restricted exports to Freedonia on 54 product groups last month.")


def test_livestock_counted_by_the_head_is_a_figure() -> None:
    assert ("1200", "head of cattle") in figure_units(
        "At its peak the abattoir slaughtered some 1,200 head of cattle a day.")


# -- actors -----------------------------------------------------------------------------------

def test_us_trade_courts_and_homeland_security_bodies_are_government_bodies() -> None:
    found = {a.span.text: (a.name, a.type.value) for a in found_actors(
        "The U.S. Court of International Trade struck down the duties on Wednesday; the "
        "U.S. Court of Appeals for the Federal Circuit stayed the ruling a day later. In "
        "2019 the Department of Homeland Security told agencies to remove the software, "
        "and the Cybersecurity and Infrastructure Security Agency published guidance.")}
    assert found["U.S. Court of International Trade"] == (
        "Court of International Trade", "government_body")
    assert found["U.S. Court of Appeals for the Federal Circuit"] == (
        "Court of Appeals for the Federal Circuit", "government_body")
    assert found["Department of Homeland Security"] == (
        "United States Department of Homeland Security", "government_body")
    assert found["Cybersecurity and Infrastructure Security Agency"][0] == (
        "Cybersecurity and Infrastructure Security Agency")


def test_turkeys_exporters_assembly_is_an_organisation() -> None:
    found = {a.span.text: (a.name, a.type.value) for a in found_actors(
        "Exports to Ruritania fell by a third, according to the Turkish Exporters Assembly.")}
    assert found["Turkish Exporters Assembly"] == ("Turkish Exporters Assembly", "organization")
