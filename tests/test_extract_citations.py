"""The citation extractor: outlets always, organisations only in citing frames."""

from __future__ import annotations

from pathlib import Path

from kg.extract.actors import find_actors
from kg.extract.citations import find_citations
from kg.ingest import read_article
from kg.model import CitationMention

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
