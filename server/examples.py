"""Example queries for the query page, read from ``server/queries/*.rq``.

Each file starts with comment lines ``# title: ...`` and ``# description: ...``; the rest
of the file is the query shown in the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
_HEADER = re.compile(r"#\s*(title|description)\s*:\s*(.*?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Example:
    """One example query: file stem, title, description and query text."""

    name: str
    title: str
    description: str
    query: str


def parse_example(name: str, text: str) -> Example:
    """Split an ``.rq`` file into its header fields and the query below them."""
    fields: dict[str, str] = {}
    lines = text.splitlines()
    body_start = 0
    for index, line in enumerate(lines):
        match = _HEADER.match(line.strip())
        if not match:
            break
        fields[match.group(1).lower()] = match.group(2)
        body_start = index + 1
    query = "\n".join(lines[body_start:]).strip() + "\n"
    return Example(
        name=name,
        title=fields.get("title") or name.replace("-", " "),
        description=fields.get("description", ""),
        query=query,
    )


def load_examples(folder: Path = QUERIES_DIR) -> list[Example]:
    """Every ``*.rq`` file of ``folder``, in file-name order."""
    return [
        parse_example(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.rq"))
    ]
