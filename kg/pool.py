"""Query processes: a time limit that really stops a query.

pyoxigraph cannot cancel a query: evaluation runs in Rust, holding its thread until it is
done.  So each query runs in one of a few long-lived *query processes* that keep the store
open, and the caller waits for the answer no longer than the time limit; past it, the
process is killed (the work stops at once, whatever it was doing), a fresh one is started
in the background, and the caller gets a 503 that says the query was stopped.

A query process is ``python -P -m kg.pool LOCATION FD``: it reads pickled jobs
(:mod:`kg.jobs`) from the socket ``FD`` and writes back their outcomes, opening the current
store generation read-only and reopening it when a write swaps it.  It exits when its
parent closes the socket or dies.  The cost of the hop (one pickle each way over a local
socket, and a second process to schedule) is measured by ``bench/http.py`` against
``--query-processes 0``: about 0.3 ms of CPU and 0.4 ms of latency per request.
"""

from __future__ import annotations

import dataclasses
import math
import os
import pickle
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from .errors import ProtocolError, StoreError
from .jobs import Job, Outcome, error_outcome, run_job
from .store import StoreReader

DEFAULT_TIMEOUT = 30.0
_READY = "ready"
_LENGTHS = struct.Struct("!QQ")  # the pickled message's length, then the payload's
_COPY_BELOW = 65536  # a payload smaller than this is sent in one piece with its header
_START_SECONDS = 60.0  # how long a new query process may take to start before it is dropped
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


class _Channel:
    """Messages over a local socket: a pickled value and, after it, raw bytes.

    Leaner than :class:`multiprocessing.connection.Connection` where it matters here: one
    poll object for the life of the socket rather than a selector per wait, and an
    answer's body travels as it is, outside the pickle (:meth:`send_outcome`): pickling
    copies it once on each side, ~40 ms for 17 MB.  Reads go through a buffered reader,
    which takes a small message in one system call and reads a large body straight into
    its ``bytes``.  The two ends strictly alternate (a job, then its outcome), so nothing
    of a next message can wait in that buffer while :meth:`wait` polls the socket.
    """

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._reader = sock.makefile("rb")
        self._poll = select.poll()
        self._poll.register(sock, select.POLLIN)

    def send(self, message: object, payload: bytes = b"") -> None:
        """Send ``message`` (pickled) followed by ``payload`` as it is."""
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        header = _LENGTHS.pack(len(data), len(payload))
        if len(payload) < _COPY_BELOW:
            self.sock.sendall(b"".join((header, data, payload)))
        else:  # do not copy a large answer only to prepend a few bytes
            self.sock.sendall(header + data)
            self.sock.sendall(payload)

    def send_outcome(self, outcome: Outcome) -> None:
        """Send an outcome with its body outside the pickle."""
        body = outcome.body
        self.send(dataclasses.replace(outcome, body=b"") if body else outcome, body)

    def wait(self, timeout: float) -> bool:
        """True once a message (or the end of the stream) can be read; waits ``timeout`` s."""
        return bool(self._poll.poll(math.ceil(max(timeout, 0.0) * 1000)))

    def recv(self) -> tuple[Any, bytes]:
        """The next message and the payload sent after it."""
        length, size = _LENGTHS.unpack(self._read(_LENGTHS.size))
        message = pickle.loads(self._read(length))
        return message, self._read(size) if size else b""

    def recv_outcome(self) -> Outcome:
        """An outcome sent by :meth:`send_outcome`, its body put back."""
        outcome, body = self.recv()
        if not isinstance(outcome, Outcome):
            raise EOFError(f"expected an outcome, got {type(outcome).__name__}")
        return dataclasses.replace(outcome, body=body) if body else outcome

    def _read(self, size: int) -> bytes:
        data = self._reader.read(size)
        if len(data) < size:
            raise EOFError("the other end closed the socket")
        return data

    def close(self) -> None:
        # The socket's descriptor is released only once its reader is closed too.
        self._reader.close()
        self.sock.close()


class _QueryProcess:
    """One query process and the parent's end of its socket."""

    def __init__(self, location: Path) -> None:
        ours, theirs = socket.socketpair()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(_PACKAGE_ROOT), env.get("PYTHONPATH", "")) if p
        )
        try:
            # -P: no current directory on sys.path, so a query process runs the same kg as
            # its server even when started in a folder that holds another checkout.
            self.process = subprocess.Popen(
                [sys.executable, "-P", "-m", "kg.pool", str(location), str(theirs.fileno())],
                pass_fds=(theirs.fileno(),), env=env, stdin=subprocess.DEVNULL,
                # Its own session: a Ctrl-C in the terminal reaches the server, which then
                # closes the socket, rather than every query process at once.
                start_new_session=True,
            )
        finally:
            theirs.close()
        self.conn = _Channel(ours)
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        """Wait until the process has started and opened the store (it says "ready")."""
        if not self.ready and self.conn.wait(timeout):
            self.ready = self.conn.recv()[0] == _READY
        return self.ready

    def kill(self) -> int | None:
        """Stop the process now (SIGKILL) and reap it; returns its exit code."""
        self.conn.close()
        if self.process.poll() is None:
            self.process.kill()
        return self.process.wait()

    def close(self) -> None:
        """Ask the process to end (closing its socket), then make sure it has."""
        self.conn.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class QueryPool:
    """Up to ``processes`` query processes over one store location, with a time limit.

    :meth:`run` is thread-safe: each call borrows an idle process (starting one if fewer
    than ``processes`` exist, or waiting for one to come back), sends the job and waits
    for the outcome until ``timeout`` seconds after the call began.
    """

    def __init__(self, location: str | os.PathLike[str], *, processes: int = 2,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        if processes < 1:
            raise ValueError("a query pool needs at least one process")
        self.location = Path(location)
        self.size = processes
        self.timeout = timeout
        self._idle: list[_QueryProcess] = []
        self._live = 0
        self._closed = False
        self._cond = threading.Condition()

    def start(self) -> None:
        """Start every process now rather than on first use (saves the first queries the
        start-up time, a few hundred milliseconds)."""
        with self._cond:
            missing = self.size - self._live
            self._live += missing
        started = [_QueryProcess(self.location) for _ in range(missing)]
        for worker in started:
            if worker.wait_ready(_START_SECONDS):
                self._add(worker)
            else:
                self._drop(worker)

    def run(self, job: Job, *, timeout: float | None = None) -> Outcome:
        """Do ``job`` in a query process; past the time limit, kill it and answer 503."""
        limit = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        worker = self._borrow(deadline, limit)
        if worker is None:
            return error_outcome(ProtocolError(
                f"the server is busy: no query process became free within {limit:g} s; "
                "try again later", status=503, headers={"Retry-After": "5"}))
        try:
            if not worker.wait_ready(deadline - time.monotonic()):
                self._replace(worker)
                return error_outcome(ProtocolError(
                    f"the server is starting: no query process was ready within {limit:g} s; "
                    "try again later", status=503, headers={"Retry-After": "5"}))
            worker.conn.send(job)
            if not worker.conn.wait(deadline - time.monotonic()):
                self._replace(worker)
                return error_outcome(ProtocolError(
                    f"the query was stopped after {limit:g} s, the time limit of this "
                    "endpoint: no result was produced. Narrow it down (LIMIT, more selective "
                    "patterns) or run it with 'kg query' on a copy of the store",
                    status=503))
            outcome = worker.conn.recv_outcome()
        except (EOFError, OSError) as exc:
            code = self._replace(worker)
            return error_outcome(ProtocolError(
                f"the query process ended unexpectedly (exit code {code}): {exc or 'closed'}",
                status=500))
        self._give_back(worker)
        return outcome

    def close(self) -> None:
        """End every query process (idle ones now; busy ones when they come back)."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._cond.notify_all()
        for worker in idle:
            worker.close()

    def __enter__(self) -> QueryPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- bookkeeping ---------------------------------------------------------------------

    def _borrow(self, deadline: float, limit: float) -> _QueryProcess | None:
        with self._cond:
            while True:
                if self._closed:
                    raise RuntimeError("the query pool is closed")
                if self._idle:
                    return self._idle.pop()
                if self._live < self.size:
                    self._live += 1
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self._cond.wait(remaining)
        try:
            return _QueryProcess(self.location)
        except BaseException:
            with self._cond:
                self._live -= 1
                self._cond.notify()
            raise

    def _give_back(self, worker: _QueryProcess) -> None:
        with self._cond:
            if not self._closed:
                self._idle.append(worker)
                self._cond.notify()
                return
            self._live -= 1
        worker.close()

    def _add(self, worker: _QueryProcess) -> None:
        self._give_back(worker)

    def _replace(self, worker: _QueryProcess) -> int | None:
        code = worker.kill()
        with self._cond:
            if self._closed:
                self._live -= 1
                return code
        # Start the successor in the background: the caller answers its client now.
        threading.Thread(target=self._respawn, name="kg-query-respawn", daemon=True).start()
        return code

    def _respawn(self) -> None:
        try:
            worker = _QueryProcess(self.location)
        except OSError:
            with self._cond:
                self._live -= 1
                self._cond.notify()
            return
        if worker.wait_ready(_START_SECONDS):
            self._add(worker)
        else:
            self._drop(worker)

    def _drop(self, worker: _QueryProcess) -> None:
        worker.kill()
        with self._cond:
            self._live -= 1
            self._cond.notify()


# --- the query process itself ------------------------------------------------------------


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:  # the server died without closing our socket
            os._exit(0)


def serve_jobs(location: str, fd: int) -> int:
    """The main loop of a query process: jobs in from socket ``fd``, outcomes out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn = _Channel(socket.socket(fileno=fd))
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    reader = StoreReader(location)
    try:
        reader.current()  # open the store now: the first query should not pay for it
    except StoreError:
        pass  # no store yet: each job will say so until one is built
    conn.send(_READY)
    while True:
        try:
            job, _ = conn.recv()
        except (EOFError, OSError):
            return 0
        try:
            conn.send_outcome(run_job(reader, job))
        except (BrokenPipeError, OSError):
            return 0


if __name__ == "__main__":
    sys.exit(serve_jobs(sys.argv[1], int(sys.argv[2])))
