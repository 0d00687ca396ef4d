"""The part of the display image loader the editor's views use, so they can be built and tested
with whichever loader the app composes (imaging's ImageLoader in the app).

Only a typing contract: it holds no pixels and decodes nothing.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSize, SignalInstance


class ImageSource(Protocol):
    """Decodes in the background; reports `image_ready(key, QImage)` or `image_failed(key, why)`."""

    @property
    def image_ready(self) -> SignalInstance: ...

    @property
    def image_failed(self) -> SignalInstance: ...

    @property
    def photo_changed(self) -> SignalInstance:
        """(ref) A photo shown before changed on disk: views showing it request it again."""
        ...

    def request(self, key: str, ref: str, size: QSize, *, priority: int = 0) -> None: ...

    def cancel(self, key: str) -> None: ...
