"""The screen-ready pixmaps of the photos around the current slide.

Each QImage the image source decodes becomes a QPixmap once, on the GUI thread, so a step only
paints. It never decodes or opens a file itself. A photo changed on disk while it is held (re-toned
in another program, or put back after it went missing) is asked for again; the old pixels stay
until the new ones replace them, so the audience sees no gap.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QImage, QPixmap

from photoessay_desktop.qt_models.image_source import ImageSource


def pixmap_key(ref: str, size: QSize) -> str:
    """One key per photo and size, so a photo used twice is decoded once."""
    return f"{size.width()}x{size.height()}:{ref}"


class SlidePixmaps(QObject):
    """Pixmaps of the photos around the current slide, at one size, ready to paint."""

    pixmap_ready = Signal(str)
    pixmap_failed = Signal(str)

    def __init__(self, source: ImageSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._pixmaps: dict[str, QPixmap] = {}
        self._failures: dict[str, str] = {}
        self._pending: dict[str, int] = {}  # key -> the priority it was asked with
        self._photos: dict[str, tuple[str, QSize, int]] = {}  # key -> ref, size, last priority
        source.image_ready.connect(self._on_ready)
        source.image_failed.connect(self._on_failed)
        source.photo_changed.connect(self._on_photo_changed)

    def want(self, ref: str, size: QSize, *, priority: int = 0) -> str:
        """Ask for `ref` at `size` unless it is here or on its way; returns its key."""
        key = pixmap_key(ref, size)
        self._photos[key] = (ref, size, priority)
        if key in self._pixmaps or key in self._failures:
            return key
        # Asked again more urgently (a neighbour became the slide on screen): the loader moves it
        # up the queue.
        if priority > self._pending.get(key, -(2**31)):
            self._pending[key] = priority
            self._source.request(key, ref, size, priority=priority)
        return key

    def put(self, ref: str, size: QSize, image: QImage | QPixmap) -> None:
        """Adopt `ref` at `size` decoded elsewhere (the early decode started before Qt loaded)."""
        key = pixmap_key(ref, size)
        if not image.isNull():
            self._photos.setdefault(key, (ref, size, 0))
            self._pixmaps[key] = image if isinstance(image, QPixmap) else QPixmap.fromImage(image)
            self._pending.pop(key, None)

    def pixmap(self, key: str) -> QPixmap | None:
        return self._pixmaps.get(key)

    def failure(self, key: str) -> str | None:
        """Why the photo cannot be shown, None when it is ready or still coming."""
        return self._failures.get(key)

    def retain(self, keys: set[str]) -> None:
        """Forget pixmaps and cancel decodes outside `keys`: a flick through 1,000 slides queues
        no work for the slides it passed."""
        for key in list(self._pixmaps):
            if key not in keys:
                del self._pixmaps[key]
        for key in list(self._pending):
            if key not in keys:
                del self._pending[key]
                self._source.cancel(key)
        for key in list(self._failures):
            if key not in keys:
                del self._failures[key]  # coming back to the slide tries again
        for key in list(self._photos):
            if key not in keys:
                del self._photos[key]

    def _on_ready(self, key: str, image: QImage) -> None:
        if key not in self._pending:
            return  # someone else's request, or one we cancelled
        del self._pending[key]
        if image.isNull():
            self._fail(key, "the photo could not be decoded")
            return
        self._pixmaps[key] = QPixmap.fromImage(image)
        self.pixmap_ready.emit(key)

    def _on_failed(self, key: str, reason: str) -> None:
        if key not in self._pending:
            return
        del self._pending[key]
        self._fail(key, reason or "the photo could not be shown")

    def _fail(self, key: str, reason: str) -> None:
        if key in self._pixmaps:
            # Changed on disk into something unreadable, or gone, during the show: the room keeps
            # the last good pixels rather than an error card; putting it back retries.
            return
        self._failures[key] = reason
        self.pixmap_failed.emit(key)

    def _on_photo_changed(self, ref: str) -> None:
        for key, (photo, size, priority) in list(self._photos.items()):
            if key not in self._photos:
                continue  # let go by a retain() that an answer given at once set off
            if photo == ref and key not in self._pending:  # one on its way is redone by the loader
                self._failures.pop(key, None)  # a missing photo put back shows again
                self._pending[key] = priority
                self._source.request(key, ref, size, priority=priority)
