"""Extraction never raises on text whose case is unusual: bulletins and headlines in capitals,
chat in lower case. (A pattern that ignores case fed a lookup keyed as written, and the
flight number "RS402" lost a whole article; see tests/test_extract_figures.py.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kg.extract import extract
from kg.ingest import parse_article

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


@pytest.mark.parametrize("change", [str.upper, str.lower, str.swapcase],
                         ids=["upper", "lower", "swapcase"])
@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_extraction_of_a_recased_article_keeps_its_spans_in_its_text(
        path: Path, change: Callable[[str], str]) -> None:
    header, blank, body = path.read_text(encoding="utf-8").partition("\n\n")
    article = parse_article((header + blank + change(body)).encode(), identifier=path.name)
    found = extract(article)
    spans = [m.span for group in (found.actors, found.materials, found.statements,
                                  found.figures, found.measures) for m in group]
    assert all(article.text[s.begin:s.end] == s.text for s in spans)
