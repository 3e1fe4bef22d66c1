"""``kg load``: add RDF files (reference data, other graphs) to the store.

Each named graph in a file replaces the graph of that name in the store; a file's
default-graph triples go to the graph named by ``graph`` (replacing it) or, without one, are
added to the store's default graph.  Loading the same file twice therefore gives the same
store: blank nodes, which parsers name afresh on every parse, are renamed from the file's
content and their order of appearance, so a second load names them alike.  The load is one
new store generation (readers such as ``kg serve`` see the store before or after it, never
during): a file that fails to parse leaves the store as it was.
"""

from __future__ import annotations

import hashlib
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import RdfSyntaxError, StoreError, UsageError
from .store import Store

_EXTENSIONS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    # the names `kg export --format` gives these formats, as extensions
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}


FORMAT_NAMES: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
    "ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
    "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD, "n3": ox.RdfFormat.N3,
}
"""The names ``kg load --format`` takes, for a file without a known extension or stdin."""
STDIN = Path("-")
"""The file name that means standard input."""


def format_for(path: Path) -> ox.RdfFormat:
    """The RDF format of a file, from its extension."""
    try:
        return _EXTENSIONS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(_EXTENSIONS))
        raise UsageError(f"{path}: unknown RDF file extension (known: {known})") from None


def _graph_name(graph: str | None) -> ox.NamedNode | ox.DefaultGraph:
    if not graph:
        return ox.DefaultGraph()
    try:
        return ox.NamedNode(graph)
    except ValueError:
        raise UsageError(f"--graph {graph!r} is not an absolute IRI") from None


class _BlankNodes:
    """Stable names for a file's blank nodes: its content digest and order of appearance."""

    def __init__(self, digest: str) -> None:
        self.digest = digest
        self.names: dict[str, ox.BlankNode] = {}

    def rename(self, term: Any) -> Any:
        if isinstance(term, ox.BlankNode):
            if term.value not in self.names:
                self.names[term.value] = ox.BlankNode(f"b{self.digest}{len(self.names)}")
            return self.names[term.value]
        if isinstance(term, ox.Triple):  # RDF 1.2 triple terms may hold blank nodes too
            return ox.Triple(self.rename(term.subject), term.predicate, self.rename(term.object))
        return term


def parse_file(path: Path, graph: str | None = None, rdf_format: ox.RdfFormat | None = None,
               ) -> dict[ox.NamedNode | ox.DefaultGraph, list]:
    """Parse one RDF file (``-``: standard input) into triples grouped by target graph; its
    format is ``rdf_format``, else its extension's."""
    if rdf_format is None:
        if path == STDIN:
            raise UsageError("standard input has no extension: give its --format")
        rdf_format = format_for(path)
    target = _graph_name(graph)
    groups: dict[ox.NamedNode | ox.DefaultGraph, list] = defaultdict(list)
    try:
        data = sys.stdin.buffer.read() if path == STDIN else path.read_bytes()
        base = None if path == STDIN else path.resolve().as_uri()
        blanks = _BlankNodes(hashlib.sha256(data).hexdigest()[:16])
        for item in ox.parse(data, format=rdf_format, base_iri=base):
            name = item.graph_name if isinstance(item, ox.Quad) else ox.DefaultGraph()
            if isinstance(name, ox.DefaultGraph):
                name = target
            elif isinstance(name, ox.BlankNode):
                name = blanks.rename(name)
            groups[name].append(ox.Triple(blanks.rename(item.subject), item.predicate,
                                          blanks.rename(item.object)))
    except SyntaxError as exc:
        message = exc.msg
        if "LoadDocumentCallback" in message:  # pyoxigraph's words for a remote @context
            message = ("the JSON-LD document names a remote @context, which kg does not fetch "
                       "(it works offline): put the context inline, or load an expanded or "
                       "Turtle copy of the data")
        raise RdfSyntaxError(
            message, source=str(path), line=exc.lineno, column=exc.offset
        ) from exc
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return groups


def load(files: Sequence[str | Path], store: Store, *, graph: str | None = None,
         rdf_format: ox.RdfFormat | None = None) -> int:
    """Load ``files`` into ``store`` (see module docstring); returns the quads loaded (a
    triple in two graphs counts twice)."""
    # Parse all before touching the store.
    parsed = [parse_file(Path(f), graph, rdf_format) for f in files]
    total = 0
    try:
        with store.write(copy_current=True) as target:
            replaced: set[ox.NamedNode | ox.BlankNode] = set()
            for groups in parsed:
                for name, triples in groups.items():
                    if not isinstance(name, ox.DefaultGraph) and name not in replaced:
                        target.clear_graph(name)
                        replaced.add(name)
                    target.extend(ox.Quad(t.subject, t.predicate, t.object, name) for t in triples)
                    total += len(triples)
    except OSError as exc:
        raise StoreError(f"cannot write {store.location}: {exc}") from exc
    return total
