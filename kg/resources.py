"""Where the files that ship beside the package live: ontology/, shapes/, seeds/.

They sit at the repository root next to ``kg/`` (the project is installed editable by
``make``), so they are found relative to this file.  ``KG_RESOURCES`` overrides the root,
for an installation that keeps them elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import KgError


def resource_root() -> Path:
    """The folder holding ``ontology/`` and ``shapes/``."""
    override = os.environ.get("KG_RESOURCES")
    return Path(override) if override else Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file or folder under :func:`resource_root`; :class:`KgError` when it is missing."""
    path = resource_root().joinpath(*parts)
    if not path.exists():
        raise KgError(f"missing resource {path} (set KG_RESOURCES to the kg source folder)")
    return path


def ontology_path() -> Path:
    """``ontology/kg.ttl``."""
    return resource_path("ontology", "kg.ttl")
