"""Benchmark (not a test): ``kg serve`` against ``oxigraph serve`` on the same data, over HTTP.

For each size (the seeds as ``kg build`` makes them, and a synthetic graph of about a
million triples from ``bench/synthetic_graph.py``) the script starts, on free ports of
127.0.0.1,

* ``kg serve`` as shipped (gunicorn workers, each with its query processes: the time limit
  really stops a query; and its answer cache, :mod:`kg.cache`),
* ``kg serve --cache-mb 0``: every request runs its query, which is what the comparison with
  Oxigraph (which keeps no answers) is about; the share of requests the mix had already
  sent is printed, since those are what the cache answers,
* the same with ``--http-server granian`` (HTTP parsed in Rust instead of gunicorn's Python),
* ``oxigraph serve-read-only --union-default-graph`` from the PyPI package ``oxigraph``
  (the same engine without Python) on the very same store generation,

checks that they give the same answers, then drives each in turn with a bounded number of
concurrent clients (separate processes, keep-alive connections, a minimal HTTP/1.1 client
so that the load generator costs little) sending a query mix: a label lookup, a two-hop
join, an aggregation, a FILTER on dates and the CONSTRUCT of one article.  It prints
requests/s and p50/p99 latency for each server, and the ratios of kg to Oxigraph (target:
throughput at least 0.8x, p50 at most 1.5x).

    .venv/bin/python bench/http.py                       # seeds and 1M triples
    .venv/bin/python bench/http.py --sizes seeds --seconds 5

(``bench/http.py`` is the entry point; the code lives here, see that file for why.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_graph import write_store  # noqa: E402
from kg.namespace import sparql_prefixes  # noqa: E402
from kg.store import Store  # noqa: E402

BIN = Path(sys.executable).parent
PREFIXES = sparql_prefixes()  # sent with every query: Oxigraph predeclares none

QUERIES: dict[str, str] = {
    "label lookup": 'SELECT ?entity ?type WHERE {{ ?entity rdfs:label "{label}" ; a ?type }}',
    "two-hop join": """SELECT ?speaker ?quote WHERE {{
  ?person kg:affiliation <{body}> ; rdfs:label ?speaker .
  ?statement kg:speaker ?person ; kg:quote ?quote }} LIMIT 100""",
    "aggregation": """SELECT ?type (COUNT(DISTINCT ?measure) AS ?measures)
       (COUNT(DISTINCT ?article) AS ?articles) WHERE {{
  GRAPH ?article {{ ?measure kg:measureType ?type ; kg:evidence ?evidence }} }}
GROUP BY ?type ORDER BY DESC(?measures) ?type""",
    "date filter": """SELECT ?article ?title ?date WHERE {{
  ?article a kg:Article ; dcterms:title ?title ; dcterms:date ?date
  FILTER(?date >= "{start}"^^xsd:date && ?date < "{end}"^^xsd:date) }}
ORDER BY ?date ?article LIMIT 100""",
    "construct article": "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{article}> {{ ?s ?p ?o }} }}",
}
ACCEPT = {"construct article": "text/turtle"}


# --- data ----------------------------------------------------------------------------------


@dataclass
class Parameters:
    """Values the queries are filled with, read from the data itself."""

    label: list[str]
    body: list[str]
    article: list[str]
    dates: list[str]

    def fill(self, name: str, rng: random.Random) -> str:
        """The query ``name`` with parameters drawn from ``rng``."""
        start = rng.choice(self.dates)
        end = (dt.date.fromisoformat(start) + dt.timedelta(days=7)).isoformat()
        values = {"label": rng.choice(self.label), "body": rng.choice(self.body),
                  "article": rng.choice(self.article), "start": start, "end": end}
        return PREFIXES + QUERIES[name].format(**values)


def read_parameters(location: Path) -> Parameters:
    """Labels, bodies with affiliated people, articles and dates present in the store."""
    store = Store(location).open()

    def column(query: str) -> list[str]:
        rows = store.query(PREFIXES + query, use_default_graph_as_union=True)
        return [row[0].value for row in rows]  # type: ignore[index]

    return Parameters(
        label=column("SELECT DISTINCT ?l WHERE { ?s a kg:Actor ; rdfs:label ?l } LIMIT 500"),
        body=column("SELECT DISTINCT ?b WHERE { ?p kg:affiliation ?b } LIMIT 200"),
        article=column("SELECT DISTINCT ?a WHERE { ?a a kg:Article } LIMIT 500"),
        dates=column("SELECT DISTINCT ?d WHERE { ?a a kg:Article ; dcterms:date ?d } "
                     "LIMIT 500"),
    )


def prepare(size: str, workdir: Path) -> Path:
    """A store location holding the data of ``size`` ("seeds" or a number of triples);
    one already there (``--data-dir``) is used as it is."""
    location = workdir / f"store-{size}"
    began = time.perf_counter()
    if Store(location).exists():
        pass
    elif size == "seeds":
        subprocess.run([str(BIN / "kg"), "build", str(ROOT / "seeds"), "--store",
                        str(location), "--quiet"], check=True, cwd=ROOT)
    else:
        write_store(location, int(size))
    quads = len(Store(location).open())
    print(f"# {size}: {quads} quads, prepared in {time.perf_counter() - began:.1f} s",
          flush=True)
    return location


# --- servers -------------------------------------------------------------------------------


@dataclass
class Server:
    """A server process under test and where it answers queries."""

    name: str
    port: int
    path: str
    process: subprocess.Popen[bytes] = field(repr=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(name: str, argv: list[str], port: int, path: str, log: Path) -> Iterator[Server]:
    """Start a server, wait until it answers, stop it (by its own process id) afterwards."""
    with log.open("wb") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
                                   start_new_session=True)
    server = Server(name, port, path, process)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited:\n{log.read_text()}")
            try:
                status, _ = request_once(server, "ASK {}", None)
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield server
    finally:
        # The session leader's group holds the server and its children (gunicorn workers,
        # query processes); it is ours, started above.
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def kg_argv(location: Path, port: int, args: argparse.Namespace, processes: int) -> list[str]:
    """``kg serve`` with the benchmark's workers and threads."""
    return [str(BIN / "kg"), "serve", "--store", str(location), "--host", "127.0.0.1",
            "--port", str(port), "--workers", str(args.workers), "--threads",
            str(args.threads), "--query-processes", str(processes),
            "--query-threads", str(args.query_threads)]


def oxigraph_argv(location: Path, port: int) -> list[str]:
    """``oxigraph serve-read-only`` on the current generation of ``location``."""
    generation = Store(location).current_path().resolve()
    return [str(BIN / "oxigraph"), "serve-read-only", "--location", str(generation),
            "--bind", f"127.0.0.1:{port}", "--union-default-graph"]


# --- a small HTTP/1.1 client -----------------------------------------------------------------


def http_request(server: Server, query: str, accept: str | None) -> bytes:
    """The bytes of a GET request for ``query``."""
    target = f"{server.path}?{urllib.parse.urlencode({'query': query})}"
    lines = [f"GET {target} HTTP/1.1", f"Host: 127.0.0.1:{server.port}",
             f"Accept: {accept or 'application/sparql-results+json'}", "", ""]
    return "\r\n".join(lines).encode()


class Connection:
    """A keep-alive connection reading Content-Length and chunked answers."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.sock: socket.socket | None = None
        self.reader = None

    def _connect(self) -> None:
        self.sock = socket.create_connection(("127.0.0.1", self.port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = self.sock.makefile("rb")

    def send(self, data: bytes) -> tuple[int, bytes]:
        """Send one request and read the whole answer; reconnect when the server closed."""
        for attempt in (1, 2):
            if self.sock is None:
                self._connect()
            try:
                assert self.sock is not None
                self.sock.sendall(data)
                return self._read()
            except (ConnectionError, EOFError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _read(self) -> tuple[int, bytes]:
        reader = self.reader
        assert reader is not None
        status_line = reader.readline()
        if not status_line:
            raise EOFError("connection closed")
        status = int(status_line.split()[1])
        length, chunked, close = None, False, False
        while True:
            line = reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value:
                chunked = True
            elif name == "connection" and value == "close":
                close = True
        if chunked:
            parts = []
            while True:
                size = int(reader.readline().split(b";")[0], 16)
                if size == 0:
                    reader.readline()
                    break
                parts.append(reader.read(size))
                reader.readline()
            body = b"".join(parts)
        else:
            body = reader.read(length or 0)
        if close:
            self.close()
        return status, body

    def close(self) -> None:
        """Drop the connection (the next request opens a new one)."""
        if self.sock is not None:
            self.sock.close()
        self.sock = None


def request_once(server: Server, query: str, accept: str | None) -> tuple[int, bytes]:
    """One request on a fresh connection (start-up probes and answer checks)."""
    connection = Connection(server.port)
    try:
        return connection.send(http_request(server, PREFIXES + query, accept))
    finally:
        connection.close()


# --- load --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Work:
    """What one client process sends, and until when."""

    port: int
    requests: list[tuple[str, bytes]]
    start_at: float
    stop_at: float


def client(work: Work) -> list[tuple[str, float, int]]:
    """Send requests in a loop between ``start_at`` and ``stop_at``; (name, seconds, status)."""
    connection = Connection(work.port)
    samples: list[tuple[str, float, int]] = []
    while time.time() < work.start_at:
        time.sleep(0.001)
    index = 0
    while time.time() < work.stop_at:
        name, data = work.requests[index % len(work.requests)]
        index += 1
        began = time.perf_counter()
        status, _ = connection.send(data)
        samples.append((name, time.perf_counter() - began, status))
    connection.close()
    return samples


@dataclass(frozen=True)
class Figures:
    """Throughput and latency of one server under the query mix."""

    server: str
    requests: int
    errors: int
    per_second: float
    p50_ms: float
    p99_ms: float
    cpu_ms_per_request: float
    """CPU time of the server's processes (all of them) per request: how much work the
    server does, whatever else the machine runs meanwhile."""
    by_query_p50_ms: dict[str, float]
    repeated: float = 0.0
    """Share of the requests that repeated one sent before (to the same server)."""


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(fraction * len(ordered)), len(ordered) - 1)]


def cpu_seconds(root: int) -> float:
    """CPU time used so far by process ``root`` and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0.0)
        todo.extend(children.get(pid, ()))
    return total


@dataclass
class Samples:
    """What the clients saw of one server, over every round."""

    samples: list[tuple[str, float, int]] = field(default_factory=list)
    seconds: float = 0.0
    cpu: float = 0.0
    distinct: set[bytes] = field(default_factory=set)
    """Every different request sent: the others repeat one (a cache answers those)."""

    def figures(self, server: str) -> Figures:
        """Throughput, latency percentiles and CPU per request."""
        latencies = [seconds for _, seconds, _ in self.samples]
        names = dict.fromkeys(name for name, _, _ in self.samples)
        by_query = {name: _percentile([s for n, s, _ in self.samples if n == name], 0.5)
                    * 1000 for name in names}
        count = len(self.samples)
        return Figures(server, count, sum(1 for *_, status in self.samples if status != 200),
                       count / self.seconds, _percentile(latencies, 0.5) * 1000,
                       _percentile(latencies, 0.99) * 1000, self.cpu / count * 1000, by_query,
                       1 - len(self.distinct) / count)


def measure(server: Server, parameters: Parameters, clients: int, seconds: float,
            seed: int, into: Samples) -> None:
    """Drive ``server`` with ``clients`` clients for ``seconds`` seconds; add to ``into``."""
    names = list(QUERIES)
    works = []
    start_at = time.time() + 0.5
    for number in range(clients):
        rng = random.Random(seed * 1000 + number)  # the same sequence for every server
        requests = []
        for index in range(500):
            name = names[(index + number) % len(names)]
            requests.append((name, http_request(server, parameters.fill(name, rng),
                                                ACCEPT.get(name))))
        works.append(Work(server.port, requests, start_at, start_at + seconds))
    with multiprocessing.get_context("fork").Pool(clients) as pool:
        before = cpu_seconds(server.process.pid)
        results = pool.map(client, works)
        into.cpu += cpu_seconds(server.process.pid) - before
    into.samples.extend(s for result in results for s in result)
    into.seconds += seconds
    for work, result in zip(works, results, strict=True):
        into.distinct.update(work.requests[i % len(work.requests)][1]
                             for i in range(min(len(result), len(work.requests))))


def _answer_size(status: int, body: bytes, name: str) -> object:
    if status != 200:
        return ("status", status)
    if name == "construct article":
        return len(list(ox.parse(body, ox.RdfFormat.TURTLE)))
    return len(json.loads(body)["results"]["bindings"])


def check_same_answers(servers: Sequence[Server], parameters: Parameters) -> None:
    """Every server gives as many rows for each query of the mix (same data, same engine)."""
    rng = random.Random(1)
    for name in QUERIES:
        query = parameters.fill(name, rng)[len(PREFIXES):]
        sizes = {s.name: _answer_size(*request_once(s, query, ACCEPT.get(name)), name)
                 for s in servers}
        if len(set(map(str, sizes.values()))) != 1:
            raise RuntimeError(f"the servers disagree on {name!r}: {sizes}")


def report(size: str, figures: list[Figures]) -> None:
    """Print the figures of one size and the ratios to Oxigraph."""
    print(f"\n## {size}")
    print(f"{'server':<46} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms/req':>10} "
          f"{'errors':>6}")
    for f in figures:
        print(f"{f.server:<46} {f.per_second:8.1f} {f.p50_ms:8.2f} {f.p99_ms:8.2f} "
              f"{f.cpu_ms_per_request:10.2f} {f.errors:6d}")
    for f in figures:
        print(f"{f.server}: {f.repeated:.0%} of the requests repeated an earlier one")
    for f in figures:
        print(f"p50 ms per query, {f.server}: " + ", ".join(
            f"{name} {value:.2f}" for name, value in f.by_query_p50_ms.items()))
    oxigraph = figures[-1]
    for f in figures[:-1]:
        print(f"{f.server} / oxigraph: throughput {f.per_second / oxigraph.per_second:.2f}x "
              f"(target >= 0.8), p50 {f.p50_ms / oxigraph.p50_ms:.2f}x (target <= 1.5), "
              f"p99 {f.p99_ms / oxigraph.p99_ms:.2f}x, CPU per request "
              f"{f.cpu_ms_per_request / oxigraph.cpu_ms_per_request:.2f}x")


def main() -> int:
    """Prepare each size, start the servers, check them, measure them, print figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="seeds,1000000",
                        help="comma-separated: 'seeds' and/or numbers of synthetic triples")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=12.0, help="per server and size")
    parser.add_argument("--rounds", type=int, default=4,
                        help="the seconds are split in rounds alternating between servers")
    parser.add_argument("--workers", type=int, default=2, help="kg serve --workers")
    parser.add_argument("--threads", type=int, default=4, help="kg serve --threads")
    parser.add_argument("--query-processes", type=int, default=4,
                        help="kg serve --query-processes (per worker; kg's default: threads)")
    parser.add_argument("--query-threads", type=int, default=1,
                        help="kg serve --query-threads (threads per query process)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--data-dir", type=Path,
                        help="keep the prepared stores here and reuse them on the next run")
    args = parser.parse_args()
    print(f"# {args.clients} clients, {args.seconds:g} s per server in {args.rounds} rounds; "
          f"kg serve --workers "
          f"{args.workers} --threads {args.threads} --query-processes "
          f"{args.query_processes} --query-threads {args.query_threads}; "
          f"oxigraph serve-read-only (one process, its own threads); "
          f"{os.cpu_count()} CPUs shared by servers and clients", flush=True)
    workdir = args.data_dir or Path(tempfile.mkdtemp(prefix="kg-bench-http-"))
    everything: dict[str, list[dict[str, object]]] = {}
    try:
        for seed, size in enumerate(args.sizes.split(",")):
            location = prepare(size.strip(), workdir)
            parameters = read_parameters(location)
            configs = [
                (f"kg serve (query processes: {args.query_processes}/worker)",
                 kg_argv(location, (port := _free_port()), args, args.query_processes),
                 port, "/sparql"),
                ("kg serve --cache-mb 0",
                 [*kg_argv(location, (port2 := _free_port()), args, args.query_processes),
                  "--cache-mb", "0"], port2, "/sparql"),
                ("kg serve --cache-mb 0 --http-server granian",
                 [*kg_argv(location, (port4 := _free_port()), args, args.query_processes),
                  "--cache-mb", "0", "--http-server", "granian"], port4, "/sparql"),
                ("oxigraph serve-read-only", oxigraph_argv(location, (port3 := _free_port())),
                 port3, "/query"),
            ]
            servers = []
            with ExitStack() as stack:
                for name, argv, port, path in configs:
                    log = workdir / f"{size}-{port}.log"
                    servers.append(stack.enter_context(running(name, argv, port, path, log)))
                check_same_answers(servers, parameters)
                for server in servers:  # warm up: caches, lazily opened stores
                    measure(server, parameters, args.clients, 1.0, seed, Samples())
                # Rounds alternate between the servers, so that whatever else the machine
                # does meanwhile weighs on each alike.
                collected = {server.name: Samples() for server in servers}
                for round_number in range(args.rounds):
                    for server in servers:
                        measure(server, parameters, args.clients,
                                args.seconds / args.rounds, seed * 100 + round_number,
                                collected[server.name])
                figures = [collected[server.name].figures(server.name) for server in servers]
            report(size, figures)
            everything[size] = [f.__dict__ for f in figures]
    finally:
        if not args.data_dir:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(everything, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
