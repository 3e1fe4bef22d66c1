"""The query page (``/``) and result downloads (``/download``).

The page works without JavaScript: the editor is a GET form, so ``/?query=...`` is the
shareable URL of a query and its results; the example queries are links of that kind; each
IRI in a result links to a query listing what the graph says about it.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request, url_for

from kg import sparql
from kg.errors import ProtocolError, StoreError
from kg.namespace import PREFIXES

from .app import state
from .table import Table, tabulate

bp = Blueprint("ui", __name__)

DOWNLOADS: dict[str, tuple[tuple[str, str], ...]] = {
    "results": (("CSV", "csv"), ("JSON", "json"), ("TSV", "tsv"), ("XML", "xml")),
    "graph": (("Turtle", "turtle"), ("N-Triples", "ntriples"), ("JSON-LD", "jsonld"),
              ("RDF/XML", "rdfxml")),
}
DEFAULT_QUERY = """SELECT ?class (COUNT(DISTINCT ?node) AS ?nodes)
WHERE { ?node a ?class }
GROUP BY ?class
ORDER BY DESC(?nodes)
"""


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


def _explore_url(iri: str) -> str:
    return url_for("ui.index", query=explore_query(iri))


def _run(query: str) -> sparql.Results:
    return sparql.execute(state().reader.current(), sparql.QueryRequest(query))


@bp.get("/")
def index() -> tuple[str, int]:
    """The query page; with ``?query=`` it also runs the query and shows the results."""
    query = request.args.get("query")
    table: Table | None = None
    error: str | None = None
    status = 200
    if query is not None and query.strip():
        try:
            table = tabulate(
                _run(query), limit=int(current_app.config["KG_PAGE_ROWS"]), link=_explore_url
            )
        except ProtocolError as exc:
            error, status = exc.message, exc.status
        except StoreError as exc:
            error, status = exc.message, 503
    examples = state().examples
    selected = next((e.name for e in examples if query and e.query.strip() == query.strip()),
                    None)
    downloads = ()
    if table is not None:
        downloads = DOWNLOADS["graph" if table.form == "CONSTRUCT" else "results"]
    page = render_template(
        "index.html",
        query=query if query is not None else (examples[0].query if examples else DEFAULT_QUERY),
        ran=query is not None and bool(query.strip()),
        table=table,
        error=error,
        examples=examples,
        selected=selected,
        downloads=downloads,
        prefixes=PREFIXES,
        share_url=url_for("ui.index", query=query, _external=True) if query else None,
        generation=state().reader.generation(),
    )
    return page, status


@bp.get("/download")
def download() -> Response:
    """All results of ``?query=`` as an attachment in ``?format=`` (csv, json, turtle...)."""
    try:
        parsed = sparql.parse_request("GET", None, request.args.to_dict(flat=False))
        results = sparql.execute(state().reader.current(), parsed)
        chosen = sparql.format_named(request.args.get("format", ""), sparql.result_form(results))
        body = sparql.serialize(results, chosen)
    except ProtocolError as exc:
        answer = sparql.error_response(exc)
        return Response(answer.body, status=answer.status, content_type=answer.content_type,
                        headers=answer.headers)
    except StoreError as exc:
        return Response(f"503 {exc.message}\n", status=503,
                        content_type="text/plain; charset=utf-8")
    filename = f"kg-results.{chosen.format.extension}"
    return Response(
        body, content_type=chosen.content_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
