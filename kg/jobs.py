"""The work a query process does: jobs in, serialised answers out.

A job is a plain, picklable value (a query with its negotiation and limits, a Graph Store
read, a statistics run, the data of a web page) and :func:`run_job` turns it into an
:class:`Outcome` ready to send over HTTP: status, ``Content-Type``, body and headers, or for
a page the plain Python value its template renders.  The same function runs in this
process (:class:`InlineExecutor`) or in a query process of :mod:`kg.pool`, which is what
makes the time limit real: a process can be killed, a running pyoxigraph query cannot.
"""

from __future__ import annotations

import importlib
import marshal
import os
import pickle
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any, Protocol

import pyoxigraph as ox

from . import sparql
from .conneg import GRAPH_FORMATS, RESULTS_FORMATS, Negotiated, by_name
from .errors import ProtocolError, StoreError
from .graphstore import GraphRequest, read_graph
from .service import DatasetStatistics, dataset_statistics
from .sparql import QueryRequest
from .sparql_text import QueryForm, Shape
from .store import StoreReader

_TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class QueryJob:
    """Answer a query as the endpoint does: negotiate from ``accept``, cap at ``max_rows``."""

    request: QueryRequest
    accept: str | None = None
    max_rows: int | None = None
    allowed_services: tuple[str, ...] = ()


@dataclass(frozen=True)
class GraphJob:
    """Read a graph (or the dataset) for the Graph Store Protocol in a negotiated format."""

    request: GraphRequest
    format_name: str
    media_type: str
    max_rows: int | None = None


@dataclass(frozen=True)
class StatisticsJob:
    """Count what the VoID part of the service description reports."""


# The readers a page may ask a query process to run: fixed, bounded queries, but over a
# large store (a timeline of a million triples) they still take seconds, so they run under
# the same time limit as a user's query.  Named by module, imported on first use: their
# imports (text handling shared with the extractors) would make every query process
# start several times slower.
PAGE_READERS: dict[str, str] = {
    "timeline": "kg.timeline:read_timeline",
    "disagreements": "kg.conflicts:read_disagreements",
    "entity": "kg.entity:describe",
    "entity-quads": "kg.entity:describe_quads",
    "catalogue": "kg.catalogue:read_catalogue",
}


def page_reader(name: str) -> Callable[..., Any]:
    """The function of :data:`PAGE_READERS` called ``name`` (KeyError if there is none)."""
    module, function = PAGE_READERS[name].split(":")
    reader: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return reader


@dataclass(frozen=True)
class PageJob:
    """Read the data of a web page with one of :data:`PAGE_READERS`.

    ``arguments`` are the reader's keyword arguments after the store, as pairs so that the
    job stays hashable.
    """

    reader: str
    arguments: tuple[tuple[str, Any], ...] = ()


Job = QueryJob | GraphJob | StatisticsJob | PageJob


@dataclass(frozen=True)
class Outcome:
    """What a job gives back: an HTTP answer, and for statistics the counts."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    generation: str | None = None
    """The store generation that answered (its folder name)."""
    statistics: DatasetStatistics | None = None
    value: Any = None
    """What a :class:`PageJob`'s reader returned."""

    @property
    def truncated(self) -> bool:
        """True when rows past the row cap were left out."""
        return self.headers.get(sparql.TRUNCATED_HEADER) == "true"

    @property
    def message(self) -> str:
        """An error answer's text without the status it opens with ("400 ..." -> "...")."""
        text = self.body.decode("utf-8", "replace").strip()
        code = f"{self.status} "
        return text[len(code):] if text.startswith(code) else text


def error_outcome(error: ProtocolError, generation: str | None = None) -> Outcome:
    """An :class:`Outcome` carrying a protocol error as plain text."""
    answer = sparql.error_response(error)
    return Outcome(answer.status, answer.content_type, answer.body, answer.headers, generation)


def run_job(reader: StoreReader, job: Job) -> Outcome:
    """Do one job against the current generation of the reader's store."""
    try:
        store, path = reader.current_with_path()
    except StoreError as exc:
        return Outcome(503, _TEXT, f"503 {exc.message}\n".encode())
    try:
        return _run(store, job, path.name)
    except ProtocolError as exc:
        return error_outcome(exc, path.name)


def _run(store: ox.Store, job: Job, generation: str) -> Outcome:
    if isinstance(job, QueryJob):
        answer = sparql.respond(store, job.request, job.accept, max_rows=job.max_rows,
                                allowed_services=job.allowed_services)
        return Outcome(answer.status, answer.content_type, answer.body, answer.headers,
                       generation)
    if isinstance(job, GraphJob):
        chosen = Negotiated(by_name(job.format_name), job.media_type)
        try:
            written = read_graph(store, job.request, chosen.format, max_rows=job.max_rows)
        except (OSError, RuntimeError, ValueError) as exc:
            raise ProtocolError(f"reading the graph failed: {exc}", status=500) from exc
        return Outcome(200, chosen.content_type, written.body,
                       sparql.answer_headers(written, job.max_rows), generation)
    if isinstance(job, PageJob):
        return _read_page(store, job, generation)
    try:
        statistics = dataset_statistics(store)
    except (OSError, RuntimeError, ValueError) as exc:
        raise ProtocolError(f"counting the dataset failed: {exc}", status=500) from exc
    return Outcome(200, _TEXT, b"", {}, generation, statistics)


def _read_page(store: ox.Store, job: PageJob, generation: str) -> Outcome:
    if job.reader not in PAGE_READERS:
        raise ProtocolError(f"no page reader named {job.reader!r}", status=500)
    reader = page_reader(job.reader)
    try:
        value = reader(store, **dict(job.arguments))
    except (OSError, RuntimeError, ValueError) as exc:
        raise ProtocolError(f"reading the page's data failed: {exc}", status=500) from exc
    return Outcome(200, _TEXT, b"", {}, generation, value=value)


# --- on the wire (kg.pool) ------------------------------------------------------------------
#
# A query and its outcome cross to a query process and back on every request.  Pickling
# them as dataclasses costs ~30 us a request (building the objects again, the enum of the
# query form); the common cases go as tuples of plain values in ``marshal``, which only
# reads and writes built-in types (~1 us), and anything else (graph reads, statistics,
# pages, an outcome carrying a value) is pickled.  The first byte says which.

_MARSHAL_QUERY = b"q"
_MARSHAL_OUTCOME = b"o"
_PICKLED = b"p"


def dump_job(job: Job) -> bytes:
    """``job`` as bytes for :func:`load_job` in a query process."""
    if type(job) is QueryJob:
        request = job.request
        known = request.__dict__.get("shape")  # read by the caller already: not again there
        shape = None if known is None else (known.form.value, known.has_dataset_clause,
                                            known.uses_service, known.uses_load)
        return _MARSHAL_QUERY + marshal.dumps((
            request.query, request.default_graphs, request.named_graphs, shape,
            job.accept, job.max_rows, job.allowed_services))
    return _PICKLED + pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)


def load_job(data: bytes) -> Job:
    """The job :func:`dump_job` wrote (only from the process that started this one)."""
    if data[:1] == _MARSHAL_QUERY:
        query, defaults, named, shape, accept, max_rows, services = marshal.loads(data[1:])
        request = QueryRequest(query, defaults, named)
        if shape is not None:
            form, dataset, service, load = shape
            request.__dict__["shape"] = Shape(QueryForm[form], dataset, service, load)
        return QueryJob(request, accept, max_rows, services)  # SELECT's name is its value
    job: Job = pickle.loads(data[1:])
    return job


def dump_outcome(outcome: Outcome) -> bytes:
    """An outcome without its body (sent after it, as it is) for :func:`load_outcome`."""
    if outcome.statistics is None and outcome.value is None:
        return _MARSHAL_OUTCOME + marshal.dumps((outcome.status, outcome.content_type,
                                                 outcome.headers, outcome.generation))
    return _PICKLED + pickle.dumps(_without_body(outcome), protocol=pickle.HIGHEST_PROTOCOL)


def load_outcome(data: bytes, body: bytes) -> Outcome:
    """The outcome :func:`dump_outcome` wrote, with its ``body`` put back."""
    if data[:1] == _MARSHAL_OUTCOME:
        status, content_type, headers, generation = marshal.loads(data[1:])
        return Outcome(status, content_type, body, headers, generation)
    outcome = pickle.loads(data[1:])
    if not isinstance(outcome, Outcome):
        raise EOFError(f"expected an outcome, got {type(outcome).__name__}")
    return Outcome(outcome.status, outcome.content_type, body, outcome.headers,
                   outcome.generation, outcome.statistics, outcome.value)


def _without_body(outcome: Outcome) -> Outcome:
    return Outcome(outcome.status, outcome.content_type, b"", outcome.headers,
                   outcome.generation, outcome.statistics, outcome.value)


class Executor(Protocol):
    """Runs jobs: in this process, or in query processes that a time limit can stop."""

    def run(self, job: Job) -> Outcome:
        """Do ``job`` and give its outcome (errors are outcomes too, never raised)."""
        ...

    def close(self) -> None:
        """Release what the executor holds (processes, open stores)."""
        ...


class InlineExecutor:
    """Runs jobs in the calling thread: no process hop, and no time limit either.

    For ``kg`` commands and for debugging (``--query-processes 0``); a public endpoint
    uses :class:`kg.pool.QueryPool`, whose time limit really stops a query.
    """

    def __init__(self, location: str | os.PathLike[str]) -> None:
        self.reader = StoreReader(location)

    def run(self, job: Job) -> Outcome:
        """Do ``job`` now, in this thread."""
        return run_job(self.reader, job)

    def close(self) -> None:
        """Nothing to release."""


def results_of(outcome: Outcome) -> sparql.Results:
    """The answer of a successful :class:`QueryJob` as pyoxigraph results again.

    For pages that render rows: ask for SPARQL JSON (SELECT/ASK) or N-Triples
    (CONSTRUCT/DESCRIBE) in the job's ``accept`` and parse the body back here.
    """
    media_type = outcome.content_type.split(";")[0].strip()
    for fmt in RESULTS_FORMATS:
        if media_type in fmt.media_types:
            assert isinstance(fmt.serializer, ox.QueryResultsFormat)
            return ox.parse_query_results(outcome.body, fmt.serializer)
    for fmt in GRAPH_FORMATS:
        if media_type in fmt.media_types:
            assert isinstance(fmt.serializer, ox.RdfFormat)
            # QueryTriples cannot be built from Python: load a scratch store and ask it.
            scratch = ox.Store()
            scratch.load(outcome.body, format=fmt.serializer)
            return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
    raise ValueError(f"not a query answer: {outcome.content_type}")


def allowed(endpoints: Collection[str]) -> tuple[str, ...]:
    """A canonical, hashable allow-list of ``SERVICE`` endpoints."""
    return tuple(sorted(set(endpoints)))
