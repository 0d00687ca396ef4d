"""What a file looked like when we last read or wrote it, to notice a change made behind our back.

A sync client or a colleague may replace the essay while it is open. The identity records the
file's device, inode, size and modification time (cheap to compare) and a SHA-256 of its bytes,
so a rewrite with the very same content (sync clients do that) is not mistaken for a change.
Reads files; never writes them.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileIdentity:
    """The stat facts and content digest of one version of a file."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    sha256: str

    def same_stat(self, other: os.stat_result) -> bool:
        return (self.device, self.inode, self.size, self.mtime_ns) == (
            other.st_dev,
            other.st_ino,
            other.st_size,
            other.st_mtime_ns,
        )


def _digest_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def identity_of(path: Path) -> FileIdentity | None:
    """The identity of the file at path now, or None when there is no file there."""
    try:
        before = path.stat()
        digest = _digest_file(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return _identity(before, digest)


def identity_after_write(path: Path, data: bytes) -> FileIdentity | None:
    """The identity of a file just written with data (hashes data instead of reading it back)."""
    try:
        return _identity(path.stat(), hashlib.sha256(data).hexdigest())
    except (FileNotFoundError, NotADirectoryError):
        return None


def _identity(facts: os.stat_result, digest: str) -> FileIdentity:
    return FileIdentity(
        device=facts.st_dev,
        inode=facts.st_ino,
        size=facts.st_size,
        mtime_ns=facts.st_mtime_ns,
        sha256=digest,
    )


def changed_since(path: Path, known: FileIdentity | None) -> bool:
    """True when the file at path is no longer the version known (appeared, vanished, new bytes).

    Unchanged stat facts mean unchanged (no read); changed facts are confirmed by the digest.
    Raises OSError only when the file exists but cannot be read.
    """
    try:
        facts = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return known is not None
    if known is None:
        return True
    if known.same_stat(facts):
        return False
    try:
        return _digest_file(path) != known.sha256
    except (FileNotFoundError, NotADirectoryError):
        return True
