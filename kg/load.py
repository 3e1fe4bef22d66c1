"""``kg load``: add RDF files (reference data, other graphs) to the store.

Each named graph in a file replaces the graph of that name in the store; a file's
default-graph triples go to the graph named by ``graph`` (replacing it) or, without one, are
added to the store's default graph.  Loading the same file twice therefore gives the same
store.  The load is one new store generation: a file that fails to parse leaves the store
as it was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from .errors import RdfSyntaxError, StoreError, UsageError
from .store import Store

_EXTENSIONS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}


def format_for(path: Path) -> ox.RdfFormat:
    """The RDF format of a file, from its extension."""
    try:
        return _EXTENSIONS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(_EXTENSIONS))
        raise UsageError(f"{path}: unknown RDF file extension (known: {known})") from None


def parse_file(path: Path, graph: str | None = None) -> dict[ox.NamedNode | ox.DefaultGraph, list]:
    """Parse one RDF file into triples grouped by target graph."""
    rdf_format = format_for(path)
    target: ox.NamedNode | ox.DefaultGraph = ox.NamedNode(graph) if graph else ox.DefaultGraph()
    groups: dict[ox.NamedNode | ox.DefaultGraph, list] = defaultdict(list)
    try:
        for item in ox.parse(path=str(path), format=rdf_format, base_iri=path.resolve().as_uri()):
            name = item.graph_name if isinstance(item, ox.Quad) else ox.DefaultGraph()
            if isinstance(name, ox.DefaultGraph):
                name = target
            groups[name].append(ox.Triple(item.subject, item.predicate, item.object))
    except SyntaxError as exc:
        raise RdfSyntaxError(
            exc.msg, source=str(path), line=exc.lineno, column=exc.offset
        ) from exc
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return groups


def load(files: Sequence[str | Path], store: Store, *, graph: str | None = None) -> int:
    """Load ``files`` into ``store`` (see module docstring); returns the triples loaded."""
    parsed = [parse_file(Path(f), graph) for f in files]  # parse all before touching the store
    total = 0
    try:
        with store.write(copy_current=True) as target:
            replaced: set[ox.NamedNode] = set()
            for groups in parsed:
                for name, triples in groups.items():
                    if isinstance(name, ox.NamedNode) and name not in replaced:
                        target.clear_graph(name)
                        replaced.add(name)
                    target.extend(ox.Quad(t.subject, t.predicate, t.object, name) for t in triples)
                    total += len(triples)
    except OSError as exc:
        raise StoreError(f"cannot write {store.location}: {exc}") from exc
    return total
