"""Actors, cited sources, materials and figures of round 18, each in invented words.

Names written with initials ("R. K. Menon", "Anil K. Rao") are whole names; a month that
is also a given name opens a full name ("May Lindqvist Aune"); a person alone on a line
beside the line of their office signs the document, and the line under the office names
the body they sign for.  An acronym after "according to" closing a sentence that reports
someone's words is the outlet relaying them.  A city after a market ("the exchange in
Paris") is where the market is.  The publisher of a numbered reference entry with a quoted
title is a cited outlet; a body that "says" an amount is its source.  Nuclear fuel, gas,
flour and spherical graphite are goods; metal prices per mtu, per lb and per separative
work unit are rates, and "2,5 billion" has a decimal comma.  A flag rank ("Commodore") is
a title; "the Department of Foreign Affairs" alone is the story's state's ministry; troops
of coordinated nationalities ("Filipino, American and French troops") are no one state's
forces.
"""

from __future__ import annotations

from extract_support import article, cited_names, figure_units, found_actors

from kg.extract.materials import find_materials
from kg.model import ActorType


def people(text: str) -> list[str]:
    """Names of the people the actor extractor finds in ``text``, in text order."""
    return [a.name for a in found_actors(text) if a.type is ActorType.PERSON]


def actors_of(text: str) -> set[tuple[str, str]]:
    """(name, type) of every actor found in ``text``."""
    return {(a.name, a.type.value) for a in found_actors(text)}


def goods(text: str) -> set[str]:
    """Names of the materials found in ``text``."""
    return {m.name for m in find_materials(article(text))}


def test_initials_belong_to_the_name() -> None:
    text = ("Port secretary R. K. Menon told reporters the quota was final. "
            "Deputy minister Anil K. Rao said the same. Menon left early.")
    assert people(text) == ["R. K. Menon", "Anil K. Rao", "R. K. Menon"]


def test_an_initial_is_no_name_to_refer_back_by() -> None:
    text = ("Port secretary R. K. Menon told reporters the quota was final. "
            "The board chose plan B. Then it adjourned.")
    assert people(text) == ["R. K. Menon"]


def test_a_month_that_is_a_given_name_opens_a_full_name() -> None:
    text = "Fisheries minister May Lindqvist Aune said the quota would stay."
    assert people(text) == ["May Lindqvist Aune"]


def test_a_month_after_a_preposition_of_time_stays_a_month() -> None:
    text = "In May Lindqvist Aune Holdings cut its quota, the filing showed."
    assert "May Lindqvist Aune" not in people(text)


def test_office_line_then_name_line_is_a_signatory() -> None:
    text = ("The decree enters into force on signature.\n\n"
            "Chairman of the Council of Ministers\n"
            "T. Varga\n")
    assert people(text) == ["T. Varga"]


def test_name_line_then_office_line_signs_for_the_body_below() -> None:
    text = ("Members should report delays to the Secretariat.\n\n"
            "Yours faithfully,\n\n"
            "Oskar Lindfors\n"
            "Secretary General\n"
            "Nordic Cobalt Users Association\n")
    found = actors_of(text)
    assert ("Oskar Lindfors", "person") in found
    assert ("Nordic Cobalt Users Association", "organization") in found
    assert "cobalt" not in goods(text)  # a word of the body's name, not the good


def test_acronym_relaying_a_quoted_speaker_is_an_outlet() -> None:
    text = ('Trade minister Ola Brekke said the ruling "shows the rules hold", '
            "according to FJX.")
    assert ("FJX", "media") in actors_of(text)
    assert "FJX" in cited_names(text)


def test_acronym_after_according_to_without_speaker_is_an_organisation() -> None:
    text = "Cobalt demand will double by 2030, according to QMRC."
    assert ("QMRC", "organization") in actors_of(text)


def test_capital_after_a_market_is_where_the_market_is() -> None:
    text = "Rye futures on the Euronext exchange in Paris rose to a record on Monday."
    assert ("France", "state") not in actors_of(text)


def test_publisher_of_a_quoted_reference_entry_is_cited() -> None:
    text = ("The ban was imposed in May.[1] Exports fell.[2]\n\n"
            "References\n"
            '1. "Rye exports halted". The Harbour Ledger Daily. 14 May 2022.\n'
            '2. "Order No. 7 dated 13 May 2022". Directorate General of Foreign Trade. '
            "13 May 2022.\n")
    assert ("The Harbour Ledger Daily", "media") in actors_of(text)
    assert cited_names(text) == {"The Harbour Ledger Daily",
                                 "Directorate General of Foreign Trade"}


def test_quoted_title_in_prose_is_no_reference_entry() -> None:
    text = 'The minister called it "a fair rule". Rye Growers Union said it would appeal.'
    assert "Rye Growers Union" not in cited_names(text)


def test_a_body_that_says_an_amount_is_its_source() -> None:
    text = ("Ivo Stam of the Lentil Growers Council of Ruritania spoke first. "
            "The council says buyers took about 1.2 million tonnes last year.")
    assert "Lentil Growers Council of Ruritania" in cited_names(text)


def test_a_body_that_says_an_opinion_is_not_cited() -> None:
    text = ("Ivo Stam of the Lentil Growers Council of Ruritania spoke first. "
            "The council says the duty is unfair.")
    assert "Lentil Growers Council of Ruritania" not in cited_names(text)


def test_nuclear_fuel_and_strategic_metals_are_goods() -> None:
    text = ("The decree restricts exports of enriched uranium; the earlier law bans "
            "low-enriched uranium, and officials named uranium, titanium and nickel.")
    assert {"enriched uranium", "low-enriched uranium", "uranium", "titanium",
            "nickel"} <= goods(text)


def test_gas_flour_and_spherical_graphite_are_goods() -> None:
    text = ("Tariffs hit liquefied natural gas. The curbs reached wheat flour (atta) and "
            "spherical graphite.")
    assert {"liquefied natural gas", "wheat flour", "spherical graphite"} <= goods(text)


def test_nuclear_fuel_bodies_and_firms_are_known() -> None:
    text = ("Tenex, a Rosatom subsidiary, will review contracts; Centrus Energy applied for "
            "licences, the Federal Customs Service checks shipments, and the US Department "
            "of Energy has not commented.")
    found = actors_of(text)
    assert {("Tenex", "company"), ("Rosatom", "company"), ("Centrus Energy", "company"),
            ("Federal Customs Service", "government_body"),
            ("United States Department of Energy", "government_body")} <= found
    assert ("United States Customs and Border Protection", "government_body") not in found


def test_metal_and_fuel_price_units_are_rates() -> None:
    text = ("Paratungstate eased to 1,940 yuan per mtu. Bismuth fetched $7.85 per lb. "
            "Enrichment cost above $170 per separative work unit.")
    assert {("1940", "CNY per mtu"), ("7.85", "USD per lb"),
            ("170", "USD per SWU")} <= figure_units(text)


def test_decimal_comma_before_a_scale_word() -> None:
    text = "The conversion could cost the operators 2,5 billion Euro, the industry said."
    assert ("2500000000", "EUR") in figure_units(text)


def test_thousands_comma_is_still_a_thousands_comma() -> None:
    text = "Shipments reached 2,500 tonnes in March."
    assert ("2500", "tonnes") in figure_units(text) or \
        ("2500", "metric tons") in figure_units(text)


def test_a_flag_rank_is_a_title() -> None:
    text = "The host talks to retired Commodore Ramon Idalgo about the clash. Idalgo agreed."
    assert people(text) == ["Ramon Idalgo", "Ramon Idalgo"]


def test_department_of_foreign_affairs_alone_is_the_story_states() -> None:
    text = ("A Philippine supply boat was rammed near the shoal; Manila says rifles were "
            "seized.\nThe Department of Foreign Affairs lodged a protest on Wednesday.")
    assert ("Department of Foreign Affairs of the Philippines", "government_body") \
        in actors_of(text)


def test_troops_of_coordinated_nationalities_are_no_one_states_forces() -> None:
    text = "The drills drew 9,000 Filipino, American and French troops."
    assert not any(name.startswith("Armed Forces") for name, _ in actors_of(text))


def test_troops_of_one_nationality_are_its_forces() -> None:
    text = "French troops joined the drills on Monday."
    assert ("Armed Forces of France", "government_body") in actors_of(text)
