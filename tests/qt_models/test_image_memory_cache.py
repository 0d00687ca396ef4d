"""ImageMemoryCache: bounded in bytes, least recently used out first."""

from __future__ import annotations

from PySide6.QtGui import QImage

from photoessay_desktop.qt_models.image_memory_cache import ImageCacheKey, ImageMemoryCache


def image(side: int) -> QImage:
    made = QImage(side, side, QImage.Format.Format_RGB32)
    made.fill(0)
    return made


def test_bound_and_lru_order() -> None:
    one = image(10).sizeInBytes()  # 400 bytes
    cache = ImageMemoryCache(3 * one)
    keys = [ImageCacheKey(f"/p/{n}.jpg", 10, 10) for n in range(4)]
    for key in keys[:3]:
        cache.put(key, image(10))
    assert cache.get(keys[0]) is not None  # 0 is now the most recent; 1 is the oldest
    cache.put(keys[3], image(10))
    assert keys[1] not in cache and keys[0] in cache and keys[3] in cache
    assert cache.total_bytes == 3 * one <= cache.max_bytes


def test_an_image_larger_than_the_bound_is_not_kept() -> None:
    cache = ImageMemoryCache(100)
    cache.put(ImageCacheKey("a", 1, 1), image(10))
    assert len(cache) == 0 and cache.total_bytes == 0


def test_replacing_and_invalidating_keep_the_count_right() -> None:
    cache = ImageMemoryCache(10_000)
    cache.put(ImageCacheKey("a", 10, 10), image(10))
    cache.put(ImageCacheKey("a", 10, 10), image(10))
    cache.put(ImageCacheKey("a", 20, 20), image(20))
    cache.put(ImageCacheKey("b", 10, 10), image(10))
    cache.invalidate_ref("a")
    assert len(cache) == 1 and cache.total_bytes == image(10).sizeInBytes()
    cache.clear()
    assert cache.total_bytes == 0


def test_a_hit_must_be_of_the_version_asked_for() -> None:
    cache = ImageMemoryCache(10 * 1024 * 1024)
    key = ImageCacheKey("a", 10, 10)
    cache.put(key, image(10), (100, 1, 1))
    assert cache.has(key, (100, 1, 1)) and not cache.has(key, (100, 2, 2))
    assert cache.get(key, (100, 1, 1)) is not None
    assert cache.get(key, (100, 2, 2)) is None  # the file moved on: the old pixels are dropped
    assert len(cache) == 0 and cache.total_bytes == 0
