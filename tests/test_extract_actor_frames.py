"""The actor extractor on web pages and on reports of other measures (round 3): one
phenomenon per test, each in an inline text written for it."""

from __future__ import annotations

import datetime as dt

from kg.extract.actors import find_actors
from kg.model import ActorMention, ActorType, Article, ArticleMetadata


def _found(text: str, **meta: object) -> list[ActorMention]:
    return find_actors(Article(identifier="inline.txt", text=text,
                               metadata=ArticleMetadata(**meta)))[0]  # type: ignore[arg-type]


def _inline(text: str, **meta: object) -> dict[str, ActorMention]:
    return {m.span.text: m for m in _found(text, **meta)}


# -- people ---------------------------------------------------------------------------------


def test_an_apposition_with_a_body_in_the_possessive_gives_role_and_affiliation() -> None:
    found = _inline("Growth will slow, according to Hakone Risk Consulting in Osaka.\n\n"
                    "Mariko Fujita, the consultancy's chief economist, expects a rebound.")
    fujita = found["Mariko Fujita"]
    assert fujita.type is ActorType.PERSON and fujita.role == "chief economist"
    assert fujita.affiliation == "Hakone Risk Consulting"
    assert found["the consultancy"].name == "Hakone Risk Consulting"


def test_a_title_and_a_family_name_refer_back_to_the_person_named_in_full() -> None:
    found = _inline("Seoul sent envoy Park Sung-min to Tokyo on Monday. On Tuesday, Envoy Park "
                    "met officials of the trade ministry.")
    assert found["Park"].name == "Park Sung-min"


def test_a_speaker_of_a_described_employer_is_a_person() -> None:
    found = _inline("Nadia Ferreira of the Lisbon think tank Atlantico Policy Lab argues the "
                    "curbs will not last. \"Nobody gains,\" said Tomas Varga of the "
                    "Vienna-based Danube Trade Council.")
    assert found["Nadia Ferreira"].type is ActorType.PERSON
    assert found["Tomas Varga"].type is ActorType.PERSON
    assert found["Atlantico Policy Lab"].type is ActorType.ORGANIZATION
    assert found["Danube Trade Council"].type is ActorType.ORGANIZATION
    assert "Lisbon" not in found  # where the think tank is, not an actor


def test_lawmakers_named_with_their_party_are_people_and_the_parties_organisations() -> None:
    found = _inline("Kaito Ishida of the Democratic Party for the People asked whether the fund "
                    "would grow. Asked by Emi Nakano of the Japanese Communist Party whether "
                    "Tokyo would retaliate, the minister declined to comment.")
    assert found["Kaito Ishida"].type is ActorType.PERSON
    assert found["Emi Nakano"].type is ActorType.PERSON
    assert found["Democratic Party for the People"].type is ActorType.ORGANIZATION
    assert found["Japanese Communist Party"].type is ActorType.ORGANIZATION


def test_bylines_of_blogs_and_site_metadata_lines_name_the_authors() -> None:
    blog = _inline("Narrow on paper\nPublished on March 3, 2026 by Ilona Weiss\n\n"
                   "The notice is short.")
    assert blog["Ilona Weiss"].role == "author"
    page = _inline("ANALYSIS\nMarcus Oyelaran | 4 March 2026 | 6 min read\n\nThe rules "
                   "changed again.")
    assert page["Marcus Oyelaran"].role == "author"
    shouted = _inline("Markets\nBY AMARA OKONKWO-LEE\n\nShares fell on Friday.")
    assert shouted["AMARA OKONKWO-LEE"].type is ActorType.PERSON


def test_the_headers_author_signing_the_text_is_mentioned_there() -> None:
    found = _inline("The ministry protested on Monday.\n\n(Economic desk Sato Kenji)",
                    author="Sato Kenji")
    assert found["Sato Kenji"].role == "author"


def test_a_rank_after_a_title_is_part_of_the_role_not_a_name() -> None:
    found = _inline("Navy spokesperson Senior Captain Zhao Ming said the patrol was routine.")
    assert "Senior" not in found
    assert found["Zhao Ming"].role == "Senior Captain"


# -- organisations --------------------------------------------------------------------------


def test_a_descriptor_before_a_name_decides_its_type() -> None:
    found = _inline("Kenta Mori of the Osaka consultancy Hibiki Partners said demand held up.")
    assert found["Hibiki Partners"].type is ActorType.ORGANIZATION


def test_a_plural_descriptor_names_each_coordinated_name() -> None:
    found = _inline("The list adds battery makers Voltara and Kestrel Cells to the 43 firms "
                    "already on it.")
    assert found["Voltara"].type is ActorType.COMPANY
    assert found["Kestrel Cells"].type is ActorType.COMPANY


def test_an_organisation_keeps_no_place_glued_before_it() -> None:
    found = _inline("\"It is a warning,\" says Ines Duarte, a senior fellow at the "
                    "Porto-based Iberian Supply Institute.")
    assert found["Iberian Supply Institute"].type is ActorType.ORGANIZATION
    assert found["Ines Duarte"].affiliation == "Iberian Supply Institute"


def test_a_stock_ticker_after_a_name_makes_it_a_listed_company() -> None:
    found = _inline("Fujimoto Optics (TYO: 7799) fell 4% in early trading.")
    assert found["Fujimoto Optics"].type is ActorType.COMPANY


def test_the_employer_after_a_title_is_an_organisation() -> None:
    found = _inline("\"Supply is tight,\" said Rahul Mehta, an analyst at Harrow Advisory.")
    assert found["Harrow Advisory"].type is ActorType.ORGANIZATION
    assert found["Rahul Mehta"].affiliation == "Harrow Advisory"


def test_the_descriptor_after_the_refers_back_to_the_latest_of_its_kind() -> None:
    found = _inline("The 2024 figures come from Quarry Lane Analytics Group. The firm expects "
                    "prices to double.")
    assert found["The firm"].name == "Quarry Lane Analytics Group"


def test_an_outlet_found_by_its_last_word_keeps_its_article() -> None:
    found = _inline("Tags: Trade, Chips\nRead more at The Danube Courier\n")
    assert found["The Danube Courier"].type is ActorType.MEDIA


def test_a_sites_name_alone_on_the_first_line_is_its_outlet() -> None:
    found = _inline("Harbourfront Market Wire\nMarkets | Companies | Opinion\n\nStocks fell.")
    assert found["Harbourfront Market Wire"].type is ActorType.MEDIA


def test_a_known_company_followed_by_a_state_is_its_unit_there() -> None:
    found = _inline("The order barred Toyota China from exporting the parts.")
    assert found["Toyota China"].name == "Toyota China"
    assert found["Toyota China"].type is ActorType.COMPANY


# -- states, bodies and what they are not ---------------------------------------------------


def test_a_capital_before_a_descriptor_is_where_an_organisation_is() -> None:
    found = _inline("\"It is overdue,\" said Ava Brennan of the Canberra think tank Southern "
                    "Cross Policy.")
    assert "Canberra" not in found
    assert found["Southern Cross Policy"].type is ActorType.ORGANIZATION


def test_a_states_name_before_a_currency_is_no_actor() -> None:
    found = _inline("The deal is worth US$3 billion; the yen stood at 151.2 per US dollar.")
    assert not [m for m in found.values() if m.name == "United States"]


def test_a_body_qualifying_what_it_owns_or_supplies_is_no_mention() -> None:
    found = _inline("Seven coast guard vessels shadowed the convoy. Sales to U.S. military "
                    "users need a licence.")
    assert not [m for m in found.values() if m.type is ActorType.GOVERNMENT_BODY]


def test_a_chamber_where_words_were_said_is_a_venue() -> None:
    found = _inline("Prime Minister Sanae Takaichi told parliament the country would hold "
                    "firm.")
    assert not [m for m in found.values() if m.type is ActorType.GOVERNMENT_BODY]


def test_a_bare_body_in_a_sentence_about_a_state_is_that_states_body() -> None:
    text = ("China's commerce ministry banned the exports on Tuesday. In Seoul, the trade "
            "ministry said it was studying the impact.")
    found = _inline(text)
    assert found["trade ministry"].name == "Ministry of Trade, Industry and Energy of South Korea"
    assert found["China's commerce ministry"].name == "Ministry of Commerce of China"


def test_a_capitalised_body_refers_back_only_to_a_body_so_named() -> None:
    found = _inline("The U.S. Commerce Department added 12 firms to its list. A day later, "
                    "China's reply came: the Ministry of Commerce said it would retaliate.")
    assert found["Ministry of Commerce"].name == "Ministry of Commerce of China"


def test_a_bare_body_takes_the_body_of_the_official_named_after_it() -> None:
    found = _inline("China protested on Friday. According to Ministry of Foreign Affairs, on "
                    "6th, Vice-Minister for Foreign Affairs Funakoshi Takehiro protested to "
                    "the Chinese ambassador.")
    assert found["Ministry of Foreign Affairs"].name == "Ministry of Foreign Affairs of Japan"


def test_a_ministry_no_table_lists_is_named_after_its_remit() -> None:
    found = _inline("China's Ministry of Ecology and Environment ordered the plants shut.")
    ministry = found["China's Ministry of Ecology and Environment"]
    assert ministry.name == "Ministry of Ecology and Environment of China"
    assert ministry.part_of == "China"


def test_the_commission_is_the_body_its_commissioner_serves() -> None:
    found = _inline("Trade Commissioner Maros Sefcovic met the minister. The Commission has "
                    "not ruled out countermeasures.")
    assert found["Commission"].name == "European Commission"


def test_a_machine_translated_title_in_japanese_word_order_is_a_title() -> None:
    found = _inline("Japan Cabinet Chief Secretary Kihara Minoru said on 19th that Japan "
                    "side would confirm the situation.",
                    date=dt.date(2025, 11, 20))
    assert found["Kihara Minoru"].name == "Minoru Kihara"
    assert not [m for m in found.values() if m.name == "Cabinet of Japan"]


# -- round 7: names no title introduces, dates after a name ---------------------------------


def test_a_bare_full_name_that_a_later_he_or_she_quotes_is_a_person() -> None:
    found = _inline("Back in 2012, Ayumi Tsukada ran the purchasing desk of a small importer. "
                    "Her suppliers stopped answering. \"It was silence first,\" she remembers.")
    assert found["Ayumi Tsukada"].type is ActorType.PERSON


def test_a_bare_full_name_is_no_person_when_another_name_comes_before_the_pronoun() -> None:
    found = _inline("Maple Harbour ran short of magnets, and Lionel Barre of the Osaka office "
                    "wrote to clients. \"We wait,\" he said.")
    assert "Maple Harbour" not in found


def test_a_month_and_day_after_on_do_not_continue_an_organisation_name() -> None:
    found = _inline("The shortage was flagged by the Kestrel Institute on Jan. 5 in a note, "
                    "and by the Corven Foundation on March 12.")
    assert found["Kestrel Institute"].type is ActorType.ORGANIZATION
    assert "Corven Foundation" in found
    assert not any("Jan" in text or "March" in text for text in found)


def test_a_name_word_after_on_still_continues_an_organisation_name() -> None:
    found = _inline("The Harlow Council on Foreign Metals published a note on Friday.")
    assert "Harlow Council on Foreign Metals" in found
