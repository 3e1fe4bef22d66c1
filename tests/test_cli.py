"""The ``kg`` command line: help, exit codes, messages without tracebacks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "tests" / "fixtures" / "build" / "good.txt"
COMMANDS = ["build", "load", "validate", "query", "export", "serve", "eval", "disagreements",
            "rollback"]


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("cli") / "store")
    code, out, err = run("build", str(GOOD), "--store", location)
    assert code == 0, err
    return location


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "Usage: main " + command in out or f"{command} [OPTIONS]" in out


def test_query_help_names_every_predeclared_prefix() -> None:
    from kg.namespace import PREFIXES

    _, out, _ = run("query", "--help")
    words = set(out.replace(",", " ").replace(".", " ").split())
    assert set(PREFIXES) <= words


def test_build_prints_counts_per_article(store: str) -> None:
    code, out, _ = run("build", str(GOOD), "--store", store, "--quiet")
    assert code == 0 and out == ""


def test_build_with_a_bad_file_reports_it_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00binary")
    code, out, err = run("build", str(GOOD), str(bad), "--store", str(tmp_path / "s"))
    assert code == 1
    assert "skipped" in err and "binary" in err
    assert "good.txt" in out


def test_build_notes_a_misspelt_header_key_and_builds_the_article(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("title: Duties\nautor: Jane Roe\n---\nChile raised duties on steel.\n")
    code, out, err = run("build", str(article), "--store", str(tmp_path / "s"))
    assert code == 0
    assert "kg: note: " in err and "'autor' is not a key kg reads (did you mean 'author'?)" in err
    assert "built 1 article" in out


def test_build_to_a_store_that_cannot_be_written_is_exit_3(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = run("build", str(GOOD), "--store", str(blocker / "store"))
    assert code == 3
    assert "cannot write store" in err and "Traceback" not in err


def test_query_without_a_store_says_what_to_do(tmp_path: Path) -> None:
    code, _, err = run("query", "ASK {}", "--store", str(tmp_path / "nothing"))
    assert code == 3
    assert "kg build" in err and "Traceback" not in err


def test_query_syntax_error_is_exit_2_with_the_parser_message(store: str) -> None:
    code, _, err = run("query", "SELECT WHERE {", "--store", store)
    assert code == 2 and "syntax error" in err


def test_query_syntax_error_shows_the_line_with_a_caret(store: str) -> None:
    code, _, err = run("query", "SELECT ?s\nWHERE { ?s a kg:Measure ) }", "--store", store)
    assert code == 2
    message, line, caret = err.rstrip("\n").split("\n")
    assert message.startswith("kg: error: SPARQL syntax error: error at 2:")
    column = int(message.split("error at 2:")[1].split(":")[0])
    assert line == "  2 | WHERE { ?s a kg:Measure ) }"
    assert caret == "    | " + " " * (column - 1) + "^"


def test_query_reads_stdin_and_files_and_knows_the_prefixes(store: str, tmp_path: Path) -> None:
    query = "SELECT ?id WHERE { ?a a kg:Article ; dcterms:identifier ?id }"
    code, out, _ = run("query", "-", "--store", store, "--format", "csv", stdin=query)
    assert code == 0 and out.splitlines() == ["id", "good.txt"]
    file = tmp_path / "q.rq"
    file.write_text(query)
    code, out, _ = run("query", f"@{file}", "--store", store)
    assert code == 0 and "good.txt" in out and "(1 row)" in out


def test_a_query_past_its_timeout_is_stopped_with_exit_4(store: str) -> None:
    endless = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    code, out, err = run("query", endless, "--store", store, "--timeout", "0.5")
    assert code == 4
    assert "stopped after 0.5 s" in err and out == ""


def test_a_query_within_its_timeout_answers_as_without_one(store: str) -> None:
    query = "SELECT ?a WHERE { ?a a kg:Article } ORDER BY ?a"
    assert run("query", query, "--store", store, "--timeout", "30") == \
        run("query", query, "--store", store)
    construct = "CONSTRUCT WHERE { ?a a kg:Article }"
    limited = run("query", construct, "--store", store, "--timeout", "30")
    assert limited[0] == 0 and limited == run("query", construct, "--store", store)
    assert run("query", "SELEC ?a {}", "--store", store, "--timeout", "30")[0] == 2


def test_construct_query_prints_turtle(store: str) -> None:
    code, out, _ = run("query", "CONSTRUCT { ?a a kg:Article } WHERE { ?a a kg:Article }",
                       "--store", store)
    assert code == 0 and "kg:Article" in out


@pytest.mark.parametrize(("fmt", "rdf_format"), [
    ("trig", "TRIG"), ("nquads", "N_QUADS"), ("jsonld", "JSON_LD"), ("ntriples", "N_TRIPLES"),
    ("rdfxml", "RDF_XML"),
])
def test_construct_query_writes_every_graph_format(store: str, fmt: str, rdf_format: str) -> None:
    import pyoxigraph as ox

    query = "CONSTRUCT { ?a a kg:Article } WHERE { ?a a kg:Article }"
    code, out, err = run("query", query, "--store", store, "--format", fmt)
    assert code == 0, err
    _, turtle, _ = run("query", query, "--store", store)
    parsed = {(q.subject, q.predicate, q.object)
              for q in ox.parse(out.encode(), format=getattr(ox.RdfFormat, rdf_format))}
    expected = {(t.subject, t.predicate, t.object)
                for t in ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)}
    assert parsed == expected and parsed


def test_export_to_a_file_is_byte_identical_twice(store: str, tmp_path: Path) -> None:
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    assert run("export", "--store", store, "--format", "turtle", "-o", str(first))[0] == 0
    assert run("export", "--store", store, "--format", "turtle", "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes() and first.stat().st_size > 0


def test_unknown_format_is_a_usage_error(store: str) -> None:
    code, _, err = run("export", "--store", store, "--format", "csv")
    assert code == 2 and "csv" in err


def test_load_of_a_malformed_file_names_line_and_exits_2(store: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://example.org/a> <http://example.org/b> .\n")
    code, _, err = run("load", str(bad), "--store", store)
    assert code == 2 and f"{bad}:1" in err


def test_validate_store_conforms(store: str) -> None:
    code, out, err = run("validate", "--store", store)
    assert code == 0, out + err


def test_disagreements_name_what_each_side_says(
        tmp_path: Path, make_store: Callable[..., Path]) -> None:
    location = make_store(tmp_path / "store", ROOT / "tests" / "data" / "disagreements.trig")
    code, out, _ = run("disagreements", "--store", str(location))
    assert code == 0
    # Each side's line carries its own value, so a reader need not match sides to the
    # label's "a vs b" by position.
    assert "c_one.txt" in out and "says 2026-01-06:" in out.split("c_one.txt", 1)[1].split("\n")[0]
    assert "says 2026-01-07:" in out.split("c_two.txt", 1)[1].split("\n")[0]
    assert out.rstrip().endswith("(3 disagreements)")
    code, out, _ = run("disagreements", "--store", str(location), "--json")
    records = {r["kind"]: r for r in json.loads(out)}
    assert [(s["article"], s["says"]) for s in records["date"]["sides"]] == [
        ("c_one.txt", ["2026-01-06"]), ("c_two.txt", ["2026-01-07"])]
    figure_sides = records["figure"]["sides"]
    assert [s["text"] for s in figure_sides] == ["about 60%", "more than 70%"]
    assert all(isinstance(s["begin"], int) and s["end"] > s["begin"] for s in figure_sides)


def test_disagreements_without_article_graphs_say_so_instead_of_none(
        tmp_path: Path, make_store: Callable[..., Path]) -> None:
    import pyoxigraph as ox

    # A Turtle copy of the graph keeps the triples but not the article graphs.
    trig = ROOT / "tests" / "data" / "disagreements.trig"
    flat = tmp_path / "flat.ttl"
    ox.serialize([ox.Triple(q.subject, q.predicate, q.object)
                  for q in ox.parse(trig.read_bytes(), format=ox.RdfFormat.TRIG)],
                 str(flat), format=ox.RdfFormat.TURTLE)
    location = str(tmp_path / "store")
    assert run("load", str(flat), "--store", location)[0] == 0
    code, out, _ = run("disagreements", "--store", location)
    assert code == 0 and "None" not in out
    assert "its article's graph is not in the store" in out


def test_disagreements_list_every_article_per_value_and_self_contradiction(
        tmp_path: Path, make_store: Callable[..., Path]) -> None:
    location = make_store(tmp_path / "store",
                          ROOT / "tests" / "data" / "disagreement_sides.trig")
    code, out, _ = run("disagreements", "--store", str(location))
    assert code == 0
    lines = out.splitlines()
    sixth = lines.index("  3 articles say 2026-01-06:")
    seventh = lines.index("  1 article says 2026-01-07:")
    assert [line.split()[0] for line in lines[sixth + 1:seventh]] == [
        "d_one.txt", "d_three.txt", "d_two.txt"]
    assert lines[seventh + 1].startswith("    d_three.txt [0:62] (contradicts itself) says")
    code, out, _ = run("disagreements", "--store", str(location), "--json")
    [record] = json.loads(out)
    assert record["positions"] == [
        {"says": "2026-01-06", "articles": ["d_one.txt", "d_three.txt", "d_two.txt"]},
        {"says": "2026-01-07", "articles": ["d_three.txt"]}]
    assert [(s["article"], s["position"], s["contradicts_itself"]) for s in record["sides"]] == [
        ("d_one.txt", 0, False), ("d_three.txt", 1, True), ("d_three.txt", 0, True),
        ("d_two.txt", 0, False)]


def test_an_article_giving_two_scopes_is_on_both_sides_but_no_self_contradiction(
        tmp_path: Path) -> None:
    # Two scopes from one article may be two measures it tells apart (the seeds' ban on
    # dual-use items and the broader rare-earth curbs one article also reports).
    location = str(tmp_path / "store")
    assert run("build", str(ROOT / "seeds"), "--store", location, "--quiet")[0] == 0
    code, out, _ = run("disagreements", "--store", location, "--json")
    [scope] = [r for r in json.loads(out) if r["kind"] == "scope"]
    both = [s for s in scope["sides"] if s["several_positions"]]
    assert both and not any(s["contradicts_itself"] for s in scope["sides"])
    assert "(also on another side)" in run("disagreements", "--store", location)[1]


def test_an_export_to_a_folder_that_does_not_exist_is_a_clear_error(
    store: str, tmp_path: Path,
) -> None:
    target = tmp_path / "missing" / "graph.ttl"
    code, _, err = run("export", "--store", store, "-o", str(target))
    assert code == 2
    assert f"cannot write {target}" in err and "Traceback" not in err
    assert not target.parent.exists()


def test_a_store_location_that_is_a_file_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("not a store", encoding="utf-8")
    code, _, err = run("build", str(ROOT / "seeds"), "--store", str(blocker), "--quiet")
    assert code == 3
    assert "cannot write store" in err and "Traceback" not in err


def test_serve_on_a_port_in_use_fails_at_once_with_the_reason(store: str) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, out, err = run("serve", "--store", store, "--port", str(port))
    assert code == 2
    assert "Address already in use" in err and "serving" not in out


def test_a_skipped_file_is_named_once_and_an_empty_folder_says_what_was_looked_for(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    code, _, err = run("build", str(folder), "--store", str(tmp_path / "s"))
    assert code == 2
    assert f"({folder / 'empty.txt'}: file is empty)" in err
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    code, _, err = run("build", str(nothing), "--store", str(tmp_path / "s"))
    assert code == 2 and f"no *.txt files in {nothing}" in err


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_serve_on_a_port_out_of_range_is_refused_before_anything_starts(
        store: str, port: str) -> None:
    code, out, err = run("serve", "--store", store, "--port", port)
    assert code == 2 and "0<=x<=65535" in err and "serving" not in out


def test_main_help_lists_every_exit_code() -> None:
    _, out, _ = run("--help")
    for told in ("0 success", "1 the job ran", "2 bad usage", "3 the", "4 a query stopped"):
        assert told in " ".join(out.split())


def test_a_build_of_fewer_articles_names_the_article_graphs_it_replaced(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert run("build", str(seeds[0]), str(seeds[1]), "--store", location, "-q")[0] == 0
    code, _, err = run("build", str(seeds[0]), "--store", location, "-q")
    assert code == 0
    assert "1 article graph of the previous graph is not in this build" in err
    assert f"article/{seeds[1].stem}>" in err and f"article/{seeds[0].stem}>" not in err
    again = run("build", str(seeds[0]), "--store", location, "-q")
    assert "not in this build" not in again[2]  # nothing more was replaced


def test_a_build_names_the_files_of_a_folder_it_passed_over(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.TXT").write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "draft.md").write_text("# draft", encoding="utf-8")
    code, out, err = run("build", str(folder), "--store", str(tmp_path / "store"))
    assert code == 0, err
    assert "built 1 article" in out
    assert "1 file(s) passed over, not being *.txt: draft.md" in err


def test_two_inputs_with_one_file_name_keep_the_first_and_say_to_rename(tmp_path: Path) -> None:
    for outlet in ("reuters", "nikkei"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "article1.txt").write_text(GOOD.read_text(encoding="utf-8"),
                                                        encoding="utf-8")
    code, out, err = run("build", str(tmp_path / "nikkei"), str(tmp_path / "reuters"),
                         "--store", str(tmp_path / "store"))
    assert code == 1 and "built 1 article" in out
    assert "reuters/article1.txt: another input is also named article1.txt" in err
    assert "rename one" in err


PARAM_QUERY = """# title: Statements of a speaker
# param: ?name = "Nobody" | Speaker
SELECT ?quote WHERE {
  VALUES ?name { "Nobody" }
  ?s a kg:Statement ; kg:speaker ?who ; kg:quote ?quote .
  ?who rdfs:label ?name .
}
"""


def test_query_param_binds_a_declared_parameter_and_the_default_runs_unbound(
    store: str, tmp_path: Path,
) -> None:
    file = tmp_path / "speaker.rq"
    file.write_text(PARAM_QUERY)
    code, out, err = run("query", f"@{file}", "--store", store, "--format", "csv",
                         "--param", "name=Ana Petrova")
    assert code == 0, err
    assert out.splitlines()[1:] == ["This measure protects our security"]
    code, out, _ = run("query", f"@{file}", "--store", store, "--format", "csv")
    assert code == 0 and out.splitlines() == ["quote"]


@pytest.mark.parametrize(("param", "message"), [
    ("who=Ana Petrova", "?who: the query declares no such parameter; it declares ?name"),
    ("name", "'name': write a parameter as NAME=VALUE"),
    ("name=", "?name: a value is needed"),
])
def test_query_param_errors_name_the_parameter_and_are_exit_2(
    store: str, tmp_path: Path, param: str, message: str,
) -> None:
    file = tmp_path / "speaker.rq"
    file.write_text(PARAM_QUERY)
    code, out, err = run("query", f"@{file}", "--store", store, "--param", param)
    assert code == 2 and out == ""
    assert message in err


def test_query_param_given_twice_is_refused(store: str, tmp_path: Path) -> None:
    file = tmp_path / "speaker.rq"
    file.write_text(PARAM_QUERY)
    code, _, err = run("query", f"@{file}", "--store", store, "--param", "name=A",
                       "--param", "name=B")
    assert code == 2 and "?name: given twice" in err


def test_query_param_on_a_query_without_param_lines_says_it_declares_none(store: str) -> None:
    code, _, err = run("query", "SELECT * { ?s ?p ?o } LIMIT 1", "--store", store,
                       "--param", "x=1")
    assert code == 2 and "declares none (no '# param:' line)" in err


def test_query_param_of_a_date_example_refuses_a_value_that_is_not_a_date(store: str) -> None:
    example = ROOT / "server" / "queries" / "11-on-a-day.rq"
    code, _, err = run("query", f"@{example}", "--store", store, "--param", "day=yesterday")
    assert code == 2 and "'yesterday' is not a date (YYYY-MM-DD)" in err
    code, _, err = run("query", f"@{example}", "--store", store, "--param", "day=2025-03-03")
    assert code == 0, err


def test_query_with_a_misspelt_kg_term_notes_it_on_stderr_beside_the_empty_result(
    store: str,
) -> None:
    code, out, err = run("query", "SELECT ?m WHERE { ?m kg:issuedBy ?x }", "--store", store)
    assert code == 0 and "(0 rows)" in out
    assert "kg: note: kg:issuedBy is not a term of the kg ontology; did you mean kg:issuer?" \
        in err
    code, _, err = run("query", "SELECT ?m WHERE { ?m kg:issuer ?x }", "--store", store)
    assert code == 0 and "note" not in err


def test_rollback_after_a_build_of_one_article_restores_every_article(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    seeds = ROOT / "seeds"
    articles = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }"
    assert run("build", str(seeds), "--store", location, "-q")[0] == 0
    first = sorted(seeds.glob("*.txt"))[0]
    code, _, err = run("build", str(first), "--store", location, "-q")
    assert code == 0 and "'kg rollback' restores the previous graph" in err
    assert run("query", articles, "--store", location, "--format", "csv")[1].split() == ["n", "1"]
    code, out, _ = run("rollback", "--store", location)
    assert code == 0 and "is current again" in out
    total = str(len(list(seeds.glob("*.txt"))))
    assert run("query", articles, "--store", location, "--format", "csv")[1].split() == ["n", total]


def test_rollback_without_an_earlier_graph_is_exit_3_saying_so(tmp_path: Path) -> None:
    location = str(tmp_path / "one")
    assert run("build", str(GOOD), "--store", location, "-q")[0] == 0
    code, out, err = run("rollback", "--store", location)
    assert code == 3 and out == ""
    assert "no earlier graph to roll back to" in err
