"""Round 22: the publisher a headerless page names on its first lines.

An outlet's name in capitals before a dash or a bar and what the page is ("... — Case
Summaries"), and an institution's letterhead in capitals above another line in capitals.
One phenomenon per test, in inline texts written for it.
"""

from __future__ import annotations

from kg.extract.actor_bylines import publisher_actor
from kg.extract.actors import find_actors
from kg.ingest import parse_article
from kg.model import ActorType, Article


def parse(text: str) -> Article:
    return parse_article(text.encode("utf-8"), identifier="a.txt")


def _spans_hold(article: Article) -> None:
    for key, span in article.metadata_spans.items():
        assert article.text[span.begin:span.end] == span.text, key


def test_an_outlet_name_in_capitals_before_a_dash_and_the_page_kind_is_the_publisher() -> None:
    article = parse("TIN BELT LETTERS — notes from the smelters\n\n"
                    "Smelters wait for the quota\n\n"
                    "Three smelters said on Monday they had no ore left.\n")
    assert article.metadata.publisher == "TIN BELT LETTERS"
    _spans_hold(article)


def test_a_station_name_with_its_frequency_before_a_dated_bulletin_is_the_publisher() -> None:
    article = parse("WXKR TALKRADIO 740 — EVENING BULLETIN — MONDAY, MARCH 3, 2025\n"
                    "SLUG: PORT STRIKE\n\nDockworkers walked out this morning.\n")
    assert article.metadata.publisher == "WXKR TALKRADIO 740"
    _spans_hold(article)


def test_a_masthead_in_capitals_before_a_bar_and_a_date_is_the_publisher() -> None:
    article = parse("GRAIN LANE BULLETIN | Dry Bulk | Week 9 | Monday 3 March 2025\n\n"
                    "Wheat freight eases\n\nRates fell 3% on the week.\n")
    assert article.metadata.publisher == "GRAIN LANE BULLETIN"
    assert article.metadata.title == "Wheat freight eases"


# (guards: what the rules must leave alone)
def test_a_headline_in_capitals_with_a_dash_names_no_publisher() -> None:
    article = parse("CHINA CURBS TIN EXPORTS — SMELTERS PROTEST\n\n"
                    "Beijing said on Monday it would cut quotas.\n")
    assert article.metadata.publisher is None


def test_a_letterhead_in_capitals_above_its_unit_in_capitals_is_the_publisher() -> None:
    article = parse("MINISTRY OF FISHERIES\nLICENSING DIVISION\n\nNOTICE No. 4 of 2025\n\n"
                    "Ministry suspends tuna licences\n\nThe ministry suspended 12 licences.\n")
    assert article.metadata.publisher == "MINISTRY OF FISHERIES"
    _spans_hold(article)


def test_a_headline_in_capitals_over_a_sentence_is_no_letterhead() -> None:
    article = parse("MINISTRY BANS TUNA EXPORTS\n\nThe ministry said on Monday the ban "
                    "would last a year.\n")
    assert article.metadata.publisher is None


def test_a_letterhead_is_typed_by_its_words_not_its_capitals() -> None:
    assert publisher_actor("MINISTRY OF FISHERIES")[1] is ActorType.GOVERNMENT_BODY
    assert publisher_actor("MINISTRY OF FISHERIES")[0] == "MINISTRY OF FISHERIES"


def test_a_publisher_whose_words_name_no_actor_is_still_an_actor_of_the_article() -> None:
    # "Ministry of Foreign Affairs" of no named country is read as no actor in the text; as
    # the letterhead it is the article's publisher all the same.
    article = parse("MINISTRY OF FOREIGN AFFAIRS\nPUBLIC DIPLOMACY WING\n\n"
                    "The Ministry of Foreign Affairs yesterday summoned the envoy.\n")
    names = {m.name for m in find_actors(article)[0]}
    assert "MINISTRY OF FOREIGN AFFAIRS" in names


def test_a_header_publisher_naming_an_institution_and_its_unit_is_the_institution() -> None:
    assert publisher_actor("Lakeside Institute of Trade, Policy Papers Series") == (
        "Lakeside Institute of Trade", ActorType.ORGANIZATION)


def test_an_outlet_and_its_section_after_a_comma_stays_whole() -> None:
    assert publisher_actor("Harbour Post, Business")[0] == "Harbour Post, Business"
