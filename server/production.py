"""Serving the app in production: several worker processes, each with its threads and its
own query processes (:mod:`kg.pool`), under gunicorn (the default) or granian.

Both are pre-fork servers: several worker processes (a Python process runs one thread of
Python at a time), a worker that dies is started again, SIGTERM/SIGINT shut down
gracefully, connections are kept alive, and each worker serves its requests from a pool of
threads, which mostly wait on their query process.  gunicorn is the default: pure Python,
the reference pre-fork server, with a heartbeat that restarts a stuck worker and a limit on
the request line (414).  granian (``--http-server granian``) parses HTTP in Rust and hands
Python a ready WSGI environ: per request it costs about a quarter of gunicorn's CPU, a
third less for a whole uncached query on the seeds (``bench/http.py``; docs/endpoint.md,
"Speed"); it has no heartbeat (a dead worker is replaced, a stuck one is not), bounds the
whole request head (431), and stops when workers keep dying.  A rebuild while serving needs
nothing from the server: every query process reopens the store when ``current`` points to
a new, complete generation.
"""

from __future__ import annotations

import functools
import multiprocessing.util
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from kg.pool import DEFAULT_TIMEOUT

from .app import close_app, create_app

# gunicorn's largest request line (its default is 4094): long GET queries; longer ones POST.
_MAX_REQUEST_LINE = 8190
# granian bounds the whole request head (request line and headers) instead: the same
# request line with room for the headers a browser sends.
_MAX_REQUEST_HEAD = 16384
HTTP_SERVERS = ("gunicorn", "granian")


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
    http_server: str = "gunicorn"
    """Which pre-fork server runs the workers: one of :data:`HTTP_SERVERS`."""

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
        if "control_socket_disable" in self.cfg.settings:
            # gunicorn 24+ opens a control socket in ~/.gunicorn by default: a read-only
            # server writes nothing to the home folder, and two servers would share it
            settings["control_socket_disable"] = True
        for name, value in settings.items():
            self.cfg.set(name, value)

    def load(self) -> Any:
        """Build the app, once per worker (called by gunicorn after the fork)."""
        return create_app(self.location, config=self.options.app_config())


def _worker_app(location: str, options: ServeOptions) -> Flask:
    """The app of one granian worker (called in the worker, after the fork), with its query
    processes started and ended when the worker exits."""
    app = create_app(location, config=options.app_config())
    engine = app.extensions["kg"].engine
    if hasattr(engine, "start"):
        engine.start()
    # granian's workers are multiprocessing processes, which run these finalizers (not
    # atexit) on their way out; the query processes would also see their sockets close.
    multiprocessing.util.Finalize(app, close_app, args=(app,), exitpriority=10)
    # A granian worker does not notice its main process die (gunicorn's do): without this
    # it would serve on, orphaned, after the main was killed (SIGKILL, or a SIGTERM that
    # came while this worker was still starting and so never reached it).
    threading.Thread(target=_exit_with_parent, args=(os.getppid(), app), daemon=True,
                     name="kg-parent-watch").start()
    return app


def _exit_with_parent(parent: int, app: Flask) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    close_app(app)
    os._exit(0)


def serve_granian(location: str | os.PathLike[str], options: ServeOptions) -> None:
    """Serve the app with granian until interrupted (SIGINT/SIGTERM stop it gracefully)."""
    from granian.constants import Interfaces
    from granian.http import HTTP1Settings
    from granian.server import Server

    server = Server(
        "kg-serve",  # a name only: the app comes from the loader below
        address=options.host,
        port=options.port,
        interface=Interfaces.WSGI,
        workers=options.workers,
        blocking_threads=options.threads,
        http1_settings=HTTP1Settings(keep_alive=True, max_buffer_size=_MAX_REQUEST_HEAD),
        websockets=False,
        respawn_failed_workers=True,
        respawn_interval=1.0,
        # In-flight requests finish (a query has its own time limit); then workers are
        # killed, and their query processes end with their sockets.
        workers_kill_timeout=int(options.timeout) + 10,
        log_access=options.access_log,
    )
    server.serve(target_loader=functools.partial(_worker_app, str(location), options),
                 wrap_loader=False)


def serve(location: str | os.PathLike[str], options: ServeOptions | None = None) -> None:
    """Serve the app until interrupted (SIGINT/SIGTERM stop it gracefully)."""
    options = options or ServeOptions()
    if options.http_server == "granian":
        serve_granian(location, options)
    elif options.http_server == "gunicorn":
        KgServer(location, options).run()
    else:
        raise ValueError(f"unknown HTTP server {options.http_server!r}: one of {HTTP_SERVERS}")
