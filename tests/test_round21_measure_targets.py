"""Measure targets of round 21, each in invented words.

A response (a protest, a WTO case, a downgrade of ties, a recalled envoy, retaliation)
answers the measure aimed at its own side when the article names one; one that answers no
measure of the article aims at the last other state named before it.  An advisory, an
import ban or a protest naming no target takes the one target of the measures its sentence
tells the same side took.  The European Union acts as a state: a duty on EU goods aims at
it.
"""

from __future__ import annotations

from extract_support import actor, measures_in, parties_of

BRAZIL = actor("Brazil", "state", "Brazil", "Brasilia", "Brazilian")
PERU = actor("Peru", "state", "Peru", "Lima", "Peruvian")
CHILE = actor("Chile", "state", "Chile", "Santiago", "Chilean")
BOLIVIA = actor("Bolivia", "state", "Bolivia", "La Paz")
EU = actor("European Union", "organization", "European Union", "EU")
CONSUL = actor("Chilean consul general in Lima", "person", "Chile's consul general in Lima",
               affiliation="Chile")
TABLE = [BRAZIL, PERU, CHILE, BOLIVIA, EU, CONSUL]
GOODS = [{"name": "soybeans", "category": "other", "forms": ["soybeans", "soybean"]},
         {"name": "wine", "category": "other", "forms": ["wine"]},
         {"name": "brandy", "category": "other", "forms": ["brandy"]}]


def summary(text: str) -> list[tuple[str, str | None, str | None]]:
    """(type, issuer, target) of each measure of ``text``, in text order."""
    return parties_of(measures_in(text, TABLE, GOODS, date="2026-05-20"))


def test_a_wto_case_answers_the_measure_aimed_at_its_own_side() -> None:
    text = ("Brazil imposed a 25% tariff on goods from Peru on Saturday. Chile answered on "
            "Sunday with an import ban on Brazilian wine. Peru said on Monday it "
            "will file a complaint at the World Trade Organization.")
    found = summary(text)
    cases = [t for t in found if t[1] == "Peru"]
    assert cases and all(target == "Brazil" for _, _, target in cases), found


def test_a_protest_answering_no_measure_aims_at_the_state_named_before_it() -> None:
    text = ("Timeline\n\n3 May - Chile's consul general in Lima posts a message calling the "
            "Peruvian president a danger to the region.\n\n"
            "4 May - Lima lodges a protest and demands an apology.")
    found = summary(text)
    assert ("protest", "Peru", "Chile") in found, found


def test_a_downgrade_of_ties_answers_the_state_named_before_it() -> None:
    text = ("Bolivia allowed a trade office to open in La Paz under a name Brasilia "
            "rejects. In November, Brazil downgraded diplomatic ties to the level of "
            "chargés d'affaires.")
    found = summary(text)
    assert any(issuer == "Brazil" and target == "Bolivia" for _, issuer, target in found), found


def test_a_response_with_no_other_state_before_it_stays_untargeted() -> None:
    text = "Brazil said on Monday it would take the matter to the World Trade Organization."
    found = summary(text)
    assert all(target is None for _, _, target in found), found


def test_an_import_ban_takes_the_target_its_sentence_gives_the_same_sides_advisory() -> None:
    text = ("Lima told its citizens to avoid travel to Chile, it halted soybean imports on "
            "3 May, and its education ministry warned students against studying there.")
    found = summary(text)
    assert ("import_ban", "Peru", "Chile") in found, found


def test_an_export_control_does_not_take_its_sentences_target() -> None:
    text = ("Lima told its citizens to avoid travel to Chile, and it has required export "
            "licences for soybean shipments since 3 May.")
    found = summary(text)
    assert ("travel_advisory", "Peru", "Chile") in found, found
    assert all(target is None for kind, _, target in found if kind == "export_control"), found


def test_a_duty_on_eu_goods_aims_at_the_eu() -> None:
    text = ("From 11 May, importers of EU brandy must lodge deposits of 30% with Peruvian "
            "customs under provisional anti-dumping measures Lima announced on 8 May.")
    found = summary(text)
    assert any(issuer == "Peru" and target == "European Union"
               for _, issuer, target in found), found
