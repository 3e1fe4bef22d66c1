"""``/sparql`` and ``/rdf-graph-store``: thin adapters over :mod:`kg.sparql`,
:mod:`kg.graphstore`, :mod:`kg.service` and :mod:`kg.update`.

``/sparql`` answers queries (GET, POST form, POST ``application/sparql-query``), the service
description (GET without parameters), the read-only Graph Store Protocol (``?graph=IRI``,
``?default``) and, only when a token is configured, updates.  ``/rdf-graph-store`` is the
Graph Store Protocol on its own URL, where a GET naming no graph reads the whole dataset.
Queries and graph reads run through ``state().engine`` (query processes under a time
limit); both read routes allow cross-origin requests, updates never do.

:class:`Endpoint` holds the rules of both URLs over plain :class:`HttpRequest` values.  Two
adapters feed it: the blueprint's views (Flask routing, e.g. when the app is mounted under
a prefix) and :class:`FastPath`, a WSGI layer in front of Flask that answers these two
paths directly, skipping the request context, routing and response objects, which cost
more than a small query (see docs/endpoint.md, "Speed").
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from flask import Blueprint, Flask, Response, current_app, request
from werkzeug.wsgi import get_current_url

from kg import conneg, sparql
from kg.cache import asks_any, cacheable, entity_tag, matches
from kg.errors import ProtocolError, StoreError
from kg.graphstore import negotiate_graph, parse_graph_request
from kg.jobs import GraphJob, Outcome, QueryJob, StatisticsJob
from kg.service import DatasetStatistics, ServiceFeatures, describe_service, write_description
from kg.store import Store
from kg.update import apply_update, authorize

from .app import AppState

bp = Blueprint("sparql", __name__)

ENDPOINT_PATH = "/sparql"
GRAPH_STORE_PATH = "/rdf-graph-store"
_EVERY_METHOD = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]
_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": (f"{sparql.TRUNCATED_HEADER}, {sparql.ROW_LIMIT_HEADER}, "
                                      f"{sparql.BYTE_LIMIT_HEADER}"),
}
_PREFLIGHT = {
    **_CORS,
    # No Authorization: a page elsewhere cannot send an update token through a browser.
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "86400",
}
_TEXT = "text/plain; charset=utf-8"
# Answers change only with the store generation: caches may keep them, asking each time
# whether their ETag is still current. Vary: the same URL answers in several formats.
_REVALIDATE = {"Cache-Control": "no-cache", "Vary": "Accept"}


@dataclass(frozen=True)
class HttpRequest:
    """What the endpoint reads of an HTTP request."""

    method: str
    path: str
    query_string: str
    """As WSGI gives it: the raw bytes decoded as latin-1."""
    base_url: Callable[[], str]
    """The URL asked for, without its query string (the service description's endpoint);
    built only when needed: rebuilding a URL costs more than a small query."""
    content_type: str | None = None
    accept: str | None = None
    authorization: str | None = None
    if_none_match: str | None = None
    body: bytes = b""


@dataclass(frozen=True)
class HttpAnswer:
    """Status, headers (``Content-Type`` among them) and body of a response."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class Endpoint:
    """The endpoint's two URLs over an app's configuration and :class:`AppState`."""

    def __init__(self, config: Any, state: AppState, logger: logging.Logger) -> None:
        self.config = config
        self.state = state
        self._statistics = _StatisticsCache(state, logger)

    def answer(self, http: HttpRequest) -> HttpAnswer:
        """Answer one request to :data:`ENDPOINT_PATH` or :data:`GRAPH_STORE_PATH`."""
        endpoint = http.path == ENDPOINT_PATH
        if http.method == "OPTIONS":
            return self._preflight("GET, HEAD, POST, OPTIONS" if endpoint
                                   else "GET, HEAD, OPTIONS")
        try:
            args = sparql.parse_form(http.query_string)
            operation = (sparql.operation_of(http.method, args) if endpoint
                         else sparql.Operation.GRAPH)
            if operation is sparql.Operation.GRAPH:
                return self._graph(http, args, whole_store=not endpoint)
            if operation is sparql.Operation.DESCRIPTION:
                return self._description(http)
            return self._query(http, args)
        except ProtocolError as exc:
            return self._error(exc, cors=True)

    def _query(self, http: HttpRequest, args: dict[str, list[str]]) -> HttpAnswer:
        parsed = sparql.parse_request(
            http.method, http.content_type, args, None,
            http.body if http.method == "POST" else b"",
            allow_update=self.config["KG_UPDATE_TOKEN"] is not None,
        )
        if isinstance(parsed, sparql.UpdateRequest):
            return self._update(http, parsed)
        if parsed.form is not sparql.QueryForm.UNKNOWN:
            sparql.negotiate(parsed.form, http.accept)  # a 406 costs no query process
        job = QueryJob(parsed, http.accept, self._max_rows(),
                       tuple(self.config["KG_ALLOWED_SERVICES"]))
        return self._run(http, job)

    def _graph(self, http: HttpRequest, args: dict[str, list[str]], *,
               whole_store: bool) -> HttpAnswer:
        wanted = parse_graph_request(http.method, args, whole_store=whole_store)
        chosen = negotiate_graph(wanted, http.accept)
        job = GraphJob(wanted, chosen.format.name, chosen.media_type, self._max_rows())
        return self._run(http, job)

    def _run(self, http: HttpRequest, job: QueryJob | GraphJob) -> HttpAnswer:
        """Run a read job; its answer carries an ``ETag``, and a GET naming the current one
        in ``If-None-Match`` gets a 304 without the job being run (:mod:`kg.cache`)."""
        if not cacheable(job):
            return self._send(self.state.engine.run(job), cors=True)
        if http.if_none_match and http.method in ("GET", "HEAD"):
            generation = self.state.reader.store.current_generation()
            if generation is not None:
                tag = entity_tag(generation, job)
                if matches(http.if_none_match, tag):
                    return self._not_modified(tag)
        outcome = self.state.engine.run(job)
        if (outcome.status == 200 and outcome.generation is not None
                and asks_any(http.if_none_match) and http.method in ("GET", "HEAD")):
            return self._not_modified(entity_tag(outcome.generation, job))
        answer = self._send(outcome, cors=True)
        if outcome.status == 200 and outcome.generation is not None:
            answer.headers["ETag"] = entity_tag(outcome.generation, job)
            answer.headers.update(_REVALIDATE)
        return answer

    def _not_modified(self, tag: str) -> HttpAnswer:
        return self._send(Outcome(304, "", b"", {"ETag": tag, **_REVALIDATE}), cors=True)

    def _description(self, http: HttpRequest) -> HttpAnswer:
        if http.method in ("GET", "HEAD") and conneg.prefers_html(http.accept,
                                                                  conneg.GRAPH_FORMATS):
            # a browser opening the endpoint's URL: the query page, not an RDF download
            page = http.base_url().removesuffix(ENDPOINT_PATH) + "/"
            return HttpAnswer(303, {"Location": page, "Vary": "Accept", **_CORS})
        chosen = conneg.negotiate(conneg.GRAPH_FORMATS, http.accept, "the service description")
        features = ServiceFeatures(update=self.config["KG_UPDATE_TOKEN"] is not None,
                                   federated=tuple(self.config["KG_ALLOWED_SERVICES"]))
        triples = describe_service(http.base_url(), self._statistics.get(), features)
        body = write_description(triples, chosen.format)
        return self._send(Outcome(200, chosen.content_type, body, {"Vary": "Accept"}), cors=True)

    def _update(self, http: HttpRequest, parsed: sparql.UpdateRequest) -> HttpAnswer:
        try:
            authorize(http.authorization, self.config["KG_UPDATE_TOKEN"])
            apply_update(Store(self.state.reader.location), parsed.update,
                         allowed_services=tuple(self.config["KG_ALLOWED_SERVICES"]))
        except ProtocolError as exc:
            return self._error(exc, cors=False)
        except StoreError as exc:
            return self._error(ProtocolError(exc.message, status=503), cors=False)
        return HttpAnswer(204)

    def _max_rows(self) -> int | None:
        return int(self.config["KG_MAX_ROWS"]) or None

    def _preflight(self, allow: str) -> HttpAnswer:
        headers = {"Allow": allow}
        if self.config["KG_CORS"]:
            headers.update(_PREFLIGHT)
            # the methods a page elsewhere may use are those this URL allows at all
            headers["Access-Control-Allow-Methods"] = ", ".join(
                method for method in allow.split(", ") if method != "OPTIONS")
        return HttpAnswer(204, headers)

    def _send(self, outcome: Outcome, *, cors: bool) -> HttpAnswer:
        headers = {"Content-Type": outcome.content_type} if outcome.content_type else {}
        headers.update(outcome.headers)
        if cors and self.config["KG_CORS"]:
            headers.update(_CORS)
        return HttpAnswer(outcome.status, headers, outcome.body)

    def _error(self, error: ProtocolError, *, cors: bool) -> HttpAnswer:
        answer = sparql.error_response(error)
        return self._send(Outcome(answer.status, answer.content_type, answer.body,
                                  answer.headers), cors=cors)


class _StatisticsCache:
    """VoID counts of the current generation, computed once per generation."""

    def __init__(self, state: AppState, logger: logging.Logger) -> None:
        self.state = state
        self.logger = logger
        self._lock = threading.Lock()
        self._generation: str | None = None
        self._value: DatasetStatistics | None = None

    def get(self) -> DatasetStatistics | None:
        """The counts, or ``None`` when there is no store or counting failed (timeout)."""
        generation = self.state.reader.store.current_generation()
        if generation is None:
            return None
        with self._lock:
            if self._generation == generation:
                return self._value
        outcome = self.state.engine.run(StatisticsJob())
        if outcome.statistics is None:
            self.logger.warning("no VoID counts for the service description: %s",
                                       outcome.body.decode(errors="replace").strip())
            return None
        with self._lock:
            self._generation, self._value = outcome.generation, outcome.statistics
        return outcome.statistics


def endpoint_of(app: Flask) -> Endpoint:
    """The :class:`Endpoint` of an app (made on first use)."""
    found = app.extensions.get("kg-endpoint")
    if found is None:
        found = app.extensions.setdefault(
            "kg-endpoint", Endpoint(app.config, app.extensions["kg"], app.logger))
    return found  # type: ignore[no-any-return]


# --- adapter 1: Flask routes -----------------------------------------------------------------


@bp.route(ENDPOINT_PATH, methods=_EVERY_METHOD)
def endpoint() -> Response:
    """Answer one SPARQL protocol request to the endpoint."""
    return _flask_answer()


@bp.route(GRAPH_STORE_PATH, methods=_EVERY_METHOD)
def graph_store() -> Response:
    """The read-only Graph Store Protocol on its own URL."""
    return _flask_answer()


def _flask_answer() -> Response:
    # All methods are routed here so that the protocol modules give the 405s, with the
    # Allow header of the resource asked for (the endpoint or the read-only graph store).
    http = HttpRequest(
        method=request.method, path=request.url_rule.rule if request.url_rule else "",
        query_string=request.environ.get("QUERY_STRING", ""),
        base_url=lambda: request.base_url,
        content_type=request.content_type, accept=request.headers.get("Accept"),
        authorization=request.headers.get("Authorization"),
        if_none_match=request.headers.get("If-None-Match"),
        body=request.get_data() if request.method == "POST" else b"",
    )
    answer = endpoint_of(current_app).answer(http)
    return Response(answer.body, status=answer.status, headers=answer.headers)


# --- adapter 2: straight WSGI ------------------------------------------------------------------

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class FastPath:
    """A WSGI layer answering ``/sparql`` and ``/rdf-graph-store`` without Flask.

    Everything else (and these paths under a mount prefix) goes on to the wrapped app.
    It applies what Flask would: the body size limit (413) and ``nosniff``.
    """

    def __init__(self, app: Flask, wrapped: WsgiApp) -> None:
        self.app = app
        self.wrapped = wrapped

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path not in (ENDPOINT_PATH, GRAPH_STORE_PATH) or environ.get("SCRIPT_NAME"):
            return self.wrapped(environ, start_response)
        method = environ.get("REQUEST_METHOD", "GET").upper()
        try:
            body = self._body(environ, method)
        except _TooLarge as exc:
            return self._respond(start_response, method, HttpAnswer(
                413, {"Content-Type": _TEXT},
                f"413 the request body is larger than the limit of {exc.limit} bytes\n"
                .encode()))
        http = HttpRequest(
            method=method, path=path, query_string=environ.get("QUERY_STRING", ""),
            base_url=lambda: get_current_url(environ, strip_querystring=True),
            content_type=environ.get("CONTENT_TYPE") or None,
            accept=environ.get("HTTP_ACCEPT"), authorization=environ.get("HTTP_AUTHORIZATION"),
            if_none_match=environ.get("HTTP_IF_NONE_MATCH"), body=body,
        )
        answer = endpoint_of(self.app).answer(http)
        return self._respond(start_response, method, answer)

    def _body(self, environ: dict[str, Any], method: str) -> bytes:
        if method != "POST":
            return b""
        limit = self.app.config.get("MAX_CONTENT_LENGTH")
        declared = environ.get("CONTENT_LENGTH")
        if limit is not None and declared and declared.isdigit() and int(declared) > limit:
            raise _TooLarge(limit)
        stream = environ["wsgi.input"]
        if declared and declared.isdigit():
            return bytes(stream.read(int(declared)))
        if not environ.get("wsgi.input_terminated"):
            return b""  # no length and no end marker: PEP 3333 says read nothing
        data = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(data) > limit:
            raise _TooLarge(limit)
        return bytes(data)

    @staticmethod
    def _respond(start_response: StartResponse, method: str,
                 answer: HttpAnswer) -> list[bytes]:
        headers = [*answer.headers.items(), ("X-Content-Type-Options", "nosniff")]
        if answer.status not in (204, 304):  # these have no body, and say no length
            headers.append(("Content-Length", str(len(answer.body))))
        start_response(f"{answer.status} {HTTPStatus(answer.status).phrase}", headers)
        return [] if method == "HEAD" else [answer.body]


class _TooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def install_fast_path(app: Flask) -> None:
    """Put :class:`FastPath` in front of the app's WSGI callable."""
    app.wsgi_app = FastPath(app, app.wsgi_app)  # type: ignore[method-assign]
