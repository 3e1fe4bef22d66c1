"""Helpers for the statement, figure, measure and date extractor tests.

The extractors take the actor mentions found by :mod:`kg.extract.actors` as input.  These
tests build those mentions from a small table instead (surface forms -> canonical name,
type, parent), so that each test controls exactly what the extractor under test receives
and does not change when the reference data grows.

Style fixtures live in ``tests/fixtures/styles/``: ``NAME.txt`` is the article and
``NAME.json`` holds the table of its actors and materials, an optional reference date and
the ``expected`` annotations the tests check.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.extract.actors import find_actors
from kg.extract.citations import find_citations
from kg.extract.figures import find_figures
from kg.extract.measures import find_measures
from kg.ingest import parse_article, read_article
from kg.model import (
    ActorMention,
    ActorType,
    Article,
    ArticleMetadata,
    MaterialCategory,
    MaterialMention,
    MeasureMention,
    Span,
)


def measures_in(text: str, actors: list[dict[str, Any]], goods: list[dict[str, Any]], *,
                date: str | None) -> list[MeasureMention]:
    """The measures of ``text`` with actor and material tables (rows of :func:`actor` and
    of ``{"name", "category", "forms"}``), the article dated ``date``."""
    return find_measures(article(text, date=date), mentions(text, actors),
                         materials(text, goods))


def parties_of(measures: list[MeasureMention]) -> list[tuple[str, str | None, str | None]]:
    """(type, issuer, target) of each measure, in order."""
    return [(m.type.value, m.issuer, m.target) for m in measures]


STYLES = Path(__file__).resolve().parent / "fixtures" / "styles"
STYLE_NAMES = sorted(p.stem for p in STYLES.glob("*.txt"))


def article(text: str, *, date: str | None = None, reference: str | None = None) -> Article:
    """An article holding ``text``, dated ``date`` (its own) or anchored on ``reference``."""
    meta = ArticleMetadata(date=dt.date.fromisoformat(date) if date else None)
    return Article(identifier="fixture.txt", text=text, metadata=meta,
                   reference_date=dt.date.fromisoformat(reference) if reference else None)


def actor(name: str, kind: str, *forms: str, part_of: str | None = None,
          affiliation: str | None = None, role: str | None = None) -> dict[str, Any]:
    """One row of an actor table."""
    return {"name": name, "type": kind, "forms": list(forms) or [name], "part_of": part_of,
            "affiliation": affiliation, "role": role}


def mentions(text: str, table: list[dict[str, Any]]) -> list[ActorMention]:
    """Actor mentions of ``text``: every surface form of the table, longest first, with a
    possessive ``'s`` kept in the span as the actor extractor does."""
    forms = sorted(((form, row) for row in table for form in {*row["forms"], row["name"]}),
                   key=lambda fr: (-len(fr[0]), fr[0]))
    taken = [False] * len(text)
    found: list[ActorMention] = []
    for form, row in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?:['’]s)?(?!\w)", text):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
            found.append(ActorMention(
                row["name"], ActorType(row["type"]), Span.of(text, m.start(), m.end()),
                role=row.get("role"), affiliation=row.get("affiliation"),
                part_of=row.get("part_of")))
    return sorted(found, key=lambda m: m.span)


def materials(text: str, table: list[dict[str, Any]]) -> list[MaterialMention]:
    """Material mentions of ``text`` from a table of names and surface forms."""
    found: list[MaterialMention] = []
    for row in table:
        for form in {*row["forms"], row["name"]}:
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text, re.IGNORECASE):
                found.append(MaterialMention(row["name"],
                                             MaterialCategory(row.get("category", "other")),
                                             Span.of(text, m.start(), m.end())))
    return sorted(found, key=lambda m: m.span)


@dataclass
class Style:
    """One style fixture: the article, its tables and its expected annotations."""

    name: str
    article: Article
    spec: dict[str, Any]
    actors: list[ActorMention]
    materials: list[MaterialMention]

    @property
    def expected(self) -> dict[str, Any]:
        """The ``expected`` annotations of the fixture."""
        return self.spec["expected"]

    def root(self, name: str | None) -> str | None:
        """The top of ``name``'s part_of/affiliation chain in the fixture's table."""
        rows = {row["name"]: row for row in self.spec["actors"]}
        seen: set[str] = set()
        while name in rows and name not in seen:
            seen.add(name)
            parent = rows[name].get("part_of") or rows[name].get("affiliation")
            if not parent:
                break
            name = parent
        return name


def load_style(name: str) -> Style:
    """Read ``tests/fixtures/styles/NAME.txt`` and its ``NAME.json``."""
    path = STYLES / f"{name}.txt"
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    art = read_article(path)
    if spec.get("reference_date"):
        art.reference_date = dt.date.fromisoformat(spec["reference_date"])
    return Style(name, art, spec, mentions(art.text, spec["actors"]),
                 materials(art.text, spec.get("materials", [])))


def parse(raw: str) -> Article:
    """An article parsed from file content (header and all), as ``kg build`` reads it."""
    return parse_article(raw.encode("utf-8"), identifier="fixture.txt")


# The real actor extractor's mentions, for tests of what it finds and of the citation and
# figure extractors that take them as input (unlike the tables above).

def found_actors(text: str) -> list[ActorMention]:
    """The actor mentions :func:`kg.extract.actors.find_actors` finds in ``text``."""
    return find_actors(article(text))[0]


def cited_names(text: str) -> set[str]:
    """Names of the sources :func:`kg.extract.citations.find_citations` finds in ``text``."""
    art = article(text)
    return {c.name for c in find_citations(art, find_actors(art)[0])}


def figure_units(text: str) -> set[tuple[str, str]]:
    """(value, unit) of the figures :func:`kg.extract.figures.find_figures` finds in ``text``."""
    art = article(text)
    return {(str(f.value), f.unit) for f in find_figures(art, find_actors(art)[0])}
