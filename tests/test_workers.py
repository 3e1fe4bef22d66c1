"""Extraction in worker processes gives the graph of one process, in the same order."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kg import workers
from kg.build import BuildReport, build_quads, extract_corpus, read_corpus
from kg.cli import main
from kg.model import Article
from kg.workers import MIN_ARTICLES, extract_in_processes, processes_for

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _articles() -> list[Article]:
    return read_corpus([SEEDS], BuildReport())


def test_two_worker_processes_give_the_quads_of_one_process_in_corpus_order() -> None:
    articles = _articles()
    alone = extract_corpus(articles, BuildReport())
    shared = extract_in_processes(articles, 2)
    assert [e.article.identifier for e in shared if not isinstance(e, str)] == \
        [a.identifier for a in articles]
    assert sorted(map(str, build_quads([e for e in shared if not isinstance(e, str)]))) == \
        sorted(map(str, build_quads(alone)))


def test_an_extraction_from_a_worker_holds_the_build_s_own_article() -> None:
    articles = _articles()
    outcomes = extract_in_processes(articles, 2)
    assert all(not isinstance(o, str) and o.article is a
               for o, a in zip(outcomes, articles, strict=True))


def test_an_article_failing_in_a_worker_is_reported_and_the_others_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = _articles()
    broken = replace(articles[1], text=None)  # type: ignore[arg-type]
    monkeypatch.setattr(workers, "MIN_ARTICLES", 1)
    report = BuildReport()
    extractions = extract_corpus([articles[0], broken, *articles[2:]], report, jobs=2)
    assert len(extractions) == len(articles) - 1
    assert [f.message.split(":")[0] for f in report.failures] == ["extraction failed"]
    assert broken.identifier not in {e.article.identifier for e in extractions}


@pytest.mark.parametrize(("jobs", "articles", "expected"), [
    (1, 10_000, 1),  # asked for one
    (4, MIN_ARTICLES - 1, 1),  # too few to pay for starting workers
    (4, MIN_ARTICLES, 4),
    (64, MIN_ARTICLES, MIN_ARTICLES // workers.CHUNK),  # no worker without a chunk
])
def test_processes_are_used_only_for_a_corpus_large_enough(
    jobs: int, articles: int, expected: int,
) -> None:
    assert processes_for(jobs, articles) == expected


def test_jobs_zero_means_one_process_per_available_cpu() -> None:
    assert processes_for(0, 100_000) == min(workers.available_cpus(), 100_000 // workers.CHUNK)


def test_build_help_states_the_corpus_size_where_workers_start() -> None:
    from click.testing import CliRunner

    text = " ".join(CliRunner().invoke(main, ["build", "--help"]).output.split())
    assert f"fewer than {MIN_ARTICLES} articles is extracted in one process" in text
