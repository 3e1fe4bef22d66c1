"""The web UI: the query page (``/``), result downloads (``/download``), and, as nested
blueprints, the entity pages (:mod:`server.linked_data`) and the pictures
(:mod:`server.pages`).

The query page works without JavaScript: the editor is a GET form, so ``/?query=...`` is
the shareable URL of a query and its results.  Example queries are ``/?example=NAME``, with
their parameters as further fields (``/?example=03-he-yadong&speakerName=Masaaki+Kanai``),
which put the value into the query's ``VALUES`` block (see :mod:`server.examples`).  In a
result, an IRI that ``kg`` minted links to its entity page, and every IRI also links to a
query listing the triples about it.  With the vendored editor (``make vendor``) the text
area becomes a CodeMirror SPARQL editor; without it, it stays a text area.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import cast

from flask import (
    Blueprint,
    Response,
    current_app,
    render_template,
    request,
    send_from_directory,
    url_for,
)

from kg import sparql
from kg.conneg import ResultFormat, by_name
from kg.errors import ProtocolError, StoreError
from kg.examples import Example, Offer, Param, ParamError, offer
from kg.jobs import Outcome, QueryJob, results_of
from kg.namespace import PREFIXES
from kg.query_terms import unknown_terms
from kg.sparql_text import error_position, excerpt

from . import linked_data, pages
from .app import state
from .links import entity_url, explore_query, explore_url, iri_href
from .table import Table, tabulate

__all__ = ["bp", "explore_query"]

bp = Blueprint("ui", __name__)
bp.register_blueprint(linked_data.bp)
bp.register_blueprint(pages.bp)
bp.add_app_template_global(iri_href, "iri_href")
bp.add_app_template_global(entity_url, "entity_url")
bp.add_app_template_global(explore_url, "explore_url")

STATIC = Path(__file__).resolve().parent / "static"
EDITOR_FILES = ("codemirror.js", "sparql.js", "matchbrackets.js")
"""CodeMirror 5 and its SPARQL mode, copied to ``static/vendor/codemirror/`` by make."""

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


def editor_available() -> bool:
    """True when ``make vendor`` has put the CodeMirror files into ``static/vendor``."""
    folder = STATIC / "vendor" / "codemirror"
    return all((folder / name).is_file() for name in (*EDITOR_FILES, "codemirror.css"))


# SELECT/ASK come back as SPARQL JSON, CONSTRUCT/DESCRIBE as N-Triples, to be read again.
_PAGE_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"


def _ask(request_: sparql.QueryRequest, accept: str, max_rows: int | None) -> Outcome:
    """Run a query as the endpoint does: in a query process, under its time limit."""
    services = tuple(current_app.config.get("KG_ALLOWED_SERVICES", ()))
    return state().engine.run(QueryJob(request_, accept, max_rows, services))


MAX_LINK = 8000
"""Longest shareable link: servers refuse longer request lines (gunicorn's is 8190)."""


def _share_url(query: str | None) -> str | None:
    url = url_for("ui.index", query=query, _external=True)
    return url if len(url) <= MAX_LINK else None


def _field(store_choices: list[tuple[str, str]], param: Param, value: str) -> dict[str, object]:
    """What the template needs to draw one parameter's form field: a drop-down of the
    choices the graph offers (the value given first when it is none of them, so a link
    with an alias keeps it), else a text, date or number field."""
    options = list(store_choices)
    if options and value not in {v for v, _ in options}:
        options.insert(0, (value, value))
    label = next((text for v, text in options if v == value), value)
    return {"param": param, "value": value, "choices": options, "label": label}


def _param_fields(example: Example, values: dict[str, str], *,
                  suggest: bool) -> list[dict[str, object]]:
    """The form fields of an example's parameters, holding the ``values`` given, else the
    value the graph suggests (:meth:`Offer.default_for`) with ``suggest``, else the
    example's default (the value a query given in full holds)."""
    try:
        store = state().reader.current()
    except StoreError:
        store = None
    fields = []
    for param in example.params:
        offered = offer(store, param) if store is not None else Offer([])
        value = values.get(param.name) or (offered.default_for(param) if suggest
                                            else param.shown)
        fields.append(_field(offered.pairs, param, value))
    return fields


def _heading(example: Example, fields: list[dict[str, object]]) -> str:
    """The example's title for the values its form holds (see :meth:`Example.heading`)."""
    shown = {cast(Param, f["param"]).name: str(f["label"]) for f in fields}
    return example.heading(shown)


def _page_title(query: str, example: Example | None, heading: str | None) -> str:
    """What the browser's tab and history call a page that ran ``query``: the example's
    question, else the query's first line after its ``PREFIX``, ``BASE`` and comment lines
    (every example began "PREFIX kg: <https://w3id.org/...", so all tabs read the same)."""
    if heading or example:
        return heading or cast(Example, example).title
    for line in query.splitlines():
        line = line.strip()
        if line and not line.startswith("#") and not re.match(r"(?i)(prefix|base)\b", line):
            return line
    return query.strip()


@bp.route("/", methods=["GET", "POST"])
def index() -> tuple[str, int]:
    """The query page; with ``?query=`` (or ``?example=``) it also shows the results.

    A query too long for a URL comes as a POST form (the page's script switches the form
    over); it runs the same, but its link is too long to share.
    """
    examples = state().examples
    by_name = {e.name: e for e in examples}
    fields = request.values
    query = fields.get("query")
    example = by_name.get(fields.get("example", ""))
    values = {p.name: fields.get(p.name, "") for p in example.params} if example else {}
    error: str | None = None
    status = 200
    form_fields: list[dict[str, object]] = []
    if example is not None and query is None:
        form_fields = _param_fields(example, values, suggest=True)
        # the form's values: those given, else what the graph suggests for each
        values = {str(cast(Param, f["param"]).name): str(f["value"]) for f in form_fields}
        try:
            query = example.bind(values)
        except ParamError as exc:
            query, error, status = example.query, str(exc), 400
    if example is None and query:
        example = next((e for e in examples if e.query.strip() == query.strip()), None)
        if example is not None and example.params:
            form_fields = _param_fields(example, values, suggest=False)
    ran = query is not None and bool(query.strip()) and error is None
    table: Table | None = None
    rows = int(current_app.config["KG_PAGE_ROWS"])
    if ran:
        assert query is not None
        outcome = _ask(sparql.QueryRequest(query), _PAGE_ACCEPT, rows)
        if outcome.status != 200:
            error, status = outcome.message, outcome.status
        else:
            try:
                table = tabulate(results_of(outcome), limit=rows, link=iri_href,
                                 explore=explore_url, query=query)
                table.truncated = table.truncated or outcome.truncated
            except ProtocolError as exc:
                error, status = exc.message, exc.status
    downloads: tuple[tuple[str, str], ...] = ()
    if table is not None:
        downloads = DOWNLOADS["graph" if table.form == "CONSTRUCT" else "results"]
    at = error_position(error) if error and ran else None
    heading = _heading(example, form_fields) if example and form_fields else None
    page = render_template(
        "index.html",
        query=query if query is not None else (examples[0].query if examples else DEFAULT_QUERY),
        ran=ran,
        table=table,
        error=error,
        error_at=at,
        error_excerpt=excerpt(query, *at) if at and query else "",
        # A misspelt kg: term runs and matches nothing: say so beside the empty table.
        notes=unknown_terms(query) if ran and query and error is None else [],
        examples=examples,
        selected=example.name if example else None,
        example=example,
        fields=form_fields,
        heading=heading,
        title=_page_title(query, example, heading) if ran and query else None,
        downloads=downloads,
        prefixes=PREFIXES,
        share_url=_share_url(query) if ran else None,
        row_limit=rows,
        max_link=MAX_LINK,
        max_rows=_download_cap(),
        editor=editor_available(),
        generation=state().reader.generation(),
    )
    return page, status


@bp.route("/download", methods=["GET", "POST"])
def download() -> Response:
    """The results of ``?query=`` as an attachment in ``?format=`` (csv, json, turtle...).

    As many rows as the endpoint gives (``KG_MAX_ROWS``); a cut answer says so in its
    ``KG-Truncated`` header and, in SPARQL JSON, in its body.  The same fields may come as
    a POST form: the page posts a query too long for a link.
    """
    name = request.values.get("format", "")
    try:
        parsed = sparql.parse_request("GET", None, request.values.to_dict(flat=False))
        chosen = _download_format(parsed.form, name)
    except ProtocolError as exc:
        return _plain(exc.status, exc.message)
    outcome = _ask(parsed, chosen.media_type, _download_cap())
    headers = dict(outcome.headers)
    if outcome.status == 200:
        stem = download_stem(request.values.get("name"))
        headers["Content-Disposition"] = f'attachment; filename="{stem}.{chosen.extension}"'
    return Response(outcome.body, status=outcome.status, content_type=outcome.content_type,
                    headers=headers)


def _download_format(form: sparql.QueryForm, name: str) -> ResultFormat:
    """The format called ``name`` for a ``form`` query (406 naming the formats that query
    can be downloaded in: the client chose a name, not media types).  Any known name for a
    query whose form is unknown: the parser then says what is wrong with it."""
    if form is sparql.QueryForm.UNKNOWN:
        try:
            return by_name(name)
        except KeyError:
            raise ProtocolError(f"no format named {name!r}", status=406) from None
    return sparql.format_named(name, form).format


_FILE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")


def download_stem(name: str | None, today: dt.date | None = None) -> str:
    """A download's file name without extension: the example's name (``07-measures-by-actor``)
    when it is a safe file name, else ``kg-results-<date>``, so several downloads of a day
    are told apart by what they answer rather than all named ``kg-results``."""
    if name and _FILE_STEM.fullmatch(name) and ".." not in name:
        return name
    return f"kg-results-{(today or dt.datetime.now(dt.UTC).date()).isoformat()}"


@bp.get("/favicon.ico")
def favicon() -> Response:
    """The site's icon where browsers and tools look for it without reading a page (pages
    link ``static/favicon.svg`` itself)."""
    return send_from_directory(STATIC, "favicon.svg", mimetype="image/svg+xml", max_age=86400)


def _download_cap() -> int | None:
    """The endpoint's row cap (``KG_MAX_ROWS``), which downloads share; None for none."""
    return int(current_app.config.get("KG_MAX_ROWS") or 0) or None


def _plain(status: int, message: str) -> Response:
    return Response(f"{status} {message}\n", status=status,
                    content_type="text/plain; charset=utf-8")
