"""Shared fixtures: free TCP ports, the small hand-written dataset, a store holding it, the CLI.

Keep these generic; test files add their own fixtures for one phenomenon each.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SMALL_TRIG = DATA / "small.trig"


def load_store(location: Path, *files: Path) -> Path:
    """Write a new store generation at ``location`` holding the quads of TriG ``files``."""
    with Store(location).write() as target:
        for path in files:
            target.load(path=str(path), format=ox.RdfFormat.TRIG)
    return location


def pick_free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (the OS picked it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (the OS picked it)."""
    return pick_free_port()


@pytest.fixture(scope="session")
def free_port_factory() -> Callable[[], int]:
    """``free_port_factory()`` gives a free port; for module- or session-scoped servers."""
    return pick_free_port


@pytest.fixture(scope="session")
def make_store() -> Callable[..., Path]:
    """``make_store(location, *trig_files)``: write a new generation holding those files."""
    return load_store


@pytest.fixture(scope="session")
def small_trig() -> Path:
    """tests/data/small.trig: two articles and an entities graph, as docs/graph-layout.md."""
    return SMALL_TRIG


@pytest.fixture(scope="session")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store location (read it only) whose current generation holds small.trig."""
    return load_store(tmp_path_factory.mktemp("small") / "store", SMALL_TRIG)


@pytest.fixture(scope="session")
def kg_command() -> list[str]:
    """The argv prefix that runs the ``kg`` command line of this checkout."""
    script = Path(sys.executable).with_name("kg")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())"]
