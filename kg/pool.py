"""Query processes: a time limit that really stops a query.

pyoxigraph cannot cancel a query: evaluation runs in Rust, holding its thread until it is
done.  So each query runs in one of a few long-lived *query processes* that keep the store
open, and the caller waits for the answer no longer than the time limit; past it, the
process is killed (the work stops at once, whatever it was doing), a fresh one is started
in the background, and the caller gets a 503 that says the query was stopped.

A query process is ``python -P -m kg.pool LOCATION FD[,FD...]``: a thread per socket
(a *lane*) reads jobs (:mod:`kg.jobs`, encoded by its ``dump_job``) from it and writes back
their outcomes, all over one store opened read-only at its current generation (and reopened
when a write swaps it).  It exits when its parent closes the sockets or dies.  The cost of
the hop (a short message each way over a local socket, and a second process to schedule:
two wake-ups, and caches cold on each side) is measured by ``bench/http.py`` against
``--query-processes 0``: about 0.15 ms of CPU per request (0.37 ms for a whole ``ASK {}``
request behind granian, 0.23 ms with queries in the worker).  Lanes of one
process share the store's caches (less memory, cheaper concurrent heavy queries) but not
their fate: see :class:`QueryPool`.
"""

from __future__ import annotations

import math
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

from .errors import ProtocolError, StoreError
from .jobs import (
    Job,
    Outcome,
    dump_job,
    dump_outcome,
    error_outcome,
    load_job,
    load_outcome,
    run_job,
)
from .store import StoreReader

DEFAULT_TIMEOUT = 30.0
_READY = b"ready"
_LENGTHS = struct.Struct("!QQ")  # the message's length, then the payload's
_COPY_BELOW = 65536  # a payload smaller than this is sent in one piece with its header
_START_SECONDS = 60.0  # how long a new query process may take to start before it is dropped
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


class _Channel:
    """Messages over a local socket: a short encoded message and, after it, raw bytes.

    Leaner than :class:`multiprocessing.connection.Connection` where it matters here: one
    poll object for the life of the socket rather than a selector per wait; jobs and
    outcomes are encoded by :mod:`kg.jobs` (plain tuples in ``marshal`` for queries, not
    pickled dataclasses); and an answer's body travels as it is, outside the message
    (:meth:`send_outcome`): pickling copies it once on each side, ~40 ms for 17 MB.  Reads
    go through a buffered reader, which takes a small message in one system call and reads
    a large body straight into its ``bytes``.  The two ends strictly alternate (a job, then
    its outcome), so nothing of a next message can wait in that buffer while :meth:`wait`
    polls the socket.
    """

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._reader = sock.makefile("rb")
        self._poll = select.poll()
        self._poll.register(sock, select.POLLIN)

    def send(self, message: bytes, payload: bytes = b"") -> None:
        """Send ``message`` followed by ``payload``, each as it is."""
        header = _LENGTHS.pack(len(message), len(payload))
        if len(payload) < _COPY_BELOW:
            self.sock.sendall(b"".join((header, message, payload)))
        else:  # do not copy a large answer only to prepend a few bytes
            self.sock.sendall(header + message)
            self.sock.sendall(payload)

    def send_job(self, job: Job) -> None:
        """Send a job to the query process."""
        self.send(dump_job(job))

    def recv_job(self) -> Job:
        """The next job (in the query process)."""
        return load_job(self.recv()[0])

    def send_outcome(self, outcome: Outcome) -> None:
        """Send an outcome with its body outside the message."""
        self.send(dump_outcome(outcome), outcome.body)

    def recv_outcome(self) -> Outcome:
        """An outcome sent by :meth:`send_outcome`, its body put back."""
        return load_outcome(*self.recv())

    def wait(self, timeout: float) -> bool:
        """True once a message (or the end of the stream) can be read; waits ``timeout`` s."""
        return bool(self._poll.poll(math.ceil(max(timeout, 0.0) * 1000)))

    def recv(self) -> tuple[bytes, bytes]:
        """The next message and the payload sent after it."""
        length, size = _LENGTHS.unpack(self._read(_LENGTHS.size))
        message = self._read(length)
        return message, self._read(size) if size else b""

    def _read(self, size: int) -> bytes:
        data = self._reader.read(size)
        if len(data) < size:
            raise EOFError("the other end closed the socket")
        return data

    def close(self) -> None:
        # The socket's descriptor is released only once its reader is closed too.
        self._reader.close()
        self.sock.close()


class _Lane:
    """One socket to a query process: one job at a time travels on it."""

    def __init__(self, process: _QueryProcess, sock: socket.socket) -> None:
        self.process = process
        self.conn = _Channel(sock)
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        """Wait until the lane's thread has started with the store open (it says "ready")."""
        if not self.ready and self.conn.wait(timeout):
            self.ready = self.conn.recv()[0] == _READY
        return self.ready


class _QueryProcess:
    """One query process, its lanes (one thread each), and what the pool knows of it."""

    def __init__(self, location: Path, lanes: int = 1) -> None:
        pairs = [socket.socketpair() for _ in range(lanes)]
        theirs = [pair[1].fileno() for pair in pairs]
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(_PACKAGE_ROOT), env.get("PYTHONPATH", "")) if p
        )
        try:
            # -P: no current directory on sys.path, so a query process runs the same kg as
            # its server even when started in a folder that holds another checkout.
            self.process = subprocess.Popen(
                [sys.executable, "-P", "-m", "kg.pool", str(location),
                 ",".join(map(str, theirs))],
                pass_fds=theirs, env=env, stdin=subprocess.DEVNULL,
                # Its own session: a Ctrl-C in the terminal reaches the server, which then
                # closes the sockets, rather than every query process at once.
                start_new_session=True,
            )
        except BaseException:
            for ours, _ in pairs:
                ours.close()
            raise
        finally:
            for _, other in pairs:
                other.close()
        self.lanes = [_Lane(self, ours) for ours, _ in pairs]
        self.busy = 0
        """Lanes lent out by the pool (guarded by the pool's lock)."""
        self.retired = False
        """Killed or ended: its lanes are not lent again (guarded by the pool's lock)."""
        self.killed_by_pool = False
        """Killed on purpose (a query past its time limit, or a start slower than a
        caller could wait): the other queries it was running did nothing wrong and may
        run again elsewhere."""
        self.exit_code: int | None = None

    def kill(self) -> int | None:
        """Stop the process now (SIGKILL) and reap it; returns its exit code.

        Lanes are left open: a thread still waiting on one sees its end and closes it
        (closing a socket another thread polls could hand its descriptor to a new one).
        """
        if self.process.poll() is None:
            self.process.kill()
        self.exit_code = self.process.wait()
        return self.exit_code

    def close(self) -> None:
        """Ask the process to end (closing its sockets), then make sure it has."""
        for lane in self.lanes:
            lane.conn.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class QueryPool:
    """Up to ``processes`` query processes of ``threads`` lanes each, with a time limit.

    :meth:`run` is thread-safe: each call borrows an idle lane (starting a process if fewer
    than ``processes`` exist, or waiting for a lane to come back), sends the job and waits
    for the outcome until ``timeout`` seconds after the call began.

    A query past its limit is stopped by killing its whole process, so with ``threads`` > 1
    the queries running beside it are stopped too: those are run once more in another
    process, within what is left of their own time limit, and their callers see only the
    delay.  Threads of one process share the store's caches, which makes heavy concurrent
    queries cheaper than in separate processes (``docs/endpoint.md``).
    """

    def __init__(self, location: str | os.PathLike[str], *, processes: int = 2,
                 threads: int = 1, timeout: float = DEFAULT_TIMEOUT) -> None:
        if processes < 1 or threads < 1:
            raise ValueError("a query pool needs at least one process of one thread")
        self.location = Path(location)
        self.size = processes
        self.threads = threads
        self.timeout = timeout
        self._idle: list[_Lane] = []
        self._processes: set[_QueryProcess] = set()
        self._live = 0
        self._closed = False
        self.reruns = 0
        """Queries run a second time because a neighbour's was stopped at its limit."""
        self._cond = threading.Condition()

    def start(self) -> None:
        """Start every process now rather than on first use (saves the first queries the
        start-up time, a few hundred milliseconds)."""
        with self._cond:
            missing = self.size - self._live
            self._live += missing
        started = [self._spawn() for _ in range(missing)]
        for process in started:
            if all(lane.wait_ready(_START_SECONDS) for lane in process.lanes):
                self._add(process)
            else:
                self._drop(process)

    def run(self, job: Job, *, timeout: float | None = None) -> Outcome:
        """Do ``job`` in a query process; past the time limit, kill it and answer 503."""
        limit = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        rerun = False
        while True:
            lane = self._borrow(deadline)
            if lane is None:
                return error_outcome(ProtocolError(
                    f"the server is busy: no query process became free within {limit:g} s; "
                    "try again later", status=503, headers={"Retry-After": "5"}))
            try:
                if not lane.wait_ready(deadline - time.monotonic()):
                    # Not the neighbours' fault either: any that were running go again.
                    self._retire(lane, on_purpose=True)
                    return error_outcome(ProtocolError(
                        f"the server is starting: no query process was ready within "
                        f"{limit:g} s; try again later", status=503,
                        headers={"Retry-After": "5"}))
                lane.conn.send_job(job)
                if not lane.conn.wait(deadline - time.monotonic()):
                    self._retire(lane, on_purpose=True)
                    return error_outcome(ProtocolError(
                        f"the query was stopped after {limit:g} s, the time limit of this "
                        "endpoint: no result was produced. Narrow it down (LIMIT, more "
                        "selective patterns) or run it with 'kg query' on a copy of the store",
                        status=503))
                outcome = lane.conn.recv_outcome()
            except (EOFError, OSError) as exc:
                process = lane.process
                self._retire(lane)
                if process.killed_by_pool and not rerun and time.monotonic() < deadline:
                    rerun = True  # stopped for a neighbour's sake: once more elsewhere
                    with self._cond:
                        self.reruns += 1
                    continue
                return error_outcome(ProtocolError(
                    f"the query process ended unexpectedly (exit code {process.exit_code}): "
                    f"{exc or 'closed'}", status=500))
            self._give_back(lane)
            return outcome

    def close(self) -> None:
        """End every query process (idle ones now; busy ones when their lanes come back)."""
        with self._cond:
            self._closed = True
            self._idle = []
            idle = [p for p in self._processes if p.busy == 0]
            self._processes.difference_update(idle)
            self._live -= len(idle)
            self._cond.notify_all()
        for process in idle:
            process.close()

    def __enter__(self) -> QueryPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- bookkeeping ---------------------------------------------------------------------

    def _spawn(self) -> _QueryProcess:
        return _QueryProcess(self.location, self.threads)

    def _borrow(self, deadline: float) -> _Lane | None:
        with self._cond:
            while True:
                if self._closed:
                    raise RuntimeError("the query pool is closed")
                if self._idle:
                    lane = self._idle.pop()
                    lane.process.busy += 1
                    return lane
                if self._live < self.size:
                    self._live += 1
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self._cond.wait(remaining)
        try:
            process = self._spawn()
        except BaseException:
            with self._cond:
                self._live -= 1
                self._cond.notify()
            raise
        with self._cond:
            self._processes.add(process)
            process.busy = 1
            first, *others = process.lanes
            if not self._closed:
                self._idle.extend(others)  # whoever borrows one waits for it to be ready
                self._cond.notify_all()
        return first

    def _give_back(self, lane: _Lane) -> None:
        process = lane.process
        with self._cond:
            process.busy -= 1
            if not self._closed and not process.retired:
                self._idle.append(lane)
                self._cond.notify()
                return
            ended = self._closed and not process.retired and process.busy == 0
            if ended:
                self._processes.discard(process)
                self._live -= 1
        if ended:
            process.close()
        elif process.retired:
            lane.conn.close()

    def _add(self, process: _QueryProcess) -> None:
        with self._cond:
            if not self._closed:
                self._processes.add(process)
                self._idle.extend(process.lanes)
                self._cond.notify_all()
                return
            self._live -= 1
        process.close()

    def _retire(self, lane: _Lane, *, on_purpose: bool = False) -> None:
        """Give ``lane`` up; the first lane of a process to give up kills it and has a
        successor started."""
        process = lane.process
        with self._cond:
            process.busy -= 1
            first = not process.retired
            if first:
                process.retired = True
                process.killed_by_pool = on_purpose
                idle = [other for other in self._idle if other.process is process]
                self._idle = [other for other in self._idle if other.process is not process]
                self._processes.discard(process)
                if self._closed:
                    self._live -= 1
        lane.conn.close()
        if not first:
            return
        process.kill()
        for other in idle:
            other.conn.close()
        if not self._closed:
            # Start the successor in the background: the caller answers its client now.
            threading.Thread(target=self._respawn, name="kg-query-respawn",
                             daemon=True).start()

    def _respawn(self) -> None:
        try:
            process = self._spawn()
        except OSError:
            with self._cond:
                self._live -= 1
                self._cond.notify()
            return
        if all(lane.wait_ready(_START_SECONDS) for lane in process.lanes):
            self._add(process)
        else:
            self._drop(process)

    def _drop(self, process: _QueryProcess) -> None:
        process.kill()
        for lane in process.lanes:
            lane.conn.close()
        with self._cond:
            self._live -= 1
            self._cond.notify()


# --- the query process itself ------------------------------------------------------------


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:  # the server died without closing our sockets
            os._exit(0)


def _serve_lane(reader: StoreReader, conn: _Channel) -> None:
    conn.send(_READY)
    while True:
        try:
            job = conn.recv_job()
        except (EOFError, OSError):
            return
        try:
            conn.send_outcome(run_job(reader, job))
        except (BrokenPipeError, OSError):
            return


def serve_jobs(location: str, fds: list[int]) -> int:
    """The main loop of a query process: a thread per socket in ``fds``, each taking jobs
    in and sending outcomes out, all over one open store (so they share its caches)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    reader = StoreReader(location)
    try:
        reader.current()  # open the store now: the first query should not pay for it
    except StoreError:
        pass  # no store yet: each job will say so until one is built
    lanes = [threading.Thread(target=_serve_lane, args=(reader, _Channel(socket.socket(
        fileno=fd))), name=f"kg-lane-{n}", daemon=True) for n, fd in enumerate(fds)]
    for thread in lanes:
        thread.start()
    for thread in lanes:
        thread.join()
    return 0


if __name__ == "__main__":
    sys.exit(serve_jobs(sys.argv[1], [int(fd) for fd in sys.argv[2].split(",")]))
