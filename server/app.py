"""The app factory.

``create_app`` wires the blueprints (``/sparql`` and ``/rdf-graph-store`` in
:mod:`server.endpoint`, the query page in :mod:`server.ui`) to a
:class:`server.reader.StoreReader` and to the executor that runs queries (a
:class:`kg.pool.QueryPool` of query processes, so that the time limit really stops a query).
:mod:`server.production` serves the app with gunicorn.  Configuration keys (``config=``
overrides them):

* ``MAX_CONTENT_LENGTH``: largest request body accepted, in bytes (1 MiB; larger gives 413)
* ``KG_QUERY_TIMEOUT``: seconds a query may run before it is stopped (30)
* ``KG_MAX_ROWS``: most rows (solutions, triples) in an answer; more are cut off and the
  answer says so (100000; 0 for no cap)
* ``KG_QUERY_PROCESSES``: query processes of this app (2; ``kg serve`` gives one per
  thread); 0 runs queries in the request's thread, without a time limit (for debugging)
* ``KG_QUERY_THREADS``: threads (lanes) per query process (1): several share one open store
  and its caches; a query stopped at the limit stops its neighbours, which run again
* ``KG_ALLOWED_SERVICES``: endpoints that ``SERVICE`` may call (none: federation is off)
* ``KG_UPDATE_TOKEN``: the secret that enables SPARQL Update (``None``: read-only)
* ``KG_CORS``: allow cross-origin reads of ``/sparql`` and ``/rdf-graph-store`` (True)
* ``KG_CACHE_BYTES``: memory for answers kept per store generation (:mod:`kg.cache`): a
  repeated query or page is answered without running it again (0: no cache; the default
  for an app made here, while ``kg serve`` keeps 64 MiB per worker)
* ``KG_PAGE_ROWS``: rows shown on the query page (1000)
* ``KG_QUERIES_DIR``: folder of the example ``*.rq`` files (``server/queries``)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from kg.cache import AnswerCache
from kg.examples import Example, load_examples
from kg.jobs import Executor, InlineExecutor, PageJob
from kg.pool import DEFAULT_TIMEOUT, QueryPool

from .reader import StoreReader

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
"""The example queries of the query page (``KG_QUERIES_DIR`` by default)."""

DEFAULTS: dict[str, Any] = {
    "MAX_CONTENT_LENGTH": 1024 * 1024,
    "KG_QUERY_TIMEOUT": DEFAULT_TIMEOUT,
    "KG_MAX_ROWS": 100_000,
    "KG_QUERY_PROCESSES": 2,
    "KG_QUERY_THREADS": 1,
    "KG_ALLOWED_SERVICES": (),
    "KG_UPDATE_TOKEN": None,
    "KG_CORS": True,
    "KG_CACHE_BYTES": 0,
    "KG_PAGE_ROWS": 1000,
    "KG_QUERIES_DIR": str(QUERIES_DIR),
}

# Everything the page uses is served from here: no CDN, no inline script, no remote font.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class AppState:
    """What the blueprints share: the store reader, the example queries, the executor."""

    reader: StoreReader
    examples: list[Example]
    engine: Executor
    """Runs :mod:`kg.jobs` jobs under the time limit (see :mod:`kg.pool`)."""


def state() -> AppState:
    """The :class:`AppState` of the app handling the current request."""
    return current_app.extensions["kg"]  # type: ignore[no-any-return]


class PageUnavailable(Exception):
    """A page's data could not be read: no store yet, the time limit, or a failure."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class PageData:
    """What a page reader returned, and the store generation that answered."""

    value: Any
    generation: str | None


def read_page(reader: str, **arguments: Any) -> PageData:
    """Run one of :data:`kg.jobs.PAGE_READERS` under the query time limit.

    Pages read with fixed queries, but over a large store even those take seconds; running
    them like a user's query keeps one slow page from holding a worker without bound.
    """
    outcome = state().engine.run(PageJob(reader, tuple(sorted(arguments.items()))))
    if outcome.status != 200:
        message = outcome.body.decode("utf-8", "replace").strip()
        # Error bodies start with their status ("503 the query was stopped ...").
        status_text = str(outcome.status)
        if message.startswith(status_text + " "):
            message = message[len(status_text) + 1:]
        raise PageUnavailable(outcome.status, message)
    return PageData(outcome.value, outcome.generation)


def make_engine(location: str | os.PathLike[str], config: Mapping[str, Any]) -> Executor:
    """The executor the configuration asks for: a pool of query processes, or inline."""
    processes = int(config["KG_QUERY_PROCESSES"])
    engine: Executor
    if processes <= 0:
        engine = InlineExecutor(location)
    else:
        engine = QueryPool(location, processes=processes,
                           threads=int(config.get("KG_QUERY_THREADS") or 1),
                           timeout=float(config["KG_QUERY_TIMEOUT"]))
    cache_bytes = int(config.get("KG_CACHE_BYTES") or 0)
    return AnswerCache(engine, location, max_bytes=cache_bytes) if cache_bytes > 0 else engine


def create_app(
    store_location: str | os.PathLike[str], *, config: Mapping[str, Any] | None = None
) -> Flask:
    """Build the web app over a store location (opened read-only on first use).

    The store need not exist yet: until ``kg build`` has written it, queries answer 503.
    Query processes start on first use (or with ``state().engine.start()``); call
    :func:`close_app` to end them before the process exits.
    """
    from .endpoint import bp as endpoint_bp
    from .endpoint import install_fast_path
    from .ui import bp as ui_bp

    app = Flask(__name__)
    app.config.update(DEFAULTS)
    if config:
        app.config.update(config)
    app.extensions["kg"] = AppState(
        reader=StoreReader(store_location),
        examples=load_examples(Path(app.config["KG_QUERIES_DIR"])),
        engine=make_engine(store_location, app.config),
    )
    app.register_blueprint(endpoint_bp)
    app.register_blueprint(ui_bp)
    app.register_error_handler(HTTPException, _http_error)
    app.after_request(_security_headers)
    install_fast_path(app)  # /sparql and /rdf-graph-store answered without Flask's overhead
    return app


def close_app(app: Flask) -> None:
    """End what the app holds outside this process (its query processes)."""
    app.extensions["kg"].engine.close()


def _http_error(error: HTTPException) -> Response:
    # Errors Flask raises itself (404, 405 on other routes, 413 body too large) as plain
    # text, like the endpoint's own errors; a browser (text/html before text/plain in its
    # Accept) gets a page of the site, with its menu, instead of a bare line, except from
    # the endpoint (docs/endpoint.md: its errors are plain text).
    code = error.code or 500
    message = f"{code} {error.name}: {error.description}\n"
    if code == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        message = f"413 the request body is larger than the limit of {limit} bytes\n"
    endpoint = request.path.startswith(("/sparql", "/rdf-graph-store"))
    if not endpoint and \
            request.accept_mimetypes.best_match(("text/plain", "text/html")) == "text/html":
        page = render_template("message.html", title=error.name, message=message.strip())
        response = Response(page, status=code, content_type="text/html; charset=utf-8")
    else:
        response = Response(message, status=code, content_type="text/plain; charset=utf-8")
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("Referrer-Policy", "same-origin")
    return response
