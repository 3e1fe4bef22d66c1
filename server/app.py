"""The app factory and the production server.

``create_app`` wires the blueprints (``/sparql`` in :mod:`server.endpoint`, the query page in
:mod:`server.ui`) to a :class:`server.reader.StoreReader`; ``serve`` runs the app with
waitress.  Configuration keys (``config=`` overrides them):

* ``MAX_CONTENT_LENGTH``: largest request body accepted, in bytes (1 MiB; larger gives 413)
* ``KG_PAGE_ROWS``: rows shown on the query page (1000; downloads have all rows)
* ``KG_QUERIES_DIR``: folder of the example ``*.rq`` files (``server/queries``)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app
from werkzeug.exceptions import HTTPException

from .examples import QUERIES_DIR, Example, load_examples
from .reader import StoreReader

DEFAULTS: dict[str, Any] = {
    "MAX_CONTENT_LENGTH": 1024 * 1024,
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
    """What the blueprints share: the store reader and the example queries."""

    reader: StoreReader
    examples: list[Example]


def state() -> AppState:
    """The :class:`AppState` of the app handling the current request."""
    return current_app.extensions["kg"]  # type: ignore[no-any-return]


def create_app(
    store_location: str | os.PathLike[str], *, config: Mapping[str, Any] | None = None
) -> Flask:
    """Build the web app over a store location (opened read-only on first use).

    The store need not exist yet: until ``kg build`` has written it, queries answer 503.
    """
    from .endpoint import bp as endpoint_bp
    from .ui import bp as ui_bp

    app = Flask(__name__)
    app.config.update(DEFAULTS)
    if config:
        app.config.update(config)
    app.extensions["kg"] = AppState(
        reader=StoreReader(store_location),
        examples=load_examples(Path(app.config["KG_QUERIES_DIR"])),
    )
    app.register_blueprint(endpoint_bp)
    app.register_blueprint(ui_bp)
    app.register_error_handler(HTTPException, _http_error)
    app.after_request(_security_headers)
    return app


def _http_error(error: HTTPException) -> Response:
    # Errors Flask raises itself (404, 405 on other routes, 413 body too large) as plain
    # text, like the endpoint's own errors.
    code = error.code or 500
    message = f"{code} {error.name}: {error.description}\n"
    if code == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        message = f"413 the request body is larger than the limit of {limit} bytes\n"
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


def serve(
    location: str | os.PathLike[str],
    host: str = "127.0.0.1",
    port: int = 8000,
    threads: int = 4,
) -> None:
    """Serve the app with waitress (a production WSGI server) until interrupted."""
    import waitress

    app = create_app(location)
    waitress.serve(app, host=host, port=port, threads=threads, ident="kg")
