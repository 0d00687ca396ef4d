"""One queued decode for the image loader: a QRunnable that reports back through a GUI-thread relay.

The job reads its `cancelled` flag before starting, so requests for slides already scrolled past
cost nothing. It never touches the loader's state; the loader does that when the relay fires.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal
from PySide6.QtGui import QImage

from photoessay_desktop.imaging.background_priority import lower_this_thread
from photoessay_desktop.imaging.errors import ImageDecodeError
from photoessay_desktop.imaging.file_version import FileVersion
from photoessay_desktop.qt_models.image_memory_cache import ImageCacheKey

if TYPE_CHECKING:
    from photoessay_desktop.qt_models.thumbnail_batch import ThumbnailBatch

CANCELLED = "cancelled"


class JobRelay(QObject):
    """Lives in the GUI thread; workers emit `finished` and Qt queues it over to that thread."""

    finished = Signal(object, object, str)  # job, QImage | None, failure reason


@dataclass(eq=False)
class LoadJob:
    """The work for one (ref, box): who waits for it and whether it is still wanted."""

    cache_key: ImageCacheKey
    work: Callable[[LoadJob], QImage]
    priority: int
    keys: set[str] = field(default_factory=set)
    prefetch: bool = False
    cancelled: bool = (
        False  # set on the GUI thread, read by the worker (a plain bool under the GIL)
    )
    runnable: QRunnable | None = None  # queued on its own
    batch: ThumbnailBatch | None = None  # queued as one row of a batch of cached thumbnails
    # Written by the worker before it reads the file, read on the GUI thread after the relay:
    # which version of the file was read, and a ticket ordering that stat among all others.
    version: FileVersion | None = None
    ticket: int | None = None

    @property
    def wanted(self) -> bool:
        """Still worth running: someone waits for it, or it is a neighbour being prefetched."""
        return not self.cancelled and (bool(self.keys) or self.prefetch)


class LoadRunnable(QRunnable):
    """Runs a LoadJob in the pool and hands the outcome to the relay."""

    def __init__(self, job: LoadJob, relay: JobRelay) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the loader keeps the Python object; Qt must not delete it
        self._job = job
        self._relay = relay

    def run(self) -> None:
        """Decode unless cancelled meanwhile; never lets an exception escape into Qt."""
        job = self._job
        lower_this_thread()
        if job.cancelled:
            self._relay.finished.emit(job, None, CANCELLED)
            return
        try:
            image = job.work(job)
        except ImageDecodeError as exc:
            self._relay.finished.emit(job, None, str(exc))
        except MemoryError:
            self._relay.finished.emit(job, None, "there is not enough memory to show this photo")
        except Exception as exc:  # a worker must report, never die silently
            self._relay.finished.emit(job, None, f"unexpected error: {type(exc).__name__}: {exc}")
        else:
            self._relay.finished.emit(job, image, "")
