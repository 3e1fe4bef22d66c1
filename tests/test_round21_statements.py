"""Unnamed people of a trade who speak (round 21): who says the words when no name is given.

* a role of the trade ("manager", "trader", "broker", "lawyer") names an unnamed source, with
  a modifier ("a purchasing manager", "a procurement manager", "one Lisbon-based broker")
  or, bare, described by the company the person works at ("an executive at a Porto
  shipping house");
* the employer may open with a place ("a Porto trading house", "a Lisbon-based tile
  maker") and end with where it is ("at a tile maker in Braga"), which belong to the
  description; the words of its size ("mid-sized") do not name it;
* one person is named by the role, or by the employer too when the role is a bare noun;
* the verb may come before its subject after a quote ('"...," said a procurement manager'),
  but not in running text ("the ministry said a senior official would visit");
* a possessive after the employer's words makes them the owner of the employer, not the
  employer ("a cork growers' association");
* people described by what they know speak under that description ("people familiar with
  the matter said", "a person close to the port authority told ...", "according to two
  people briefed on the talks"), but not when an outlet cites them ("citing people
  familiar with the matter": the outlet's report), nor "the person close to ..." (someone
  already told), nor people who are only met ("met people close to the minister").

Invented texts and places-as-written only; the actor tables are the project's own.
"""

from __future__ import annotations

from extract_support import article

from kg.extract import extract
from kg.extract.actors import find_actors
from kg.model import ActorMention, StatementMention


def unnamed(text: str) -> list[tuple[str, str]]:
    """(name, surface) of each unnamed person the actor extractor finds in ``text``."""
    found: list[ActorMention] = find_actors(article(text, date="2026-03-02"))[0]
    return [(m.name, m.span.text) for m in found if m.name.startswith("unnamed ")]


def said(text: str) -> list[tuple[str | None, str]]:
    """(speaker, words) of each statement of ``text``."""
    statements: list[StatementMention] = extract(article(text, date="2026-03-02")).statements
    return [(s.speaker, s.span.text) for s in statements]


def test_a_purchasing_manager_at_a_company_speaks_under_the_role() -> None:
    text = ("Deliveries of cork slowed this week. A purchasing manager at a mid-sized tile maker "
            "in Braga, who asked not to be named, said his company had about five weeks of "
            "stock on hand.")
    assert unnamed(text) == [("unnamed purchasing manager",
                              "A purchasing manager at a mid-sized tile maker in Braga")]
    assert said(text) == [("unnamed purchasing manager",
                           "his company had about five weeks of stock on hand")]


def test_a_bare_executive_at_a_company_is_named_with_the_employer() -> None:
    text = ("Prices rose again. An executive at a Porto trading house said its partners had "
            "been told informally to wait on new orders.")
    assert unnamed(text) == [("unnamed trading house executive",
                              "An executive at a Porto trading house")]
    assert said(text)[0][0] == "unnamed trading house executive"


def test_a_bare_role_with_no_employer_names_no_source() -> None:
    assert unnamed("Prices rose. A manager said the cost of cork had doubled.") == []


def test_the_size_of_an_employer_is_no_part_of_a_groups_name() -> None:
    text = ("Executives at two mid-sized tile makers said their stock of cork would last a "
            "month.")
    assert unnamed(text)[0][0] == "unnamed tile maker executives"


def test_a_place_based_modifier_and_a_quote_before_said_name_the_source() -> None:
    text = ('Prices rose. "This takes a lot of cork out of the market," said one Lisbon-based '
            'broker.')
    assert unnamed(text) == [("unnamed Lisbon-based broker", "one Lisbon-based broker")]
    assert said(text) == [("unnamed Lisbon-based broker",
                           "This takes a lot of cork out of the market")]


def test_a_procurement_manager_after_said_with_a_place_based_employer() -> None:
    text = ('Stocks fell. "We cannot get any cork," said a procurement manager at a '
            'Braga-based tile maker.')
    assert unnamed(text)[0][0] == "unnamed procurement manager"


def test_a_trade_lawyer_speaks() -> None:
    text = "Exports stalled. A trade lawyer in Porto said the rule was defined by the buyer."
    assert said(text) == [("unnamed trade lawyer", "the rule was defined by the buyer")]


def test_said_before_a_subject_in_running_text_is_no_source() -> None:
    assert unnamed("The agency said a senior official would visit the port next week.") == []


def test_a_possessive_after_the_employer_words_owns_the_employer() -> None:
    text = ('"It is less bad," said an official at a cork growers\' association in Braga, '
            'who asked not to be named.')
    assert unnamed(text) == []


def test_people_familiar_with_the_matter_say_the_words() -> None:
    text = "The cork quota will be cut in May, people familiar with the matter said."
    assert said(text) == [("unnamed people familiar with the matter",
                           "The cork quota will be cut in May")]


def test_a_person_close_to_a_body_tells_an_outlet() -> None:
    text = ("Prices rose. A person close to the port authority told the Gazette that the "
            "authorities are weighing tighter checks.")
    assert said(text) == [("unnamed person close to the port authority",
                           "the authorities are weighing tighter checks")]


def test_according_to_people_briefed_on_the_talks() -> None:
    text = "The quota talks stalled on Friday, according to two people briefed on the talks."
    assert unnamed(text) == [("unnamed people briefed on the talks",
                              "two people briefed on the talks")]


def test_people_an_outlet_cites_are_no_speaker_of_their_own() -> None:
    text = ("The Gazette reported, citing people familiar with the matter, that the quota "
            "would be cut.")
    assert unnamed(text) == []


def test_people_only_met_or_already_told_are_no_source() -> None:
    assert unnamed("She met people close to the minister in May.") == []
    assert unnamed("Prices rose. The person close to the minister said nothing new.") == []
