"""kg:about: a statement is about the measures and materials its own words name."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.about import statement_topics
from kg.build import build
from kg.extract import extract
from kg.ingest import parse_article
from kg.model import Extraction, MeasureType
from kg.store import Store

TEXT = """title: Seoul curbs scrap exports
date: 2025-03-04
---
South Korea banned exports of scrap aluminium to Vietnam on Monday.
Vietnam's trade ministry lodged a protest with Seoul on Tuesday.
Trade minister Ahn Duk-geun rejected the protest, saying the export ban would stay.
Ahn did not say whether gallium would be covered.
"""


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return extract(parse_article(TEXT.encode(), identifier="scrap.txt"))


def test_words_naming_another_speakers_measure_are_about_it(extraction: Extraction) -> None:
    rejected = next(s for s in extraction.statements if "stay" in s.span.text)
    topics = statement_topics(rejected, extraction)
    assert {m.type for m in topics.measures} >= {MeasureType.EXPORT_BAN}


def test_a_material_named_in_the_words_is_a_topic_even_when_the_words_are_negated(
    extraction: Extraction,
) -> None:
    hedged = next(s for s in extraction.statements if "gallium" in s.span.text)
    assert "gallium" in statement_topics(hedged, extraction).materials


def test_the_speakers_own_protest_is_not_what_the_words_are_about(
    extraction: Extraction,
) -> None:
    for statement in extraction.statements:
        for measure in statement_topics(statement, extraction).measures:
            assert not (measure.type is MeasureType.PROTEST
                        and measure.issuer == statement.speaker)


def test_the_graph_answers_who_said_what_about_which_measure(tmp_path: Path) -> None:
    source = tmp_path / "scrap.txt"
    source.write_text(TEXT)
    store = Store(tmp_path / "store")
    build([source], store)
    rows = store.open().query("""
        SELECT ?speaker ?type WHERE {
          ?s a kg:Statement ; kg:about ?m ; kg:speaker/rdfs:label ?speaker .
          ?m a kg:Measure ; kg:measureType ?type }""",
        prefixes={"kg": "https://w3id.org/tradekg/ontology#",
                  "rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
        use_default_graph_as_union=True)
    found = {(row["speaker"].value, row["type"].value.rsplit("#", 1)[1]) for row in rows}
    assert ("Ahn Duk-geun", "ExportBan") in found
