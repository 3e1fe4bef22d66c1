"""Query results as rows of display cells for the query page (no HTML here)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.entity import compact as compact_iri
from kg.errors import ProtocolError
from kg.namespace import PREFIXES
from kg.sparql_text import in_order_of_appearance

# Numbers read as numbers: their datatype would only crowd the table.
_QUIET = {PREFIXES["xsd"] + name for name in ("string", "integer", "decimal")}
_LANG_STRING = PREFIXES["rdf"] + "langString"
_MAX_TEXT = 300
_SEGMENT_END = re.compile(r"(?<=[/#:?&=_])")
"""Where an IRI or a one-word literal (a file name) may wrap: after the characters that end
its segments, never inside a name or a number."""
_LONG_TOKEN = 40
"""A literal with a word longer than this may break anywhere (no column could hold it)."""
_PROSE_WORDS = 4
"""A literal of this many words or more is a phrase, given a column wide enough to read."""

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True)
class Cell:
    """One value: ``kind`` is iri, literal, bnode, triple or empty."""

    kind: str
    text: str = ""
    title: str = ""
    note: str = ""
    href: str | None = None
    explore: str | None = None
    """For an IRI: the query page listing every triple about it."""

    @property
    def parts(self) -> list[str]:
        """The text cut after each ``/ # : ? & = _``: a page joins them with ``<wbr>`` so an
        IRI or a file name wraps between its segments, never inside a name or a number."""
        return [p for p in _SEGMENT_END.split(self.text) if p]

    @property
    def segmented(self) -> bool:
        """Whether a page shows :attr:`parts` (an IRI, a one-word literal) or the text."""
        return self.kind == "iri" or (self.kind == "literal" and len(self.text.split()) == 1
                                      and len(self.text) <= _LONG_TOKEN)

    @property
    def css(self) -> str:
        """CSS classes of its table cell: the kind; for a literal, ``long`` when it holds a
        word too long for any column (it may break anywhere), ``token`` when it is one short
        word (a number, a date: it never breaks), ``prose`` when it is a phrase (its column
        keeps a reading width rather than a word a line)."""
        if self.kind == "literal":
            words = self.text.split()
            if any(len(w) > _LONG_TOKEN for w in words):
                return f"{self.kind} long"
            if len(words) == 1:
                return f"{self.kind} token"
            if len(words) >= _PROSE_WORDS:
                return f"{self.kind} prose"
        return self.kind


@dataclass
class Table:
    """What the page shows for a query: a boolean (ASK) or columns and rows."""

    form: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    truncated: bool = False
    """True when the query has more rows than the page shows (downloads have them all)."""
    boolean: bool | None = None


def compact(iri: str) -> str:
    """``actor:japan`` for an IRI under a known prefix, else the IRI in angle brackets."""
    short = compact_iri(iri)
    return short if short != iri else f"<{iri}>"


def make_cell(
    term: Term | None,
    link: Callable[[str], str],
    explore: Callable[[str], str | None] | None = None,
) -> Cell:
    """A display cell for an RDF term.

    ``link(iri)`` gives the page an IRI links to (its entity page for IRIs of our graph);
    ``explore(iri)``, when given, a second link: the query listing every triple about it.
    """
    if term is None:
        return Cell("empty")
    if isinstance(term, ox.NamedNode):
        second = explore(term.value) if explore else None
        return Cell("iri", compact(term.value), term.value, href=link(term.value),
                    explore=second)
    if isinstance(term, ox.BlankNode):
        return Cell("bnode", f"_:{term.value}")
    if isinstance(term, ox.Literal):
        text = term.value
        shown = text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "\u2026"
        if term.language:
            note = f"@{term.language}"
        elif term.datatype.value not in _QUIET | {_LANG_STRING}:
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
    explore: Callable[[str], str | None] | None = None,
    query: str | None = None,
) -> Table:
    """Read up to ``limit`` rows into a :class:`Table`, noting whether there were more.

    Reading stops at the first row past ``limit``, so a huge result costs no more than the
    page shows.  Evaluation happens while reading; a failure becomes a
    :class:`ProtocolError` 500.  With the ``query`` text, the columns of a ``SELECT *``
    come in the order the query mentions its variables (Oxigraph sorts them by name).
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
            if query is not None:
                names = in_order_of_appearance(query, names)
            table = Table("SELECT", names)
            rows = (tuple(solution[name] for name in names) for solution in results)
        for row in rows:
            if len(table.rows) >= limit:
                table.truncated = True
                break
            table.rows.append([make_cell(term, link, explore) for term in row])
        return table
    except (OSError, RuntimeError, ValueError) as exc:
        raise ProtocolError(f"query evaluation failed: {exc}", status=500) from exc
