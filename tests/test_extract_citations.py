"""The citation extractor: outlets always, organisations only in citing frames."""

from __future__ import annotations

from pathlib import Path

from kg.extract.actors import find_actors
from kg.extract.citations import find_citations
from kg.ingest import read_article
from kg.model import Article, ArticleMetadata, CitationMention

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _citations(name: str) -> list[CitationMention]:
    article = read_article(FIXTURES / f"{name}.txt")
    return find_citations(article, find_actors(article)[0])


def test_outlets_and_organisations_in_citing_frames_are_cited() -> None:
    assert [(c.name, c.span.text) for c in _citations("citation_frames")] == [
        ("Kyodo News", "Kyodo"),                         # according to Kyodo
        ("Xinhua", "Xinhua"),                            # an outlet, whatever it does
        ("Capital Economics", "Capital Economics"),      # data from ...
        ("Embassy of China in Japan", "Chinese embassy"),  # relays what Wu did
    ]


def test_bodies_acting_or_speaking_for_themselves_are_not_cited() -> None:
    names = {c.name for c in _citations("citation_frames")}
    assert "Ministry of Foreign Affairs of Japan" not in names  # it protested
    assert "Ministry of Commerce of China" not in names          # it said, about itself


def test_own_publisher_is_not_a_cited_source() -> None:
    assert [c.name for c in _citations("citation_own_publisher")] == ["Bloomberg"]


def test_people_and_states_are_never_cited() -> None:
    cited = {c.name for c in _citations("garbled_rendering")}
    assert cited == {"Asahi Shimbun"}


def test_the_agency_of_the_articles_own_dateline_is_its_publisher_not_a_source() -> None:
    # No publisher metadata: the dateline alone says whose copy this is.
    text = (FIXTURES / "credit_line.txt").read_text(encoding="utf-8")
    article = Article(identifier="credit_line.txt", text=text)
    assert find_citations(article, find_actors(article)[0]) == []
    # Under a title, a byline and a time line, the dateline is the fourth line: still the top.
    fourth = Article(identifier="z.txt", text="Exports fall\nBy Ida Marsh\nUpdated 9:41 PM\n"
                     "BEIJING (Reuters) - Exports fell, the ministry said.")
    assert find_citations(fourth, find_actors(fourth)[0]) == []
    later = Article(identifier="y.txt", text="Line one.\nTwo.\nThree.\nFour.\nFive.\nSix.\n"
                    "Exports fell (Reuters) - the agency said.")
    assert [c.name for c in find_citations(later, find_actors(later)[0])] == ["Reuters"]


def test_according_to_a_person_cites_the_organisation_of_the_apposition() -> None:
    cited = [c.name for c in _citations("according_to_person_apposition")]
    assert cited == ["Tokyo Institute for Resource Policy",   # according to X, a fellow at ...
                     "Halden Cross Advisory",                  # analysts at ...
                     "Asia Pacific Supply Chain Institute"]    # ..., a think tank, estimated
    assert "Sakura Strategic Advisory" not in cited  # its analyst speaks: a statement


def test_an_organisations_short_name_in_a_frame_is_cited() -> None:
    cited = [(c.name, c.span.text) for c in _citations("organization_short_name")]
    assert ("Ironbridge Metals Consulting", "Ironbridge") in cited   # Ironbridge estimates


def test_according_to_a_person_of_an_organisation_cites_the_organisation() -> None:
    article = Article(identifier="x.txt",
                      text="Exports fell, according to Hiroshi Tanaka of Meridian Bank.")
    assert [c.name for c in find_citations(article, find_actors(article)[0])] == [
        "Meridian Bank"]


def test_listed_sources_are_cited_in_parentheses_lists_and_references() -> None:
    cited = {c.name for c in _citations("citation_listed_sources")}
    assert {"International Energy Agency",            # (IEA, 2025)
            "Ministry of Trade, Industry and Energy of South Korea",  # (Ministry of ...)
            "Oxford Economics",                       # puts the figure at 80%
            "The Korea Herald",                       # an outlet
            "Rhodium Group", "Bloomberg",             # Sources: ...
            "OECD"} <= cited                          # OECD (2024). ...


def test_the_outlet_of_a_reporter_asking_a_question_is_not_a_source() -> None:
    assert [c.name for c in _citations("citation_reporter_asks")] == ["Caixin"]


def test_an_outlet_in_the_masthead_or_the_byline_is_the_articles_own() -> None:
    cited = [c.name for c in _citations("citation_masthead_and_byline")]
    assert cited == ["Nikkei"]


def test_a_reporters_outlet_in_parentheses_in_a_question_label_is_not_a_source() -> None:
    text = ("MINISTER'S PRESS CONFERENCE\n\n"
            "Reporter (Reuters): Has the ministry confirmed the halt in shipments?\n\n"
            "Minister: We have asked the other side to explain, according to Bloomberg.\n")
    article = Article(identifier="presser.txt", text=text)
    assert [c.name for c in find_citations(article, find_actors(article)[0])] == ["Bloomberg"]


def test_the_publisher_named_with_its_edition_and_a_dateline_without_dash_are_its_own(
) -> None:
    text = ("Source: Harbour Post (English edition)\n\n"
            "Lisbon, Feb. 3 (Atlantic Wire) Portugal tightened its screening of investments, "
            "a government official told Harbour Post, according to Bloomberg.\n")
    article = Article(identifier="edition.txt", text=text,
                      metadata=ArticleMetadata(publisher="Harbour Post (English edition)"))
    assert [c.name for c in find_citations(article, find_actors(article)[0])] == ["Bloomberg"]


def test_a_question_label_in_capitals_is_a_question_label() -> None:
    text = ("PRESS CONFERENCE BY THE MINISTER\n\n"
            "REPORTER (Ana Ruiz, Reuters): Has the ministry confirmed the halt?\n\n"
            "MINISTER: We are checking the facts, according to Bloomberg.\n")
    article = Article(identifier="presser.txt", text=text)
    assert [c.name for c in find_citations(article, find_actors(article)[0])] == ["Bloomberg"]
