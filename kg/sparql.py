"""The SPARQL 1.1 Protocol (query and update operations) over the store, without any web
framework.

The web app (``server/``) is a thin adapter: it hands the plain values of an HTTP request
(method, content type, query string, body, ``Accept``) to :func:`operation_of` and
:func:`parse_request`, runs the result (here with :func:`respond`, or in a query process of
:mod:`kg.pool`) and copies the :class:`SparqlResponse` back.  Keeping the rules here means
they are tested without a web server and shared by every front end.

What the endpoint does (https://www.w3.org/TR/sparql11-protocol/):

* ``GET ?query=``, ``POST`` form-encoded ``query=``, ``POST`` ``application/sparql-query``;
  ``default-graph-uri`` / ``named-graph-uri`` choose the dataset and override ``FROM``.
  Without them and without ``FROM``, the default graph is the union of all graphs (as
  ``kg query`` does; see docs/endpoint.md for what that means for duplicates).
* The common prefixes of :data:`kg.namespace.PREFIXES` are predeclared.
* Content negotiation (:mod:`kg.conneg`): SELECT/ASK as SPARQL JSON (default), XML, CSV,
  TSV; CONSTRUCT/DESCRIBE as Turtle (default), N-Triples, RDF/XML, JSON-LD, TriG, N-Quads.
* Refused, never executed: SPARQL Update (403) unless the caller enabled it, and federated
  ``SERVICE`` calls (403) to endpoints not in the caller's allow-list.  Errors are
  :class:`kg.errors.ProtocolError` carrying the HTTP status.
"""

from __future__ import annotations

import codecs
import functools
import re
import urllib.parse
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

import pyoxigraph as ox

from . import conneg
from .conneg import GRAPH_FORMATS, RESULTS_FORMATS, Negotiated, ResultFormat
from .errors import ProtocolError, QueryError
from .namespace import PREFIXES
from .results import Serialized, serialize_results
from .sparql_text import (
    QueryForm,
    Shape,
    complexity_problem,
    has_dataset_clause,
    query_form,
    service_endpoints,
    shape,
    uses_service,
)
from .store import run_query

__all__ = [
    "GRAPH_FORMATS", "RESULTS_FORMATS", "Negotiated", "Operation", "QueryForm", "QueryRequest",
    "ResultFormat", "Results", "SparqlResponse", "UpdateRequest", "check_services",
    "error_response", "execute", "format_named", "formats_for", "handle", "has_dataset_clause",
    "negotiate", "operation_of", "parse_request", "query_form", "respond", "result_form",
    "serialize", "uses_service",
]

Results = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
MultiDict = Mapping[str, Sequence[str]]
"""A parsed query string or form: each name with all its values, in order."""

QUERY_MEDIA_TYPE = "application/sparql-query"
UPDATE_MEDIA_TYPE = "application/sparql-update"
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
ALLOWED_METHODS = ("GET", "POST")
_ALLOW_HEADER = {"Allow": "GET, HEAD, POST, OPTIONS"}
_UPDATE_PARAMETERS = ("update", "using-graph-uri", "using-named-graph-uri")
_PROTOCOL_PARAMETERS = ("query", "default-graph-uri", "named-graph-uri", *_UPDATE_PARAMETERS)
_MAX_FORM_FIELDS = 1000
TRUNCATED_HEADER = "KG-Truncated"
ROW_LIMIT_HEADER = "KG-Row-Limit"
BYTE_LIMIT_HEADER = "KG-Byte-Limit"


class Operation(Enum):
    """What a request to the endpoint asks for."""

    QUERY = "query"
    UPDATE = "update"
    GRAPH = "graph"
    """The Graph Store Protocol: ``?graph=IRI`` or ``?default``."""
    DESCRIPTION = "description"
    """The service description: ``GET`` without any protocol parameter."""


@dataclass(frozen=True)
class QueryRequest:
    """A query and its dataset, as taken from a protocol request."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @functools.cached_property
    def shape(self) -> Shape:
        """The query's form and the clauses that matter before running it (read once)."""
        return shape(self.query)

    @property
    def form(self) -> QueryForm:
        """SELECT, ASK, CONSTRUCT, DESCRIBE, UPDATE, or UNKNOWN (then the parser decides)."""
        return self.shape.form

    @property
    def union_default_graph(self) -> bool:
        """True when the default graph is the union of all graphs: no dataset was given by
        the protocol (``default-graph-uri``/``named-graph-uri``) nor by ``FROM``."""
        return not (self.default_graphs or self.named_graphs
                    or self.shape.has_dataset_clause)


@dataclass(frozen=True)
class UpdateRequest:
    """A SPARQL Update request (only answered where updates are enabled)."""

    update: str


@dataclass(frozen=True)
class SparqlResponse:
    """What to send back: status, ``Content-Type``, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


# --- reading a request -------------------------------------------------------------------


def operation_of(method: str, args: MultiDict | None) -> Operation:
    """Which operation a request asks for, from its method and query string alone.

    ``graph`` or ``default`` in the query string make it a Graph Store Protocol request;
    a ``GET``/``HEAD`` with no protocol parameter asks for the service description; a
    request with ``update`` is an update; anything else is read as a query (and
    :func:`parse_request` says what is wrong with it).
    """
    params = args or {}
    if "graph" in params or "default" in params:
        return Operation.GRAPH
    verb = method.upper()
    if verb in ("GET", "HEAD") and not any(name in params for name in _PROTOCOL_PARAMETERS):
        return Operation.DESCRIPTION
    return Operation.QUERY


def parse_request(
    method: str,
    content_type: str | None,
    args: MultiDict | None = None,
    form: MultiDict | None = None,
    body: bytes = b"",
    *,
    allow_update: bool = False,
) -> QueryRequest:
    """Turn the plain values of an HTTP request into a :class:`QueryRequest`.

    ``args`` is the parsed query string; ``form`` the parsed form body, or ``None`` to parse
    ``body`` here when the content type is form-encoded.  Raises :class:`ProtocolError`:
    405 for a method other than GET/POST, 415 for a POST body that is neither a form nor
    ``application/sparql-query``, 403 for SPARQL Update, 400 for no query, two queries or
    a graph name that is not an absolute IRI.  With ``allow_update``, an update request
    is returned as an :class:`UpdateRequest` instead of refused (the caller checks who may
    send it).
    """
    verb = method.upper()
    if verb == "HEAD":
        verb = "GET"
    if verb not in ALLOWED_METHODS:
        raise ProtocolError(
            f"method {method} is not allowed: use GET or POST", status=405,
            headers=_ALLOW_HEADER,
        )
    params: dict[str, list[str]] = {k: list(v) for k, v in (args or {}).items()}
    queries = list(params.pop("query", []))
    updates: list[str] = []
    if verb == "POST":
        media_type, charset = _split_content_type(content_type)
        if media_type == FORM_MEDIA_TYPE:
            fields = form if form is not None else _parse_form(body, charset)
            for name, values in fields.items():
                params.setdefault(name, []).extend(values)
            queries.extend(params.pop("query", []))
        elif media_type == QUERY_MEDIA_TYPE:
            queries.append(_decode_body(body, charset))
        elif media_type == UPDATE_MEDIA_TYPE:
            if not allow_update:
                raise _update_refused()
            updates.append(_decode_body(body, charset))
        elif not media_type and not body and not queries:
            # nothing sent at all: no query, whatever the missing content type
            raise ProtocolError(
                f"no query: POST it as {FORM_MEDIA_TYPE} (query=...) or as {QUERY_MEDIA_TYPE}",
                status=400,
            )
        else:
            shown = media_type or "none"
            raise ProtocolError(
                f"unsupported content type {shown}: POST the query as {FORM_MEDIA_TYPE} "
                f"(query=...) or as {QUERY_MEDIA_TYPE}",
                status=415,
            )
    if updates or any(name in params for name in _UPDATE_PARAMETERS):
        return _update_request(verb, params, queries, updates, allow_update)  # type: ignore[return-value]
    if not queries:
        raise ProtocolError(
            "no query: give the SPARQL query in the 'query' parameter or POST it as "
            f"{QUERY_MEDIA_TYPE}"
        )
    if len(queries) > 1:
        raise ProtocolError(f"{len(queries)} queries given: send exactly one 'query'")
    query = queries[0]
    if not query.strip():
        raise ProtocolError("the query is empty")
    return QueryRequest(
        query=query,
        default_graphs=_graph_names(params, "default-graph-uri"),
        named_graphs=_graph_names(params, "named-graph-uri"),
    )


def _update_request(
    verb: str, params: dict[str, list[str]], queries: list[str], updates: list[str],
    allow_update: bool,
) -> UpdateRequest:
    if not allow_update:
        raise _update_refused()
    if verb != "POST":
        raise ProtocolError("SPARQL Update must be sent with POST")
    updates = updates + params.pop("update", [])
    if queries:
        raise ProtocolError("a request carries either a query or an update, not both")
    if len(updates) != 1 or not updates[0].strip():
        raise ProtocolError(f"{len(updates)} updates given: send exactly one 'update'")
    if any(name in params for name in ("using-graph-uri", "using-named-graph-uri")):
        raise ProtocolError("using-graph-uri and using-named-graph-uri are not supported: "
                            "write USING in the update")
    return UpdateRequest(updates[0])


def _update_refused() -> ProtocolError:
    return ProtocolError(
        "SPARQL Update is not allowed: this endpoint is read-only (rebuild the graph with "
        "'kg build' or 'kg load')",
        status=403,
    )


def _split_content_type(content_type: str | None) -> tuple[str, str | None]:
    if not content_type:
        return "", None
    media_type, *params = content_type.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return media_type.strip().lower(), charset


def _codec(charset: str | None) -> str:
    name = charset or "utf-8"
    try:
        return codecs.lookup(name).name
    except LookupError as exc:
        raise ProtocolError(f"unknown charset {name!r}", status=415) from exc


def _decode_body(body: bytes, charset: str | None) -> str:
    codec = _codec(charset)
    try:
        # utf-8-sig drops a byte-order mark some editors put at the start of .rq files.
        return body.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"the request body is not valid {codec}: {exc.reason}") from exc


def _parse_form(body: bytes, charset: str | None) -> dict[str, list[str]]:
    return parse_form(body, _codec(charset), what="form body")


_BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")


def _unquote_plus(field: bytes) -> bytes:
    # urllib's decoder loops in Python over every %XX, and a query with its PREFIX lines
    # has hundreds; for well-formed input the unicode_escape codec does it in C (each %XX
    # becomes \xXX, and input without backslashes holds no other escape).
    field = field.replace(b"+", b" ")
    if b"%" not in field:
        return field
    if b"\\" in field or _BAD_ESCAPE.search(field):
        return urllib.parse.unquote_to_bytes(field)
    return field.replace(b"%", b"\\x").decode("unicode_escape").encode("latin-1")


def parse_form(data: bytes | str, codec: str = "utf-8", *,
               what: str = "query string") -> dict[str, list[str]]:
    """Parse ``application/x-www-form-urlencoded`` data (a query string or a form body).

    Like :func:`urllib.parse.parse_qs` with ``keep_blank_values``, strict decoding and at
    most 1000 fields; a ``str`` is taken as WSGI gives ``QUERY_STRING`` (bytes as
    latin-1).  Raises :class:`ProtocolError` 400 for text that is not valid in ``codec``
    or too many fields.
    """
    raw = data.encode("latin-1") if isinstance(data, str) else data
    fields: dict[str, list[str]] = {}
    pairs = [pair for pair in raw.split(b"&") if pair]
    if len(pairs) > _MAX_FORM_FIELDS:
        raise ProtocolError(f"malformed {what}: more than {_MAX_FORM_FIELDS} fields")
    try:
        for pair in pairs:
            name, _, value = pair.partition(b"=")
            fields.setdefault(_unquote_plus(name).decode(codec), []).append(
                _unquote_plus(value).decode(codec))
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"the {what} is not valid {codec}: {exc.reason}") from exc
    return fields


def _graph_names(params: Mapping[str, Sequence[str]], name: str) -> tuple[str, ...]:
    graphs: list[str] = []
    for value in params.get(name, ()):
        try:
            graphs.append(ox.NamedNode(value).value)
        except ValueError as exc:
            raise ProtocolError(f"{name} {value!r} is not an absolute IRI") from exc
    return tuple(dict.fromkeys(graphs))


# --- content negotiation -----------------------------------------------------------------


def formats_for(form: QueryForm) -> tuple[ResultFormat, ...]:
    """The formats offered for a query form (RDF formats for CONSTRUCT/DESCRIBE)."""
    return GRAPH_FORMATS if form.returns_graph else RESULTS_FORMATS


def negotiate(form: QueryForm, accept: str | None) -> Negotiated:
    """Choose the response format for the answer to a ``form`` query (see
    :func:`kg.conneg.negotiate`); SPARQL JSON for SELECT/ASK and Turtle for CONSTRUCT/DESCRIBE
    by default.  Raises :class:`ProtocolError` 406 when nothing offered is acceptable."""
    return conneg.negotiate(formats_for(form), accept, f"{_article(form.value)} {form.value} query")


def format_named(name: str, form: QueryForm) -> Negotiated:
    """The format called ``name`` (``json``, ``csv``, ``turtle``...) for a query form.

    For download links, which cannot send an ``Accept`` header.  Raises
    :class:`ProtocolError` 406 when the form has no such format.
    """
    return conneg.named(formats_for(form), name, f"{_article(form.value)} {form.value} query")


def _article(word: str) -> str:
    """"an ASK query", "a SELECT query"."""
    return "an" if word[:1] in "AEIOU" else "a"


# --- answering ---------------------------------------------------------------------------


def check_services(query: str, allowed: Collection[str] = ()) -> None:
    """Refuse (403) a query or update calling ``SERVICE`` on an endpoint not in ``allowed``.

    The endpoint makes no network request unless its operator listed the endpoint; a
    ``SERVICE ?variable`` is refused whatever the list, since its target is not known
    before evaluation.
    """
    if not uses_service(query):
        return
    # A SERVICE whose target the tokenizer cannot name counts as one to an unknown endpoint.
    endpoints = service_endpoints(query, PREFIXES) or [None]
    refused = [e for e in endpoints if e is None or e not in allowed]
    if not refused:
        return
    if not allowed:
        reason = "this endpoint makes no network requests"
    else:
        names = ", ".join("a variable" if e is None else f"<{e}>" for e in refused)
        reason = f"{names} is not among the endpoints allowed: {', '.join(sorted(allowed))}"
    raise ProtocolError(f"federated queries (SERVICE) are not allowed: {reason}", status=403)


def check_update(update: str, allowed_services: Collection[str] = ()) -> None:
    """Refuse (403) an update that would make an outbound request (``LOAD``, ``SERVICE``),
    and (400) one too deeply nested for the engine to parse safely."""
    problem = complexity_problem(update)
    if problem is not None:
        raise ProtocolError(f"update refused: {problem}", status=400)
    if shape(update).uses_load:
        raise ProtocolError("LOAD is not allowed: the endpoint fetches nothing from the "
                            "network (use 'kg load FILE' on the server)", status=403)
    check_services(update, allowed_services)


def execute(
    store: ox.Store,
    request: QueryRequest,
    *,
    prefixes: Mapping[str, str] | None = None,
    allowed_services: Collection[str] = (),
) -> Results:
    """Run the request's query on ``store`` (read-only) with the protocol's dataset rules.

    ``default-graph-uri``/``named-graph-uri`` replace the whole dataset, the query's own
    ``FROM``/``FROM NAMED`` included; as with ``FROM``, a part not given is empty (only
    ``named-graph-uri``: an empty default graph; only ``default-graph-uri``: no named
    graphs).  Else the query's ``FROM``/``FROM NAMED`` apply; else the default graph is the
    union of all graphs and every named graph is available.  ``prefixes`` defaults to
    :data:`kg.namespace.PREFIXES`.  Raises :class:`ProtocolError`: 403 for SPARQL Update or
    ``SERVICE`` to an endpoint not in ``allowed_services`` (never executed), 400 for a
    syntax error (with the parser's message).
    """
    if request.form is QueryForm.UPDATE:
        raise _update_refused()
    if request.shape.uses_service:
        check_services(request.query, allowed_services)
    protocol_dataset = bool(request.default_graphs or request.named_graphs)
    try:
        return run_query(
            store,
            request.query,
            default_graphs=list(request.default_graphs) if protocol_dataset else None,
            named_graphs=list(request.named_graphs) if protocol_dataset else None,
            union_default_graph=request.union_default_graph,
            prefixes=dict(PREFIXES if prefixes is None else prefixes),
        )
    except ProtocolError:
        raise
    except QueryError as exc:
        raise ProtocolError(exc.message, status=400) from exc
    except (RuntimeError, ValueError) as exc:  # e.g. an unknown function, found at planning
        raise ProtocolError(f"the query cannot be evaluated: {exc}", status=400) from exc


def result_form(results: Results) -> QueryForm:
    """SELECT, ASK or CONSTRUCT (which stands for DESCRIBE too) from a result's type."""
    if isinstance(results, ox.QueryTriples):
        return QueryForm.CONSTRUCT
    if isinstance(results, ox.QueryBoolean):
        return QueryForm.ASK
    return QueryForm.SELECT


def serialize_answer(
    results: Results, chosen: Negotiated, *, max_rows: int | None = None
) -> Serialized:
    """Write results in the chosen format, at most ``max_rows`` rows (see
    :mod:`kg.results`); evaluation happens here, as results stream.

    Raises :class:`ProtocolError` 406 when the format does not fit the results (an RDF
    format for SELECT, or a results format for CONSTRUCT) and 500 when evaluation fails.
    """
    fmt = chosen.format
    if fmt.is_graph != isinstance(results, ox.QueryTriples):
        raise ProtocolError(
            f"{fmt.media_type} cannot hold the answer to a {result_form(results).value} query",
            status=406,
        )
    try:
        return serialize_results(results, fmt, max_rows=max_rows, prefixes=PREFIXES)
    except (OSError, RuntimeError, ValueError) as exc:
        raise ProtocolError(f"query evaluation failed: {exc}", status=500) from exc


def serialize(results: Results, chosen: Negotiated) -> bytes:
    """Write all results in the chosen format (see :func:`serialize_answer`)."""
    return serialize_answer(results, chosen).body


def answer_headers(written: Serialized, max_rows: int | None) -> dict[str, str]:
    """``Vary``, and the truncation headers when rows past ``max_rows`` (or past
    :data:`~kg.results.MAX_ANSWER_BYTES`) were left out."""
    headers = {"Vary": "Accept"}
    if written.truncated and max_rows:
        headers[TRUNCATED_HEADER] = "true"
        if written.byte_limit is not None:
            headers[BYTE_LIMIT_HEADER] = str(written.byte_limit)
        else:
            headers[ROW_LIMIT_HEADER] = str(max_rows)
    return headers


def respond(
    store: ox.Store,
    request: QueryRequest,
    accept: str | None,
    *,
    prefixes: Mapping[str, str] | None = None,
    max_rows: int | None = None,
    allowed_services: Collection[str] = (),
) -> SparqlResponse:
    """Answer a parsed request in this process: negotiate, execute, serialize.

    Negotiation happens before execution when the query form can be read from the text, so
    a 406 costs no evaluation.  A truncated answer (more than ``max_rows`` rows) carries
    the ``KG-Truncated`` and ``KG-Row-Limit`` headers.  Raises :class:`ProtocolError`
    (see :func:`execute`, :func:`negotiate`, :func:`serialize_answer`); 502 when an allowed
    ``SERVICE`` endpoint fails.
    """
    form = request.form
    chosen = negotiate(form, accept) if form is not QueryForm.UNKNOWN else None
    results = execute(store, request, prefixes=prefixes, allowed_services=allowed_services)
    if chosen is None or chosen.format.is_graph != isinstance(results, ox.QueryTriples):
        chosen = negotiate(result_form(results), accept)
    try:
        written = serialize_answer(results, chosen, max_rows=max_rows)
    except ProtocolError as exc:
        if exc.status == 500 and request.shape.uses_service and isinstance(exc.__cause__,
                                                                            OSError):
            # An allowed endpoint that cannot be reached or answers badly is a bad gateway
            # (RFC 9110), not this server's fault.
            raise ProtocolError(f"a federated endpoint (SERVICE) failed: {exc.__cause__}",
                                status=502) from exc
        raise
    return SparqlResponse(200, chosen.content_type, written.body,
                          answer_headers(written, max_rows))


def error_response(error: ProtocolError) -> SparqlResponse:
    """A plain-text response for a protocol error, with its status and headers."""
    body = f"{error.status} {error.message}\n".encode()
    return SparqlResponse(
        error.status, "text/plain; charset=utf-8", body, {"Vary": "Accept", **error.headers}
    )


def handle(
    store: ox.Store,
    *,
    method: str,
    content_type: str | None,
    args: MultiDict | None = None,
    form: MultiDict | None = None,
    body: bytes = b"",
    accept: str | None = None,
) -> SparqlResponse:
    """Parse and answer one request; protocol errors become error responses, not raises."""
    try:
        return respond(store, parse_request(method, content_type, args, form, body), accept)
    except ProtocolError as exc:
        return error_response(exc)
