"""Round 5 families of the actor, citation, material and figure extractors, each shown on
a text written for it (not taken from a tuning article)."""

from __future__ import annotations

from kg.extract.actors import find_actors
from kg.extract.citations import find_citations
from kg.extract.figures import find_figures
from kg.extract.furniture import link_list_spans
from kg.extract.materials import find_materials
from kg.model import ActorMention, Article, CitationMention


def _article(text: str) -> Article:
    return Article(identifier="round5.txt", text=text)


def _actors(text: str) -> list[ActorMention]:
    return find_actors(_article(text))[0]


def _cited(text: str) -> list[CitationMention]:
    article = _article(text)
    return find_citations(article, find_actors(article)[0])


def _materials(text: str) -> set[tuple[str, str]]:
    return {(m.name, m.span.text) for m in find_materials(_article(text))}


def _figures(text: str) -> list[tuple[str, str, str]]:
    article = Article(identifier="round5.txt", text=text)
    actors = find_actors(article)[0]
    return [(str(f.value), f.unit, f.span.text) for f in find_figures(article, actors)]


# --- cited sources --------------------------------------------------------------------

TRANSCRIPT = """Transcript of the weekly briefing of the customs office

Spokesperson: Lin Wenhao.

Bloomberg: The Financial Times reported on Monday that tungsten licences are frozen. Is that so?

Lin Wenhao: Licences are handled according to law.

Fuji TV: When will the review of the magnet exports end?

Lin Wenhao: I have nothing further to add.
"""


def test_an_outlet_labelling_a_question_turn_asks_and_is_not_a_source() -> None:
    cited = {c.name for c in _cited(TRANSCRIPT)}
    assert "Bloomberg" not in cited and "Fuji TV" not in cited
    # ... but the outlet its question cites is one
    assert "Financial Times" in {c.name.removeprefix("The ") for c in _cited(TRANSCRIPT)}


def test_a_broadcaster_or_a_daily_is_an_outlet_by_its_last_word() -> None:
    found = {(a.name, a.type.value) for a in _actors(TRANSCRIPT)}
    assert ("Fuji TV", "media") in found
    text = "Imports fell by a third, the Busan Shipping Daily said on Friday.\n"
    assert ("Busan Shipping Daily", "media") in {(a.name, a.type.value)
                                                  for a in _actors(text)}


def test_according_to_data_of_a_body_cites_it_as_translated_from_chinese() -> None:
    text = ("According to data of the Hanseatic Statistics Institute, imports of tungsten "
            "rose in the first half.\n")
    assert [c.name for c in _cited(text)] == ["Hanseatic Statistics Institute"]


def test_the_acronym_in_parentheses_names_the_organisation_again() -> None:
    text = ("Lee Min-ho, a fellow at the Busan Institute for Maritime Economics (BIME), said "
            "port traffic was steady.\nShipments of graphite fell 12%, BIME estimates.\n")
    named = [(a.name, a.span.text) for a in _actors(text)
             if a.name == "Busan Institute for Maritime Economics"]
    assert [span for _, span in named] == ["Busan Institute for Maritime Economics", "BIME",
                                           "BIME"]
    assert [c.span.text for c in _cited(text)] == ["BIME"]  # "BIME estimates"


# --- actors ---------------------------------------------------------------------------

def test_a_groups_name_opening_another_name_is_another_company() -> None:
    text = ("Toyota Boshoku, which makes seats, said output was normal. Toyota President "
            "Koji Sato said Toyota had stocks for weeks.\n")
    found = {(a.name, a.span.text) for a in _actors(text) if a.type.value == "company"}
    assert ("Toyota Boshoku", "Toyota Boshoku") in found
    assert ("Toyota", "Toyota Boshoku") not in found
    assert [span for name, span in found if name == "Toyota"] == ["Toyota"]


def test_a_name_ending_in_lab_is_an_organisation() -> None:
    text = "Harbour Policy Lab said the curbs could widen to cobalt.\n"
    assert ("Harbour Policy Lab", "organization") in {(a.name, a.type.value)
                                                      for a in _actors(text)}


LINKED = """Seoul weighs its exposure to the cobalt curbs
By Han Ji-woo
SEOUL - The industry ministry met battery makers on Monday, a ministry statement said.
Read more at The Harbour Ledger
Related stories
- Vietnam approves record 3 trillion dong port budget
- Sony to open chip plant in Kumamoto
Most read
1. Hyundai Steel cuts output of gallium alloys
Newsletter: Get the morning briefing in your inbox
"""


def test_the_items_of_a_link_list_name_nothing_of_the_article() -> None:
    spans = link_list_spans(LINKED)
    assert [LINKED[b:e].splitlines()[0] for b, e in spans] == [
        "- Vietnam approves record 3 trillion dong port budget",
        "1. Hyundai Steel cuts output of gallium alloys"]
    names = {a.name for a in _actors(LINKED)}
    assert not names & {"Vietnam", "Sony", "Hyundai Steel", "Hyundai Motor"}
    assert not {n for n, _ in _materials(LINKED)} & {"gallium", "semiconductors"}
    assert not any("trillion" in span for _, _, span in _figures(LINKED))
    # the label line is no item: "Read more at" still cites the outlet it names
    assert "The Harbour Ledger" in {c.name for c in _cited(LINKED)}


# --- figures --------------------------------------------------------------------------

def test_a_price_a_ton_is_a_price_per_ton() -> None:
    found = _figures("Cobalt traded at $31,500 a tonne in Rotterdam on Monday.\n")
    assert ("31500", "USD per tonne", "$31,500 a tonne") in found
    found = _figures("The group will spend $2 billion a chip plant, it said.\n")
    assert [unit for _, unit, _ in found] == ["USD"]


def test_the_count_of_a_reports_anonymous_sources_is_no_figure() -> None:
    text = "Seoul will cut quotas by 20%, two government sources told the agency.\n"
    assert [(value, unit) for value, unit, _ in _figures(text)] == [("20", "percent")]


# --- materials ------------------------------------------------------------------------

def test_every_modifier_of_a_list_before_an_agent_noun_qualifies_it() -> None:
    text = "The ministry met magnet, cable and solar-panel makers on Monday.\n"
    assert _materials(text) == set()
    # plural nouns in a list are goods of their own, not modifiers of "makers"
    text = "Supplies of cobalt used in electric vehicles, drones, and electronics makers.\n"
    assert ("electric vehicles", "electric vehicles") in _materials(text)


def test_dual_use_exports_and_mixed_oxides_and_magnet_alloys_are_named() -> None:
    found = _materials("Seoul halted dual-use shipments, NdPr oxide and magnet alloys.\n")
    assert found == {("dual-use items", "dual-use shipments"),
                     ("neodymium-praseodymium oxide", "NdPr oxide"),
                     ("rare earth alloys", "magnet alloys")}
