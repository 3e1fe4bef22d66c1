"""The web app of ``kg``: the SPARQL 1.1 endpoint (``/sparql``) and the query page (``/``).

``create_app(location)`` builds the Flask app over a store location; ``serve(location)``
runs it with gunicorn, several worker processes (what ``kg serve`` calls).
"""

from __future__ import annotations

from .app import create_app
from .production import serve

__all__ = ["create_app", "serve"]
