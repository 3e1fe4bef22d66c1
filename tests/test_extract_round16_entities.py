"""Entities of round 16: a title's portfolio fused with the holder's name in officialese and
machine translation, a capitalised name after an article, Indian official usage (courtesy
titles, bodies, lakh and crore, rupees), a hosted embassy referred to again, a city as a
cited work's imprint or a desk's seat, titled surnames labelling a hearing's turns, a city
opening an exchange's name, clock times of live blogs, a release's posting line, and the
farm, energy and smelter goods of trade disputes.  Inline texts written for each
phenomenon."""

from __future__ import annotations

from extract_support import article, cited_names, found_actors

from kg.extract.actors import find_actors
from kg.extract.figures import find_figures
from kg.extract.hearing_labels import is_hearing_title, match_hearing_label
from kg.extract.materials import find_materials
from kg.model import ActorType


def _people(text: str) -> list[tuple[str, str]]:
    return [(a.name, a.span.text) for a in found_actors(text) if a.type is ActorType.PERSON]


def _names(text: str) -> set[str]:
    return {a.name for a in found_actors(text)}


def _figures(text: str) -> list[tuple[str, str, str]]:
    art = article(text, date="2025-03-01")
    return [(f.span.text, str(f.value), f.unit) for f in find_figures(art, find_actors(art)[0])]


def _goods(text: str) -> list[tuple[str, str]]:
    return [(m.span.text, m.name) for m in find_materials(article(text))]


# ---------------------------------------------------------------------------------------
# Actors


def test_a_portfolio_before_the_holder_s_name_is_not_part_of_the_name() -> None:
    text = ("Minister of Health and Welfare Park Soo-jin told lawmakers the rules would stay. "
            "Deputy Prime Minister for Finance Lee Dae-hyun said the budget was ready.\n")
    assert _people(text) == [("Park Soo-jin", "Park Soo-jin"), ("Lee Dae-hyun", "Lee Dae-hyun")]


def test_a_title_s_portfolio_leads_to_the_holder_whatever_the_verb() -> None:
    text = "Minister of Oceans and Fisheries Cho Seung-hwan visited the harbour on Friday.\n"
    people = [a for a in found_actors(text) if a.type is ActorType.PERSON]
    assert [(p.name, p.role) for p in people] == [
        ("Cho Seung-hwan", "Minister of Oceans and Fisheries")]


def test_a_family_name_before_a_title_is_the_person_named_in_full() -> None:
    text = ("Yoon Ha-rin said exports would recover. Yoon Vice Minister added that "
            "talks would resume, and Yoon Minister did not say when.\n")
    assert _people(text) == [("Yoon Ha-rin", "Yoon Ha-rin"), ("Yoon Ha-rin", "Yoon"),
                             ("Yoon Ha-rin", "Yoon")]


def test_the_tail_of_a_department_s_name_is_no_speaker() -> None:
    text = "The Department of Water and Public Works stated that reservoirs were full.\n"
    assert _people(text) == []


def test_a_capitalised_name_after_an_article_is_no_person() -> None:
    text = ("The director said that \"the Strategic Reserve holds enough wheat\". "
            "She added that no change was planned.\n")
    assert _people(text) == []


def test_an_indian_courtesy_title_is_not_part_of_the_name() -> None:
    text = ("Joint Secretary Shri Arvind Mehta said the quota was unchanged. "
            "Mehta added that exporters had been told.\n")
    assert [name for name, _ in _people(text)] == ["Arvind Mehta", "Arvind Mehta"]
    assert _people(text)[0][1] == "Shri Arvind Mehta"


def test_indian_trade_and_food_bodies_are_known() -> None:
    text = ("The Directorate General of Foreign Trade (DGFT), Ministry of Commerce and "
            "Industry, issued the notice. The Department of Food and Public Distribution "
            "said stocks were adequate.\n")
    names = _names(text)
    assert {"Directorate General of Foreign Trade", "Ministry of Commerce and Industry of India",
            "Department of Food and Public Distribution"} <= names
    assert not any(a.type is ActorType.PERSON for a in found_actors(text))


def test_the_embassy_named_again_is_the_embassy_with_its_host() -> None:
    text = ("Seoul summoned a French diplomat. The French Embassy declined to comment, and "
            "Seoul said the talks would go on. A counsellor of the embassy later attended.\n")
    embassies = [a.name for a in found_actors(text) if "Embassy" in a.name]
    assert embassies == ["Embassy of France in South Korea"] * 2


def test_a_city_closing_a_reference_entry_is_where_the_work_was_printed() -> None:
    text = ("Exports to Beijing collapsed.\n\nReferences\n"
            "Nordic Trade Institute (2021). Pressure without a law. Stockholm.\n"
            "OECD (2020). Trade in numbers. Paris: OECD Publishing.\n")
    names = _names(text)
    assert "Sweden" not in names and "France" not in names
    assert "China" in names


def test_a_desk_credited_by_its_city_names_no_government() -> None:
    text = ("Prices of tin rose.\n\n(Compiled by the Tokyo metals desk; "
            "Editing by Ruth Adler)\n")
    assert "Japan" not in _names(text)
    assert ("Ruth Adler", "Ruth Adler") in _people(text)


def test_a_one_word_field_of_a_byline_is_where_the_author_files() -> None:
    text = "By Ines Calder | Geelong | 3 May 2024\n\nGrain exports rose.\n"
    assert not [a for a in found_actors(text) if a.type is ActorType.MEDIA]
    assert ("Ines Calder", "Ines Calder") in _people(text)


def test_titled_surnames_label_the_turns_of_a_hearing() -> None:
    text = ("SENATOR MARLOWE: The hearing will come to order.\n\n"
            "MS. TAVARES-LINDH: Thank you. Our exports fell.\n\n"
            "SENATOR MARLOWE: Why?\n\n"
            "MR. KIRBY: Licences take too long.\n")
    assert _people(text) == [("Marlowe", "MARLOWE"), ("Tavares-Lindh", "TAVARES-LINDH"),
                             ("Marlowe", "MARLOWE"), ("Kirby", "KIRBY")]


def test_an_abbreviated_congressional_title_labels_a_turn() -> None:
    text = ("REP. ADEYEMI: Are licences late?\n\nSEN. FROST: They are.\n\n"
            "REP. ADEYEMI: By how much?\n")
    assert [name for name, _ in _people(text)] == ["Adeyemi", "Frost", "Adeyemi"]


def test_a_factboxs_company_and_body_labels_are_no_hearing_speakers() -> None:
    # "GENERAL" opens company and body names, it is no hearing title; nor is a label whose
    # name word is a company suffix a person's
    text = ("Who pays for dearer grain?\n\n"
            "GENERAL FOODSTUFFS: The miller said flour costs would rise 6% this year.\n\n"
            "GENERAL ASSEMBLY: The UN body will debate grain reserves in June.\n\n"
            "GENERAL FOODSTUFFS: It has raised bread prices twice since March.\n\n"
            "MR. MOTORS: A dealer's slogan, not a speaker.\n")
    people = _people(text)
    assert all(name not in ("Foodstuffs", "Assembly", "Motors") for name, _ in people)
    assert "Foodstuffs" not in _names(text) and "Assembly" not in _names(text)


def test_one_hearing_title_list_serves_labels_and_speakers() -> None:
    # "MISS" is a hearing title for the transcript and the actor patterns alike: the
    # speaker is "Okafor", never a person named "Miss Okafor"
    text = ("REP. HALVORSEN: Are licences late?\n\nMISS OKAFOR: They are, by weeks.\n\n"
            "REP. HALVORSEN: Why?\n\nMISS OKAFOR: The office has too few staff.\n")
    assert [name for name, _ in _people(text)] == ["Halvorsen", "Okafor", "Halvorsen",
                                                    "Okafor"]


def test_hearing_labels_take_honorifics_and_congressional_titles_only() -> None:
    assert is_hearing_title("MISS") and is_hearing_title("Sen.") and \
        is_hearing_title("RANKING MEMBER")
    assert not is_hearing_title("GENERAL") and not is_hearing_title("SECRETARY")
    line = "MS. VOSS: Exports fell."
    assert match_hearing_label(line, 0, len(line)) is not None
    line = "MR. ELECTRIC: Sales fell."
    assert match_hearing_label(line, 0, len(line)) is None


def test_a_lone_capitalised_label_is_no_speaker() -> None:
    assert _people("NOTE: Prices are indicative.\n") == []


def test_a_city_opening_an_exchange_s_name_is_no_government() -> None:
    text = "Tin on the London Metal Exchange and the Shanghai Futures Exchange rose.\n"
    names = _names(text)
    assert "United Kingdom" not in names
    assert {"London Metal Exchange", "Shanghai Futures Exchange"} <= names


# ---------------------------------------------------------------------------------------
# Figures and sources


def test_a_live_blog_s_clock_time_counts_nothing() -> None:
    text = ("08:15 GMT\nMinisters met for an hour.\n\n14:40 GMT\nReporters asked why "
            "6 ports shut at 2:30 p.m. with 3 ships.\n\n1620 GMT\nTraders sold.\n\n"
            "17.45 BST\nEnvoys left.\n")
    assert _figures(text) == [("6 ports", "6", "ports"), ("3 ships", "3", "ships")]


def test_indian_units_and_rupees_are_figures() -> None:
    text = ("Shipments were 7.2 LMT in the quarter, and wheat was sold at Rs 24 per kg. "
            "The subsidy cost Rs 1,500 crore, and the mine ships 80 million wmt a year.\n")
    assert _figures(text) == [
        ("7.2 LMT", "7.2", "LMT"),
        ("Rs 24 per kg", "24", "INR per kg"),
        ("Rs 1,500 crore", "15000000000", "INR"),
        ("80 million wmt", "80000000", "wmt"),
    ]


def test_a_release_s_posting_outlet_is_its_publisher_not_a_source() -> None:
    text = ("Ministry of Steel\n\nPosted On: 04 MAR 2024 6:10PM by PIB Mumbai\n\n"
            "The ministry extended the duty.\n")
    assert "Press Information Bureau" not in cited_names(text)


# ---------------------------------------------------------------------------------------
# Materials


def test_oilseeds_pulses_and_their_products_are_goods() -> None:
    text = ("Beijing put duties on Australian canola oil, oil cakes and peas, but not on "
            "canola seed or rapeseed meal.\n")
    assert _goods(text) == [("Australian canola oil", "canola oil"),
                            ("oil cakes", "oil cakes"), ("peas", "peas"),
                            ("canola seed", "canola seed"), ("rapeseed meal", "canola meal")]


def test_smelter_products_concentrates_and_energy_are_goods() -> None:
    text = ("Manila may tax nickel pig iron and ferronickel and halt copper concentrates; "
            "Oslo sells crude oil and electricity abroad.\n")
    assert [name for _, name in _goods(text)] == [
        "nickel pig iron", "ferronickel", "copper concentrate", "crude oil", "electricity"]


def test_the_listed_forms_of_graphite_are_goods_under_graphite() -> None:
    text = ("The permits cover synthetic graphite and natural flake graphite, not the natural "
            "graphite mined in Mozambique.\n")
    assert _goods(text) == [("synthetic graphite", "synthetic graphite"),
                            ("natural flake graphite", "natural flake graphite"),
                            ("natural graphite", "graphite")]
