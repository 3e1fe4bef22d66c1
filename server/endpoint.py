"""``/sparql``: the SPARQL 1.1 Protocol endpoint, a thin adapter over :mod:`kg.sparql`."""

from __future__ import annotations

from flask import Blueprint, Response, request

from kg import sparql
from kg.errors import ProtocolError, StoreError

from .app import state

bp = Blueprint("sparql", __name__)

# Other methods get Flask's 405 with an Allow header (plain text, see server.app), so that
# OPTIONS also lists only what works.
@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    """Answer one SPARQL protocol request (query operation only)."""
    try:
        parsed = sparql.parse_request(
            request.method,
            request.content_type,
            request.args.to_dict(flat=False),
            None,  # the body is parsed by kg.sparql, from the bytes
            request.get_data() if request.method == "POST" else b"",
        )
        answer = sparql.respond(state().reader.current(), parsed, request.headers.get("Accept"))
    except ProtocolError as exc:
        answer = sparql.error_response(exc)
    except StoreError as exc:
        answer = sparql.SparqlResponse(
            503, "text/plain; charset=utf-8", f"503 {exc.message}\n".encode()
        )
    return Response(
        answer.body, status=answer.status, content_type=answer.content_type,
        headers=answer.headers,
    )
