"""An in-memory cache of decoded display images, bounded in bytes, least recently used out first.

Lives on the GUI thread beside the loader; it holds QImages only (never QPixmaps, which belong to
the widgets) and knows nothing about files or decoding. Each image remembers which version of its
file it was decoded from, and a lookup names the version wanted, so an edited photo's old pixels
are never handed out.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import NamedTuple

from PySide6.QtGui import QImage


class ImageCacheKey(NamedTuple):
    """A decoded image is identified by its reference and the box it was fitted into."""

    ref: str
    width: int
    height: int


class ImageMemoryCache:
    """LRU of QImages whose summed sizeInBytes() stays at or below `max_bytes`."""

    def __init__(self, max_bytes: int) -> None:
        if max_bytes < 0:
            raise ValueError("max_bytes must not be negative")
        self._max_bytes = max_bytes
        self._images: OrderedDict[ImageCacheKey, tuple[QImage, Hashable]] = OrderedDict()
        self._bytes = 0

    @property
    def total_bytes(self) -> int:
        """Bytes held now."""
        return self._bytes

    @property
    def max_bytes(self) -> int:
        """The bound."""
        return self._max_bytes

    def __len__(self) -> int:
        return len(self._images)

    def __contains__(self, key: ImageCacheKey) -> bool:
        return key in self._images

    def has(self, key: ImageCacheKey, version: Hashable = None) -> bool:
        """True when `key` is held decoded from `version` of its file."""
        entry = self._images.get(key)
        return entry is not None and entry[1] == version

    def get(self, key: ImageCacheKey, version: Hashable = None) -> QImage | None:
        """The image decoded from `version` (now most recently used); None, and the entry is
        forgotten, when only another version is held."""
        entry = self._images.get(key)
        if entry is None:
            return None
        if entry[1] != version:
            self.remove(key)
            return None
        self._images.move_to_end(key)
        return entry[0]

    def put(self, key: ImageCacheKey, image: QImage, version: Hashable = None) -> None:
        """Keep `image` decoded from `version`, evicting least recently used ones; one over the
        bound is not kept."""
        self.remove(key)
        size = image.sizeInBytes()
        if size > self._max_bytes:
            return
        self._images[key] = (image, version)
        self._bytes += size
        while self._bytes > self._max_bytes:
            _, (evicted, _version) = self._images.popitem(last=False)
            self._bytes -= evicted.sizeInBytes()

    def remove(self, key: ImageCacheKey) -> None:
        """Forget one entry, if present."""
        entry = self._images.pop(key, None)
        if entry is not None:
            self._bytes -= entry[0].sizeInBytes()

    def invalidate_ref(self, ref: str) -> None:
        """Forget every size of one photo (after it changed on disk)."""
        for key in [key for key in self._images if key.ref == ref]:
            self.remove(key)

    def clear(self) -> None:
        """Forget everything."""
        self._images.clear()
        self._bytes = 0
