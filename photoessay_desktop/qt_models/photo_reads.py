"""What the loader's pool threads run: a full decode of a photo, or a read of its cached thumbnail.

Each read notes which version of the file it saw, with a ticket ordering that stat among all
others, so the loader can tell new pixels from old ones. Holds no QObject: the last reference to a
QObject must never be dropped on a worker thread (Qt would tear down its notifiers there).
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtGui import QImage

from photoessay_desktop.domain.image_ref import ImageRefKind, image_ref_kind
from photoessay_desktop.imaging.file_version import file_version
from photoessay_desktop.imaging.remote_fetch import RemoteFetcher
from photoessay_desktop.imaging.thumbnail_cache import ThumbnailCache
from photoessay_desktop.qt_models.image_display_decoder import DisplayDecoder
from photoessay_desktop.qt_models.image_load_job import LoadJob
from photoessay_desktop.qt_models.thumbnail_batch import read_cached_thumbnail


class PhotoReads:
    """Thread-safe: it keeps no mutable state but the ticket counter (atomic under the GIL)."""

    def __init__(
        self,
        decoder: DisplayDecoder,
        *,
        thumbnails: ThumbnailCache | None,
        background: tuple[int, int, int],
        remote: RemoteFetcher | None,
        tickets: itertools.count[int],
    ) -> None:
        self._decoder = decoder
        self._thumbnails = thumbnails
        self._background = background
        self._remote = remote
        self._tickets = tickets

    def read_cached(self, job: LoadJob) -> QImage | None:
        """The cached thumbnail for a batch row; None when the disk cache has none."""
        cache_key, disk = job.cache_key, self._thumbnails
        path = Path(cache_key.ref)
        job.ticket = next(self._tickets)
        version = job.version = file_version(path)
        if disk is None or version is None:
            return None
        box = (cache_key.width, cache_key.height)
        key = disk.key_for_version(path, version, box, self._background)
        return read_cached_thumbnail(disk.path_for(key))

    def decode(self, job: LoadJob) -> QImage:
        """The photo fitted into the job's box; raises ImageDecodeError."""
        cache_key = job.cache_key
        box = None if cache_key.width <= 0 else (cache_key.width, cache_key.height)
        ref = cache_key.ref
        if image_ref_kind(ref) is ImageRefKind.REMOTE and self._remote is not None:
            path = self._remote.fetch(ref)
        else:
            path = Path(ref)
            # Before the decode: if the file changes during it, the next look sees a newer version.
            job.ticket = next(self._tickets)
            job.version = file_version(path)
        return self._decoder.decode(path, box)
