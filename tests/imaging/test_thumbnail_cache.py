"""ThumbnailCache: keys change with every edit of the file, writes are atomic, prune bounds it."""

from __future__ import annotations

import os
from pathlib import Path

from photoessay_desktop.imaging.thumbnail_cache import ThumbnailCache, default_thumbnail_folder


def test_key_changes_when_the_file_or_the_request_changes(photo_dir: Path, tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path / "thumbs")
    photo = photo_dir / "a.jpg"
    photo.write_bytes(b"x" * 100)
    base = cache.key_for(photo, (256, 256), (0, 0, 0))
    assert base is not None and base == cache.key_for(photo, (256, 256), (0, 0, 0))
    assert base != cache.key_for(photo, (128, 128), (0, 0, 0))
    assert base != cache.key_for(photo, (256, 256), (255, 255, 255))
    stat = photo.stat()
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    touched = cache.key_for(photo, (256, 256), (0, 0, 0))
    assert touched != base
    photo.write_bytes(b"y" * 101)
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert cache.key_for(photo, (256, 256), (0, 0, 0)) not in (base, touched)
    assert cache.key_for(photo_dir / "missing.jpg", (256, 256), (0, 0, 0)) is None


def test_store_lookup_and_prune(tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path / "thumbs", max_bytes=250)
    keys = [f"{n:02d}" + "0" * 62 for n in range(4)]
    for n, key in enumerate(keys):
        stored = cache.store(key, bytes(100))
        assert stored is not None and stored.read_bytes() == bytes(100)
        os.utime(stored, ns=(n * 10**9, n * 10**9))
    assert cache.lookup(keys[0]) is not None
    assert cache.prune() == 2
    assert cache.lookup(keys[0]) is None and cache.lookup(keys[1]) is None
    assert cache.lookup(keys[3]) is not None
    assert not list((tmp_path / "thumbs").rglob("*.part"))


def test_a_read_only_cache_folder_costs_the_cache_not_the_photo(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    assert ThumbnailCache(blocker).store("ab" + "0" * 62, b"data") is None


def test_default_folder_is_the_platform_cache() -> None:
    assert default_thumbnail_folder().name == "thumbnails"
    assert "PhotoEssay" in str(default_thumbnail_folder())
