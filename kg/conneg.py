"""Content negotiation: the formats the endpoint speaks and the choice among them (RFC 9110).

Three families of formats, each a tuple whose first member is the default:

* :data:`RESULTS_FORMATS` for SELECT and ASK (SPARQL JSON, XML, CSV, TSV);
* :data:`GRAPH_FORMATS` for CONSTRUCT, DESCRIBE and one graph of the Graph Store Protocol
  (Turtle, N-Triples, RDF/XML, JSON-LD, and TriG/N-Quads holding it as the default graph);
* :data:`DATASET_FORMATS` for a whole dataset with its named graphs (TriG, N-Quads, JSON-LD).

Every format is written in UTF-8 and labelled ``charset=utf-8``.  An ``Accept`` range that
names another charset does not match; ``Accept-Charset`` is not consulted (RFC 9110 lets a
server disregard it, and UTF-8 is all we write).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from .errors import ProtocolError

CHARSET = "utf-8"


@dataclass(frozen=True)
class ResultFormat:
    """A serialization the endpoint offers; ``aliases`` are other media types accepted."""

    name: str
    media_type: str
    serializer: ox.QueryResultsFormat | ox.RdfFormat
    extension: str
    aliases: tuple[str, ...] = ()

    @property
    def is_graph(self) -> bool:
        """True for RDF formats (CONSTRUCT/DESCRIBE), False for SPARQL results formats."""
        return isinstance(self.serializer, ox.RdfFormat)

    @property
    def media_types(self) -> tuple[str, ...]:
        """The canonical media type, then the aliases."""
        return (self.media_type, *self.aliases)


# Order matters: the first of each tuple is the default, ties go to the earlier one.
RESULTS_FORMATS: tuple[ResultFormat, ...] = (
    ResultFormat("json", "application/sparql-results+json", ox.QueryResultsFormat.JSON, "json",
                 ("application/json",)),
    ResultFormat("xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML, "xml",
                 ("application/xml", "text/xml")),
    ResultFormat("csv", "text/csv", ox.QueryResultsFormat.CSV, "csv"),
    ResultFormat("tsv", "text/tab-separated-values", ox.QueryResultsFormat.TSV, "tsv"),
)
_TRIG = ResultFormat("trig", "application/trig", ox.RdfFormat.TRIG, "trig")
_NQUADS = ResultFormat("nquads", "application/n-quads", ox.RdfFormat.N_QUADS, "nq")
_JSONLD = ResultFormat("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, "jsonld",
                       ("application/json",))
GRAPH_FORMATS: tuple[ResultFormat, ...] = (
    ResultFormat("turtle", "text/turtle", ox.RdfFormat.TURTLE, "ttl",
                 ("application/x-turtle", "application/turtle")),
    ResultFormat("ntriples", "application/n-triples", ox.RdfFormat.N_TRIPLES, "nt",
                 ("text/plain",)),
    ResultFormat("rdfxml", "application/rdf+xml", ox.RdfFormat.RDF_XML, "rdf",
                 ("application/xml", "text/xml")),
    _JSONLD,
    # A graph is a dataset with only a default graph: clients that ask for a dataset format
    # (e.g. to merge answers into a quad store) get the triples in the default graph.
    _TRIG,
    _NQUADS,
)
DATASET_FORMATS: tuple[ResultFormat, ...] = (_TRIG, _NQUADS, _JSONLD)
ALL_FORMATS: tuple[ResultFormat, ...] = tuple(
    dict.fromkeys((*RESULTS_FORMATS, *GRAPH_FORMATS, *DATASET_FORMATS))
)


@dataclass(frozen=True)
class Negotiated:
    """The format chosen for a response and the media type to label it with."""

    format: ResultFormat
    media_type: str

    @property
    def content_type(self) -> str:
        """``Content-Type`` header value; every format offered is UTF-8 text."""
        return f"{self.media_type}; charset={CHARSET}"


@dataclass(frozen=True)
class MediaRange:
    """One member of an ``Accept`` header: ``type/subtype``, its q-value and charset."""

    type: str
    subtype: str
    q: float
    charset: str | None = None

    def specificity(self, media_type: str) -> int:
        """-1 if this range does not match ``media_type``; else 0 for ``*/*``, 1 for
        ``type/*``, 2 for the exact type and 3 for the exact type with our charset."""
        if self.charset is not None and self.charset not in (CHARSET, "utf8", "*"):
            return -1
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != kind:
            return -1
        if self.subtype == "*":
            return 1
        if self.subtype != sub:
            return -1
        return 3 if self.charset is not None else 2


def _split_outside_quotes(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an ``Accept`` header; members that cannot be read are skipped."""
    ranges: list[MediaRange] = []
    for item in _split_outside_quotes(header, ","):
        media, *params = _split_outside_quotes(item, ";")
        media = media.strip().lower()
        if media == "*":  # seen from old clients; means */*
            media = "*/*"
        kind, slash, sub = media.partition("/")
        if not slash or not kind or not sub or (kind == "*" and sub != "*"):
            continue
        q: float | None = 1.0
        charset: str | None = None
        for param in params:
            name, _, value = param.partition("=")
            name, value = name.strip().lower(), value.strip().strip('"')
            if name == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = None  # "q=abc": the member cannot be read, like a bad media type
                break  # what follows q are accept-extensions, not media type parameters
            if name == "charset":
                charset = value.lower()
        if q is not None:
            ranges.append(MediaRange(kind, sub, q, charset))
    return ranges


_HTML_TYPES = ("text/html", "application/xhtml+xml")


def prefers_html(accept: str | None, offered: Sequence[ResultFormat]) -> bool:
    """Whether ``accept`` names HTML itself (not through a wildcard) with a q at least that
    of every ``offered`` format: a browser's header, not an RDF client's."""
    ranges = parse_accept(accept) if accept and accept.strip() else []
    html = max((r.q for r in ranges for t in _HTML_TYPES if r.specificity(t) >= 2), default=0.0)
    if html <= 0:
        return False
    for fmt in offered:
        for media_type in fmt.media_types:
            matching = [(r.specificity(media_type), r.q) for r in ranges
                        if r.specificity(media_type) >= 0]
            if matching and max(matching)[1] > html:
                return False
    return True


def negotiate(offered: Sequence[ResultFormat], accept: str | None, what: str) -> Negotiated:
    """Choose among ``offered`` formats from an ``Accept`` header.

    Clients send few distinct headers, so choices are remembered (the reading costs more
    than a small query).

    Each offered media type takes the q-value of the most specific range that matches it;
    the highest q wins, then the more specific match, then the server's order.  No
    ``Accept`` (or one that cannot be read) means the first offered format.  ``what`` names
    the answer in the 406 message (e.g. "a SELECT query").  Raises :class:`ProtocolError`
    406 when nothing offered is acceptable.
    """
    return _negotiate(tuple(offered), accept, what)


@functools.lru_cache(maxsize=512)
def _negotiate(offered: tuple[ResultFormat, ...], accept: str | None, what: str) -> Negotiated:
    ranges = parse_accept(accept) if accept and accept.strip() else []
    if not ranges:
        return Negotiated(offered[0], offered[0].media_type)
    best: tuple[float, int, int] | None = None
    chosen: Negotiated | None = None
    order = 0
    for fmt in offered:
        for media_type in fmt.media_types:
            order += 1
            specificity, q = max(((r.specificity(media_type), r.q) for r in ranges),
                                 key=lambda m: m[0])
            # An alias is served only when named: text/* must not pick XML as text/xml.
            exact_only = media_type != fmt.media_type
            if specificity < 0 or q <= 0 or (exact_only and specificity < 2):
                continue
            key = (q, specificity, -order)
            if best is None or key > best:
                best, chosen = key, Negotiated(fmt, media_type)
    if chosen is None:
        available = ", ".join(f.media_type for f in offered)
        raise ProtocolError(
            f"none of the accepted media types ({accept}) is available for {what}; "
            f"available: {available}",
            status=406,
        )
    return chosen


def named(offered: Sequence[ResultFormat], name: str, what: str) -> Negotiated:
    """The format called ``name`` (``json``, ``csv``, ``turtle``...) among ``offered``.

    For download links, which cannot send an ``Accept`` header.  Raises
    :class:`ProtocolError` 406 when there is no such format.
    """
    for fmt in offered:
        if fmt.name == name:
            return Negotiated(fmt, fmt.media_type)
    names = ", ".join(f.name for f in offered)
    raise ProtocolError(f"{what} cannot be written as {name!r}; choose one of {names}",
                        status=406)


def by_name(name: str) -> ResultFormat:
    """Any offered format by its short name (for messages between processes)."""
    for fmt in ALL_FORMATS:
        if fmt.name == name:
            return fmt
    raise KeyError(name)
