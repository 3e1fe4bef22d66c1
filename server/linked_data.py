"""Linked Data: the IRIs ``kg`` mints dereference here, as a page or as RDF.

``GET /id/actor/masaaki-kanai`` answers for ``https://w3id.org/tradekg/id/actor/masaaki-kanai``
(:data:`kg.namespace.ID_BASE` maps onto ``/id/``).  Content negotiation on ``Accept``, or
``?format=`` to override it: an HTML entity page for browsers, else the IRI's description
(:func:`kg.entity.describe_quads`) as Turtle, N-Triples, RDF/XML, JSON-LD, TriG or
N-Quads; the dataset formats keep each quad's named graph, so what each article says stays
apart.  An IRI that no quad names is 404.  The page and the RDF answer 200 at the IRI itself
(no 303 detour): the IRIs name things, and the document says so in its ``Link`` header.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as WerkzeugResponse

from kg.entity import mark_text
from kg.errors import KgError
from kg.namespace import BASE, ID_BASE, ONTOLOGY_IRI, PREFIXES, is_built_graph
from kg.ontology import ontology_triples, terms_by_kind, version_iri

from .app import PageUnavailable, read_page

bp = Blueprint("linked_data", __name__)

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}
"""Formats offered besides HTML, by the name ``?format=`` takes."""
_LABELS = {"turtle": "Turtle", "ntriples": "N-Triples", "jsonld": "JSON-LD",
           "rdfxml": "RDF/XML", "trig": "TriG", "nquads": "N-Quads"}
_HTML = ("text/html", "application/xhtml+xml")
_ALIASES = {"application/json": "jsonld", "application/x-turtle": "turtle"}
_BY_MEDIA_TYPE = {fmt.media_type: name for name, fmt in RDF_FORMATS.items()} | _ALIASES
# HTML first: a browser's "*/*" gets the page; RDF clients name their type.
OFFERS = (*_HTML, *(f.media_type for f in RDF_FORMATS.values()), *_ALIASES)


def _choose() -> str | None:
    """``html``, a name of :data:`RDF_FORMATS`, or None when nothing acceptable is offered."""
    asked = request.args.get("format")
    if asked:
        return asked if asked == "html" or asked in RDF_FORMATS else None
    if not request.accept_mimetypes:
        return "html"
    best = request.accept_mimetypes.best_match(OFFERS)
    if best is None:
        return None
    return "html" if best in _HTML else _BY_MEDIA_TYPE[best]


def _alternates(rest: str) -> str:
    links = [f'<{url_for("ui.linked_data.entity", rest=rest, format=name)}>; rel="alternate"; '
             f'type="{fmt.media_type}"' for name, fmt in RDF_FORMATS.items()]
    return ", ".join(links)


def _plain(status: int, message: str, **headers: str) -> Response:
    return Response(f"{status} {message}\n", status=status,
                    content_type="text/plain; charset=utf-8", headers=headers)


@bp.get("/id/<path:rest>")
def entity(rest: str) -> Response | tuple[str, int, dict[str, str]]:
    """The page or the RDF description of ``ID_BASE + rest`` (see the module docstring)."""
    iri = ID_BASE + rest
    chosen = _choose()
    headers = {"Vary": "Accept", "Link": _alternates(rest)}
    try:
        ox.NamedNode(iri)
    except ValueError:
        # "/id/a%20b": no quad can name what is not an IRI; 404 like any IRI not in the graph
        message = f"{iri!r} is not an IRI, so no statement in the graph names it"
        if chosen == "html":
            page = render_template("message.html", title="Not in the graph", message=message)
            return page, 404, headers
        return _plain(404, message, **headers)
    if chosen is None:
        offered = ", ".join(("html", *RDF_FORMATS))
        return _plain(406, f"no acceptable format; this IRI is offered as {offered}", **headers)
    try:
        if chosen != "html":
            return _rdf(read_page("entity-quads", iri=iri).value, iri, chosen, headers)
        data = read_page("entity", iri=iri)
    except PageUnavailable as exc:
        if chosen == "html":
            title = "Not available"
            page = render_template("message.html", title=title, message=exc.message)
            return page, exc.status, headers
        return _plain(exc.status, exc.message, **headers)
    found = data.value
    if found is None:
        page = render_template("message.html", title="Not in the graph",
                               message=f"No statement in the graph names {iri}.", iri=iri)
        return page, 404, headers
    marks = mark_text(found.text, found.spans) if found.text is not None else []
    formats = [(label, url_for("ui.linked_data.entity", rest=rest, format=name))
               for name, label in _LABELS.items()]
    return render_template("entity.html", entity=found, marks=marks, formats=formats,
                           generation=data.generation), 200, headers


def _rdf(quads: list[ox.Quad], iri: str, name: str, headers: dict[str, str]) -> Response:
    if not quads:
        return _plain(404, f"no statement in the graph names {iri}", **headers)
    fmt = RDF_FORMATS[name]
    prefixes = dict(PREFIXES) if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    if fmt.supports_datasets:
        body = ox.serialize(quads, format=fmt, prefixes=prefixes)
    else:
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads},
                         key=str)
        body = ox.serialize(triples, format=fmt, prefixes=prefixes)
    # Linked Data is read by other sites' scripts too: the description is public.
    headers = {**headers, "Access-Control-Allow-Origin": "*"}
    return Response(body, content_type=f"{fmt.media_type}; charset=utf-8", headers=headers)


@bp.get("/ontology")
@bp.get("/ontology/<version>")
def ontology(version: str | None = None) -> Response | tuple[str, int, dict[str, str]]:
    """The document of the ``kg:`` vocabulary (``https://w3id.org/tradekg/ontology``, also
    at its version IRI): a page listing its terms, each at ``#LocalName`` as the namespace
    IRIs name them, or the ontology as RDF by content negotiation."""
    headers = {"Vary": "Accept"}
    chosen = _choose()
    try:
        triples = ontology_triples()
    except KgError as exc:  # a broken ontology/kg.ttl: said, not a traceback
        return _plain(500, exc.message, **headers)
    if version is not None and f"{ONTOLOGY_IRI}/{version}" != version_iri():
        return _plain(404, f"no version {version} of the ontology here "
                           f"(this is {version_iri()})", **headers)
    if chosen is None:
        offered = ", ".join(("html", *RDF_FORMATS))
        return _plain(406, f"no acceptable format; the ontology is offered as {offered}",
                      **headers)
    if chosen != "html":
        fmt = RDF_FORMATS[chosen]
        prefixes = dict(PREFIXES) if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        body = ox.serialize(triples, format=fmt, prefixes=prefixes)
        return Response(body, content_type=f"{fmt.media_type}; charset=utf-8",
                        headers={**headers, "Access-Control-Allow-Origin": "*"})
    formats = [(label, url_for("ui.linked_data.ontology", format=name))
               for name, label in _LABELS.items()]
    page = render_template("ontology.html", groups=terms_by_kind(), iri=ONTOLOGY_IRI,
                           version=version_iri(), formats=formats)
    return page, 200, headers


@bp.get("/graph/<path:name>")
def graph(name: str) -> WerkzeugResponse:
    """A graph a build makes (``graph:entities``, ``graph:disagreements``,
    ``graph:ontology``) dereferences to its content in the Graph Store Protocol (303)."""
    iri = f"{BASE}graph/{name}"
    if not is_built_graph(iri):
        return _plain(404, f"{iri} is not a graph kg builds")
    target = url_for("sparql.graph_store", graph=iri)
    return redirect(target, code=303)
