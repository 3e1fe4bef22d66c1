"""Round 19: actors, materials, cited sources and figures of new styles, in invented words.

Goods of consumer electronics, computing and farm produce that trade measures name (with
their place in the taxonomy, a product line's model number, and the bare words that name
no good); states and bodies the tables lacked; a rule's header labels, code citations and
executive orders that name no actor; the body a Federal Register header names as its
issuer, which the document does not cite; and figures written with weight pounds, decimal
commas and thousands points, powers of ten, a rupiah amount, a price per metric tonne and
a count of comments inside a sentence.
"""

from __future__ import annotations

from decimal import Decimal

from extract_support import article

from kg.extract.actors import find_actors
from kg.extract.citations import find_citations
from kg.extract.figures import find_figures
from kg.extract.materials import find_materials
from kg.extract.refdata import material_data


def goods(text: str) -> dict[str, str]:
    """Material name -> mention text of each material ``text`` names."""
    return {m.span.text: m.name for m in find_materials(article(text, date="2026-03-02"))}


def actors(text: str) -> dict[str, str]:
    """Mention text -> actor name of each actor ``text`` names."""
    found, _ = find_actors(article(text, date="2026-03-02"))
    return {a.span.text: a.name for a in found}


def figures(text: str) -> list[tuple[Decimal | None, str, str]]:
    """(value, unit, span) of each figure of ``text``."""
    art = article(text, date="2026-03-02")
    found, _ = find_actors(art)
    return [(f.value, f.unit, f.span.text) for f in find_figures(art, found)]


# -- materials ---------------------------------------------------------------------------

def test_computers_and_phones_a_licence_covers_are_goods_of_the_taxonomy() -> None:
    found = goods("Ruritania now requires a licence to import laptops, tablets and servers, "
                  "and a local-content certificate for every smartphone sold there.")
    assert found == {"laptops": "laptops", "tablets": "tablets", "servers": "servers",
                     "smartphone": "smartphones"}
    data = material_data()
    assert data.entries["laptops"].broader == "personal computers"
    assert data.entries["tablets"].broader == "personal computers"


def test_bare_computer_phone_and_ai_name_no_good() -> None:
    found = goods("The minister called a modern car a computer on wheels after a phone call "
                  "about the AI framework.")
    assert found == {}


def test_a_product_line_keeps_its_model_number() -> None:
    found = goods("Since May the Zephyr-made iPhone 17 cannot be sold in Ruritania.")
    assert found == {"iPhone 17": "iPhone"}
    assert material_data().entries["iPhone"].broader == "smartphones"


def test_farm_produce_an_export_ban_names_is_a_good() -> None:
    found = goods("Ruritania banned onion exports to keep domestic supplies of onions "
                  "adequate.")
    assert set(found.values()) == {"onions"}
    assert material_data().entries["onions"].broader == "vegetables"


def test_technologies_of_investment_screening_are_goods() -> None:
    found = goods("The rule covers artificial intelligence and quantum information "
                  "technologies, and AI systems trained with vast compute.")
    assert found == {"artificial intelligence": "artificial intelligence",
                     "quantum information technologies": "quantum technologies",
                     "AI systems": "artificial intelligence"}


def test_making_a_chip_is_no_chip() -> None:
    assert goods("Investors must notify mature-node chip production deals.") == {}


# -- actors and sources ------------------------------------------------------------------

def test_red_sea_states_and_movements_are_actors() -> None:
    found = actors("The Houthis attacked ships off Yemen, according to US Central Command.")
    assert found["Houthis"] == "Houthis"
    assert found["Yemen"] == "Yemen"
    assert found["US Central Command"] == "US Central Command"


def test_a_code_part_an_executive_order_and_a_header_label_name_no_actor() -> None:
    text = ("15 CFR Part 791\n\nSUPPLEMENTARY INFORMATION:\n\nThe rule follows Executive "
            "Order 13999, which the President signed in May.")
    names = set(actors(text).values())
    assert "Council on Foreign Relations" not in names
    assert not any(n in {"Order", "Supplementary Information"} for n in names)


def test_the_issuing_agency_of_a_rule_is_not_a_cited_source() -> None:
    text = ("AGENCY: Bureau of Industry and Security, Commerce.\n\nSUMMARY: The rule "
            "restricts imports.\n\nBIS estimates that about 1,200 importers could be "
            "affected.")
    art = article(text, date="2026-03-02")
    found, _ = find_actors(art)
    assert any(a.name == "Bureau of Industry and Security" for a in found)
    assert find_citations(art, found) == []


# -- figures -----------------------------------------------------------------------------

def test_pounds_in_a_sentence_about_weight_weigh() -> None:
    found = figures("The rule does not apply to trucks with a gross weight above 26,000 "
                    "pounds.")
    assert (Decimal(26000), "pounds", "above 26,000 pounds") in found


def test_pounds_without_weight_stay_sterling() -> None:
    assert figures("The fine was 5 million pounds.")[0][:2] == (Decimal(5000000), "GBP")


def test_a_text_with_decimal_commas_groups_thousands_with_points() -> None:
    found = figures("Exports fell by 3,4 % in May, and the union says 1.200 jobs are at "
                    "risk.")
    values = {(v, u) for v, u, _ in found}
    assert (Decimal("3.4"), "percent") in values
    assert (Decimal(1200), "jobs") in values


def test_a_decimal_point_elsewhere_keeps_points_decimal() -> None:
    found = figures("Prices rose 2.5% while 1.200 tonnes were shipped.")
    assert (Decimal("1.2"), "metric tons") in {(v, u) for v, u, _ in found}


def test_a_power_of_ten_gives_no_count_of_its_exponent() -> None:
    found = figures("Models trained using more than 10^26 computational operations must "
                    "be notified.")
    assert not any(v in (Decimal(26), Decimal(10)) for v, _, _ in found)


def test_rupiah_amounts_and_prices_per_metric_tonne() -> None:
    found = figures("The firm invested 2.4 trillion rupiah, and a floor price of USD 500 "
                    "per metric tonne applies.")
    assert (Decimal(2400000000000), "IDR", "2.4 trillion rupiah") in found
    assert (Decimal(500), "USD per tonne", "USD 500 per metric tonne") in found


def test_comments_counted_in_a_sentence_are_a_figure_not_page_furniture() -> None:
    found = figures("The agency received 43 comments on the notice.\n\n12 comments\n")
    assert [(v, u) for v, u, _ in found] == [(Decimal(43), "comments")]


def test_a_field_of_progress_is_no_good() -> None:
    assert goods("The rules could slow breakthroughs in artificial intelligence.") == {}


def test_a_ministry_publishing_its_own_release_is_a_government_body() -> None:
    from kg.extract.actor_bylines import publisher_actor
    from kg.model import ActorType

    name, kind = publisher_actor("Ministry of Trade of the Republic of Ruritania "
                                 "(unofficial translation)")
    assert (name, kind) == ("Ministry of Trade of the Republic of Ruritania",
                            ActorType.GOVERNMENT_BODY)


def test_a_language_switch_after_a_site_name_is_no_outlet() -> None:
    from kg.ingest import parse_article

    text = ("Ruritanian Trade Council | English\nHome > Alerts\n\nExport alert raised\n"
            "Published: 3 March 2026\n\nThe council raised its alert on Tuesday.\n")
    art = parse_article(text.encode(), identifier="page.txt")
    assert art.metadata.publisher is None
    assert art.metadata.title == "Ruritanian Trade Council"


def test_the_numbers_of_a_rate_table_are_prices_in_its_captions_unit() -> None:
    text = ("Weekly rates (EUR per pallet)\n"
            "Route              this week   last week\n"
            "Gdansk - Hamburg       1,250       1,190\n\n"
            "Rates rose on 3 routes.\n")
    found = figures(text)
    assert (Decimal(1250), "EUR per pallet", "1,250") in found
    assert (Decimal(1190), "EUR per pallet", "1,190") in found
    assert not any(u == "EUR per pallet" and v == 3 for v, u, _ in found)
