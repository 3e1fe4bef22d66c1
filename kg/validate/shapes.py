"""The shapes graph: reading shapes files, naming shapes and paths for reports.

Shapes files are read by pyoxigraph (as ``kg load`` reads data), so a syntax error in a
user's ``--shapes FILE`` is the same :class:`kg.errors.RdfSyntaxError` with file, line and
column as one in a data file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, NamespaceManager
from rdflib.term import BNode, Node, URIRef

from ..errors import UsageError
from ..load import parse_file
from ..namespace import PREFIXES, SH
from ..resources import resource_path
from .terms import rdflib_term

_CHECKING_TYPES = (SH.NodeShape, SH.PropertyShape)


def shapes_dir() -> Path:
    """The folder of the default shapes (``shapes/`` beside the ``kg`` package)."""
    return resource_path("shapes")


def default_shape_files() -> list[Path]:
    """The default shapes files, in a stable order."""
    return sorted(shapes_dir().glob("*.ttl"))


def load_shapes(paths: Sequence[Path] | None = None) -> rdflib.Graph:
    """The shapes graph: ``paths`` (RDF files in any format ``kg load`` reads, or folders of
    ``*.ttl`` files), by default ``shapes/*.ttl``.

    All named graphs of a file are merged.  Raises :class:`kg.errors.RdfSyntaxError` (exit
    code 2) with file, line and column for a syntax error, :class:`kg.errors.UsageError` for
    a missing file, an unknown extension, a folder without shapes files or a file without
    shapes.
    """
    files: list[Path] = []
    for path in [Path(p) for p in paths] if paths is not None else [shapes_dir()]:
        if path.is_dir():
            found = sorted(path.glob("*.ttl"))
            if not found:
                raise UsageError(f"no shapes files (*.ttl) in {path}")
            files.extend(found)
        else:
            files.append(path)
    shapes = rdflib.Graph()
    shacl = str(SH)
    for path in files:
        said = False
        for triples in parse_file(Path(path)).values():
            for t in triples:
                # any SHACL term as predicate (or as a type) is a file of shapes
                said = said or t.predicate.value.startswith(shacl) or \
                    isinstance(t.object, ox.NamedNode) and t.object.value.startswith(shacl)
                shapes.add((rdflib_term(t.subject), rdflib_term(t.predicate),
                            rdflib_term(t.object)))
        if not said:
            # a data file given as --shapes would make every graph "conform": say so
            raise UsageError(f"{path}: no SHACL shapes in this file (no term of {shacl})")
    bind_prefixes(shapes)
    return shapes


def checking_shapes(shapes: rdflib.Graph) -> dict[str, str]:
    """Shapes that check something themselves (IRI -> sh:name), not mere containers of
    ``sh:property``; one JUnit test case each."""
    found: dict[str, str] = {}
    candidates = {s for t in _CHECKING_TYPES for s in shapes.subjects(RDF.type, t)}
    candidates |= set(shapes.subjects(SH.path, None))
    for shape in candidates:
        if not isinstance(shape, URIRef):
            continue
        is_container = (shape, SH.property, None) in shapes and (shape, SH.path, None) not in shapes
        if is_container:
            continue
        name = shapes.value(shape, SH.name)
        found[str(shape)] = str(name) if name is not None else compact(str(shape))
    return found


def _namespace_manager() -> NamespaceManager:
    manager = NamespaceManager(rdflib.Graph(), bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        manager.bind(prefix, iri, override=True, replace=True)
    return manager


NAMESPACES = _namespace_manager()
"""The prefixes of :data:`kg.namespace.PREFIXES`, for compact names in reports."""


def bind_prefixes(graph: rdflib.Graph) -> None:
    """Bind the prefixes of :data:`kg.namespace.PREFIXES` in ``graph``."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)


def compact(iri: str) -> str:
    """``kg:speaker`` for a term of a known vocabulary; the IRI itself otherwise."""
    if iri.startswith("_:"):
        return iri
    n3 = URIRef(iri).n3(NAMESPACES)
    return iri if n3.startswith("<") else n3


def term_id(term: Node) -> str:
    """An IRI as itself, a blank node as ``_:id``, a literal as its N3 form."""
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, URIRef):
        return str(term)
    return term.n3(NAMESPACES)


def value_text(term: Node) -> str:
    """A value as reports show it: ``kg:DirectQuote``, ``<iri>``, ``"text"``, ``_:id``."""
    return f"_:{term}" if isinstance(term, BNode) else term.n3(NAMESPACES)


def path_text(graph: rdflib.Graph, path: Node) -> str:
    """A SHACL path node of ``graph`` as a SPARQL property path with prefixed names."""
    return _path(graph, path, lambda iri: iri.n3(NAMESPACES))


def path_sparql(graph: rdflib.Graph, path: Node) -> str:
    """A SHACL path node of ``graph`` as a SPARQL property path with full IRIs."""
    return _path(graph, path, lambda iri: f"<{iri}>")


def _path(graph: rdflib.Graph, path: Node, name: object) -> str:
    if isinstance(path, URIRef):
        return name(path)  # type: ignore[operator]
    for predicate, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                           (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = graph.value(path, predicate)
        if inner is not None:
            text = _path(graph, inner, name)
            return fmt.format(text if isinstance(inner, URIRef) else f"({text})")
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        items = Collection(graph, alternatives)
        return "(" + "|".join(_path(graph, i, name) for i in items) + ")"
    if (path, RDF.first, None) in graph:
        return "(" + "/".join(_path(graph, i, name) for i in Collection(graph, path)) + ")"
    return term_id(path)

