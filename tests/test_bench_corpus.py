"""The synthetic corpus of the benchmarks (bench/corpus.py): deterministic, varied, buildable."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kg.build import build
from kg.ingest import parse_article
from kg.store import Store

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    """bench/corpus.py, imported by path (bench/ holds scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("bench_corpus", BENCH / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_same_seed_gives_the_same_articles_and_a_smaller_corpus_is_a_prefix(
        corpus: ModuleType) -> None:
    first = list(corpus.generate_corpus(4, seed=7))
    again = list(corpus.generate_corpus(4, seed=7))
    larger = list(corpus.generate_corpus(6, seed=7))
    assert first == again
    assert larger[:4] == first
    assert [a.text for a in corpus.generate_corpus(4, seed=8)] != [a.text for a in first]


def test_articles_come_in_every_style_at_news_length(corpus: ModuleType) -> None:
    articles = list(corpus.generate_corpus(40, seed=0))
    assert {a.style for a in articles} == set(corpus.STYLES)
    for article in articles:
        assert 250 <= len(article.text.split()) <= 1000, article.name
    assert len({a.text for a in articles}) == len(articles)


def test_one_article_of_each_style_builds_without_failures(
        corpus: ModuleType, tmp_path: Path) -> None:
    by_style: dict[str, object] = {}
    index = 0
    while len(by_style) < len(corpus.STYLES):
        article = corpus.generate_article(index, seed=0)
        by_style.setdefault(article.style, article)
        index += 1
    folder = tmp_path / "articles"
    folder.mkdir()
    for article in by_style.values():
        (folder / article.name).write_text(article.text, encoding="utf-8")
        # A header, if any, must be well formed (the brief style always has one).
        parse_article(article.text.encode(), identifier=article.name)

    report = build([folder], Store(tmp_path / "store"))

    assert report.failures == []  # none unreadable, none left out by the shapes
    assert len(report.articles) == len(corpus.STYLES)
    for summary in report.articles:
        assert summary.actors > 0 and summary.statements > 0, summary.identifier
