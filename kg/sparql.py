"""The SPARQL 1.1 Protocol (query operation) over the store, without any web framework.

The web app (``server/``) is a thin adapter: it hands the plain values of an HTTP request
(method, content type, query string, body, ``Accept``) to :func:`parse_request`, runs the
result with :func:`respond` and copies the :class:`SparqlResponse` back.  Keeping the rules
here means they are tested without a web server and shared by every front end.

What the endpoint does (https://www.w3.org/TR/sparql11-protocol/):

* ``GET ?query=``, ``POST`` form-encoded ``query=``, ``POST`` ``application/sparql-query``;
  ``default-graph-uri`` / ``named-graph-uri`` choose the dataset.  Without them and without
  ``FROM`` in the query, the default graph is the union of all graphs (as ``kg query`` does).
* The common prefixes of :data:`kg.namespace.PREFIXES` are predeclared.
* Content negotiation with q-values and wildcards: SELECT/ASK as SPARQL JSON (default), XML,
  CSV, TSV; CONSTRUCT/DESCRIBE as Turtle (default), N-Triples, RDF/XML, JSON-LD.
* Refused, never executed: SPARQL Update (403) and federated ``SERVICE`` calls (403, the
  endpoint makes no network requests).  Errors are :class:`kg.errors.ProtocolError` carrying
  the HTTP status.
"""

from __future__ import annotations

import codecs
import re
import urllib.parse
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

import pyoxigraph as ox

from .errors import ProtocolError, QueryError
from .namespace import PREFIXES
from .store import run_query

Results = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
MultiDict = Mapping[str, Sequence[str]]
"""A parsed query string or form: each name with all its values, in order."""

QUERY_MEDIA_TYPE = "application/sparql-query"
UPDATE_MEDIA_TYPE = "application/sparql-update"
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
ALLOWED_METHODS = ("GET", "POST")
_ALLOW_HEADER = {"Allow": "GET, HEAD, POST"}
_UPDATE_PARAMETERS = ("update", "using-graph-uri", "using-named-graph-uri")
_MAX_FORM_FIELDS = 1000


class QueryForm(Enum):
    """What a request asks for, read from its first keyword after the prologue."""

    SELECT = "SELECT"
    ASK = "ASK"
    CONSTRUCT = "CONSTRUCT"
    DESCRIBE = "DESCRIBE"
    UPDATE = "UPDATE"
    UNKNOWN = "UNKNOWN"

    @property
    def returns_graph(self) -> bool:
        """True for CONSTRUCT and DESCRIBE, whose answer is RDF triples."""
        return self in (QueryForm.CONSTRUCT, QueryForm.DESCRIBE)


@dataclass(frozen=True)
class ResultFormat:
    """A serialization the endpoint offers; ``aliases`` are other media types accepted."""

    name: str
    media_type: str
    serializer: ox.QueryResultsFormat | ox.RdfFormat
    extension: str
    aliases: tuple[str, ...] = ()

    @property
    def is_graph(self) -> bool:
        """True for RDF formats (CONSTRUCT/DESCRIBE), False for SPARQL results formats."""
        return isinstance(self.serializer, ox.RdfFormat)

    @property
    def media_types(self) -> tuple[str, ...]:
        """The canonical media type, then the aliases."""
        return (self.media_type, *self.aliases)


# Order matters: the first of each tuple is the default, ties go to the earlier one.
RESULTS_FORMATS: tuple[ResultFormat, ...] = (
    ResultFormat("json", "application/sparql-results+json", ox.QueryResultsFormat.JSON, "json",
                 ("application/json",)),
    ResultFormat("xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML, "xml",
                 ("application/xml", "text/xml")),
    ResultFormat("csv", "text/csv", ox.QueryResultsFormat.CSV, "csv"),
    ResultFormat("tsv", "text/tab-separated-values", ox.QueryResultsFormat.TSV, "tsv"),
)
GRAPH_FORMATS: tuple[ResultFormat, ...] = (
    ResultFormat("turtle", "text/turtle", ox.RdfFormat.TURTLE, "ttl",
                 ("application/x-turtle", "application/turtle")),
    ResultFormat("ntriples", "application/n-triples", ox.RdfFormat.N_TRIPLES, "nt",
                 ("text/plain",)),
    ResultFormat("rdfxml", "application/rdf+xml", ox.RdfFormat.RDF_XML, "rdf",
                 ("application/xml", "text/xml")),
    ResultFormat("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, "jsonld",
                 ("application/json",)),
)


@dataclass(frozen=True)
class Negotiated:
    """The format chosen for a response and the media type to label it with."""

    format: ResultFormat
    media_type: str

    @property
    def content_type(self) -> str:
        """``Content-Type`` header value; every format offered is UTF-8 text."""
        return f"{self.media_type}; charset=utf-8"


@dataclass(frozen=True)
class QueryRequest:
    """A query and its dataset, as taken from a protocol request."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def form(self) -> QueryForm:
        """SELECT, ASK, CONSTRUCT, DESCRIBE, UPDATE, or UNKNOWN (then the parser decides)."""
        return query_form(self.query)


@dataclass(frozen=True)
class SparqlResponse:
    """What to send back: status, ``Content-Type``, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


# --- reading a request -------------------------------------------------------------------


def parse_request(
    method: str,
    content_type: str | None,
    args: MultiDict | None = None,
    form: MultiDict | None = None,
    body: bytes = b"",
) -> QueryRequest:
    """Turn the plain values of an HTTP request into a :class:`QueryRequest`.

    ``args`` is the parsed query string; ``form`` the parsed form body, or ``None`` to parse
    ``body`` here when the content type is form-encoded.  Raises :class:`ProtocolError`:
    405 for a method other than GET/POST, 415 for a POST body that is neither a form nor
    ``application/sparql-query``, 403 for SPARQL Update, 400 for no query, two queries or
    a graph name that is not an absolute IRI.
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
            raise _update_refused()
        else:
            shown = media_type or "none"
            raise ProtocolError(
                f"unsupported content type {shown}: POST the query as {FORM_MEDIA_TYPE} "
                f"(query=...) or as {QUERY_MEDIA_TYPE}",
                status=415,
            )
    if any(name in params for name in _UPDATE_PARAMETERS):
        raise _update_refused()
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
        raise ProtocolError(f"the query is not valid {codec}: {exc.reason}") from exc


def _parse_form(body: bytes, charset: str | None) -> dict[str, list[str]]:
    codec = _codec(charset)
    try:
        return urllib.parse.parse_qs(
            body.decode(codec), keep_blank_values=True, encoding=codec, errors="strict",
            max_num_fields=_MAX_FORM_FIELDS,
        )
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"the form body is not valid {codec}: {exc.reason}") from exc
    except ValueError as exc:  # too many fields
        raise ProtocolError(f"malformed form body: {exc}") from exc


def _graph_names(params: Mapping[str, Sequence[str]], name: str) -> tuple[str, ...]:
    graphs: list[str] = []
    for value in params.get(name, ()):
        try:
            graphs.append(ox.NamedNode(value).value)
        except ValueError as exc:
            raise ProtocolError(f"{name} {value!r} is not an absolute IRI") from exc
    return tuple(dict.fromkeys(graphs))


# --- reading a query without parsing it --------------------------------------------------

# A tokenizer that knows just enough SPARQL to find keywords: comments, strings, IRIs,
# variables, prefixed names and language tags are consumed whole, so a keyword inside one of
# them (``"DELETE"``, ``<http://x/from>``, ``?from``, ``ex:service``) is never mistaken for
# syntax.  A bare word can then only be a keyword, a function name or ``a``.
_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\r\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
                |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                |'(?:[^'\\\r\n]|\\.)*'
                |"(?:[^"\\\r\n]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$]\w+)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%-]|\\.|\.(?=[\w:%-]))*)
    | (?P<word>[^\W\d]\w*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_QUERY_FORMS = {form.value: form for form in
                (QueryForm.SELECT, QueryForm.ASK, QueryForm.CONSTRUCT, QueryForm.DESCRIBE)}
_UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)


def _words(query: str) -> Iterator[tuple[str, bool]]:
    """Yield each bare word (upper case) and whether it is the first non-prologue token."""
    in_prologue = True
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup
        if kind in ("space", "comment"):
            continue
        if kind == "word":
            word = match.group().upper()
            first = in_prologue and word not in ("BASE", "PREFIX")
            if first:
                in_prologue = False
            yield word, first
        elif in_prologue and kind not in ("iri", "pname"):
            in_prologue = False  # a query cannot start with this; the parser will say so


def query_form(query: str) -> QueryForm:
    """The form of a SPARQL request from its first keyword after BASE/PREFIX declarations.

    The grammar puts the form keyword (SELECT, ASK, CONSTRUCT, DESCRIBE) or the first update
    operation (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD, WITH) right after
    the prologue, so this is exact for any request the parsers would accept.
    """
    for word, first in _words(query):
        if word in ("BASE", "PREFIX") and not first:
            continue
        if not first:
            break
        if word in _QUERY_FORMS:
            return _QUERY_FORMS[word]
        if word in _UPDATE_KEYWORDS:
            return QueryForm.UPDATE
        break
    return QueryForm.UNKNOWN


def has_dataset_clause(query: str) -> bool:
    """True when the query names its own dataset with ``FROM`` or ``FROM NAMED``."""
    return any(word == "FROM" for word, _ in _words(query))


def uses_service(query: str) -> bool:
    """True when the query calls another endpoint with ``SERVICE`` (federated query)."""
    return any(word == "SERVICE" for word, _ in _words(query))


# --- content negotiation -----------------------------------------------------------------


@dataclass(frozen=True)
class _MediaRange:
    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """-1 if this range does not match; else 0 for */*, 1 for type/*, 2 for an exact match."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != kind:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


def _parse_accept(header: str) -> list[_MediaRange]:
    ranges: list[_MediaRange] = []
    for item in header.split(","):
        media, *params = item.split(";")
        media = media.strip().lower()
        if media == "*":  # seen from old clients; means */*
            media = "*/*"
        kind, slash, sub = media.partition("/")
        if not slash or not kind or not sub or (kind == "*" and sub != "*"):
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0  # a q we cannot read is no preference for this range
        ranges.append(_MediaRange(kind, sub, q))
    return ranges


def formats_for(form: QueryForm) -> tuple[ResultFormat, ...]:
    """The formats offered for a query form (RDF formats for CONSTRUCT/DESCRIBE)."""
    return GRAPH_FORMATS if form.returns_graph else RESULTS_FORMATS


def negotiate(form: QueryForm, accept: str | None) -> Negotiated:
    """Choose the response format for ``form`` from an ``Accept`` header (RFC 9110).

    Each offered media type takes the q-value of the most specific range that matches it;
    the highest q wins, then an explicit match over a wildcard, then the server's order
    (SPARQL JSON for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE).  No ``Accept`` (or one
    that cannot be read) means the default.  Raises :class:`ProtocolError` 406 when nothing
    offered is acceptable.
    """
    offered = formats_for(form)
    ranges = _parse_accept(accept) if accept and accept.strip() else []
    if not ranges:
        return Negotiated(offered[0], offered[0].media_type)
    best: tuple[float, int, int] | None = None
    chosen: Negotiated | None = None
    order = 0
    for fmt in offered:
        for media_type in fmt.media_types:
            order += 1
            matches = [(r.specificity(media_type), r.q) for r in ranges]
            specificity, q = max(matches, key=lambda m: m[0])
            # An alias is served only when named: text/* must not pick XML as text/xml.
            exact_only = media_type != fmt.media_type
            if specificity < 0 or q <= 0 or (exact_only and specificity < 2):
                continue
            key = (q, specificity, -order)
            if best is None or key > best:
                best, chosen = key, Negotiated(fmt, media_type)
    if chosen is None:
        available = ", ".join(f.media_type for f in offered)
        raise ProtocolError(
            f"none of the accepted media types ({accept}) is available for a "
            f"{form.value} query; available: {available}",
            status=406,
        )
    return chosen


def format_named(name: str, form: QueryForm) -> Negotiated:
    """The format called ``name`` (``json``, ``csv``, ``turtle``...) for a query form.

    For download links, which cannot send an ``Accept`` header.  Raises
    :class:`ProtocolError` 406 when the form has no such format.
    """
    for fmt in formats_for(form):
        if fmt.name == name:
            return Negotiated(fmt, fmt.media_type)
    names = ", ".join(f.name for f in formats_for(form))
    raise ProtocolError(
        f"a {form.value} query cannot be written as {name!r}; choose one of {names}", status=406
    )


# --- answering ---------------------------------------------------------------------------


def execute(
    store: ox.Store, request: QueryRequest, *, prefixes: Mapping[str, str] | None = None
) -> Results:
    """Run the request's query on ``store`` (read-only) with the protocol's dataset rules.

    ``default-graph-uri``/``named-graph-uri`` override the dataset (with only
    ``named-graph-uri``, the default graph is the store's own default graph); else the
    query's own ``FROM``/``FROM NAMED`` apply; else the default graph is the union of all
    graphs.
    ``prefixes`` defaults to :data:`kg.namespace.PREFIXES`.  Raises :class:`ProtocolError`:
    403 for SPARQL Update or ``SERVICE`` (never executed), 400 for a syntax error (with the
    parser's message).
    """
    form = request.form
    if form is QueryForm.UPDATE:
        raise _update_refused()
    if uses_service(request.query):
        raise ProtocolError(
            "federated queries (SERVICE) are not allowed: this endpoint makes no network "
            "requests",
            status=403,
        )
    union = not (request.named_graphs or has_dataset_clause(request.query))
    try:
        return run_query(
            store,
            request.query,
            default_graphs=list(request.default_graphs) or None,
            named_graphs=list(request.named_graphs) or None,
            union_default_graph=union,
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


def serialize(results: Results, chosen: Negotiated) -> bytes:
    """Write results in the chosen format; evaluation happens here, as results stream.

    Raises :class:`ProtocolError` 406 when the format does not fit the results (an RDF
    format for SELECT, or a results format for CONSTRUCT) and 500 when evaluation fails.
    """
    fmt = chosen.format
    graph = isinstance(results, ox.QueryTriples)
    if fmt.is_graph != graph:
        raise ProtocolError(
            f"{fmt.media_type} cannot hold the answer to a {result_form(results).value} query",
            status=406,
        )
    try:
        if isinstance(results, ox.QueryTriples):
            assert isinstance(fmt.serializer, ox.RdfFormat)
            return ox.serialize(results, format=fmt.serializer, prefixes=dict(PREFIXES))
        assert isinstance(fmt.serializer, ox.QueryResultsFormat)
        return results.serialize(format=fmt.serializer)
    except (OSError, RuntimeError, ValueError) as exc:
        raise ProtocolError(f"query evaluation failed: {exc}", status=500) from exc


def respond(
    store: ox.Store,
    request: QueryRequest,
    accept: str | None,
    *,
    prefixes: Mapping[str, str] | None = None,
) -> SparqlResponse:
    """Answer a parsed request: negotiate, execute, serialize.

    Negotiation happens before execution when the query form can be read from the text, so
    a 406 costs no evaluation.  Raises :class:`ProtocolError` (see :func:`execute`,
    :func:`negotiate`, :func:`serialize`).
    """
    form = request.form
    chosen = negotiate(form, accept) if form is not QueryForm.UNKNOWN else None
    results = execute(store, request, prefixes=prefixes)
    if chosen is None or chosen.format.is_graph != isinstance(results, ox.QueryTriples):
        chosen = negotiate(result_form(results), accept)
    body = serialize(results, chosen)
    return SparqlResponse(200, chosen.content_type, body, {"Vary": "Accept"})


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
