"""Extraction in worker processes gives the graph of one process, in the same order."""

from __future__ import annotations

import os
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


def test_two_worker_processes_give_the_quads_of_one_process_in_corpus_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "CHUNK", 1)  # one article per task: both workers get some
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
    monkeypatch.setattr(workers, "CHUNK", 1)
    articles = _articles()
    broken = replace(articles[1], text=None)  # type: ignore[arg-type]
    outcomes = extract_in_processes([articles[0], broken, *articles[2:]], 2)
    assert isinstance(outcomes[1], str) and outcomes[1].startswith("extraction failed")
    assert all(not isinstance(o, str) for i, o in enumerate(outcomes) if i != 1)


class DiesInAWorker(Article):
    """An article whose unpickling kills the process reading it: a worker dies as one
    killed for memory would, and the build's own process never unpickles it."""

    def __setstate__(self, state: dict[str, object]) -> None:
        os._exit(1)


def test_a_worker_that_dies_costs_no_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "CHUNK", 1)
    articles = _articles()
    fatal = DiesInAWorker(articles[2].identifier, articles[2].text, articles[2].metadata)
    corpus = [*articles[:2], fatal, *articles[3:]]
    notices: list[str] = []
    outcomes = extract_in_processes(corpus, 2, notice=notices.append)
    assert [o.article.identifier for o in outcomes if not isinstance(o, str)] == \
        [a.identifier for a in corpus]
    assert len(notices) == 1 and "BrokenProcessPool" in notices[0]
    assert f"of {len(corpus)} articles" in notices[0]


def test_workers_that_cannot_start_leave_the_corpus_to_the_build_s_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A container refusing new processes cannot be set up here without harming the test
    # run itself, so the pool's start is made to fail as it would there.
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", refuse)
    monkeypatch.setattr(workers, "CHUNK", 1)
    monkeypatch.setattr(workers, "MIN_ARTICLES", 1)
    monkeypatch.setattr(workers, "available_cpus", lambda: 2)
    articles = _articles()
    report = BuildReport()
    extractions = extract_corpus(articles, report, jobs=2)
    assert [e.article.identifier for e in extractions] == [a.identifier for a in articles]
    assert [n.path for n in report.notes] == ["--jobs 2"]
    assert "stopped after 0 of" in report.notes[0].message
    assert "Resource temporarily unavailable" in report.notes[0].message


def test_extract_corpus_with_jobs_reports_a_worker_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "MIN_ARTICLES", 1)
    monkeypatch.setattr(workers, "CHUNK", 1)
    monkeypatch.setattr(workers, "available_cpus", lambda: 2)
    articles = _articles()
    assert workers.processes_for(2, len(articles)) == 2
    broken = replace(articles[1], text=None)  # type: ignore[arg-type]
    report = BuildReport()
    extractions = extract_corpus([articles[0], broken, *articles[2:]], report, jobs=2)
    assert len(extractions) == len(articles) - 1
    assert [f.message.split(":")[0] for f in report.failures] == ["extraction failed"]


@pytest.mark.parametrize(("jobs", "articles", "expected"), [
    (1, 10_000, 1),  # asked for one
    (4, MIN_ARTICLES - 1, 1),  # too few to pay for starting workers
    (4, MIN_ARTICLES, 4),
    (64, 10_000, 32),  # no more processes than CPUs
    (64, MIN_ARTICLES, MIN_ARTICLES // workers.CHUNK),  # nor than chunks of articles
    (64, 48, 3),  # (with MIN_ARTICLES at 48)
])
def test_processes_are_used_only_for_a_corpus_large_enough(
    jobs: int, articles: int, expected: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "available_cpus", lambda: 32)
    if articles == 48:
        monkeypatch.setattr(workers, "MIN_ARTICLES", 48)
    assert processes_for(jobs, articles) == expected


def test_jobs_zero_means_one_process_per_available_cpu() -> None:
    assert processes_for(0, 100_000) == min(workers.available_cpus(), 100_000 // workers.CHUNK)


def test_build_help_states_the_corpus_size_where_workers_start() -> None:
    from click.testing import CliRunner

    text = " ".join(CliRunner().invoke(main, ["build", "--help"]).output.split())
    assert f"fewer than {MIN_ARTICLES} articles is extracted in one process" in text
