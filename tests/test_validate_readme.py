"""README.md, "Validating your own graph in CI": every ``kg validate`` command it shows runs
as written, on the seeds graph, and gives the exit code and report it promises."""

from __future__ import annotations

import re
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Validating your own graph in CI"


def section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    return text[start:end if end > 0 else None]


def commands() -> list[list[str]]:
    """``kg validate`` command lines of the section's code blocks (comments dropped)."""
    found = []
    for line in section().splitlines():
        line = re.sub(r"^\s*(- run: )?", "", line)
        if line.startswith("kg validate"):
            found.append(shlex.split(line, comments=True)[2:])
    return found


def kg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seeds built into a store and exported as graph.trig, and a user's shapes file."""
    folder = tmp_path_factory.mktemp("readme-ci")
    store = folder / "store"
    code, _, err = kg("build", str(ROOT / "seeds"), "--store", str(store), "--quiet")
    assert code == 0, err
    graph = folder / "graph.trig"
    assert kg("export", "--store", str(store), "--format", "trig", "-o", str(graph))[0] == 0
    mine = folder / "my-shapes.ttl"
    mine.write_text("""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kg: <https://w3id.org/tradekg/ontology#> .
        <https://example.org/shapes#ArticleIdentified> a sh:PropertyShape ;
            sh:name "article identified" ; sh:message "An article needs an identifier." ;
            sh:targetClass kg:Article ; sh:path <http://purl.org/dc/terms/identifier> ;
            sh:minCount 1 .
    """, encoding="utf-8")
    return {"store": store, "graph.trig": graph, "my-shapes.ttl": mine,
            "shapes/": ROOT / "shapes", "folder": folder}


def test_the_section_shows_commands_for_the_store_an_article_a_file_and_junit() -> None:
    shown = [" ".join(c) for c in commands()]
    assert "" in shown  # the store
    assert any(c.startswith("--data") for c in shown)
    assert any("--format junit" in c and "-o" in c for c in shown)
    assert any("--shapes" in c for c in shown)
    assert any(c.endswith(".txt") for c in shown)


@pytest.mark.parametrize("args", commands(), ids=lambda a: " ".join(a) or "(store)")
def test_each_command_runs_as_written_on_the_seeds(args: list[str],
                                                   seeds: dict[str, Path]) -> None:
    argv = [str(seeds[a]) if a in seeds else a for a in args]
    if "-o" in argv:
        out = argv.index("-o") + 1
        argv[out] = str(seeds["folder"] / argv[out])
    if "--data" not in argv:
        argv += ["--store", str(seeds["store"])]
    code, out, err = kg("validate", *argv)
    assert code == 0, out + err  # the seeds conform
    if "junit" in argv:
        report = ET.parse(argv[argv.index("-o") + 1]).getroot()
        assert report.get("failures") == "0" and int(report.get("tests", "0")) > 80
    else:
        assert out.startswith("SHACL validation: conforms")


def test_the_exit_codes_in_the_section_are_the_cli_s() -> None:
    text = section()
    for code in ("0", "1", "2", "3"):
        assert re.search(rf"^\| {code} \|", text, re.MULTILINE), code
    assert "FILE:LINE:COLUMN" in text
