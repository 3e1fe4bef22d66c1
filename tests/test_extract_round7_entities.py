"""Round 7 families of the actor, citation and figure extractors, each shown on a text
written for it (other names, bodies and wording than the tuning articles)."""

from __future__ import annotations

from extract_support import cited_names as _cited
from extract_support import figure_units as _figures
from extract_support import found_actors as _actors

from kg.model import ActorType


def _typed(text: str) -> dict[str, ActorType]:
    return {a.name: a.type for a in _actors(text)}


# --- committees ----------------------------------------------------------------------

def test_a_chamber_committee_with_its_field_is_one_body_without_fragments_or_parent() -> None:
    found = _typed("Senators questioned the envoy for three hours at a session of the Senate "
                   "Committee on Banking, Housing and Urban Affairs in Washington.")
    name = "Senate Committee on Banking, Housing and Urban Affairs"
    assert found.get(name) is ActorType.GOVERNMENT_BODY
    assert not any("Urban Affairs" in n or n.startswith("Senate of") for n in found
                   if n != name)


def test_a_committee_of_a_known_body_after_of_is_named_in_full() -> None:
    found = _typed("The Steering Committee of the House of Councillors set the agenda on "
                   "Monday.")
    assert found.get("Steering Committee of the House of Councillors") \
        is ActorType.GOVERNMENT_BODY
    assert "House of Councillors" not in found


def test_a_capitalised_committee_tied_to_no_body_names_no_actor() -> None:
    found = _typed("Committee chair Aiko Tanabe said the hearing would resume on Friday.")
    assert not any("Committee" in n for n in found)
    assert found.get("Aiko Tanabe") is ActorType.PERSON


def test_ministers_of_a_bare_body_do_not_name_the_body() -> None:
    text = ("Opposition lawmakers in Tokyo grilled cabinet ministers on Friday about the "
            "rice shortage.")
    assert not any("Cabinet" in n for n in _typed(text))


def test_its_before_a_state_body_is_the_one_state_the_sentence_names() -> None:
    found = _typed("Tokyo objected, pointing to its Supreme Court's 2021 decision on the "
                   "fishing rights.")
    assert found.get("Supreme Court of Japan") is ActorType.GOVERNMENT_BODY
    unsure = _typed("Canberra said it would ask Tokyo, through its embassy, to explain the "
                    "delay.")
    assert not any("Embassy" in n for n in unsure)


def test_a_union_s_commission_is_named_from_the_union_in_the_sentence() -> None:
    found = _typed("EU and Canadian negotiators will meet in Ottawa next week, according to "
                   "a Commission official.")
    assert "European Commission" in found


# --- organisations and outlets -------------------------------------------------------

def test_a_known_outlet_s_regional_edition_is_an_outlet_of_its_own() -> None:
    text = "Port congestion in Jeddah eased this week, Bloomberg Middle East reported."
    assert _typed(text).get("Bloomberg Middle East") is ActorType.MEDIA
    assert "Bloomberg Middle East" in _cited(text)


def test_a_research_centre_named_for_its_field_is_an_organisation_and_its_analysts_cite_it(
) -> None:
    text = ("Analysts at Eastgate Maritime Studies and elsewhere expect freight rates to "
            "climb.")
    assert _typed(text).get("Eastgate Maritime Studies") is ActorType.ORGANIZATION
    assert "Eastgate Maritime Studies" in _cited(text)


def test_a_partnership_whose_field_advises_is_an_organisation_else_a_company() -> None:
    found = _typed('"Prices will stay high," said Tomoko Arai, an analyst at Northfield '
                   'Policy Partners. Haldane Partners, a shipping investor, disagreed.')
    assert found.get("Northfield Policy Partners") is ActorType.ORGANIZATION
    assert found.get("Haldane Partners") is ActorType.COMPANY


# --- cited sources -------------------------------------------------------------------

def test_companies_reporting_their_own_sales_are_not_cited() -> None:
    cited = _cited("Makers such as Orion Fluorochem Industries and Sakai Kasei Industries "
                   "reported steep falls in shipments to Korea.")
    assert not cited


def test_a_research_firm_reporting_a_market_move_is_still_cited() -> None:
    assert "Halvorsen Metals Research" in _cited(
        "Halvorsen Metals Research reported that tungsten prices rose 12% in March.")


def test_a_body_reporting_what_its_own_inquiry_found_is_cited() -> None:
    text = ("Japan's agriculture ministry said on Monday it had found no trace of the "
            "pesticide in the scallop shipments.")
    assert "Ministry of Agriculture, Forestry and Fisheries of Japan" in _cited(text)


def test_a_company_reporting_its_own_finding_is_not_cited() -> None:
    assert not _cited("Kestrel Magnet Industries said on Monday it had found alternative "
                      "suppliers in Vietnam.")


# --- figures -------------------------------------------------------------------------

def test_firms_are_counted_as_companies() -> None:
    assert ("250", "companies") in _figures(
        "The chamber polled roughly 250 firms in the Kansai region.")


def test_a_part_before_its_whole_counts_the_whole_s_noun() -> None:
    found = _figures("An official said about 25 of the roughly 250 firms polled reported "
                     "delays, and the federation said about 12 of its member firms had "
                     "cut output.")
    assert {("25", "companies"), ("250", "companies"), ("12", "companies")} <= found


def test_a_small_count_in_words_picking_examples_is_no_part() -> None:
    found = _figures("What I can say is that two of the firms I visited had stopped "
                     "hiring.")
    assert not any(value == "2" for value, _ in found)


def test_bare_products_of_a_list_are_items_but_a_class_keeps_its_noun() -> None:
    found = _figures("Officials are compiling a list of about 150 products at risk. Beijing "
                     "also licenses four tungsten products.")
    assert ("150", "items") in found
    assert ("4", "products") in found


def test_a_bare_number_glossed_by_the_number_of_counts_that_noun() -> None:
    assert ("45", "days") in _figures(
        "Figure of the day: 45 — the number of days of imports the reserve could cover.")
