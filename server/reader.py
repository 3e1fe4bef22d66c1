"""The store as the app sees it: opened read-only, reopened when a rebuild swaps it."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pyoxigraph as ox

from kg.store import Store


class StoreReader:
    """The current generation of a store location, opened read-only.

    ``kg build`` and ``kg load`` write a new generation and then swap the ``current``
    symlink atomically, so checking where the link points on each request is enough to see a
    rebuild, and only once it is complete.  Requests already running keep the generation
    they started with.
    """

    def __init__(self, location: str | os.PathLike[str]) -> None:
        self.store = Store(location)
        self._lock = threading.Lock()
        self._path: Path | None = None
        self._db: ox.Store | None = None

    @property
    def location(self) -> Path:
        """The store location (the folder holding ``current``)."""
        return self.store.location

    def current(self) -> ox.Store:
        """The open store of the current generation; :class:`kg.errors.StoreError` if none."""
        path = self.store.current_path()
        with self._lock:
            if self._db is None or self._path != path:
                self._db = self.store.open(read_only=True)
                self._path = path
            return self._db

    def generation(self) -> str | None:
        """Name of the generation last opened (for the page footer), or None."""
        return self._path.name if self._path else None
