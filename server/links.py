"""Where an IRI links to on our pages: its entity page, or a query listing its triples.

IRIs that ``kg`` mints (:data:`kg.namespace.ID_BASE`) have a page at ``/id/...``, and the
terms of the ``kg:`` vocabulary their row of the ontology page (``/ontology#Measure``); any
other IRI (someone else's vocabulary or resource) links to the query page with
:func:`explore_query`, which lists every triple that names it.
"""

from __future__ import annotations

from flask import url_for

from kg.entity import is_minted
from kg.namespace import ID_BASE, KG, KG_TERMS


def explore_query(iri: str) -> str:
    """A query listing every triple, in every named graph, with ``iri`` at either end."""
    return (
        "SELECT ?subject ?property ?value ?graph WHERE {\n"
        "  GRAPH ?graph {\n"
        f"    {{ VALUES ?subject {{ <{iri}> }} ?subject ?property ?value }}\n"
        f"    UNION {{ VALUES ?value {{ <{iri}> }} ?subject ?property ?value }}\n"
        "  }\n"
        "}\nORDER BY ?graph ?subject ?property ?value\nLIMIT 1000\n"
    )


def explore_url(iri: str) -> str:
    """The query page running :func:`explore_query` for ``iri``."""
    return url_for("ui.index", query=explore_query(iri))


def entity_url(iri: str) -> str | None:
    """The path of this server's page for an IRI minted by ``kg``, else None."""
    if not is_minted(iri):
        return None
    rest, _, fragment = iri[len(ID_BASE):].partition("#")
    return url_for("ui.linked_data.entity", rest=rest, _anchor=fragment or None)


def term_url(iri: str) -> str | None:
    """The ontology page's row of a ``kg:`` term, else None."""
    local = iri[len(str(KG)):] if iri.startswith(str(KG)) else None
    if local not in KG_TERMS:
        return None
    return url_for("ui.linked_data.ontology", _anchor=local)


def iri_href(iri: str) -> str:
    """The entity page of a minted IRI, the ontology page's row of a ``kg:`` term, else the
    query page exploring it."""
    return entity_url(iri) or term_url(iri) or explore_url(iri)
