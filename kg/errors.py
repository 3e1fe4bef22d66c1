"""One error tree for the whole library.

Every error the library raises on purpose derives from :class:`KgError` and carries the
exit code the CLI should end with, in the manner of Click's ``ClickException``.  The exit
codes are documented in README.md:

* 0 success
* 1 the job ran but found a problem (a graph that does not conform, a skipped article)
* 2 bad usage or unreadable input (bad query, unknown format, malformed file)
* 3 the store could not be opened or written
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error ``kg`` raises deliberately."""

    exit_code: int = 1

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class UsageError(KgError):
    """The caller asked for something that cannot be done (unknown format, bad option)."""

    exit_code = 2


class IngestError(KgError):
    """An article file cannot be read: empty, binary, not UTF-8, too large, bad header."""

    exit_code = 2

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.reason = message


class RdfSyntaxError(KgError):
    """An RDF file or a SPARQL query does not parse."""

    exit_code = 2

    def __init__(self, message: str, *, source: str | None = None,
                 line: int | None = None, column: int | None = None) -> None:
        where = source or "<input>"
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line
        self.column = column


class QueryError(KgError):
    """A SPARQL query is malformed or not allowed (e.g. an update on a read-only endpoint)."""

    exit_code = 2


class ProtocolError(QueryError):
    """A SPARQL protocol request that cannot be answered, with the HTTP status to send.

    ``status`` is 400 (bad request, syntax error), 403 (SPARQL Update refused), 405 (method),
    406 (no acceptable result format), 415 (content type) or 500 (evaluation failed);
    ``headers`` are extra response headers (e.g. ``Allow`` with a 405).
    """

    def __init__(self, message: str, *, status: int = 400,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = dict(headers or {})


class QueryTimeout(KgError):
    """A query was stopped at its time limit (``kg query --timeout``): no result."""

    exit_code = 4


class StoreError(KgError):
    """The store cannot be opened, is missing, or a write to it failed."""

    exit_code = 3


class ValidationFailed(KgError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = 1
