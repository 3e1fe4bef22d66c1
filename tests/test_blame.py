"""kg.blame: a violation is blamed on the smallest thing a build can leave out."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.blame import blame_violations, fact_kind, without_facts
from kg.build import BuildReport, _resolved_graph, extract_corpus, read_corpus
from kg.model import Extraction
from kg.namespace import article_iri, evidence_iri, statement_iri
from kg.validate import ValidationReport
from kg.validate.report import ValidationResult

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def corpus() -> list[Extraction]:
    report = BuildReport()
    return extract_corpus(read_corpus([SEEDS], report), report)


def _report(*results: ValidationResult) -> ValidationReport:
    return ValidationReport(conforms=False, results=list(results))


def _violation(focus: str, article: str | None) -> ValidationResult:
    return ValidationResult(severity="Violation", shape="urn:test:shape", shape_name=None,
                            message="broken", focus=focus, article=article)


def test_a_violation_on_a_statement_or_its_evidence_span_blames_that_statement(
    corpus: list[Extraction],
) -> None:
    data, resolution = _resolved_graph(corpus)
    article = next(e for e in corpus if len(e.statements) > 1)
    ident, g = article.article.identifier, article_iri(article.article.identifier)
    first, second = article.statements[:2]
    report = _report(
        _violation(statement_iri(ident, first.span.begin, first.span.end), g),
        _violation(evidence_iri(ident, second.span.begin, second.span.end), g),
    )
    blame = blame_violations(report, data, corpus, resolution)
    assert blame is not None and blame.articles == {}
    blamed = [fact for fact, _ in blame.facts[g].values()]
    assert any(fact is first for fact in blamed) and any(fact is second for fact in blamed)
    assert {fact_kind(fact) for fact in blamed} <= {"statement", "figure"}


def test_a_violation_on_the_article_node_blames_the_whole_article(
    corpus: list[Extraction],
) -> None:
    data, resolution = _resolved_graph(corpus)
    g = article_iri(corpus[0].article.identifier)
    blame = blame_violations(_report(_violation(g, g)), data, corpus, resolution)
    assert blame is not None and blame.facts == {}
    assert list(blame.articles) == [g]
    assert "urn:test:shape" in blame.articles[g]


def test_a_violation_no_article_mentions_blames_nothing_so_the_build_fails(
    corpus: list[Extraction],
) -> None:
    data, resolution = _resolved_graph(corpus)
    report = _report(_violation("urn:test:nobody", None))
    assert blame_violations(report, data, corpus, resolution) is None


def test_warnings_are_not_blamed(corpus: list[Extraction]) -> None:
    data, resolution = _resolved_graph(corpus)
    g = article_iri(corpus[0].article.identifier)
    warning = _violation(g, g)
    warning.severity = "Warning"
    blame = blame_violations(_report(warning), data, corpus, resolution)
    assert blame is not None and blame.articles == {} and blame.facts == {}


def test_leaving_a_fact_out_keeps_an_equal_copy_of_it(corpus: list[Extraction]) -> None:
    article = next(e for e in corpus if e.statements)
    twin = article.statements[0]
    copy = type(twin)(**{f: getattr(twin, f) for f in twin.__dataclass_fields__})
    both = without_facts(article.__class__(article.article, statements=[twin, copy]), [twin])
    assert len(both.statements) == 1 and both.statements[0] is copy
