"""Output files are written whole, and special files (links, pipes, '-') are left in place."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import BinaryIO

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import UsageError
from kg.output import write_output

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "tests" / "fixtures" / "build" / "good.txt"


def _writes(data: bytes):  # type: ignore[no-untyped-def]
    return lambda handle: handle.write(data)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("output") / "store")
    result = CliRunner().invoke(main, ["build", str(GOOD), "--store", location])
    assert result.exit_code == 0, result.stderr
    return location


def test_a_regular_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")
    write_output(target, _writes(b"new"))
    assert target.read_bytes() == b"new"
    assert list(tmp_path.iterdir()) == [target]  # no .part left beside it


def test_a_failed_write_keeps_the_old_file_and_leaves_no_part(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")

    def fail(handle: BinaryIO) -> None:
        handle.write(b"half")
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        write_output(target, fail)
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_a_symbolic_link_stays_a_link_and_its_file_gets_the_output(tmp_path: Path) -> None:
    real = tmp_path / "real.nq"
    real.write_bytes(b"")
    link = tmp_path / "link.nq"
    link.symlink_to(real)
    write_output(link, _writes(b"quads"))
    assert link.is_symlink() and real.read_bytes() == b"quads"


def test_a_named_pipe_is_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.nq"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, _writes(b"through the pipe"))
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert fifo.is_fifo()


def test_a_directory_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a directory"):
        write_output(tmp_path, _writes(b"x"))


def test_export_to_dash_writes_stdout_and_no_file(store: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", "--store", store, "--format", "nquads",
                                       "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert "<https://" in result.stdout and not (tmp_path / "-").exists()


def test_export_and_validate_reports_through_a_link_keep_the_link(store: str,
                                                                  tmp_path: Path) -> None:
    for command, name in (("export", "graph.ttl"), ("validate", "report.json")):
        real, link = tmp_path / f"real-{name}", tmp_path / name
        real.write_bytes(b"")
        link.symlink_to(real)
        args = [command, "--store", store, "-o", str(link)]
        if command == "validate":
            args += ["--format", "json"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.stderr
        assert link.is_symlink() and real.stat().st_size > 0
