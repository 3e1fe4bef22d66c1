"""Serving the app in production: gunicorn, several worker processes, each with its threads
and its own query processes (:mod:`kg.pool`).

Why gunicorn: a pre-fork server gives several worker processes (a Python process runs one
thread of Python at a time), restarts a worker that dies, and shuts down gracefully; the
``gthread`` worker keeps connections alive and serves each worker's requests from a pool of
threads, which mostly wait on their query process.  A rebuild while serving needs nothing
from the server: every query process reopens the store when ``current`` points to a new,
complete generation.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gunicorn.app.base import BaseApplication

from kg.pool import DEFAULT_TIMEOUT

from .app import close_app, create_app

# gunicorn's largest request line (its default is 4094): long GET queries; longer ones POST.
_MAX_REQUEST_LINE = 8190


def default_workers() -> int:
    """One worker process per CPU (at least 2)."""
    return max(os.cpu_count() or 2, 2)


@dataclass(frozen=True)
class ServeOptions:
    """How ``kg serve`` runs: network, processes, and the endpoint's limits."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = field(default_factory=default_workers)
    threads: int = 4
    query_processes: int = 4
    """Query processes per worker (as many as threads: no thread waits for one); 0 runs
    queries in the worker without a time limit."""
    query_threads: int = 1
    """Threads (lanes) per query process: they share the open store and its caches."""
    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = 100_000
    max_body: int = 1024 * 1024
    allowed_services: Sequence[str] = ()
    update_token: str | None = None
    cors: bool = True
    cache_bytes: int = 64 * 1024 * 1024
    """Memory per worker for answers kept per store generation (:mod:`kg.cache`); 0: none."""
    access_log: bool = False

    def app_config(self) -> dict[str, Any]:
        """The Flask configuration keys (see :mod:`server.app`) these options set."""
        return {
            "MAX_CONTENT_LENGTH": self.max_body,
            "KG_QUERY_TIMEOUT": self.timeout,
            "KG_MAX_ROWS": self.max_rows,
            "KG_QUERY_PROCESSES": self.query_processes,
            "KG_QUERY_THREADS": self.query_threads,
            "KG_ALLOWED_SERVICES": tuple(self.allowed_services),
            "KG_UPDATE_TOKEN": self.update_token,
            "KG_CORS": self.cors,
            "KG_CACHE_BYTES": self.cache_bytes,
        }


def _start_queries(worker: Any) -> None:
    # gunicorn hook, in each worker once the app is loaded: start its query processes now
    # so that the first requests do not wait for them.
    engine = worker.wsgi.extensions["kg"].engine
    if hasattr(engine, "start"):
        engine.start()


def _stop_queries(server: Any, worker: Any) -> None:
    wsgi = getattr(worker, "wsgi", None)
    if wsgi is not None:
        close_app(wsgi)


class KgServer(BaseApplication):  # type: ignore[misc]
    """gunicorn, configured from :class:`ServeOptions` rather than a command line."""

    def __init__(self, location: str | os.PathLike[str], options: ServeOptions) -> None:
        self.location = location
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        """Set gunicorn's settings (called by gunicorn)."""
        options = self.options
        settings: dict[str, Any] = {
            "bind": [f"{options.host}:{options.port}"],
            "workers": options.workers,
            "worker_class": "gthread",
            "threads": options.threads,
            # The worker's heartbeat: its main loop keeps beating while threads wait on
            # queries, so this only catches a stuck worker; queries have their own limit.
            "timeout": int(options.timeout) + 30,
            "graceful_timeout": 10,
            "keepalive": 5,
            "limit_request_line": _MAX_REQUEST_LINE,
            "proc_name": "kg-serve",
            "post_worker_init": _start_queries,
            "worker_exit": _stop_queries,
            "errorlog": "-",
            "accesslog": "-" if options.access_log else None,
        }
        for name, value in settings.items():
            self.cfg.set(name, value)

    def load(self) -> Any:
        """Build the app, once per worker (called by gunicorn after the fork)."""
        return create_app(self.location, config=self.options.app_config())


def serve(location: str | os.PathLike[str], options: ServeOptions | None = None) -> None:
    """Serve the app with gunicorn until interrupted (SIGINT/SIGTERM stop it gracefully)."""
    KgServer(location, options or ServeOptions()).run()
