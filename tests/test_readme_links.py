"""README.md's links lead somewhere in a fresh clone, and the copies of the team's shared
documents it links to are the documents themselves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
COPIES = {"docs/INTERFACE.md": "INTERFACE.md", "docs/eval-rules.md": "eval/README.md",
          "tests/data/seeds-gold.json": "eval/seeds-gold.json"}


def test_every_relative_link_of_the_readme_leads_to_a_file_of_the_repository() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = [t.split("#")[0] for t in re.findall(r"\]\(([^)]+)\)", text)]
    local = [t for t in targets if t and not re.match(r"[a-z]+:", t)]
    assert local, "the README links to files of the repository"
    missing = [t for t in local if not (ROOT / t).exists()]
    assert missing == []


@pytest.mark.parametrize(("copy", "original"), sorted(COPIES.items()))
def test_the_copies_of_shared_documents_are_identical(copy: str, original: str) -> None:
    if not (SHARED / original).is_file():
        pytest.skip(f"../shared/{original} is not present on this machine")
    assert (ROOT / copy).read_bytes() == (SHARED / original).read_bytes()
