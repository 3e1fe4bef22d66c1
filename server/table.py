"""Query results as rows of display cells for the query page (no HTML here)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import ProtocolError
from kg.namespace import PREFIXES

_XSD_STRING = PREFIXES["xsd"] + "string"
_LANG_STRING = PREFIXES["rdf"] + "langString"
_MAX_TEXT = 300
# Longest namespace first, so kgr: wins over a shorter prefix of the same IRI.
_NAMESPACES = sorted(PREFIXES.items(), key=lambda item: len(item[1]), reverse=True)

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True)
class Cell:
    """One value: ``kind`` is iri, literal, bnode, triple or empty."""

    kind: str
    text: str = ""
    title: str = ""
    note: str = ""
    href: str | None = None


@dataclass
class Table:
    """What the page shows for a query: a boolean (ASK) or columns and rows."""

    form: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    total: int = 0
    boolean: bool | None = None

    @property
    def truncated(self) -> bool:
        """True when there were more rows than the page shows."""
        return self.total > len(self.rows)


def compact(iri: str) -> str:
    """``kgr:actor/japan`` for an IRI under a known prefix, else the IRI in angle brackets."""
    for prefix, namespace in _NAMESPACES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def make_cell(term: Term | None, link: Callable[[str], str]) -> Cell:
    """A display cell for an RDF term; ``link(iri)`` gives the page URL exploring an IRI."""
    if term is None:
        return Cell("empty")
    if isinstance(term, ox.NamedNode):
        return Cell("iri", compact(term.value), term.value, href=link(term.value))
    if isinstance(term, ox.BlankNode):
        return Cell("bnode", f"_:{term.value}")
    if isinstance(term, ox.Literal):
        text = term.value
        shown = text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "\u2026"
        if term.language:
            note = f"@{term.language}"
        elif term.datatype.value not in (_XSD_STRING, _LANG_STRING):
            note = compact(term.datatype.value)
        else:
            note = ""
        return Cell("literal", shown, text if shown != text else "", note)
    return Cell("triple", str(term))


def tabulate(
    results: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
    *,
    limit: int,
    link: Callable[[str], str],
) -> Table:
    """Read up to ``limit`` rows (and count the rest) into a :class:`Table`.

    Evaluation happens while reading; a failure becomes a :class:`ProtocolError` 500.
    """
    try:
        if isinstance(results, ox.QueryBoolean):
            return Table("ASK", boolean=bool(results))
        if isinstance(results, ox.QueryTriples):
            table = Table("CONSTRUCT", ["subject", "predicate", "object"])
            rows: Iterable[tuple[Term | None, ...]] = (
                (t.subject, t.predicate, t.object) for t in results
            )
        else:
            names = [v.value for v in results.variables]
            table = Table("SELECT", names)
            rows = (tuple(solution[name] for name in names) for solution in results)
        for row in rows:
            table.total += 1
            if len(table.rows) < limit:
                table.rows.append([make_cell(term, link) for term in row])
        return table
    except (OSError, RuntimeError, ValueError) as exc:
        raise ProtocolError(f"query evaluation failed: {exc}", status=500) from exc
