"""Generic names one state's body also bears ("Commerce Department"): resolved by the
state the text puts them in, one phenomenon per test, each in an inline text written for
it."""

from __future__ import annotations

from kg.extract.actors import find_actors
from kg.model import ActorMention, Article, ArticleMetadata


def _found(text: str, publisher: str | None = None) -> list[ActorMention]:
    meta = ArticleMetadata(publisher=publisher)
    return find_actors(Article(identifier="inline.txt", text=text, metadata=meta))[0]


def _names(text: str, surface: str, publisher: str | None = None) -> set[str]:
    return {m.name for m in _found(text, publisher) if surface in m.span.text}


def test_a_state_before_the_generic_department_name_says_whose_it_is() -> None:
    text = ("The Chinese Commerce Department spokeswoman told a briefing that the new rule on "
            "tungsten powders was lawful. Two weeks earlier the U.S. Commerce Department had "
            "tightened its own list.")
    assert _names(text, "Chinese Commerce Department") == {"Ministry of Commerce of China"}
    assert _names(text, "U.S. Commerce Department") == {"United States Department of Commerce"}


def test_a_notice_names_its_publishing_ministry_by_the_generic_name() -> None:
    # a machine-translated notice of the Chinese ministry: its issuer, not Washington's
    text = ("Announcement No. 12 on export control of tungsten items\n\n"
            "Export operators shall apply to the Commerce Department for a licence. The "
            "Commerce Department will punish exports without permission according to law.")
    names = _names(text, "Commerce Department",
                   publisher="Ministry of Commerce of the People's Republic of China (translated)")
    assert names == {"Ministry of Commerce of China"}


def test_a_bare_department_name_in_american_text_stays_the_us_department() -> None:
    text = ("Beijing warned of retaliation on Monday. The Commerce Department said it would "
            "review licences for shipments of lithography parts to Chinese fabs.")
    assert _names(text, "Commerce Department") == {"United States Department of Commerce"}
    names = _names(text, "Commerce Department", publisher="Harbour Street Journal")
    assert names == {"United States Department of Commerce"}


def test_a_translated_ministry_name_keeps_the_remit_before_the_word_ministry() -> None:
    text = ("Agriculture, Forestry and Fisheries Ministry officials met importers on Monday, "
            "and the Trade, Industry and Energy Ministry in Seoul issued a notice.")
    found = _found(text)
    names = {m.name for m in found}
    assert "Ministry of Agriculture, Forestry and Fisheries of Japan" in names
    assert "Ministry of Trade, Industry and Energy of South Korea" in names


def test_a_minister_named_family_name_first_in_a_translation_is_the_listed_minister() -> None:
    text = ("Hagiuda Koichi Economy, Trade and Industry Minister said at a press conference "
            "on the 5th that the ordinance would be revised.")
    assert "Koichi Hagiuda" in {m.name for m in _found(text)}


def test_a_bare_department_name_is_the_body_of_the_state_a_headline_gave_it() -> None:
    # a translated story: the headline says whose department it is, the body says it bare
    text = ("Beijing's Commerce Department puts 12 drone makers on its control list\n\n"
            "The Commerce Department on 9th issued an announcement adding 12 foreign "
            "entities. Exporters must apply to the Commerce Department for a licence.")
    found = [m for m in _found(text) if "Commerce Department" in m.span.text]
    assert len(found) == 3
    assert {m.name for m in found} == {"Ministry of Commerce of China"}


def test_a_translators_note_names_the_state_of_a_bare_department_name() -> None:
    text = ("(This text is translated from the Chinese original.)\n\n"
            "The Commerce Department said exports of tungsten powders need a licence from "
            "1 May.")
    assert _names(text, "Commerce Department") == {"Ministry of Commerce of China"}


def test_the_nearest_state_given_before_a_bare_department_name_wins() -> None:
    text = ("China's Commerce Department answered within hours. In Washington, the U.S. "
            "Commerce Department had widened its rule; the Commerce Department said more "
            "firms would follow.")
    found = [m for m in _found(text) if m.span.text == "Commerce Department"]
    assert {m.name for m in found} == {"United States Department of Commerce"}
