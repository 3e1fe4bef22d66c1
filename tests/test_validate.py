"""kg.validate: reading input, the union of graphs, reports and their renderers."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import RDF

from kg.errors import RdfSyntaxError, UsageError, ValidationFailed
from kg.namespace import KGSH, ONTOLOGY_GRAPH, SH, article_iri
from kg.resources import ontology_path
from kg.store import Store
from kg.validate import (
    EvidenceSpan,
    ValidationReport,
    ValidationResult,
    load_shapes,
    read_rdf,
    validate_file,
    validate_graph,
    validate_store,
)

SHAPES_TESTS = Path(__file__).resolve().parent / "shapes"
VALID = SHAPES_TESTS / "valid" / "one-article.trig"
TWO_ARTICLES = SHAPES_TESTS / "valid" / "two-articles.trig"
T1 = article_iri("t1.txt")
T2 = article_iri("t2.txt")
MONTH_DATE = 'kg:date "2026-01"^^xsd:gYearMonth ;'
ACTOR_RURITANIA = "https://w3id.org/tradekg/id/actor/ruritania"
MEASURE = "https://w3id.org/tradekg/id/measure/export-ban-norway-ruritania"


def invalid(shape: str) -> Path:
    return SHAPES_TESTS / "invalid" / f"{shape}.trig"


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load_shapes()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def store_with(tmp_path: Path, *files: Path, ontology: bool = False) -> Store:
    """A real on-disk store holding the quads of ``files`` (and the ontology graph)."""
    store = Store(tmp_path / "store")
    with store.write() as target:
        for path in files:
            target.bulk_extend(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))
        if ontology:
            graph = ox.NamedNode(ONTOLOGY_GRAPH)
            target.bulk_extend(
                ox.Quad(t.subject, t.predicate, t.object, graph)
                for t in ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE))
    return store


def fixture_text_with(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


# -- input ---------------------------------------------------------------------------------


def test_turtle_syntax_error_is_reported_with_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.ttl",
                 "@prefix ex: <https://example.org/> .\n\nex:a ex:b ex:c ;\n  ex:d .\n")
    with pytest.raises(RdfSyntaxError) as caught:
        validate_file(path)
    assert caught.value.line == 4
    assert caught.value.exit_code == 2
    assert str(path) in str(caught.value)


def test_trig_syntax_error_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.trig", "GRAPH <https://example.org/g> {\n  <a> <b> \n}\n")
    with pytest.raises(RdfSyntaxError) as caught:
        validate_file(path)
    assert caught.value.line is not None and caught.value.line >= 2


def test_unknown_extension_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        validate_file(write(tmp_path, "data.txt", "hello"))
    assert caught.value.exit_code == 2


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        validate_file(tmp_path / "nothing.ttl")


def test_shapes_file_with_syntax_error_is_reported(tmp_path: Path) -> None:
    with pytest.raises(RdfSyntaxError):
        load_shapes([write(tmp_path, "shapes.ttl", "@prefix sh: <http://www.w3.org/ns/shacl#> \n")])


def test_default_shapes_are_the_shapes_folder(shapes: rdflib.Graph) -> None:
    assert (KGSH["Statement-03-speaker"], RDF.type, SH.PropertyShape) in shapes


# -- validation ----------------------------------------------------------------------------


def test_valid_file_conforms_with_no_result() -> None:
    report = validate_file(VALID)
    assert report.conforms and report.results == [] and not report.fails("info")
    assert report.triples > 100 and len(report.shapes) > 50


def test_a_plain_turtle_file_is_validated_too(tmp_path: Path, shapes: rdflib.Graph) -> None:
    union = read_rdf(VALID)
    graph = rdflib.Graph()
    for s, p, o, _ in union.quads((None, None, None, None)):
        graph.add((s, p, o))
    path = tmp_path / "flat.ttl"
    graph.serialize(path, format="turtle")
    assert validate_file(path).results == []


def test_ontology_graph_is_left_out_so_base_types_stay_required(shapes: rdflib.Graph) -> None:
    """kg:Person rdfs:subClassOf kg:Actor in the ontology graph must not excuse a person
    that is not typed kg:Actor explicitly."""
    data = read_rdf(invalid("Actor-08-base-type"))
    ontology = data.graph(rdflib.URIRef(ONTOLOGY_GRAPH))
    ontology.parse(ontology_path(), format="turtle")
    report = validate_graph(data, shapes)
    assert [r.shape for r in report.results] == [str(KGSH["Actor-08-base-type"])]


def test_an_rdflib_graph_with_a_literal_subject_is_refused_clearly(
    shapes: rdflib.Graph,
) -> None:
    graph = rdflib.Graph()
    graph.add((rdflib.Literal("not a node"), RDF.type, rdflib.URIRef("http://example.org/C")))
    with pytest.raises(UsageError, match="not an RDF triple"):
        validate_graph(graph, shapes)


def test_violation_fails_and_warning_or_info_do_not_by_default() -> None:
    violation = validate_file(invalid("Statement-03-speaker"))
    warning = validate_file(invalid("Measure-13-mentioned"))
    info = validate_file(invalid("Article-13-date-known"))
    assert not violation.conforms and violation.fails()
    assert warning.conforms and not warning.fails()
    assert warning.fails("warning") and warning.fails("info")
    assert info.conforms and not info.fails("warning") and info.fails("info")


def test_offsets_as_the_store_returns_them_are_accepted_but_not_negative(
    tmp_path: Path,
) -> None:
    """Oxigraph keeps xsd:nonNegativeInteger as xsd:integer: both are fine, -1 is not."""
    begin = '"157"^^xsd:nonNegativeInteger'
    text = fixture_text_with(VALID, begin, '"157"^^xsd:integer')
    assert validate_file(write(tmp_path, "int.trig", text)).results == []
    text = fixture_text_with(VALID, begin, '"-1"^^xsd:integer')
    report = validate_file(write(tmp_path, "neg.trig", text))
    assert "Evidence-02-begin" in {r.shape.rsplit("#", 1)[1] for r in report.results}


def test_raise_if_fails_raises_validation_failed_with_the_text_report() -> None:
    report = validate_file(invalid("Statement-03-speaker"))
    with pytest.raises(ValidationFailed) as caught:
        report.raise_if_fails()
    assert caught.value.exit_code == 1
    assert "kgsh:Statement-03-speaker" in str(caught.value)
    validate_file(invalid("Measure-13-mentioned")).raise_if_fails()  # a warning passes


def test_unknown_fail_on_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        ValidationReport(conforms=True).fails("error")


def test_result_names_article_evidence_and_label_of_a_statement() -> None:
    report = validate_file(invalid("Statement-11-quote-is-evidence"))
    (result,) = report.results
    assert result.article == T1
    assert result.focus_label == "We will never yield"
    assert result.path == "kg:quote"
    assert result.value == '"We will never yield"'
    assert result.evidence == [EvidenceSpan(T1, 78, 95, "We will not yield")]
    assert result.shape_name == "statement quote is its evidence text"
    assert result.constraint == "sh:SPARQLConstraintComponent"


def test_result_about_an_evidence_span_names_its_article() -> None:
    (result,) = validate_file(invalid("Evidence-06-anchor-in-text")).results
    assert result.article == T1
    assert result.evidence == [EvidenceSpan(T1, 157, 174, "roughly 61 to 65%")]


def test_result_about_an_entity_is_not_put_in_an_article() -> None:
    (result,) = validate_file(invalid("Actor-01-label")).results
    assert result.article is None and result.evidence == []


def test_result_on_an_article_account_of_a_measure_names_that_article() -> None:
    (result,) = validate_file(invalid("Measure-07-date")).results
    assert result.article == T1
    assert result.value == '"5 January 2026"'
    assert [e.article for e in result.evidence] == [T1]


def test_measure_accounts_in_two_articles_are_located_in_each(tmp_path: Path) -> None:
    text = fixture_text_with(TWO_ARTICLES, MONTH_DATE, 'kg:date "soon" ;')
    text = text.replace('kg:date "2026-01-05"^^xsd:date ;\n        kg:status',
                        'kg:date "early" ;\n        kg:status')
    report = validate_file(write(tmp_path, "two.trig", text))
    assert sorted((r.article, r.value) for r in report.results) == [
        (T1, '"early"'), (T2, '"soon"')]


# -- renderers -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed_report(tmp_path_factory: pytest.TempPathFactory) -> ValidationReport:
    """Two violations in two articles, one entity violation, one warning."""
    text = fixture_text_with(TWO_ARTICLES, MONTH_DATE, 'kg:date "soon" ;')
    text = text.replace('kg:quote "We will not yield" ;', 'kg:quote "We will never yield" ;')
    text = text.replace('rdfs:label "Ruritania" .',
                        'rdfs:label "Ruritania", "Ruritanian Republic" .')
    text = text.replace("kg:status kg:InForce ;\n", "")
    text = text.replace("kg:status kg:Announced ;\n", "")
    path = tmp_path_factory.mktemp("mixed") / "mixed.trig"
    path.write_text(text, encoding="utf-8")
    return validate_file(path)


def test_mixed_report_has_the_expected_results(mixed_report: ValidationReport) -> None:
    assert [(r.severity, r.shape.rsplit("#", 1)[1]) for r in mixed_report.results] == [
        ("Violation", "Statement-11-quote-is-evidence"),
        ("Violation", "Measure-07-date"),
        ("Violation", "Actor-01-label"),
        ("Warning", "Measure-09-status-known"),
    ]
    assert mixed_report.count("Violation") == 3 and mixed_report.count("Warning") == 1


def test_text_report_groups_results_by_article(mixed_report: ValidationReport) -> None:
    text = mixed_report.to_text()
    assert text.startswith("SHACL validation: does not conform: 3 violations, 1 warning, 0 infos")
    t1 = text.index(f"Article t1.txt <{T1}>:")
    t2 = text.index(f"Article t2.txt <{T2}>:")
    rest = text.index("Not in one article's graph")
    assert t1 < text.index("kgsh:Statement-11-quote-is-evidence") < t2
    assert t2 < text.index("kgsh:Measure-07-date") < rest
    assert rest < text.index("kgsh:Actor-01-label")
    assert 'evidence: [78,95) "We will not yield"' in text


def test_json_report_parses_and_keeps_every_field(mixed_report: ValidationReport) -> None:
    body = json.loads(mixed_report.to_json())
    assert body["conforms"] is False
    assert body["counts"] == {"violation": 3, "warning": 1, "info": 0}
    first = body["results"][0]
    assert first["shape"] == str(KGSH["Statement-11-quote-is-evidence"])
    assert first["article"] == T1
    assert first["evidence"] == [{"article": T1, "begin": 78, "end": 95,
                                  "text": "We will not yield"}]
    assert set(first) >= {"severity", "shape_name", "message", "focus", "focus_label", "path",
                          "value", "constraint"}


def test_turtle_report_is_a_standard_shacl_report(mixed_report: ValidationReport) -> None:
    graph = rdflib.Graph().parse(data=mixed_report.to_turtle(), format="turtle")
    (report,) = graph.subjects(RDF.type, SH.ValidationReport)
    assert graph.value(report, SH.conforms) == rdflib.Literal(False)
    results = list(graph.objects(report, SH.result))
    assert len(results) == 4
    shapes = {str(graph.value(r, SH.sourceShape)) for r in results}
    assert str(KGSH["Actor-01-label"]) in shapes
    for result in results:
        assert graph.value(result, SH.focusNode) is not None
        assert graph.value(result, SH.resultSeverity) in (SH.Violation, SH.Warning)


def test_turtle_report_of_a_conforming_graph_says_so() -> None:
    graph = rdflib.Graph().parse(data=validate_file(VALID).to_turtle(), format="turtle")
    (report,) = graph.subjects(RDF.type, SH.ValidationReport)
    assert graph.value(report, SH.conforms) == rdflib.Literal(True)
    assert list(graph.objects(report, SH.result)) == []


def test_junit_report_has_a_failed_case_per_violation_and_a_passing_case_per_clean_shape(
    mixed_report: ValidationReport,
) -> None:
    root = ET.fromstring(mixed_report.to_junit())
    cases = root.findall("./testsuite/testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    assert sorted(c.get("name") for c in failed) == [
        f"kgsh:Actor-01-label <{ACTOR_RURITANIA}>",
        f"kgsh:Measure-07-date <{MEASURE}> in t2.txt",
        f"kgsh:Statement-11-quote-is-evidence <{T1}/statement/78-95> in t1.txt",
    ]
    assert all(len(c.findall("failure")) == 1 for c in failed)
    assert root.get("failures") == "3" and root.get("tests") == str(len(cases))
    passing = {c.get("name") for c in cases if c.find("failure") is None}
    assert len(passing) == len(mixed_report.shapes) - 3  # every other shape passes
    (warned,) = [c for c in cases if c.get("name") == "kgsh:Measure-09-status-known"]
    assert "WARNING" in (warned.findtext("system-out") or "")
    (quote,) = [c for c in failed if "Statement-11" in c.get("name", "")]
    body = quote.findtext("failure") or ""
    assert 'evidence: [78,95) "We will not yield"' in body
    assert quote.find("failure").get("type") == "Violation"  # type: ignore[union-attr]


def test_junit_fail_on_warning_turns_warnings_into_failed_cases(
    mixed_report: ValidationReport,
) -> None:
    root = ET.fromstring(mixed_report.to_junit(fail_on="warning"))
    assert root.get("failures") == "4"
    assert any(c.get("name", "").startswith("kgsh:Measure-09-status-known <")
               for c in root.iter("testcase") if c.find("failure") is not None)


def test_report_built_by_hand_renders_as_turtle() -> None:
    result = ValidationResult(severity="Warning", shape=str(KGSH["Actor-02-kind"]),
                              shape_name="actor kind", message="m", focus="https://example.org/a")
    graph = rdflib.Graph().parse(data=ValidationReport(True, [result]).to_turtle(), format="turtle")
    (node,) = graph.subjects(RDF.type, SH.ValidationResult)
    assert graph.value(node, SH.resultSeverity) == SH.Warning


# -- the store -----------------------------------------------------------------------------


def test_store_that_conforms_validates_without_its_ontology_graph(tmp_path: Path) -> None:
    report = validate_store(store_with(tmp_path, TWO_ARTICLES, ontology=True))
    assert report.results == [] and report.conforms
    assert set(report.articles) == {T1, T2}
    assert report.articles[T1] == "t1.txt"


def test_store_with_a_violation_does_not_conform(tmp_path: Path) -> None:
    report = validate_store(store_with(tmp_path, invalid("Evidence-06-anchor-in-text")))
    assert report.fails() and [r.article for r in report.results] == [T1]


def test_store_report_can_be_restricted_to_articles(tmp_path: Path) -> None:
    text = fixture_text_with(TWO_ARTICLES, MONTH_DATE, 'kg:date "soon" ;')
    store = store_with(tmp_path, write(tmp_path, "two.trig", text))
    assert validate_store(store).fails()
    assert validate_store(store, ["t2.txt"]).fails()
    only_t1 = validate_store(store, ["t1.txt"])
    assert only_t1.conforms and only_t1.results == [] and set(only_t1.articles) == {T1}
    by_iri = validate_store(store, [T2])
    assert [r.article for r in by_iri.results] == [T2]


def test_store_restricted_to_an_unknown_article_is_a_usage_error(tmp_path: Path) -> None:
    store = store_with(tmp_path, VALID)
    with pytest.raises(UsageError) as caught:
        validate_store(store, ["nope.txt"])
    assert "nope" in str(caught.value)


# -- shapes, engines -------------------------------------------------------------------------


def test_shapes_can_be_given_as_folders_and_files(tmp_path: Path, shapes: rdflib.Graph) -> None:
    mine = write(tmp_path, "mine.ttl", """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://example.org/S> sh:targetNode <https://example.org/x> ;
            sh:property [ sh:path <https://example.org/p> ; sh:minCount 1 ] .
    """)
    both = load_shapes([SHAPES_TESTS.parent.parent / "shapes", mine])
    assert len(both) == len(shapes) + len(load_shapes([mine]))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UsageError):
        load_shapes([empty])


def test_unknown_engine_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        validate_file(VALID, engine="jena")


def test_turtle_report_copies_a_blank_node_path_from_the_shapes() -> None:
    """Measure-13's path is ^kg:mentions: the report says so in SHACL's own terms."""
    report = validate_file(invalid("Measure-13-mentioned"))
    graph = rdflib.Graph().parse(data=report.to_turtle(), format="turtle")
    (result,) = graph.subjects(RDF.type, SH.ValidationResult)
    path = graph.value(result, SH.resultPath)
    assert graph.value(path, SH.inversePath) == rdflib.URIRef(
        "https://w3id.org/tradekg/ontology#mentions")
    assert report.results[0].path == "^kg:mentions"


def test_the_report_names_the_engine_that_made_it() -> None:
    assert validate_file(VALID).engine == "sparql"
    assert validate_file(VALID, engine="pyshacl").engine == "pyshacl"


def test_validation_reads_through_oxigraph_so_canonical_forms_are_seen(tmp_path: Path) -> None:
    """A decimal written 60.0 is stored (and validated) as "60"^^xsd:decimal."""
    text = fixture_text_with(VALID, "kg:value 60.0 ;", 'kg:value "060.00"^^xsd:decimal ;')
    assert validate_file(write(tmp_path, "canonical.trig", text)).results == []


def test_build_validates_with_the_fast_engine_unless_told_otherwise() -> None:
    from kg.build import validate_graph as validate_built

    data = ox.Store()
    data.extend(ox.parse(path=str(invalid("Statement-11-quote-is-evidence")),
                         format=ox.RdfFormat.TRIG))
    fast, reference = validate_built(data), validate_built(data, engine="pyshacl")
    assert (fast.engine, reference.engine) == ("sparql", "pyshacl")
    assert [r.to_dict() for r in fast.results] == [r.to_dict() for r in reference.results]
    assert len(fast.results) == 1 and fast.fails()


def test_text_report_puts_the_groups_with_violations_before_those_with_only_infos() -> None:
    info = ValidationResult("Info", str(KGSH["Article-09-date-known"]), "article date known",
                            "article date not known", T1, article=T1)
    violation = ValidationResult("Violation", str(KGSH["Actor-01-label"]), "actor label",
                                 "two labels", "http://example.org/x")
    text = ValidationReport(conforms=False, results=[info, violation]).to_text()
    assert text.index("Not in one article's graph") < text.index(f"<{T1}>:")
