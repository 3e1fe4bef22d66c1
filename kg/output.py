"""Writing an output file (an export, a validation report) without harming what is there.

A regular file is written whole or not at all: the bytes go to a ``.part`` file beside it,
which then replaces it, so a failed or interrupted export never leaves half a file under
the real name.  That trick must not be played on anything else: renaming over a symbolic
link replaces the link (its target stays stale), and over a named pipe, a device or
``/dev/stdout`` it replaces the special file itself with a regular one (as root, for every
program on the machine).  Those are written straight through, as a shell redirection
would; ``-`` is standard output.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import UsageError

STDOUT = Path("-")
"""The output path that means standard output."""


def write_output(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call ``write`` with a binary handle on ``target`` (see the module's docstring for how
    each kind of target is written).  Raises :class:`UsageError` when it cannot be written,
    leaving a regular file as it was."""
    if target == STDOUT:
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    try:
        mode = os.stat(target).st_mode  # follows symbolic links to what they name
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise UsageError(f"cannot write {target}: it is a directory")
        _write_through(target, write)
        return
    # A link to a regular file: replace the file it names, so the link still names it.
    real = Path(os.path.realpath(target)) if mode is not None else target
    part = real.with_name(real.name + ".part")
    try:
        with part.open("wb") as handle:
            write(handle)
        part.replace(real)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        part.unlink(missing_ok=True)  # whatever stopped the writing, no .part is left


def _write_through(target: Path, write: Callable[[BinaryIO], object]) -> None:
    try:
        with target.open("wb") as handle:
            write(handle)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
