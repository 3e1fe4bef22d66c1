"""``kg validate``: what it validates, its exit codes, its four report formats, and errors
reported with file, line and column instead of tracebacks."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import RDF

from kg.cli import main
from kg.namespace import SH, article_iri

ROOT = Path(__file__).resolve().parent.parent
SHAPES_TESTS = ROOT / "tests" / "shapes"
TWO_ARTICLES = SHAPES_TESTS / "valid" / "two-articles.trig"
GOOD_ARTICLE = ROOT / "tests" / "fixtures" / "build" / "good.txt"
T1, T2 = article_iri("t1.txt"), article_iri("t2.txt")


def invalid(shape: str) -> Path:
    return SHAPES_TESTS / "invalid" / f"{shape}.trig"


def kg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store built by ``kg build`` from a real article."""
    location = str(tmp_path_factory.mktemp("validate-cli") / "store")
    code, _, err = kg("build", str(GOOD_ARTICLE), "--store", location, "--quiet")
    assert code == 0, err
    return location


@pytest.fixture(scope="module")
def two_article_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding two articles, one of whose accounts has a malformed date."""
    folder = tmp_path_factory.mktemp("validate-two")
    text = TWO_ARTICLES.read_text(encoding="utf-8").replace(
        'kg:date "2026-01"^^xsd:gYearMonth ;', 'kg:date "soon" ;')
    data = write(folder, "two.trig", text)
    location = str(folder / "store")
    code, _, err = kg("load", str(data), "--store", location)
    assert code == 0, err
    return location


# -- what is validated, and the exit codes ---------------------------------------------------


def test_a_built_store_conforms_and_exits_0(built_store: str) -> None:
    code, out, err = kg("validate", "--store", built_store)
    assert code == 0, out + err
    assert out.startswith("SHACL validation: conforms: 0 violations")


def test_a_file_with_a_violation_exits_1_with_the_report(tmp_path: Path) -> None:
    code, out, _ = kg("validate", "--data", str(invalid("Statement-11-quote-is-evidence")))
    assert code == 1
    assert out.startswith("SHACL validation: does not conform: 1 violation")
    assert f"Article t1.txt <{T1}>:" in out
    assert "VIOLATION kgsh:Statement-11-quote-is-evidence" in out
    assert 'focus:    <' in out and '"We will never yield"' in out  # the focus node's label
    assert 'evidence: [78,95) "We will not yield"' in out  # the span, quoted, with offsets
    assert "differs from the nif:anchorOf of its evidence" in out  # the shape's message


def test_warnings_pass_unless_fail_on_warning() -> None:
    warning = str(invalid("Measure-13-mentioned"))
    assert kg("validate", "--data", warning)[0] == 0
    assert kg("validate", "--data", warning, "--fail-on", "warning")[0] == 1
    info = str(invalid("Article-13-date-known"))
    assert kg("validate", "--data", info, "--fail-on", "warning")[0] == 0
    assert kg("validate", "--data", info, "--fail-on", "info")[0] == 1


def test_only_the_articles_named_are_reported(two_article_store: str) -> None:
    assert kg("validate", "--store", two_article_store)[0] == 1
    code, out, _ = kg("validate", "t1.txt", "--store", two_article_store)
    assert code == 0 and "0 violations" in out
    code, out, _ = kg("validate", "t2.txt", "--store", two_article_store)
    assert code == 1 and f"Article t2.txt <{T2}>:" in out and "kgsh:Measure-07-date" in out
    code, out, _ = kg("validate", T2, "--store", two_article_store, "--format", "json")
    assert code == 1 and {r["article"] for r in json.loads(out)["results"]} == {T2}
    # the short form pages and kg query show, and the file's path, name it too
    for name in ("article:t2", "some/folder/t2.txt"):
        code, out, _ = kg("validate", name, "--store", two_article_store, "--format", "json")
        assert code == 1 and {r["article"] for r in json.loads(out)["results"]} == {T2}


def test_several_data_files_are_validated_together(tmp_path: Path) -> None:
    """The actor is labelled in one file and mentioned in the other."""
    text = invalid("Actor-07-provenance").read_text(encoding="utf-8")
    entities = write(tmp_path, "entities.ttl", text.split("GRAPH <t1>")[0].replace(
        "GRAPH <https://w3id.org/tradekg/graph/entities> {", "").rstrip().removesuffix("}"))
    article = write(tmp_path, "article.trig", text.replace(
        'dcterms:identifier "t1.txt" ;',
        'dcterms:identifier "t1.txt" ; kg:mentions actor:norway ;'))
    assert kg("validate", "--data", str(article), "--fail-on", "info")[0] == 0
    code, out, _ = kg("validate", "--data", str(entities), "--data", str(article),
                      "--fail-on", "info")
    assert code == 0, out


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_both_engines_give_the_same_report(engine: str) -> None:
    code, out, _ = kg("validate", "--data", str(invalid("Evidence-06-anchor-in-text")),
                      "--engine", engine, "--format", "json")
    body = json.loads(out)
    assert code == 1 and body["engine"] == engine
    assert [(r["shape"].rsplit("#")[1], r["focus"]) for r in body["results"]] == [
        ("Evidence-06-anchor-in-text", f"{T1}#char=157,174")]


def test_users_shapes_replace_ours(tmp_path: Path) -> None:
    shapes = write(tmp_path, "mine.ttl", """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kg: <https://w3id.org/tradekg/ontology#> .
        @prefix ex: <https://example.org/shapes#> .
        ex:ArticleHasUrlHost a sh:PropertyShape ;
            sh:name "article URL on example.org" ;
            sh:targetClass kg:Article ;
            sh:path <https://schema.org/url> ;
            sh:pattern "^https://example[.]org/" ;
            sh:severity sh:Warning ;
            sh:message "We only keep articles from example.org." .
    """)
    code, out, _ = kg("validate", "--data", str(TWO_ARTICLES), "--shapes", str(shapes),
                      "--format", "json", "--fail-on", "warning")
    body = json.loads(out)
    assert code == 1 and body["shapes"] == 1
    assert [(r["shape"], r["focus"], r["value"]) for r in body["results"]] == [
        ("https://example.org/shapes#ArticleHasUrlHost", T1, "<https://news.example.org/t1>")]


# -- report formats ------------------------------------------------------------------------


def test_json_report(two_article_store: str) -> None:
    code, out, _ = kg("validate", "--store", two_article_store, "--format", "json")
    body = json.loads(out)
    assert code == 1 and body["conforms"] is False and body["counts"]["violation"] == 1
    (result,) = body["results"]
    assert result["value"] == '"soon"' and result["path"] == "kg:date"


def test_turtle_report_is_a_standard_shacl_validation_report(two_article_store: str) -> None:
    code, out, _ = kg("validate", "--store", two_article_store, "--format", "turtle")
    graph = rdflib.Graph().parse(data=out, format="turtle")
    (report,) = graph.subjects(RDF.type, SH.ValidationReport)
    assert code == 1 and graph.value(report, SH.conforms) == rdflib.Literal(False)
    (result,) = graph.objects(report, SH.result)
    assert graph.value(result, SH.sourceConstraintComponent) == SH.OrConstraintComponent
    assert graph.value(result, SH.value) == rdflib.Literal("soon")
    assert graph.value(result, SH.resultSeverity) == SH.Violation


def test_junit_report_to_a_file(two_article_store: str, tmp_path: Path) -> None:
    target = tmp_path / "report.xml"
    code, out, err = kg("validate", "--store", two_article_store, "--format", "junit",
                        "-o", str(target))
    assert code == 1 and out == "" and err.startswith("SHACL validation: does not conform")
    root = ET.parse(target).getroot()
    assert root.get("failures") == "1"
    (failed,) = [c for c in root.iter("testcase") if c.find("failure") is not None]
    assert failed.get("name", "").startswith("kgsh:Measure-07-date <")
    assert failed.get("name", "").endswith(" in t2.txt")


# -- bad input: a clear message and exit code 2, never a traceback -------------------------


def test_syntax_error_in_a_data_file_names_file_line_and_column(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.ttl",
                "@prefix ex: <https://example.org/> .\n\nex:a ex:b ex:c ;\n  ex:d .\n")
    code, out, err = kg("validate", "--data", str(bad))
    assert code == 2 and out == ""
    assert f"{bad}:4:" in err and "Traceback" not in err


def test_syntax_error_in_a_shapes_file_names_file_line_and_column(tmp_path: Path) -> None:
    bad = write(tmp_path, "shapes.ttl", "@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:x sh:y\n")
    code, _, err = kg("validate", "--data", str(TWO_ARTICLES), "--shapes", str(bad))
    assert code == 2 and f"{bad}:" in err and "Traceback" not in err
    line, column = err.split(f"{bad}:")[1].split(":")[:2]
    assert line.strip().isdigit() and column.strip().isdigit()


def test_shapes_that_are_not_shacl_are_reported(tmp_path: Path) -> None:
    shapes = write(tmp_path, "shapes.ttl", """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kg: <https://w3id.org/tradekg/ontology#> .
        <https://example.org/S> sh:targetClass kg:Article ;
            sh:property [ sh:path kg:mentions ; sh:minCount "many" ] .
    """)
    for engine in ("sparql", "pyshacl"):
        code, _, err = kg("validate", "--data", str(TWO_ARTICLES), "--shapes", str(shapes),
                          "--engine", engine)
        assert code == 2 and "minCount" in err and "Traceback" not in err


def test_ill_typed_literals_are_findings_not_log_noise(tmp_path: Path) -> None:
    text = TWO_ARTICLES.read_text(encoding="utf-8").replace(
        'dcterms:date "2026-01-06"^^xsd:date', 'dcterms:date "2026-02-30"^^xsd:date')
    code, out, err = kg("validate", "--data", str(write(tmp_path, "d.trig", text)))
    assert code == 1 and "kgsh:Article-04-date" in out
    assert "Traceback" not in err and "Failed to convert" not in err


@pytest.mark.parametrize(("args", "needle"), [
    (["--data", "nothing.ttl"], "cannot read"),
    (["--data", "data.txt"], "unknown RDF file extension"),
    (["--data", str(TWO_ARTICLES), "t1.txt"], "not both"),
    (["--format", "csv"], "Invalid value"),
    (["--fail-on", "error"], "Invalid value"),
])
def test_bad_usage_exits_2(args: list[str], needle: str, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "data.txt", "not RDF")
    code, _, err = kg("validate", *args)
    assert code == 2 and needle in err and "Traceback" not in err


def test_unknown_article_exits_2(built_store: str) -> None:
    code, _, err = kg("validate", "nope.txt", "--store", built_store)
    assert code == 2 and "no such article" in err


def test_missing_store_exits_3(tmp_path: Path) -> None:
    code, _, err = kg("validate", "--store", str(tmp_path / "none"))
    assert code == 3 and "kg build" in err


def test_a_shapes_file_without_shapes_is_an_error_not_a_green_run(
    built_store: str, tmp_path: Path,
) -> None:
    data = write(tmp_path, "data.ttl", "<http://example.org/a> <http://example.org/p> 1 .\n")
    code, _, err = kg("validate", "--store", built_store, "--shapes", str(data))
    assert code == 2
    assert "no SHACL shapes" in err
    # a user's shapes with only a blank property shape is a shapes file
    own = write(tmp_path, "own.ttl", "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
                "<http://example.org/S> a sh:NodeShape ; sh:targetClass "
                "<http://example.org/P> ; sh:property [ sh:path <http://example.org/n> ; "
                "sh:minCount 1 ] .\n")
    code, _, err = kg("validate", "--store", built_store, "--shapes", str(own))
    assert code == 0, err
