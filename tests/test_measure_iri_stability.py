"""A measure's IRI does not change when an article about another measure is added."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.build import build
from kg.namespace import KG, RDF
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
OTHER = """title: Beijing adds magnet curbs for Japanese buyers
date: 2026-01-20
---
China banned exports of rare earth magnets to Japan on January 19, the commerce ministry said.
"""


def _measure_iris(store: Store) -> set[str]:
    kind = ox.NamedNode(str(KG.Measure))
    rdf_type = ox.NamedNode(str(RDF.type))
    return {q.subject.value for q in store.open().quads_for_pattern(None, rdf_type, kind, None)
            if isinstance(q.subject, ox.NamedNode)}


def test_adding_an_article_about_another_ban_of_the_same_month_renames_nothing(
    tmp_path: Path,
) -> None:
    before = Store(tmp_path / "before")
    build([ROOT / "seeds"], before)
    other = tmp_path / "magnets.txt"
    other.write_text(OTHER)
    after = Store(tmp_path / "after")
    build([ROOT / "seeds", other], after)
    kept, now = _measure_iris(before), _measure_iris(after)
    assert kept <= now  # every IRI of the seeds' graph still names a measure
    added = now - kept
    assert len(added) == 1 and "rare-earth-magnets" in next(iter(added))  # the new ban
