"""RDF terms between pyoxigraph (where the data lives) and rdflib (shapes, pyshacl, reports).

Both engines see the terms as Oxigraph stores them (``"060"^^xsd:integer`` becomes
``"60"``, ``xsd:nonNegativeInteger`` becomes ``xsd:integer``), so the graph validates the
same before and after it is stored, and the two engines report the same values.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import pyoxigraph as ox
from rdflib.namespace import XSD
from rdflib.term import BNode, Literal, Node, URIRef

from ..errors import UsageError

_XSD_STRING = str(XSD.string)
_RDFLIB_TERM_LOG = logging.getLogger("rdflib.term")


@contextmanager
def quiet_rdflib() -> Iterator[None]:
    """Silence rdflib's log of ill-typed literals (``"2026-02-30"^^xsd:date``): finding
    them is the validator's job, and its log lines look like tracebacks."""
    level = _RDFLIB_TERM_LOG.level
    _RDFLIB_TERM_LOG.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():  # "Parsing weird boolean": an ill-typed xsd:boolean
            warnings.filterwarnings("ignore", category=UserWarning, module="rdflib")
            yield
    finally:
        _RDFLIB_TERM_LOG.setLevel(level)


def rdflib_term(term: object) -> Node:
    """The rdflib term for a pyoxigraph term (blank nodes keep their id)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        # rdflib writes a plain literal without datatype; keep the two the same.
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise UsageError(f"RDF 1.2 triple terms are not supported here: {term}")


def ox_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise UsageError(f"not an RDF term: {term!r}")


def sparql_term(term: Node) -> str:
    """``term`` written in SPARQL syntax (an IRI or a literal; blank nodes have none)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return str(ox_term(term))
    raise ValueError(f"no SPARQL syntax for {term!r}")
