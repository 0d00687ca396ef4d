"""Replaces a file so that a crash at any moment leaves either the old bytes or the new ones.

Writes a temporary file in the same folder, flushes and fsyncs it, renames it over the target and
fsyncs the folder. Saving through a symlink replaces the file the link points at and keeps the link.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

_DEFAULT_MODE = 0o644


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return _DEFAULT_MODE & ~umask


def write_atomically(path: Path, data: bytes) -> None:
    """Replace path's content with data atomically and durably; raises OSError on failure.

    The old file is untouched when anything fails; the temporary file is removed.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent
    mode = _mode_for(target)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(folder)
