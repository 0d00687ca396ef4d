"""Reads many list thumbnails from the disk cache in one pool job and reports them in one signal.

When every row of a long list is its own job, a warm list is mostly queueing and thread
hand-offs; a batch costs one job and one queued signal per screenful. A batch only reads the disk
cache: a miss goes back to the loader, which decodes that photo as a job of its own, so a slow
camera file never holds up the rows behind it. It never touches the loader's state.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QRunnable, Signal
from PySide6.QtGui import QImage, QImageReader

from photoessay_desktop.qt_models.image_load_job import LoadJob

# About a screenful of list rows: small enough that the first rows paint at once, large enough
# that 1,000 rows cost some 60 jobs instead of 1,000.
BATCH_ROWS = 16

BatchRead = Callable[[LoadJob], QImage | None]


class BatchRelay(QObject):
    """Lives in the GUI thread; a batch emits `finished` once, with (job, image or None) per row."""

    finished = Signal(object, object)  # ThumbnailBatch, list[tuple[LoadJob, QImage | None]]


class ThumbnailBatch(QRunnable):
    """Reads the cached thumbnail of each row still wanted; None for a miss or a damaged entry."""

    def __init__(self, jobs: Sequence[LoadJob], read: BatchRead, relay: BatchRelay) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the loader keeps the Python object; Qt must not delete it
        self.jobs = list(jobs)
        self._read = read
        self._relay = relay

    @property
    def priority(self) -> int:
        """The most urgent row's priority."""
        return max(job.priority for job in self.jobs)

    def run(self) -> None:
        """Read every row not cancelled meanwhile; never lets an exception escape into Qt."""
        results: list[tuple[LoadJob, QImage | None]] = []
        for job in self.jobs:
            image = None
            if not job.cancelled:
                try:
                    image = self._read(job)
                except Exception:  # the row's own decode will report the problem
                    image = None
            results.append((job, image))
        self._relay.finished.emit(self, results)


def read_cached_thumbnail(stored: Path) -> QImage | None:
    """The JPEG derivative at `stored` as a Format_RGB32 QImage; None when missing or damaged.

    Qt's reader releases the GIL for the whole read, so two workers and the GUI thread run side
    by side; Pillow holds it for its Python parts and for packing pixels into Qt's byte order.
    Measured in one process on the warm list of 1,000: Qt 0.33-0.42 s, Pillow 0.42-0.77 s.
    """
    try:
        with stored.open("rb") as stream:
            # Qt draws a torn JPEG half grey with only a warning. The cache writes atomically but
            # does not fsync, so after a power cut a file may have lost its tail: our encoder ends
            # every file with the EOI marker, nothing after it.
            stream.seek(-2, os.SEEK_END)
            if stream.read(2) != b"\xff\xd9":
                return None
    except OSError:  # FileNotFoundError included: not cached yet
        return None
    image = QImageReader(str(stored), QByteArray(b"jpeg")).read()
    if image.isNull():
        return None
    if image.format() != QImage.Format.Format_RGB32:
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    return image
