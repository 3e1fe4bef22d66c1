"""Round 19 (speed and memory): what the faster build must keep doing."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import build
from kg.build import ontology_quads, write_graph
from kg.store import Store


def _graph(n: int) -> ox.Store:
    data = ox.Store()
    g = ox.NamedNode("https://example.org/graph/a")
    p = ox.NamedNode("https://example.org/p")
    data.extend(ox.Quad(ox.NamedNode(f"https://example.org/s{i}"), p, ox.Literal(str(i)), g)
                for i in range(n))
    return data


def test_graph_written_in_slices_holds_every_quad_once(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # Slices of 3 over 10 quads: the last slice is short, and the store holds the same quads
    # as one bulk load would (plus the ontology graph).
    monkeypatch.setattr(build, "WRITE_SLICE", 3)
    data = _graph(10)
    store = Store(tmp_path / "store")
    written = write_graph(data, store)
    stored = set(store.open())
    assert stored == set(data) | set(ontology_quads())
    assert written.quads == len(data) + len(ontology_quads())


def test_slice_writer_keeps_quads_beyond_the_count_it_was_told(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               ) -> None:
    monkeypatch.setattr(build, "WRITE_SLICE", 4)
    data = _graph(9)
    target = ox.Store()
    build._bulk_write(target, data, 5)  # told 5, given 9: the rest is written too
    assert set(target) == set(data)


def test_figure_sentence_is_the_split_sentence_holding_it() -> None:
    # The disagreement reader splits only the paragraph a span stands in: every offset
    # gets the sentence split_sentences gives (or the span itself between sentences).
    from kg.disagree_text import ArticleReading
    from kg.extract.text import sentence_at, split_sentences
    from kg.model import Article, Extraction, Span

    text = ("Exports fell 20% in May. Mr. Lee said it was 30%.\n\n"
            "  The ministry put it at 25%! Analysts disagreed.\n"
            "A last line without a stop")
    reading = ArticleReading(Extraction(Article(identifier="a", text=text)), {})
    sentences = split_sentences(text)
    for offset in range(len(text)):
        span = Span.of(text, offset, offset + 1)
        assert reading.sentence(span) == (sentence_at(sentences, offset) or span)


def test_nif_strings_described_once_per_graph_and_again_in_the_next() -> None:
    # Two spans of one sentence describe that sentence once; after take() (the next graph)
    # the same span and sentence are described again in full.
    from kg.graph import _add_evidence, _Quads
    from kg.model import Article, Span

    text = "Tokyo said the ban was unjust. Beijing disagreed."
    article = Article(identifier="a", text=text)
    out = _Quads()
    _add_evidence(out, article, "https://example.org/s1", Span.of(text, 0, 10))
    _add_evidence(out, article, "https://example.org/s2", Span.of(text, 11, 29))
    first = out.take()
    sentence_anchors = [q for q in first if q.predicate.value.endswith("#anchorOf")
                        and q.object.value == "Tokyo said the ban was unjust."]
    assert len(sentence_anchors) == 1
    _add_evidence(out, article, "https://example.org/s1", Span.of(text, 0, 10))
    again = out.take()
    alone = _Quads()
    _add_evidence(alone, article, "https://example.org/s1", Span.of(text, 0, 10))
    assert again == alone.take()
    assert set(again) < set(first)


def test_large_graphs_are_written_in_fewer_larger_slices() -> None:
    # About eight slices, never smaller than the memory floor nor larger than the loader's
    # own batch: a small graph keeps the floor, a huge one the ceiling.
    assert build.write_slice(10) == build.WRITE_SLICE
    assert build.write_slice(826_000) == build.WRITE_SLICE
    assert build.write_slice(2_400_000) == 300_000
    assert build.write_slice(8_260_000) == build.WRITE_SLICE_MAX
    assert build.write_slice(80_000_000) == build.WRITE_SLICE_MAX
