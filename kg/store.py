"""The embedded on-disk Oxigraph store, written atomically.

A store LOCATION is a folder::

    LOCATION/
      current -> generations/20260108T101500-1234   (a symlink)
      previous -> generations/20260107T093000-987   (the one current before: kg rollback)
      generations/<name>/                          (one Oxigraph/RocksDB store each)

Every write (``kg build``, ``kg load``) fills a *new* generation and only then swaps the
``current`` symlink with an atomic rename.  A build that fails leaves no trace, and a reader
(``kg serve``) that opened the old generation keeps a consistent graph until it reopens.
The previous generation is kept so that such readers are never pulled from under, and a
generation that a reader still holds (:class:`StoreReader` takes a shared lock on it) is not
pruned even when older.  Writers take ``LOCATION/.write.lock`` so that two writes (a build
and a load, or two updates) never both start from the same generation and lose one.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError, StoreError

DEFAULT_LOCATION = ".kg/store"
_CURRENT = "current"
_PREVIOUS = "previous"
_GENERATIONS = "generations"
_KEEP_GENERATIONS = 2
_WRITE_LOCK = ".write.lock"


class Store:
    """A store location on disk; see the module docstring for its layout."""

    def __init__(self, location: str | os.PathLike[str] = DEFAULT_LOCATION) -> None:
        self.location = Path(location)
        self._link = str(self.location / _CURRENT)  # read on every request: built once

    def __repr__(self) -> str:
        return f"Store({str(self.location)!r})"

    @property
    def current_link(self) -> Path:
        """The symlink naming the current generation."""
        return self.location / _CURRENT

    def exists(self) -> bool:
        """True when a complete generation has been written."""
        return self.current_link.is_dir()

    def current_target(self) -> str:
        """Where the ``current`` link points, as written in it; :class:`StoreError` when
        there is no store.  One readlink, not a resolve(): the server asks on every request."""
        try:
            return os.readlink(self._link)
        except OSError:
            raise StoreError(f"no store at {self.location}: run 'kg build' first") from None

    def path_of(self, target: str) -> Path:
        """The folder a ``current`` link written as ``target`` names."""
        path = Path(target)
        return path if path.is_absolute() else self.location / path

    def current_path(self) -> Path:
        """Folder of the current generation; :class:`StoreError` when there is none."""
        return self.path_of(self.current_target())

    def current_generation(self) -> str | None:
        """Name of the current generation (its folder), or None when there is none yet: a
        generation never changes once written, so the name identifies the graph."""
        try:
            # The link's last part, as Path(...).name reads it, without building a path.
            return os.path.basename(self.current_target().rstrip("/"))
        except StoreError:
            return None

    def open(self, *, read_only: bool = True) -> ox.Store:
        """Open the current generation (read-only by default)."""
        path = self.current_path()
        try:
            return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except (OSError, RuntimeError) as exc:  # RocksDB reports damage as RuntimeError
            raise StoreError(_cannot_open(path, exc)) from exc

    def ensure_writable(self) -> None:
        """Raise :class:`StoreError` now if a write would fail for want of permission or
        space to create its folder and lock (so that a build does not extract a corpus
        only to find it cannot write it)."""
        try:
            (self.location / _GENERATIONS).mkdir(parents=True, exist_ok=True)
            os.close(os.open(self.location / _WRITE_LOCK, os.O_RDWR | os.O_CREAT, 0o644))
        except OSError as exc:  # a file where the store should be, no permission, ...
            raise StoreError(f"cannot write store {self.location}: "
                             f"{exc.strerror or exc}") from exc

    @contextmanager
    def write(self, *, copy_current: bool = False) -> Iterator[ox.Store]:
        """Yield a new, writable generation; make it current only if the block succeeds.

        With ``copy_current`` the new generation starts as a copy of the current one
        (for ``kg load``); otherwise it starts empty (for ``kg build``).
        """
        self.ensure_writable()
        with _locked(self.location / _WRITE_LOCK):
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
            target = self.location / _GENERATIONS / f"{stamp}-{os.getpid()}"
            try:
                try:
                    if copy_current and self.exists():
                        self._copy_current(target)
                    store = ox.Store(str(target))
                except (OSError, RuntimeError) as exc:
                    raise StoreError(f"cannot write store {self.location}: {exc}") from exc
                yield store
                store.flush()
                del store
            except BaseException:
                shutil.rmtree(target, ignore_errors=True)
                raise
            self._swap(target)

    def _copy_current(self, target: Path, attempts: int = 3) -> None:
        """Copy the current generation into ``target`` (a RocksDB checkpoint).

        The writer that made the current generation may still hold it open (its caller's
        variable outlives the write), and RocksDB may then compact it in the background,
        deleting a file the checkpoint was about to link: "No such file or directory".  The
        generation's content does not change, so the copy is simply taken again.
        """
        for attempt in range(attempts):
            try:
                self.open(read_only=True).backup(str(target))
                return
            except (OSError, RuntimeError):
                shutil.rmtree(target, ignore_errors=True)
                if attempt == attempts - 1:
                    raise

    def previous_generation(self) -> str | None:
        """Name of the generation that was current before the last write (after a roll-back,
        the one rolled back from), or None when none is recorded or it is gone.

        It is recorded by the link ``previous`` at each swap, never guessed from the folder:
        a write killed before its swap (SIGKILL, the OOM killer) leaves a partial generation
        there, which must never become current."""
        try:
            name = os.path.basename(os.readlink(self.location / _PREVIOUS).rstrip("/"))
        except OSError:
            return None
        return name if (self.location / _GENERATIONS / name).is_dir() else None

    def roll_back(self) -> tuple[str, str]:
        """Make the previous generation current again; return ``(was_current, now_current)``.

        Nothing is deleted: the generation rolled back from becomes the previous one, so a
        second roll-back returns to it.  :class:`StoreError` when there is no store or no
        earlier generation.  Readers (``kg serve``) see the swap on their next request.
        """
        if not self.exists():  # before creating anything: a mistyped path stays untouched
            raise StoreError(f"no store at {self.location}: run 'kg build' first")
        self.ensure_writable()
        with _locked(self.location / _WRITE_LOCK):
            current = self.current_generation()
            previous = self.previous_generation()
            if current is None or previous is None:
                raise StoreError(f"{self.location} holds one generation only: there is no "
                                 f"earlier graph to roll back to")
            self._point(_CURRENT, previous)
            self._point(_PREVIOUS, current)
            return current, previous

    def _swap(self, target: Path) -> None:
        before = self.current_generation()
        self._point(_CURRENT, target.name)
        if before is not None:
            self._point(_PREVIOUS, before)
        self._prune(keep=before)

    def _point(self, link: str, name: str) -> None:
        """Point the link ``link`` (``current`` or ``previous``) at generation ``name``,
        atomically."""
        tmp_link = self.location / f".{link}.{os.getpid()}"
        if tmp_link.is_symlink() or tmp_link.exists():
            tmp_link.unlink()
        tmp_link.symlink_to(Path(_GENERATIONS) / name)
        os.replace(tmp_link, self.location / link)  # atomic on POSIX

    def _prune(self, keep: str | None) -> None:
        """Delete the generations other than the current one and ``keep`` (the one current
        before this write: what ``kg rollback`` returns to)."""
        generations = sorted((self.location / _GENERATIONS).iterdir())
        current = self.current_link.resolve()
        stale = [g for g in generations if g.resolve() != current and g.name != keep]
        if keep is None:  # a store whose link was lost: keep the newest other generation
            stale = stale[: -(_KEEP_GENERATIONS - 1)]
        for old in stale:
            try:
                fd = os.open(old, os.O_RDONLY | os.O_DIRECTORY)
            except OSError:
                continue
            try:
                # A reader holding this generation keeps it; a later write prunes it.
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            try:
                shutil.rmtree(old, ignore_errors=True)
            finally:
                os.close(fd)


def _cannot_open(path: Path, exc: Exception) -> str:
    """Why a generation could not be opened, and what to do about damage."""
    damaged = isinstance(exc, RuntimeError) or "Corruption" in str(exc)
    advice = "; the store looks damaged: rebuild it with 'kg build'" if damaged else ""
    return f"cannot open store {path}: {exc}{advice}"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if needed) for the block."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


class StoreReader:
    """The current generation of a store location, opened read-only and reopened on swap.

    ``kg build``, ``kg load`` and updates write a new generation and then swap the
    ``current`` symlink atomically, so checking where the link points on each use is enough
    to see a write, and only once it is complete.  The generation in use is held with a
    shared lock so that writers do not prune it; work already running keeps the generation
    it started with.
    """

    def __init__(self, location: str | os.PathLike[str]) -> None:
        self.store = Store(location)
        self._lock = threading.Lock()
        self._target: str | None = None
        """The ``current`` link's text when the open generation was read from it."""
        self._path: Path | None = None
        self._db: ox.Store | None = None
        self._pin: int | None = None

    @property
    def location(self) -> Path:
        """The store location (the folder holding ``current``)."""
        return self.store.location

    def current(self) -> ox.Store:
        """The open store of the current generation; :class:`StoreError` if there is none."""
        return self.current_with_path()[0]

    def current_with_path(self) -> tuple[ox.Store, Path]:
        """The open store of the current generation and the folder it lives in."""
        # Asked before every query: comparing the link's text as read, without building
        # paths, takes ~2 us instead of ~9.
        target = self.store.current_target()
        with self._lock:
            if self._db is None or self._target != target:
                self._reopen(self.store.path_of(target))
                self._target = target
            assert self._db is not None and self._path is not None
            return self._db, self._path

    def _reopen(self, path: Path) -> None:
        try:
            pin = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as exc:  # pruned between reading the link and opening it
            raise StoreError(f"the store at {self.location} changed while opening it; "
                             "try again") from exc
        fcntl.flock(pin, fcntl.LOCK_SH)
        try:
            db = ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:  # RocksDB reports damage as RuntimeError
            os.close(pin)
            raise StoreError(_cannot_open(path, exc)) from exc
        if self._pin is not None:
            os.close(self._pin)
        self._db, self._path, self._pin = db, path, pin

    def generation(self) -> str | None:
        """Name of the generation last opened (for the page footer), or None."""
        return self._path.name if self._path else None


def run_query(
    store: ox.Store,
    sparql: str,
    *,
    default_graphs: Sequence[str] | None = None,
    named_graphs: Sequence[str] | None = None,
    union_default_graph: bool = True,
    prefixes: dict[str, str] | None = None,
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a SPARQL query; the default graph is the union of all graphs unless given.

    Researchers expect a query without ``FROM`` to see every article's graph, so the
    default graph is the union of all named graphs (and the store's default graph).
    ``default_graphs``/``named_graphs`` restrict the dataset as the SPARQL protocol's
    ``default-graph-uri``/``named-graph-uri`` do: ``None`` leaves that part of the dataset
    to the query (or the union), an empty list makes it empty.  Raises
    :class:`QueryError` on a syntax error, with the parser's message.  ``prefixes`` are
    predeclared for the parser.
    """
    kwargs: dict[str, object] = {}
    if prefixes:
        kwargs["prefixes"] = prefixes
    if default_graphs is not None:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    else:
        kwargs["use_default_graph_as_union"] = union_default_graph
    if named_graphs is not None:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    from .sparql_text import complexity_problem, explain_syntax_error

    problem = complexity_problem(sparql)
    if problem is not None:
        raise QueryError(f"query refused: {problem}")
    try:
        return store.query(sparql, **kwargs)  # type: ignore[arg-type]
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {explain_syntax_error(sparql, str(exc))}") \
            from exc
    except OSError as exc:
        raise StoreError(f"query failed: {exc}") from exc
