"""Actors of records and lists that are no news prose: credit lines, lists of
participants, members named with their seats, a group's units, and reference bodies of
export control.  One phenomenon per test, each in an inline text written for it."""

from __future__ import annotations

from kg.extract.actors import find_actors
from kg.model import ActorMention, Article, ArticleMetadata


def _found(text: str, publisher: str | None = None) -> list[ActorMention]:
    meta = ArticleMetadata(publisher=publisher)
    return find_actors(Article(identifier="inline.txt", text=text, metadata=meta))[0]


def _by_surface(text: str, publisher: str | None = None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in _found(text, publisher):
        out.setdefault(m.span.text, set()).add(m.name)
    return out


def test_the_cities_of_a_credit_line_are_where_reporters_filed_not_governments() -> None:
    text = ("Tokyo raised its tariff on Friday.\n\n(Reporting by Aiko Mori in Tokyo; "
            "Additional reporting by Paul Keane in Brussels and Lin Qiu in Beijing; "
            "Editing by Ruth Ames)")
    found = _by_surface(text)
    assert "Brussels" not in found and "Beijing" not in found
    assert found["Tokyo"] == {"Japan"}  # the first sentence's Tokyo still acts
    assert {"Aiko Mori", "Paul Keane", "Lin Qiu"} <= {n for v in found.values() for n in v}


def test_an_agreement_reached_in_a_capital_names_the_place_not_its_government() -> None:
    text = ("Exporters hope that the truce in Geneva between the two sides holds, and the "
            "deal in Canberra in May set the quotas.")
    names = {m.name for m in _found(text)}
    assert "Switzerland" not in names and "Australia" not in names


def test_a_known_groups_name_followed_by_a_line_of_business_is_its_unit() -> None:
    text = ("The list names Northrop Grumman Mission Systems, Boeing Defense and "
            "Northrop Grumman Space and Launch Control among the targets, while Toyota Motor "
            "Corp was spared.")
    found = _by_surface(text)
    assert found["Northrop Grumman Mission Systems"] == {"Northrop Grumman Mission Systems"}
    assert found["Boeing Defense"] == {"Boeing Defense"}
    assert found["Northrop Grumman Space and Launch Control"] == {
        "Northrop Grumman Space and Launch Control"}
    assert found["Toyota Motor Corp"] == {"Toyota"}  # the company itself, its legal name


def test_a_list_of_participants_names_people_roles_and_employers() -> None:
    text = ("Participants\nKeiko Arai - Chief Executive Officer\n"
            "Tom Brandt - Analyst, Norwood Bay Securities\n\n"
            "Operator: We now hand over to Ms. Arai.\n\n"
            "Keiko Arai: Thank you. Sales fell in the quarter.\n")
    found = _found(text)
    listed = {m.name: m for m in found if m.span.begin < text.index("Operator")}
    assert listed["Keiko Arai"].role == "Chief Executive Officer"
    assert listed["Tom Brandt"].role == "Analyst"
    assert listed["Tom Brandt"].affiliation == "Norwood Bay Securities"
    # "Ms. Arai" is the participant named in full before
    assert {m.name for m in found if m.span.text == "Ms. Arai"} == {"Keiko Arai"}


def test_a_title_ending_its_line_gives_no_role_to_the_name_on_the_next_line() -> None:
    text = ("Keiko Arai - Chief Executive Officer\nTom Brandt - Analyst, Norwood Bay "
            "Securities\n")
    people = {m.name: m for m in _found(text) if m.type.value == "person"}
    assert people["Tom Brandt"].role == "Analyst"


def test_a_member_named_with_a_constituency_on_their_own_line_is_a_person() -> None:
    text = ("Tariffs: Ceramics\n\nMarian Holt (Stoke-on-Trent Central)\n"
            "To ask the Secretary of State what duties apply to Chinese tableware.\n")
    assert "Marian Holt" in {m.name for m in _found(text)}
    assert "Stoke-on-Trent Central" not in {m.name for m in _found(text)}


def test_the_company_in_a_companys_own_transcript_is_that_company() -> None:
    text = ("Kestrel Optics Inc. (NYSE: KOP)\nParticipants\n"
            "Tom Brandt - Analyst, Norwood Bay Securities\n\n"
            "Operator: Slides are on the website of the company.\n")
    found = _by_surface(text, publisher="Kestrel Optics Inc.")
    assert found.get("the company") == {"Kestrel Optics"}


def test_the_firms_of_a_military_are_no_mention_of_the_military() -> None:
    text = "The list covers 12 US military enterprises and two Chinese defence contractors."
    names = {m.name for m in _found(text)}
    assert "United States Armed Forces" not in names


def test_uk_export_control_units_are_their_own_bodies_not_another_states_customs() -> None:
    text = ("China tightened its rules. In London, HM Revenue and Customs fined three firms, "
            "the ECJU refused 40 licences and OTSI opened two cases.")
    found = _by_surface(text)
    assert found["HM Revenue and Customs"] == {"HM Revenue and Customs"}
    assert found["ECJU"] == {"Export Control Joint Unit"}
    assert found["OTSI"] == {"Office of Trade Sanctions Implementation"}
    assert "General Administration of Customs of China" not in {
        n for v in found.values() for n in v}


def test_states_of_mineral_disputes_and_their_capitals_are_known() -> None:
    text = ("Harare will ban lithium concentrate exports, Zambian officials said, and "
            "Uzbekistan was listed.")
    names = {m.name for m in _found(text)}
    assert {"Zimbabwe", "Uzbekistan"} <= names
