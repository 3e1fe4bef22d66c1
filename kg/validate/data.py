"""The data graph a validation runs over: an in-memory Oxigraph store of the union of graphs.

Shapes see the *union* of the named graphs (entities, every article, disagreements, loaded
data), so a shape sees every triple of a node together.  The ontology graph is left out:
``sh:class`` must see only explicit ``rdf:type`` triples, or ``kg:Person rdfs:subClassOf
kg:Actor`` would hide a person not typed ``kg:Actor``.  Named graphs are kept in the store
(the union is Oxigraph's union default graph), so a report can say which article's graph
holds an offending triple.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import cast

import pyoxigraph as ox
import rdflib
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import IdentifiedNode, Node

from ..errors import StoreError, UsageError
from ..load import parse_file
from ..namespace import DCTERMS, KG, ONTOLOGY_GRAPH, RDF
from ..store import Store
from .terms import ox_term, quiet_rdflib, rdflib_term

_EXCLUDED = (ONTOLOGY_GRAPH,)


class DataGraph:
    """The data of one validation, held in an in-memory Oxigraph store (see module doc)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        """The data, named graphs kept; queries use the union default graph."""
        self._union: rdflib.Graph | None = None
        self._triples: int | None = None

    # -- construction ----------------------------------------------------------------------

    @classmethod
    def from_quads(cls, quads: Iterable[ox.Quad],
                   exclude: Iterable[str] = _EXCLUDED) -> DataGraph:
        """The data of ``quads`` without the graphs named in ``exclude``."""
        skip = {ox.NamedNode(g) for g in exclude}
        store = ox.Store()
        store.bulk_extend(q for q in quads if q.graph_name not in skip)
        return cls(store)

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> DataGraph:
        """The data of RDF files (any format ``kg load`` reads), each parsed in full before
        any is used; a syntax error is a :class:`kg.errors.RdfSyntaxError` with file, line
        and column."""
        parsed = [parse_file(Path(path)) for path in paths]
        quads = (ox.Quad(t.subject, t.predicate, t.object, name)
                 for groups in parsed for name, triples in groups.items() for t in triples)
        return cls.from_quads(quads)

    @classmethod
    def from_rdflib(cls, data: rdflib.Graph) -> DataGraph:
        """The data of an rdflib graph or dataset (a dataset keeps its named graphs)."""
        default = ox.DefaultGraph()
        if isinstance(data, rdflib.ConjunctiveGraph):  # rdflib.Dataset is one too
            quads = (_quad(s, p, o, _graph_name(c, default))
                     for s, p, o, c in data.quads((None, None, None, None)))
        else:
            quads = (_quad(s, p, o, default) for s, p, o in data)
        return cls.from_quads(quads)

    @classmethod
    def from_store(cls, store: Store) -> DataGraph:
        """The current graph of an on-disk store, read once into memory.

        Oxigraph dumps the store as TriG to a temporary file and bulk-loads it, both in
        native code: faster than iterating its quads in Python (or than piping the two
        through Python, which serialises them on the interpreter's lock), and TriG, which
        names each graph once, is half the size of N-Quads.  The queries of the validation
        then run on the in-memory copy, five times faster than on disk
        (``bench/validate.py``).
        """
        source = store.open()
        memory = ox.Store()
        try:
            with tempfile.TemporaryDirectory(prefix="kg-validate-") as tmp:
                dump = str(Path(tmp) / "data.trig")
                source.dump(dump, ox.RdfFormat.TRIG)
                memory.bulk_load(path=dump, format=ox.RdfFormat.TRIG)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot read store {store.location}: {exc}") from exc
        for name in _EXCLUDED:
            graph = ox.NamedNode(name)
            if memory.contains_named_graph(graph):
                memory.remove_graph(graph)
        return cls(memory)

    # -- views -----------------------------------------------------------------------------

    def __len__(self) -> int:
        """How many quads the data holds (a triple stated in two graphs counts twice)."""
        return len(self.store)

    def triples(self) -> int:
        """How many distinct triples the union of the graphs holds (counted once)."""
        if self._triples is None:
            rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                              "WHERE { ?s ?p ?o } }")
            self._triples = int(next(iter(rows))["n"].value)
        return self._triples

    def query(self, sparql: str) -> ox.QuerySolutions:
        """Run a SELECT query over the union of the graphs."""
        return self.store.query(sparql, use_default_graph_as_union=True)  # type: ignore[return-value]

    def graph_names(self) -> set[str]:
        """IRIs of the named graphs."""
        return {g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)}

    def articles(self) -> dict[str, str]:
        """Article IRI -> its dcterms:identifier ('' when it has none)."""
        found: dict[str, str] = {}
        rows = self.query(f"SELECT ?a ?id WHERE {{ ?a <{RDF.type}> <{KG.Article}> "
                          f"OPTIONAL {{ ?a <{DCTERMS.identifier}> ?id }} }}")
        for row in rows:
            article = row["a"]
            if isinstance(article, ox.NamedNode):
                ident = row["id"]
                found[article.value] = max(found.get(article.value, ""),
                                           ident.value if ident is not None else "")
        return found

    def rdflib_union(self) -> rdflib.Graph:
        """The union of the graphs as one rdflib graph (for pyshacl); built once."""
        if self._union is None:
            from .engine_pyshacl import PreparedQueryGraph

            union = PreparedQueryGraph()
            with quiet_rdflib():
                for quad in self.store:
                    union.add((rdflib_term(quad.subject), rdflib_term(quad.predicate),
                               rdflib_term(quad.object)))
            self._union = union
        return self._union

    def rdflib_dataset(self) -> rdflib.Dataset:
        """The data as an rdflib dataset, named graphs kept."""
        dataset = rdflib.Dataset()
        graphs: dict[object, rdflib.Graph] = {}
        with quiet_rdflib():
            for quad in self.store:
                name = quad.graph_name
                key = None if isinstance(name, ox.DefaultGraph) else rdflib_term(name)
                graph = graphs.get(key)
                if graph is None:
                    # A named graph's name is an IRI or a blank node, so its key is one too.
                    graph = (dataset.default_graph if key is None
                             else dataset.graph(cast(IdentifiedNode, key)))
                    graphs[key] = graph
                graph.add((rdflib_term(quad.subject), rdflib_term(quad.predicate),
                           rdflib_term(quad.object)))
        return dataset


def _quad(s: Node, p: Node, o: Node,
          graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> ox.Quad:
    """An rdflib triple as a pyoxigraph quad; rdflib also holds generalised triples (a
    literal subject, a blank-node predicate) that are not RDF, which get a clear error."""
    subject, predicate, obj = ox_term(s), ox_term(p), ox_term(o)
    if not isinstance(subject, (ox.NamedNode, ox.BlankNode)) \
            or not isinstance(predicate, ox.NamedNode):
        raise UsageError(f"not an RDF triple (a literal subject or a predicate that is not "
                         f"an IRI), so it cannot be validated: {s!r} {p!r} {o!r}")
    return ox.Quad(subject, predicate, obj, graph)


def _graph_name(context: object, default: ox.DefaultGraph) -> ox.NamedNode | ox.DefaultGraph:
    name = context.identifier if isinstance(context, rdflib.Graph) else context
    if name is None or name == DATASET_DEFAULT_GRAPH_ID or isinstance(name, rdflib.BNode):
        return default
    return ox.NamedNode(str(name))
