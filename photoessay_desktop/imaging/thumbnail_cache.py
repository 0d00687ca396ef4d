"""A disk cache of thumbnails and screen-size derivatives, keyed so an edited photo is never stale.

The key hashes the absolute path with the file's version (size, modification and change times in
nanoseconds, see file_version.py), the box and the background, so any change to the file gives a
new key. It stores encoded bytes only;
it never decodes pixels (the loader does, off the GUI thread).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

import platformdirs

from photoessay_desktop.imaging.atomic_write import replace_file
from photoessay_desktop.imaging.file_version import FileVersion, file_version

# Bump when the pipeline changes what a derivative looks like (filters, colour handling).
PIPELINE_VERSION = 2  # 2: photos turned by XMP alone are upright (they were stored as is)
DEFAULT_MAX_BYTES = 1024 * 1024 * 1024


def default_thumbnail_folder() -> Path:
    """Where thumbnails live by default: the platform's per-user cache folder."""
    return Path(platformdirs.user_cache_dir("PhotoEssay", appauthor=False)) / "thumbnails"


class ThumbnailCache:
    """Encoded derivatives on disk under `folder`, at most about `max_bytes` after prune()."""

    def __init__(self, folder: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._folder = folder
        self._max_bytes = max_bytes

    @property
    def folder(self) -> Path:
        """The cache folder (created on first store)."""
        return self._folder

    def key_for(
        self, source: Path, box: tuple[int, int] | None, background: tuple[int, int, int]
    ) -> str | None:
        """The cache key of `source` shown in `box`; None when the file cannot be stat'ed."""
        version = file_version(source)
        if version is None:
            return None
        return self.key_for_version(source, version, box, background)

    def key_for_version(
        self,
        source: Path,
        version: FileVersion,
        box: tuple[int, int] | None,
        background: tuple[int, int, int],
    ) -> str:
        """The cache key of `source` at `version` (from a stat the caller already made)."""
        text = "|".join(
            (
                str(PIPELINE_VERSION),
                os.path.abspath(source),
                str(version.size),
                str(version.mtime_ns),
                str(version.ctime_ns),
                "full" if box is None else f"{box[0]}x{box[1]}",
                "{:02x}{:02x}{:02x}".format(*background),
            )
        )
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    def path_for(self, key: str) -> Path:
        """Where the derivative with `key` is (or would be) stored."""
        return self._folder / key[:2] / f"{key}.jpg"

    def lookup(self, key: str) -> Path | None:
        """The stored file for `key`, or None when there is none."""
        path = self.path_for(key)
        return path if path.is_file() else None

    def store(self, key: str, data: bytes) -> Path | None:
        """Write `data` under `key` atomically; None (and no error) when the disk refuses."""
        target = self.path_for(key)
        try:
            replace_file(target, data)
        except OSError:
            return None  # a full or read-only disk costs the cache, never the photo
        return target

    def prune(self) -> int:
        """Delete the least recently written derivatives beyond max_bytes; returns files removed."""
        try:
            entries = [(p.stat(), p) for p in self._folder.glob("??/*.jpg")]
        except OSError:
            return 0
        total = sum(info.st_size for info, _ in entries)
        removed = 0
        for info, path in sorted(entries, key=lambda entry: entry[0].st_mtime_ns):
            if total <= self._max_bytes:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= info.st_size
                removed += 1
        return removed
