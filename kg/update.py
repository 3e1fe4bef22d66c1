"""SPARQL Update over HTTP, off unless its operator enables it with a secret token.

The endpoint is read-only by default.  ``kg serve --update-token-file FILE`` (or the
environment variable ``KG_UPDATE_TOKEN``) enables ``POST`` of ``application/sparql-update``
or ``update=`` for clients that send ``Authorization: Bearer <token>``; the token is
compared in constant time.  An update never changes the graph under its readers: it is
applied to a copy of the current generation which then replaces it atomically, like
``kg load`` (:meth:`kg.store.Store.write`), and ``LOAD`` or a ``SERVICE`` not allowed are
refused because the server fetches nothing from the network.

Updates are not under the query time limit: they are the operator's own requests.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Collection
from pathlib import Path

import pyoxigraph as ox

from .errors import ProtocolError, UsageError
from .namespace import PREFIXES
from .sparql import check_update
from .sparql_text import explain_syntax_error, uses_service
from .store import Store

TOKEN_ENV = "KG_UPDATE_TOKEN"
MIN_TOKEN_LENGTH = 16
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="kg update"'}


def read_token(path: str | os.PathLike[str]) -> str:
    """The update token kept in a file (first line, surrounding blanks dropped).

    Raises :class:`UsageError` when the file cannot be read or the token is shorter than
    :data:`MIN_TOKEN_LENGTH` characters (a guessable secret would not protect anything).
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the update token file {path}: {exc}") from exc
    lines = text.strip().splitlines()
    return check_token(lines[0].strip() if lines else "", str(path))


def check_token(token: str, source: str) -> str:
    """``token`` itself when it is long enough to be a secret; else :class:`UsageError`."""
    if len(token) < MIN_TOKEN_LENGTH:
        raise UsageError(f"the update token from {source} is shorter than "
                         f"{MIN_TOKEN_LENGTH} characters")
    return token


def authorize(header: str | None, token: str) -> None:
    """Accept an ``Authorization`` header carrying ``Bearer <token>``; else raise 401."""
    scheme, _, given = (header or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ProtocolError("SPARQL Update needs 'Authorization: Bearer <token>'",
                            status=401, headers=_CHALLENGE)
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ProtocolError("the update token is not valid", status=401, headers={
            "WWW-Authenticate": 'Bearer realm="kg update", error="invalid_token"'})


def _check_syntax(update: str) -> None:
    """Raise the parser's ``SyntaxError`` for ``update``, found on an empty store in memory
    before the current generation is copied (which takes as long as the store is large).
    Only the syntax is checked: what the empty store cannot do ("DROP GRAPH <g>": no such
    graph there) is for the real store to decide."""
    try:
        ox.Store().update(update, prefixes=dict(PREFIXES))
    except (RuntimeError, ValueError, OSError):
        pass


def apply_update(store: Store, update: str, *, allowed_services: Collection[str] = ()) -> None:
    """Run ``update`` on a copy of the current generation and make that copy current.

    Raises :class:`ProtocolError`: 403 for ``LOAD`` or a ``SERVICE`` not allowed, 400 for
    a syntax error (with the parser's message) or an update that cannot run; the store is
    then unchanged.
    """
    check_update(update, allowed_services)
    try:
        if not uses_service(update):
            _check_syntax(update)
        with store.write(copy_current=True) as target:
            target.update(update, prefixes=dict(PREFIXES))
    except SyntaxError as exc:
        raise ProtocolError(
            f"SPARQL syntax error: {explain_syntax_error(update, str(exc))}") from exc
    except (RuntimeError, ValueError) as exc:
        raise ProtocolError(f"the update cannot run: {exc}") from exc
    except OSError as exc:
        raise ProtocolError(f"the update could not be written: {exc}", status=500) from exc
