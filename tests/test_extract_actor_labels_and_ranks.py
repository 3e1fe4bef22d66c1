"""Actors of round 15: journalists named in a transcript's question labels, newsroom
departments and publishers' desks in a header, units and portfolios that are no actor,
military ranks and trades as titles, a name repeated in its own script, a leader's
government and a state's navy.  Inline texts written for each phenomenon."""

from __future__ import annotations

from extract_support import article, found_actors

from kg.extract.actors import find_actors
from kg.ingest import parse_article
from kg.model import ActorType


def _names(text: str) -> list[tuple[str, str]]:
    return [(a.name, a.span.text) for a in found_actors(text)]


def test_a_journalist_named_in_a_question_label_is_a_person_of_the_outlet() -> None:
    text = ("CORRESPONDENT (Lena Vogt, Baltic Wire): Will the quota be lifted?\n\n"
            "MINISTER: Not this year.\n\n"
            "CORRESPONDENT (Vogt, Baltic Wire): And next year?\n")
    people = [a for a in found_actors(text) if a.type is ActorType.PERSON]
    assert [(p.name, p.span.text) for p in people] == [("Lena Vogt", "Lena Vogt"),
                                                        ("Lena Vogt", "Vogt")]


def test_a_role_that_is_no_journalist_s_labels_no_person() -> None:
    assert not [a for a in found_actors("SPEAKER (Oslo Harbour, Baltic Wire): Hello.\n")
                if a.type is ActorType.PERSON]


def test_a_department_signing_in_the_header_is_no_person() -> None:
    raw = ("title: Stockpile money found\nauthor: Economic News Department\n"
           "publisher: The Inland Courier\n---\n\nThe ministry set aside funds.\n")
    art = parse_article(raw.encode(), identifier="x.txt")
    assert not [a for a in find_actors(art)[0] if a.type is ActorType.PERSON]


def test_a_desk_of_the_header_s_publisher_is_the_publisher() -> None:
    raw = ("title: Live: reactions\npublisher: Larkspur News\n---\n\n"
           "Larkspur Europe desk | This page is no longer updated\n\nMarkets fell.\n")
    art = parse_article(raw.encode(), identifier="x.txt")
    media = {a.name for a in find_actors(art)[0] if a.type is ActorType.MEDIA}
    assert media == {"Larkspur News"}


def test_a_division_before_an_official_s_title_is_no_person() -> None:
    text = "Contact: Export Licensing Division, Deputy Director Park Min-jun\n"
    assert "Licensing Division" not in {n for n, _ in _names(text)}
    assert "Export Licensing Division" not in {n for n, _ in _names(text)}


def test_a_portfolio_before_a_minister_s_title_is_no_company() -> None:
    names = _names("Natural Resources Minister Tomas Ekberg said the quota would stay.")
    assert ("Natural Resources", "Natural Resources") not in names
    assert ("Tomas Ekberg", "Tomas Ekberg") in names


def test_an_abbreviated_military_rank_introduces_a_person() -> None:
    found = found_actors("A spokesman, Senior Col. Li Haotian, said the patrol was routine.")
    assert [(a.name, a.role) for a in found] == [("Li Haotian", "Senior Col.")]


def test_a_trade_before_a_name_introduces_a_person() -> None:
    found = found_actors("In Otaru, innkeeper Mariko Sato is cutting staff.")
    assert [(a.name, a.role) for a in found] == [("Mariko Sato", "innkeeper")]


def test_a_name_repeated_in_its_own_script_keeps_its_apposition() -> None:
    found = found_actors("Chen Binhua (陳斌華), a spokesman for the Taiwan Affairs Office, "
                         "said the drills were a warning.")
    person = next(a for a in found if a.type is ActorType.PERSON)
    assert (person.name, person.affiliation) == ("Chen Binhua", "Taiwan Affairs Office")


def test_a_leader_s_administration_is_the_state_not_the_person() -> None:
    assert _names("The Trump administration on Friday widened the tariffs.") == [
        ("United States", "Trump")]
    assert ("Donald Trump", "Donald Trump") in _names(
        "President Donald Trump said the tariffs would stay.")


def test_a_state_s_navy_is_its_navy_body() -> None:
    assert _names("Beijing said the Chinese navy had shadowed the destroyer.") == [
        ("China", "Beijing"), ("People's Liberation Army Navy", "Chinese navy")]
    assert _names("Manila counted 12 navy ships.") == [("Philippines", "Manila")]


def test_a_masthead_line_names_the_article_s_outlet() -> None:
    text = ("Ports brace for a long winter\nThe Baltic Courier | Business\n"
            "By Anna Berg\n\nShippers cut routes.\n")
    media = [(a.name, a.span.text) for a in found_actors(text) if a.type is ActorType.MEDIA]
    assert media == [("The Baltic Courier", "The Baltic Courier")]


def test_a_decimal_point_does_not_end_the_sentence_about_a_state() -> None:
    assert _names("Seoul will levy duties of up to 12.5% from May, the trade ministry "
                  "said.") == [("South Korea", "Seoul"),
                               ("Ministry of Trade, Industry and Energy of South Korea",
                                "trade ministry")]


def test_a_bare_ministry_goes_on_about_the_one_state_of_the_sentence_before() -> None:
    text = ("On Monday, China's foreign ministry urged citizens to avoid the country. "
            "The education ministry followed with a warning to students.")
    assert ("Ministry of Education of China", "education ministry") in _names(text)


def test_a_state_after_a_preposition_is_not_what_the_text_goes_on_about() -> None:
    text = ("Beijing told tourists to steer clear of Japan. On Tuesday the commerce "
            "ministry opened a probe.")
    assert ("Ministry of Economy, Trade and Industry", "commerce ministry") not in _names(text)


def test_a_possessor_over_own_qualifies_the_body() -> None:
    # (not before "figures": "Japan's own customs figures" names the kind of the data,
    # tests/test_round23_sources.py)
    assert ("Japan Customs", "Japan's own customs") in _names(
        "Importers disagree, while Japan's own customs said the drop was smaller.")


def test_a_known_group_s_name_with_international_is_another_company() -> None:
    names = _names("The minister met Samsung Electronics and POSCO International.")
    assert ("POSCO International", "POSCO International") in names
    assert ("POSCO", "POSCO") not in names


def test_one_of_a_plural_descriptor_says_what_a_name_is() -> None:
    found = found_actors("Vantaa Reisen, one of the country's biggest travel agencies, said "
                         "bookings fell.")
    assert [(a.name, a.type) for a in found] == [("Vantaa Reisen", ActorType.COMPANY)]


def test_a_bare_ministry_after_a_known_minister_is_his_ministry() -> None:
    text = ("Industry Minister Kim Jung-kwan told executives that the ministry would "
            "check supply chains.")
    assert ("Ministry of Trade, Industry and Energy of South Korea", "ministry") in \
        _names(text)


def test_un_food_agencies_are_known_organisations() -> None:
    found = found_actors("The WFP and the UN Food and Agriculture Organization warned of "
                         "shortages.")
    assert {a.name for a in found} == {"World Food Programme",
                                        "Food and Agriculture Organization"}


def test_a_state_s_leader_is_its_president_else_its_prime_minister() -> None:
    art = article("The Japanese leader met the Chinese leader.", date="2026-01-09")
    assert [(a.name, a.span.text) for a in find_actors(art)[0]] == [
        ("Sanae Takaichi", "Japanese leader"), ("Xi Jinping", "Chinese leader")]
    former = article("The former Japanese leader spoke.", date="2026-01-09")
    assert find_actors(former)[0] == []


def test_an_apposition_of_a_named_person_is_no_unnamed_source() -> None:
    found = found_actors("Lena Vogt, a METI official, said the quota stays.")
    assert [(a.name, a.role) for a in found if a.type is ActorType.PERSON] == [
        ("Lena Vogt", "official")]
    assert ("unnamed senior official", "a senior official") in _names(
        "In Oslo, a senior official said the quota stays.")


def test_an_outlet_named_again_by_the_end_of_its_name_is_the_same_outlet() -> None:
    text = ("The Nordic Shipping Gazette reported delays. Later, The Shipping Gazette said "
            "the delays had ended.")
    media = {a.name for a in found_actors(text) if a.type is ActorType.MEDIA}
    assert media == {"The Nordic Shipping Gazette"}
