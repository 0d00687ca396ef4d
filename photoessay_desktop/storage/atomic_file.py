"""Replaces a file so that a crash at any moment leaves either the old bytes or the new ones.

Writes a temporary file in the same folder, flushes and fsyncs it, renames it over the target and
fsyncs the folder. Saving through a symlink replaces the file the link points at and keeps the link.
On request the previous version is kept beside the file as one backup generation (`NAME.bak`).
A read-only file is never replaced: that raises ReadOnlyFileError. Nothing here knows about essays.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

from photoessay_desktop.storage.sibling_names import sibling_name, sibling_path

_DEFAULT_MODE = 0o644
_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
# mkstemp adds 8 random characters between prefix and suffix.
_TEMP_RANDOM = "X" * 8


class ReadOnlyFileError(PermissionError):
    """The target is marked read-only; it is never silently replaced, even where we could."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, "the file is read-only", str(path))


def backup_path_for(path: Path) -> Path:
    """Where the previous version of path is kept: `NAME.bak` beside it (shortened if too long)."""
    return sibling_path(real_target(path), suffix=BACKUP_SUFFIX)


def real_target(path: Path) -> Path:
    """The file a save of path writes: the end of its symlink chain, or path itself."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _existing_stat(target: Path) -> os.stat_result | None:
    try:
        return target.stat()
    except FileNotFoundError:
        return None


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return _DEFAULT_MODE & ~umask


def _refuse_read_only(target: Path, existing: os.stat_result) -> None:
    # Root (and Windows, for the mode bits) could replace a read-only file; its owner marked it
    # so on purpose, so we never do.
    if stat.S_ISREG(existing.st_mode) and not existing.st_mode & _WRITE_BITS:
        raise ReadOnlyFileError(target)


def _keep_owner(temp: Path, existing: os.stat_result) -> None:
    # Only root can give a file away; for anyone else the owner is already right.
    if hasattr(os, "chown") and (existing.st_uid, existing.st_gid) != _own_ids():
        with contextlib.suppress(OSError):
            os.chown(temp, existing.st_uid, existing.st_gid)


def _own_ids() -> tuple[int, int]:
    return (os.geteuid(), os.getegid()) if hasattr(os, "geteuid") else (-1, -1)


def _temp_in(folder: Path, target: Path) -> tuple[int, Path]:
    fd, name = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=TEMP_SUFFIX, dir=folder)
    return fd, Path(name)


def _temp_prefix(target: Path) -> str:
    prefix = sibling_name(target, prefix=".", suffix="." + _TEMP_RANDOM + TEMP_SUFFIX)
    return prefix[: -len(_TEMP_RANDOM + TEMP_SUFFIX)]


def remove_leftover_temporaries(path: Path) -> list[Path]:
    """Delete the hidden temporary files a save of path cut short by a crash left beside it.

    Call it only while no other process can be saving path (while holding its lock): a live
    save's temporary file looks the same. Returns what was removed.
    """
    target = real_target(path)
    names = {_temp_prefix(target), _temp_prefix(sibling_path(target, suffix=BACKUP_SUFFIX))}
    alternatives = "|".join(re.escape(name) for name in sorted(names))
    pattern = re.compile(f"(?:{alternatives})[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}")
    removed: list[Path] = []
    try:
        candidates = list(target.parent.iterdir())
    except OSError:
        return removed
    for candidate in candidates:
        if pattern.fullmatch(candidate.name) and candidate.is_file():
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def _snapshot(target: Path) -> Path:
    """A hidden temporary copy of target's current content, to become NAME.bak after the save."""
    fd, temp = _temp_in(target.parent, sibling_path(target, suffix=BACKUP_SUFFIX))
    os.close(fd)
    try:
        temp.unlink()
        try:
            # A hard link costs no space and no time: a full disk cannot stop the backup.
            os.link(target, temp)
        except OSError:
            # File systems without hard links (FAT, some network shares) get a copy.
            shutil.copy2(target, temp)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def write_atomically(path: Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Replace path's content with data atomically and durably; raises OSError on failure.

    The old file is untouched when anything fails; the temporary file is removed. With
    keep_backup, a successful save keeps the previous content (if any) as backup_path_for(path);
    a failed one leaves the earlier backup as it was.
    Raises ReadOnlyFileError, and writes nothing, when the existing file is read-only.
    """
    target = real_target(path)
    folder = target.parent
    existing = _existing_stat(target)
    if existing is not None:
        _refuse_read_only(target, existing)
    mode = _default_mode() if existing is None else stat.S_IMODE(existing.st_mode)
    fd, temp = _temp_in(folder, target)
    snapshot: Path | None = None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        if existing is not None:
            _keep_owner(temp, existing)
            if keep_backup and stat.S_ISREG(existing.st_mode):
                snapshot = _snapshot(target)
        os.replace(temp, target)
    except BaseException:
        for leftover in (temp, snapshot):
            if leftover is not None:
                with contextlib.suppress(OSError):
                    leftover.unlink()
        raise
    if snapshot is not None:
        _promote_snapshot(snapshot, target)
    _fsync_folder(folder)


def _promote_snapshot(snapshot: Path, target: Path) -> None:
    # Only a save that happened turns the old version into the backup, so a failed save leaves
    # the previous generation as it was. The save is done by now: a backup that cannot be put
    # in place (a folder squatting on NAME.bak) must not report the save itself as failed.
    try:
        os.replace(snapshot, sibling_path(target, suffix=BACKUP_SUFFIX))
    except OSError:
        with contextlib.suppress(OSError):
            snapshot.unlink()
