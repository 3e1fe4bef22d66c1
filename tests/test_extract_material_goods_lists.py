"""Goods that sanctions packages list one by one, and words that look like goods but name
something else: inline texts written for each phenomenon."""

from __future__ import annotations

from kg.extract.actors import find_actors
from kg.extract.citations import find_citations
from kg.extract.materials import find_materials
from kg.model import Article


def _found(text: str) -> list[tuple[str, str]]:
    article = Article(identifier="inline.txt", text=text)
    return [(m.name, m.span.text) for m in find_materials(article)]


def test_the_semi_finished_metals_and_fuels_of_an_import_ban_are_goods() -> None:
    names = {n for n, _ in _found(
        "Ottawa also banned imports of Belarusian pig iron, aluminium wire, copper wires and "
        "LPG.")}
    assert {"pig iron", "aluminium wire", "copper wire", "liquefied petroleum gas"} <= names
    assert "aluminum" not in names  # the wire, not the metal


def test_the_drone_components_of_a_bulleted_export_list_are_goods() -> None:
    text = ("The new export restrictions cover:\n- servo motors and DC motors\n"
            "- thermostats\n- diodes and transistors\n")
    names = {n for n, _ in _found(text)}
    assert {"servomotors", "DC motors", "thermostats", "diodes", "transistors"} <= names


def test_natural_and_synthetic_diamonds_are_diamonds_not_superhard_materials() -> None:
    found = _found("The ban covers natural and synthetic diamonds and rough diamonds from "
                   "Angola.")
    assert {n for n, _ in found} == {"diamonds"}


def test_a_missile_battery_and_later_references_to_it_are_no_batteries() -> None:
    text = ("Seoul agreed to host a Patriot battery near the coast. Villagers protested "
            "when the battery arrived. Exports of lithium batteries rose.")
    assert _found(text) == [("batteries", "lithium batteries")]


def test_goods_that_only_qualify_firms_in_translated_text_name_no_good() -> None:
    assert _found("Washington may restrict Chinese chip enterprises further.") == []


def test_a_technology_named_beside_advanced_chips_is_a_good() -> None:
    names = {n for n, _ in _found("London intends to control quantum technologies.")}
    assert names == {"quantum technologies"}


def test_a_numbered_sources_line_of_a_thread_cites_every_name_on_it() -> None:
    text = ("1/3 Chile raised its lithium royalty.\n\n2/3 Zambia banned copper ore exports.\n\n"
            "3/3 Sources: Philippine News Agency, HM Revenue and Customs, Reuters.\n")
    article = Article(identifier="inline.txt", text=text)
    cited = {c.name for c in find_citations(article, find_actors(article)[0])}
    assert {"Philippine News Agency", "HM Revenue and Customs", "Reuters"} <= cited
