"""The material extractor, one phenomenon per fixture in tests/fixtures/articles/."""

from __future__ import annotations

from pathlib import Path

from kg.extract.materials import find_materials
from kg.ingest import read_article
from kg.model import MaterialCategory, MaterialMention

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _materials(name: str) -> list[MaterialMention]:
    return find_materials(read_article(FIXTURES / f"{name}.txt"))


def _pairs(mentions: list[MaterialMention]) -> list[tuple[str, str]]:
    return [(m.span.text, m.name) for m in mentions]


def test_coordinated_names_share_their_head_and_modifier() -> None:
    assert _pairs(_materials("material_coordination")) == [
        ("navigation and drone components", "navigation components"),
        ("drone components", "drone components"),
        ("aerospace and engineering technologies", "aerospace technologies"),
        ("engineering technologies", "engineering technologies"),
        ("rare earth elements", "rare earths"),
        ("alloys", "rare earth alloys"),
    ]


def test_demonstrative_refers_back_instead_of_naming_again() -> None:
    mentions = _materials("material_anaphora")
    assert _pairs(mentions) == [("critical minerals", "critical minerals")]
    assert mentions[0].span.begin < 40  # the first mention, not "these critical minerals"


def test_symbols_only_in_parentheses_or_symbol_lists() -> None:
    pairs = _pairs(_materials("material_symbols"))
    assert pairs == [
        ("dysprosium", "dysprosium"), ("Dy", "dysprosium"),
        ("Dy", "dysprosium"), ("Tb", "terbium"), ("Nd", "neodymium"),
    ]  # "In Japan" and "As a result" are words, not indium and arsenic


def test_hyphen_space_and_number_variants_match() -> None:
    assert _pairs(_materials("material_variants")) == [
        ("dual use items", "dual-use items"),
        ("dual‑use goods", "dual-use items"),
        ("rare-earth magnets", "rare earth magnets"),
        ("drone", "drones"),
        ("rare earth", "rare earths"),
    ]


def test_names_inside_proper_names_and_idioms_are_not_materials() -> None:
    assert _materials("material_false_friends") == []


def test_longest_name_wins_and_broader_follows_the_taxonomy() -> None:
    mentions = {m.span.text: m for m in _materials("material_taxonomy")}
    group = mentions["medium and heavy rare earths"]
    assert group.name == "medium and heavy rare earths" and group.broader == "rare earths"
    assert mentions["samarium"].broader == "medium rare earths"
    assert mentions["terbium"].category is MaterialCategory.RARE_EARTH_ELEMENT
    assert mentions["gallium"].category is MaterialCategory.OTHER
    assert "heavy rare earths" not in mentions


def test_material_output_is_sorted_with_exact_spans() -> None:
    article = read_article(FIXTURES / "material_coordination.txt")
    mentions = find_materials(article)
    assert [m.span for m in mentions] == sorted(m.span for m in mentions)
    for m in mentions:
        assert article.text[m.span.begin:m.span.end] == m.span.text


def test_kinds_and_compounds_are_materials_of_their_own() -> None:
    mentions = {m.span.text: m for m in _materials("material_compounds_and_kinds")}
    assert mentions["power semiconductors"].broader == "semiconductors"
    assert mentions["sintered neodymium magnets"].broader == "neodymium magnets"
    motors = mentions["electric vehicle motors"]  # not electric vehicles plus motors
    assert (motors.name, motors.broader) == ("electric vehicle motors", "motors")
    assert "motors" not in mentions and "electric vehicle" not in mentions


def test_a_rare_earth_oxide_is_a_product_one_level_below_its_element() -> None:
    mentions = {m.span.text: m for m in _materials("material_compounds_and_kinds")}
    oxide = mentions["Dysprosium oxide"]
    assert (oxide.name, oxide.broader, oxide.category) == (
        "dysprosium oxide", "dysprosium", MaterialCategory.RARE_EARTH_PRODUCT)
    assert mentions["terbium oxides"].name == "terbium oxide"


def test_chipmaking_chemicals_are_named_and_grouped() -> None:
    names = {m.name: m.broader for m in _materials("material_compounds_and_kinds")}
    for chemical in ("hydrogen fluoride", "photoresists", "dichlorosilane"):
        assert names[chemical] == "chipmaking chemicals"
    assert "chipmaking chemicals" in names


def test_a_material_qualifying_who_makes_or_studies_it_is_not_named() -> None:
    assert _pairs(_materials("material_qualifying_agents")) == [
        ("magnet", "rare earth magnets"),   # magnet shipments: the good itself
        ("gallium", "gallium"),             # gallium prices
    ]


def test_materials_in_a_section_label_in_capitals_are_not_named() -> None:
    assert _pairs(_materials("material_section_labels")) == [("Germanium", "germanium")]


def test_rare_metals_compounds_alloys_and_neodymium_magnets_are_named() -> None:
    mentions = {m.span.text: m for m in _materials("material_round_two_entries")}
    assert mentions["rare metals"].broader == "critical minerals"
    assert mentions["rare earth compounds"].broader == "rare earths"
    assert mentions["cerium-bearing alloy"].name == "rare earth alloys"   # [[compound]] alias_of
    assert mentions["neodymium magnets"].broader == "rare earth magnets"
