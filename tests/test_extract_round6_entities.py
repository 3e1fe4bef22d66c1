"""Round 6 families of the actor, citation and figure extractors, each shown on a text
written for it (other names and wording than the tuning articles)."""

from __future__ import annotations

from extract_support import article as _article
from extract_support import cited_names as _cited
from extract_support import figure_units as _figures
from extract_support import found_actors as _actors

from kg.extract.actors import find_actors
from kg.extract.citations import find_citations
from kg.ingest import parse_article
from kg.model import ActorType

# --- actors ---------------------------------------------------------------------------

def test_a_wire_style_apposition_without_article_may_hold_noun_modifiers() -> None:
    found = _actors("Lena Hofmann, senior commodities analyst at Brightwater Partners, "
                    "said cobalt prices would keep climbing.")
    assert ("Lena Hofmann", ActorType.PERSON) in {(a.name, a.type) for a in found}


def test_a_name_before_a_relative_clause_on_who_is_a_person() -> None:
    found = _actors("Piet Van Dam, who runs a magnet workshop near Eindhoven, expects "
                    "shortages by the summer.")
    assert ("Piet Van Dam", ActorType.PERSON) in {(a.name, a.type) for a in found}


def test_a_name_before_which_is_not_taken_for_a_person() -> None:
    found = _actors("The Baltic Freight Council, which met in Riga, agreed on nothing.")
    assert all(a.type is not ActorType.PERSON for a in found)


def test_a_state_s_agency_named_after_the_state_is_a_government_body() -> None:
    found = {(a.name, a.type) for a in _actors(
        "The Japan Fisheries Agency said scallop exports had stalled.")}
    assert ("Japan Fisheries Agency", ActorType.GOVERNMENT_BODY) in found


def test_a_korean_ministry_is_named_with_its_state_like_the_seeds_name_bodies() -> None:
    names = {a.name for a in _actors(
        "South Korea's Ministry of Trade, Industry and Energy met carmakers on Monday.")}
    assert "Ministry of Trade, Industry and Energy of South Korea" in names


# --- cited sources --------------------------------------------------------------------

def test_a_body_attributing_a_sentence_about_someone_else_is_cited() -> None:
    cited = _cited("Deputy Minister Lee Jae-won handed a note to Ambassador Tanaka Kenji "
                   "on Friday, the Korea Trade Promotion Agency said.")
    assert "Korea Trade Promotion Agency" in cited


def test_a_body_attributing_an_amount_is_cited() -> None:
    assert "Japan Fisheries Agency" in _cited(
        "Scallop shipments fell 38% last year, the Japan Fisheries Agency says.")


def test_a_body_attributing_its_own_position_is_not_cited() -> None:
    assert "Japan Fisheries Agency" not in _cited(
        "The curbs are unjustified and must be lifted, the Japan Fisheries Agency said.")


def test_modelling_and_polls_by_an_organisation_cite_it() -> None:
    cited = _cited("Modelling by Harrowgate Policy Institute suggests output would fall. "
                   "A poll by Lindenau Research Centre found most firms worried.")
    assert {"Harrowgate Policy Institute", "Lindenau Research Centre"} <= cited


def test_the_unit_after_a_possessive_in_a_citing_frame_is_the_source() -> None:
    cited = _cited("Output fell by a fifth, according to Brightwater Partners's Institute "
                   "for Metals Policy.")
    assert "Institute for Metals Policy" in cited
    assert "Brightwater Partners" not in cited


def test_a_body_s_statistics_with_a_modifier_cite_it() -> None:
    assert "Ministry of Finance of Japan" in _cited(
        "Japan's Ministry of Finance customs statistics show cobalt imports doubled.")


# --- figures --------------------------------------------------------------------------

def test_a_rate_after_a_converted_amount_applies_to_both_amounts() -> None:
    found = _figures("Cobalt hydroxide sold for 212,000 yuan (US$29,100) per tonne.")
    assert {("212000", "CNY per tonne"), ("29100", "USD per tonne")} <= found


def test_dollars_named_by_their_country_are_that_currency() -> None:
    found = _figures("The fund pledged 350 million Canadian dollars to the refinery.")
    assert ("350000000", "CAD") in found


def test_a_body_giving_an_amount_in_the_past_tense_is_its_own_finding() -> None:
    assert "Japan Fisheries Agency" not in _cited(
        "Imported scallops undercut local catches by 20%, the Japan Fisheries Agency said.")


def test_an_infinitive_before_report_is_no_data_modifier() -> None:
    assert "Hanover Cable Works" not in _cited(
        "The ministry asked Hanover Cable Works to report any delays.")


# --- the article's own outlet ---------------------------------------------------------

def test_a_byline_field_between_separators_is_the_article_s_own_outlet() -> None:
    text = ("Cobalt squeeze deepens\nBy Anna Berg | Japan Metals Review | March 3, 2026\n\n"
            "Cobalt prices rose again, Reuters reported.")
    article = _article(text)
    actors = find_actors(article)[0]
    assert ("Japan Metals Review", ActorType.MEDIA) in {(a.name, a.type) for a in actors}
    cited = {c.name for c in find_citations(article, actors)}
    assert "Reuters" in cited and "Japan Metals Review" not in cited


def test_a_header_publisher_opened_by_a_state_s_name_is_one_outlet() -> None:
    article = parse_article(b"title: Cobalt\ndate: 2026-03-03\npublisher: Korea Sentinel\n"
                            b"---\nAn analyst told Korea Sentinel that cobalt was scarce.\n",
                            identifier="round6.txt")
    names = {(a.name, a.type) for a in find_actors(article)[0]}
    assert ("Korea Sentinel", ActorType.MEDIA) in names


def test_a_place_based_descriptor_in_a_citing_frame_is_skipped() -> None:
    cited = _cited("Cobalt rose 3%, according to Rotterdam-based price reporting agency "
                   "Delft Metals Data. Nickel fell, according to Oslo-based Fjord Trading "
                   "Partners.")
    assert {"Delft Metals Data", "Fjord Trading Partners"} <= cited
    assert not any(name.endswith("-based") for name in cited)


def test_a_name_set_off_by_commas_after_a_title_and_its_complement_is_a_person() -> None:
    found = _actors("Norway's minister for trade and industry, Lars Holm, visited Oslo "
                    "on Friday.")
    assert ("Lars Holm", ActorType.PERSON) in {(a.name, a.type) for a in found}


def test_places_listed_with_commas_are_no_person() -> None:
    found = _actors("Demand rose in Europe, North America and Asia.")
    assert all(a.type is not ActorType.PERSON for a in found)


def test_a_qualified_stretch_after_for_is_a_duration_whatever_follows() -> None:
    assert ("3", "weeks") in _figures(
        "Customs held the cargo for about three weeks after the inspection.")
    assert not any(unit == "weeks" for _, unit in _figures(
        "Exports resumed about three weeks after the inspection."))


def test_a_stockpile_target_in_days_is_a_duration() -> None:
    assert ("90", "days") in _figures("The agency's target is 90 days of imports.")


def test_distances_are_in_km() -> None:
    assert ("1200", "km") in _figures("The atoll lies some 1,200 kilometres offshore.")


def test_several_hundred_gives_no_number() -> None:
    assert not _figures("The ministry wrote to several hundred exporters on Monday.")
    assert ("100", "companies") in _figures("A hundred exporters signed the letter.")


def test_a_generic_body_term_after_a_state_opens_an_agency_s_proper_name() -> None:
    found = {(a.name, a.type) for a in _actors(
        "The Taiwan Customs Service said no cargo had been held.")}
    assert ("Taiwan Customs Service", ActorType.GOVERNMENT_BODY) in found


def test_an_abbreviated_legal_form_keeps_its_period_in_the_mention() -> None:
    found = {(a.name, a.span.text) for a in _actors(
        "Orders went to Fjordane Cobalt Refining Corp. in March.")}
    assert ("Fjordane Cobalt Refining", "Fjordane Cobalt Refining Corp.") in found


def test_a_header_publisher_with_legal_forms_and_periods_is_a_company() -> None:
    article = parse_article(b"title: Notice\ndate: 2026-03-03\npublisher: Fjordane Cobalt "
                            b"Refining Co., Ltd.\n---\nFjordane Cobalt Refining Co., Ltd. "
                            b"expects no delay.\n", identifier="round6.txt")
    found = {(a.name, a.type) for a in find_actors(article)[0]}
    assert ("Fjordane Cobalt Refining", ActorType.COMPANY) in found


def test_a_name_of_two_words_after_a_title_and_at_is_the_employer() -> None:
    found = {(a.name, a.type) for a in _actors(
        "Ola Nordmann, a tax lawyer at Brekke & Voll in Bergen, said so.")}
    assert ("Brekke & Voll", ActorType.ORGANIZATION) in found
