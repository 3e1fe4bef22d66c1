"""Writing query answers with a row cap that is never silent.

pyoxigraph's serialisers (Rust) write whole answers and cannot stop after N rows, while
counting rows in Python would be slow.  So a capped answer is written first in a format
with exactly one row per line (TSV for solutions, N-Triples for triples, N-Quads for
quads: both escape line breaks inside literals), through a writer that counts lines and
stops the evaluation as soon as one row more than the cap has come.  That first pass is the
answer when the client asked for it; otherwise it is parsed back (lossless: these formats
carry every term exactly) and written in the requested format, still by pyoxigraph.
Triples and quads that reach Python one by one anyway (a CONSTRUCT answer) are counted on
their way to the serialiser instead (:func:`serialize_quads`).

A truncated answer says so: :attr:`Serialized.truncated` (the endpoint sends it as a header),
and inside the body where the format has room for it: a ``"truncated"`` member in SPARQL
JSON, a comment line in Turtle, N-Triples, TriG and N-Quads.

Wherever rows are capped, bytes are too (:data:`MAX_ANSWER_BYTES`): a row cap alone bounds
rows, and 100,000 rows of long strings made an answer of 300 MB and a server a gigabyte
larger.  The answer is cut after the last whole row within the bound (of its line-format
pass: the answer written in JSON or XML may be a few times larger) and flagged the same way,
with :attr:`Serialized.byte_limit` saying when the bytes cut it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import IO, Any, cast

import pyoxigraph as ox

from .conneg import ResultFormat
from .jsonld import compact_jsonld

Results = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

_COMMENTABLE = (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TRIG,
                ox.RdfFormat.N_QUADS)
_PREFIXED = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)
MAX_ANSWER_BYTES = 64 * 1024 * 1024
"""The most bytes a capped answer's rows may take (see the module docstring)."""
_TERM_BYTES = 100
"""What a triple's subject and predicate are counted as when triples are sized one by one
(their object's text is counted as it is: long strings are made there)."""


@dataclass(frozen=True)
class Serialized:
    """A written answer: the bytes, how many rows (solutions, triples or quads) it holds
    (``None`` for ASK) and whether rows past the cap were left out."""

    body: bytes
    rows: int | None
    truncated: bool = False
    byte_limit: int | None = None
    """The byte bound that cut the answer (:data:`MAX_ANSWER_BYTES`), if it was that and
    not the row cap."""


class _CapReached(Exception):
    """Raised inside the serialiser's write call to stop the evaluation at the cap."""


class _LineCounter:
    """A binary writer keeping the first ``keep`` lines; raises once a line more arrives."""

    def __init__(self, keep: int, max_bytes: int | None = None) -> None:
        self.keep = keep
        self.lines = 0
        self.chunks: list[bytes] = []
        self.truncated = False
        self.max_bytes = max_bytes or sys.maxsize
        self.size = 0
        self.byte_cut = False

    def write(self, data: bytes) -> int:
        if self.truncated:  # the serialiser may write its buffer once more on the way out
            raise _CapReached
        data = bytes(data)
        if not data:
            return 0
        if self.size + len(data) > self.max_bytes:
            self._cut_at_bytes(data)
        self.size += len(data)
        room = self.keep - self.lines  # newlines still wanted
        newlines = data.count(b"\n")
        if newlines < room or (newlines == room and data.endswith(b"\n")):
            self.lines += newlines
            self.chunks.append(data)
            return len(data)
        # Keep up to and including the keep-th newline; anything after it is a row too many.
        end = -1
        for _ in range(room):
            end = data.index(b"\n", end + 1)
        self.chunks.append(data[: end + 1])
        self.lines = self.keep
        self.truncated = True
        raise _CapReached

    def _cut_at_bytes(self, data: bytes) -> None:
        """Keep the whole lines of ``data`` (and the row cap's) within the byte bound."""
        room = self.max_bytes - self.size
        end = data.rfind(b"\n", 0, room)
        if end < 0:  # the pieces kept may end inside a row: back to its start
            written = b"".join(self.chunks)
            self.chunks = [written[: written.rfind(b"\n") + 1]]
        kept = data[: end + 1]
        newlines = min(kept.count(b"\n"), self.keep - self.lines)
        if newlines < kept.count(b"\n"):  # the row cap comes first inside this piece
            end = -1
            for _ in range(newlines):
                end = data.index(b"\n", end + 1)
            kept = data[: end + 1]
        else:
            self.byte_cut = True
        self.chunks.append(kept)
        self.lines += newlines
        self.truncated = True
        raise _CapReached

    def flush(self) -> None:
        """Nothing is buffered here; pyoxigraph calls this at the end."""

    @property
    def body(self) -> bytes:
        return b"".join(self.chunks)


def serialize_results(
    results: Results,
    fmt: ResultFormat,
    *,
    max_rows: int | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> Serialized:
    """Write the answer of a query in ``fmt``, keeping at most ``max_rows`` rows.

    ``max_rows`` of ``None`` or 0 means no cap.  Evaluation happens here, as results
    stream, so errors of evaluation surface here (``OSError``, ``RuntimeError``,
    ``ValueError`` from pyoxigraph).  ``fmt`` must fit the results (an RDF format for
    CONSTRUCT/DESCRIBE, a results format for SELECT/ASK).
    """
    if isinstance(results, ox.QueryBoolean):
        assert isinstance(fmt.serializer, ox.QueryResultsFormat)
        # Without an output, serialize returns the bytes (the stubs say bytes | None).
        return Serialized(cast(bytes, results.serialize(format=fmt.serializer)), None)
    if isinstance(results, ox.QueryTriples):
        return serialize_quads(results, fmt, max_rows=max_rows, prefixes=prefixes)
    assert isinstance(fmt.serializer, ox.QueryResultsFormat)
    if not max_rows:
        return Serialized(cast(bytes, results.serialize(format=fmt.serializer)), None)
    counter = _LineCounter(max_rows + 1, MAX_ANSWER_BYTES)  # the header line, then the rows
    try:
        # _LineCounter is a binary writer (write/flush) that pyoxigraph accepts as one.
        results.serialize(cast(IO[bytes], counter), format=ox.QueryResultsFormat.TSV)
    except _CapReached:
        pass
    tsv = counter.body
    rows = max(counter.lines - 1, 0)
    if fmt.serializer == ox.QueryResultsFormat.TSV:
        body = tsv
    else:
        parsed = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
        assert isinstance(parsed, ox.QuerySolutions)
        body = cast(bytes, parsed.serialize(format=fmt.serializer))
    if counter.truncated and fmt.serializer == ox.QueryResultsFormat.JSON:
        body = _flag_json(body, max_rows, counter.byte_cut)
    return Serialized(body, rows, counter.truncated, _limit(counter.byte_cut))


Dump = Callable[[Any, ox.RdfFormat], object]
"""Writes triples or quads to a binary writer in the given line format (N-Triples or N-Quads)."""


def serialize_rdf(
    dump: Dump,
    fmt: ResultFormat,
    *,
    dataset: bool = False,
    max_rows: int | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> Serialized:
    """Write what ``dump`` writes (a graph, or with ``dataset`` quads of several graphs) in
    ``fmt``, keeping at most ``max_rows`` triples or quads (``None`` or 0: all).

    ``dump`` writes N-Triples (N-Quads for a dataset); that stream is counted and, unless it
    is the format asked for, parsed back and written in ``fmt``.  A graph written in a
    dataset format (TriG, N-Quads) is its default graph.
    """
    assert isinstance(fmt.serializer, ox.RdfFormat)
    target = fmt.serializer
    line_format = ox.RdfFormat.N_QUADS if dataset else ox.RdfFormat.N_TRIPLES
    counter = _LineCounter(max_rows or sys.maxsize, MAX_ANSWER_BYTES if max_rows else None)
    try:
        dump(counter, line_format)
    except _CapReached:
        pass
    lines = counter.body
    if target == line_format:
        body = lines
    else:
        prefix_map = dict(prefixes) if prefixes and target in _PREFIXED else None
        body = cast(
            bytes, ox.serialize(ox.parse(lines, line_format), format=target, prefixes=prefix_map))
        if target is ox.RdfFormat.JSON_LD:
            body = compact_jsonld(body)
    if counter.truncated and target in _COMMENTABLE:
        body = _truncation_comment(max_rows, counter.byte_cut) + body
    return Serialized(body, counter.lines, counter.truncated, _limit(counter.byte_cut))


def serialize_quads(
    items: Iterable[ox.Triple] | Iterable[ox.Quad] | ox.QueryTriples,
    fmt: ResultFormat,
    *,
    max_rows: int | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> Serialized:
    """Write triples (or quads) in ``fmt``, keeping at most ``max_rows`` (``None`` or 0: all).

    Unlike :func:`serialize_rdf`, whose input is already written by native code, these
    items come one by one through Python anyway: they are counted on their way to the
    serialiser of ``fmt``, with no N-Triples round trip (a fifth of the time of a small
    CONSTRUCT answer).
    """
    assert isinstance(fmt.serializer, ox.RdfFormat)
    target = fmt.serializer
    capped = _Capped(items, max_rows or sys.maxsize, MAX_ANSWER_BYTES if max_rows else None)
    prefix_map = dict(prefixes) if prefixes and target in _PREFIXED else None
    body = cast(bytes, ox.serialize(capped, format=target, prefixes=prefix_map))
    if target is ox.RdfFormat.JSON_LD:
        body = compact_jsonld(body)  # a context and compact IRIs, as kg export writes
    if capped.truncated and target in _COMMENTABLE:
        body = _truncation_comment(max_rows, capped.byte_cut) + body
    return Serialized(body, capped.count, capped.truncated, _limit(capped.byte_cut))


class _Capped:
    """The first ``keep`` items of an iterable, counted; notes whether one more came.  With
    ``max_bytes``, also stops before the items' size passes it (an item is sized by its
    object's text and :data:`_TERM_BYTES`)."""

    def __init__(self, items: Iterable[Any], keep: int, max_bytes: int | None = None) -> None:
        self._items = iter(items)
        self.keep = keep
        self.count = 0
        self.truncated = False
        self.max_bytes = max_bytes or sys.maxsize
        self.size = 0
        self.byte_cut = False

    def __iter__(self) -> _Capped:
        return self

    def __next__(self) -> Any:
        item = next(self._items)  # StopIteration ends the answer
        if self.count == self.keep:
            self.truncated = True
            raise StopIteration
        self.size += _TERM_BYTES + len(getattr(item.object, "value", ""))
        if self.size > self.max_bytes:
            self.truncated = self.byte_cut = True
            raise StopIteration
        self.count += 1
        return item


def _flag_json(body: bytes, max_rows: int, byte_cut: bool = False) -> bytes:
    # pyoxigraph writes SPARQL JSON as one object opening with '{'; members are unordered,
    # so the flag can lead without re-encoding a possibly large answer.
    assert body.startswith(b"{")
    if byte_cut:
        return b'{"truncated":true,"byteLimit":%d,' % MAX_ANSWER_BYTES + body[1:]
    return b'{"truncated":true,"rowLimit":%d,' % max_rows + body[1:]


def _limit(byte_cut: bool) -> int | None:
    return MAX_ANSWER_BYTES if byte_cut else None


def _truncation_comment(max_rows: int | None, byte_cut: bool) -> bytes:
    if byte_cut:
        return f"# truncated: cut after the rows within {MAX_ANSWER_BYTES} bytes\n".encode()
    return f"# truncated: only the first {max_rows} of more rows\n".encode()
