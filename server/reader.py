"""The store as the app sees it: opened read-only, reopened when a write swaps it.

The class lives in :mod:`kg.store` (the query processes of :mod:`kg.pool` use it too); it
is re-exported here for the app.
"""

from __future__ import annotations

from kg.store import StoreReader

__all__ = ["StoreReader"]
