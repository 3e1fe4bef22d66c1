"""docs/endpoint.md and the README's endpoint section name only options and headers that
exist: the documentation is checked against the code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kg import sparql
from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "endpoint.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## SPARQL endpoint", 1)[1].split("\n## ", 1)[0]


def help_text(*command: str) -> str:
    result = CliRunner().invoke(main, [*command, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    return result.output


def bench_help() -> str:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "http.py"), "--help"],
                            capture_output=True, text=True, check=True, timeout=60)
    return result.stdout


def oxigraph_help() -> str:
    # The reference server of the benchmark (the test extra installs it).
    binary = Path(sys.executable).with_name("oxigraph")
    result = subprocess.run([str(binary), "serve-read-only", "--help"], capture_output=True,
                            text=True, check=True, timeout=60)
    return result.stdout


def test_every_option_the_docs_name_exists() -> None:
    known = help_text("serve") + help_text("load") + bench_help() + oxigraph_help()
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", DOC + SECTION))
    assert named, "the docs name options"
    assert not {option for option in named if option not in known}


def test_the_truncation_headers_are_the_ones_sent() -> None:
    for header in (sparql.TRUNCATED_HEADER, sparql.ROW_LIMIT_HEADER):
        assert header in DOC
    assert sparql.TRUNCATED_HEADER in SECTION


def test_the_readme_section_links_the_endpoint_docs() -> None:
    assert "docs/endpoint.md" in SECTION
