"""Phenomena of round 22, each in invented words.

Abbreviated given names open South Asian names ("Md.", "Sk."): the stop is part of the
name, not the end of a sentence.  "Congress" is a parliament of several states: with a
state before it it is that state's, and a bare chamber ("the Senate") after it is that
legislature's chamber, not the chamber of a state the tables list.  A negative pronoun
subject denies the act ("nothing in the order bans ..."), a ban on a tax is no ban on the
trade, and a measure complained about to a party ("concern to X over restrictions") is that
party's.  A line in capitals ending in an outlet word heads a press review's section, and
"The" and that word name the outlet again; a glossary's gloss after a dash is a label.
Copper and its stages, fresh fruit, clothing, yarn and furniture are goods.  Charter flights
halted, visa-free travel suspended, hiring barred, airspace and land crossings closed, a treaty
put "in abeyance" and a fishing ban are measures.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from extract_support import actor, article, found_actors, measures_in, parties_of

from kg.extract.context import Context
from kg.extract.materials import find_materials
from kg.extract.measures.labels import section_label
from kg.extract.text import split_sentences
from kg.model import ActorType, Span

NEPAL = actor("Nepal", "state", "Nepal", "Kathmandu")
NEPAL_TRADE = actor("Ministry of Commerce of Nepal", "government_body", "Commerce Ministry",
                    part_of="Nepal")
BHUTAN = actor("Bhutan", "state", "Bhutan", "Thimphu")
GOODS = [{"name": "copper scrap", "category": "other", "forms": ["copper scrap"]},
         {"name": "timber", "category": "other", "forms": ["timber"]}]


def _people(text: str) -> list[tuple[str, str]]:
    return [(a.name, a.span.text) for a in found_actors(text) if a.type is ActorType.PERSON]


def _bodies(text: str) -> list[tuple[str, str]]:
    return [(a.name, a.span.text) for a in found_actors(text)
            if a.type is ActorType.GOVERNMENT_BODY]


def _goods(text: str) -> set[tuple[str, str]]:
    return {(m.span.text, m.name) for m in find_materials(article(text))}


# -- abbreviated given names -------------------------------------------------------------------

def test_an_abbreviated_given_name_opens_the_persons_name() -> None:
    text = ("Trade Adviser Sk. Rafiq Alam told reporters on Monday that the talks would go on. "
            "Planning Adviser Md. Jahid Karim said the port would reopen.")
    people = _people(text)
    assert ("Sk. Rafiq Alam", "Sk. Rafiq Alam") in people
    assert ("Md. Jahid Karim", "Md. Jahid Karim") in people
    assert not any(name in ("Sk", "Md", "Rafiq Alam", "Jahid Karim") for name, _ in people)


def test_the_stop_of_an_abbreviated_given_name_ends_no_sentence() -> None:
    text = "Adviser Md. Jahid Karim said the port would reopen. Traders were relieved."
    sentences = [s.text for s in split_sentences(text)]
    assert len(sentences) == 2
    assert "Md. Jahid Karim" in sentences[0]


# -- congresses and their chambers -------------------------------------------------------------

def test_a_congress_named_with_a_state_is_that_states() -> None:
    bodies = _bodies("The Peruvian Congress voted on Thursday to extend the fishing season.")
    assert ("Congress of Peru", "Peruvian Congress") in bodies
    assert not any(name == "United States Congress" for name, _ in bodies)


def test_a_bare_congress_in_an_american_story_stays_the_us_congress() -> None:
    bodies = _bodies("The White House sent the tariff plan to Congress, Washington said.")
    assert ("United States Congress", "Congress") in bodies


def test_a_bare_chamber_after_a_states_congress_is_that_congresss_chamber() -> None:
    text = ("The Peruvian Congress shelved the mining bill on Tuesday. The Senate had "
            "passed it in March, while the House of Representatives never voted on it.")
    bodies = _bodies(text)
    assert ("Senate of Peru", "Senate") in bodies
    assert ("House of Representatives of Peru", "House of Representatives") in bodies
    assert not any(name.startswith("United States") for name, _ in bodies)


# -- denied acts -------------------------------------------------------------------------------

def test_a_negative_pronoun_subject_denies_the_act() -> None:
    text = ("The Commerce Ministry order requires smelters to sell a quarter of their copper "
            "scrap at home. Nothing in the order bans copper scrap exports outright, a "
            "lawyer said.")
    found = measures_in(text, [NEPAL, NEPAL_TRADE], GOODS, date="2026-02-10")
    assert not any(m.type.value == "export_ban" for m in found)


def test_a_measure_complained_about_is_the_addressees() -> None:
    text = ("Nepal conveys concern to Bhutan over restrictions on imports of timber through "
            "land ports.")
    found = parties_of(measures_in(text, [NEPAL, BHUTAN], GOODS, date="2026-02-10"))
    assert found and found[0][0] == "import_ban"
    assert found[0][1] == "Bhutan"


def test_a_ban_on_a_tax_is_no_ban_on_the_trade() -> None:
    text = ("Bhutan agreed to pay a levy on timber sales. Lawyers said the deal may breach "
            "the constitutional ban on export taxes.")
    found = measures_in(text, [BHUTAN], GOODS, date="2026-02-10")
    assert not any(m.type.value == "export_ban" for m in found)


# -- goods -------------------------------------------------------------------------------------

def test_copper_and_its_stages_are_goods() -> None:
    goods = _goods("The duty covers semi-finished copper products but leaves refined copper, "
                   "copper ores and copper scrap out; copper prices fell.")
    assert ("semi-finished copper products", "semi-finished copper products") in goods
    assert ("refined copper", "refined copper") in goods
    assert ("copper ores", "copper ore") in goods
    assert ("copper scrap", "copper scrap") in goods
    assert ("copper", "copper") in goods


def test_fruit_clothing_yarn_and_furniture_are_goods() -> None:
    goods = _goods("The curbs hit fresh fruit, grapes and durian, ready-made garments, "
                   "cotton yarn and wooden furniture.")
    names = {name for _, name in goods}
    assert {"fresh fruit", "grapes", "durian", "garments", "cotton yarn", "furniture"} <= names


def test_fruit_in_an_idiom_and_grape_spirits_are_no_goods() -> None:
    goods = _goods("The talks may bear fruit next year; duties on grape spirits stay.")
    assert not any(name in ("fresh fruit", "grapes") for _, name in goods)


# -- outlets heading a press review ------------------------------------------------------------

def test_a_lone_label_in_capitals_is_no_outlet() -> None:
    text = "BOOK REVIEW\n\nA history of the timber dispute, reviewed by our editor."
    assert not any(a.type is ActorType.MEDIA for a in found_actors(text))


def test_a_line_in_capitals_ending_in_an_outlet_word_names_the_outlet() -> None:
    text = ("What the papers say\n\nTHE RIVER COURIER (Vientiane)\n\nThe Courier leads on "
            "the dam. It says the project is late.\n\nDELTA EVENING STANDARD\n\nThe "
            "Standard says the border stays shut.\n\nELSEWHERE\n\nThe Lakeside Review "
            "writes that talks have stalled.")
    media = [(a.name, a.span.text) for a in found_actors(text) if a.type is ActorType.MEDIA]
    assert ("The River Courier", "THE RIVER COURIER") in media
    assert ("Delta Evening Standard", "DELTA EVENING STANDARD") in media
    assert ("The River Courier", "The Courier") in media
    assert ("Delta Evening Standard", "The Standard") in media
    assert ("The Lakeside Review", "The Lakeside Review") in media
    assert not any(name.lower() == "elsewhere" for name, _ in media)


def test_a_glossarys_gloss_after_a_term_and_a_dash_is_a_label() -> None:
    text = ("Glossary of the timber dispute\n\n"
            "1. 许可证要求 (xǔkězhèng yāoqiú) — licence requirement\n"
            "Bhutan's officials use the word for any limit on timber sales abroad.\n")
    begin = text.index("licence requirement")
    gloss = Span(begin, begin + len("licence requirement"), "licence requirement")
    assert section_label(cast(Context, SimpleNamespace(text=text)), gloss)
    told = "Nepal said on Monday — licence requirement\n"
    begin = told.index("licence")
    assert not section_label(cast(Context, SimpleNamespace(text=told)),
                             Span(begin, begin + len("licence requirement"),
                                  "licence requirement"))


# -- travel, transport, labour and border steps ------------------------------------------------

RUSSIA = actor("Russia", "state", "Russia", "Moscow")
TURKEY = actor("Turkey", "state", "Turkey", "Ankara")


def _steps(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.type.value, m.issuer, m.span.text)
            for m in measures_in(text, [RUSSIA, TURKEY], [], date="2015-11-29")]


def test_a_decrees_travel_and_labour_steps_are_measures() -> None:
    for text in ("Russia halted charter flights between the two countries on Saturday.",
                 "Russia suspended visa-free travel for Turkish citizens on Saturday.",
                 "Russia barred employers from hiring new Turkish workers on Saturday."):
        assert [(kind, issuer) for kind, issuer, _ in _steps(text)] == [("other", "Russia")]


def test_an_airspace_a_land_crossing_and_a_treaty_in_abeyance_are_measures() -> None:
    found = _steps("Turkey answered on Friday by closing its airspace to Russian airlines. "
                   "Russia closed the Sarp land crossing and put the Kars Treaty \"in "
                   "abeyance\" on Saturday.")
    assert ("other", "Turkey") in [(kind, issuer) for kind, issuer, _ in found]
    assert sum(1 for kind, issuer, _ in found if (kind, issuer) == ("other", "Russia")) >= 1


def test_a_fishing_ban_is_a_measure() -> None:
    found = _steps("Turkey will apply its annual fishing ban in the Black Sea from May 1.")
    assert [(kind, issuer) for kind, issuer, _ in found] == [("other", "Turkey")]
