"""Cached list thumbnails come in batches: every row its own pixels, rows scrolled past dropped,
misses and damaged entries decoded on their own, an edited photo never shown from the cache."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from photoessay_desktop.imaging.thumbnail_cache import ThumbnailCache
from photoessay_desktop.qt_models.image_loader import ImageLoader
from photoessay_desktop.qt_models.thumbnail_batch import BATCH_ROWS, read_cached_thumbnail
from tests.qt_models.test_image_loader import Recorder, flat_jpeg, near, rgb

ROW = QSize(64, 64)


def colour(n: int) -> tuple[int, int, int]:
    return (n * 6 % 256, 255 - n * 6 % 256, 90)


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    folder = tmp_path / "Фото été"
    folder.mkdir()
    return folder


@pytest.fixture
def cache(tmp_path: Path) -> ThumbnailCache:
    return ThumbnailCache(tmp_path / "thumbs")


def make_rows(photos: Path, count: int) -> list[str]:
    return [flat_jpeg(photos / f"{n:03d}.jpg", colour(n), (160, 120)) for n in range(count)]


def warm_up(qtbot: QtBot, cache: ThumbnailCache, refs: list[str]) -> None:
    """A first session writes every row's thumbnail to the disk cache."""
    loader = ImageLoader(thread_count=2, thumbnails=cache)
    record = Recorder(loader)
    for n, ref in enumerate(refs):
        loader.request(f"row-{n}", ref, ROW)
    qtbot.waitUntil(lambda: len(record.delivered()) == len(refs), timeout=20_000)
    loader.wait_for_idle(10_000)


def test_a_warm_list_is_read_in_batches_with_every_row_its_own_pixels(
    qtbot: QtBot, photos: Path, cache: ThumbnailCache
) -> None:
    refs = make_rows(photos, 40)
    warm_up(qtbot, cache, refs)
    loader = ImageLoader(thread_count=2, thumbnails=cache)
    record = Recorder(loader)
    for n, ref in enumerate(refs):
        loader.request(f"row-{n}", ref, ROW)
    assert record.delivered() == []  # reading waits for the pool, never the GUI thread
    qtbot.waitUntil(lambda: len(record.ready) == len(refs), timeout=20_000)
    assert record.failed == []
    for key, image in record.ready:
        n = int(key.removeprefix("row-"))
        assert (image.width(), image.height()) == (64, 48)
        assert near(rgb(image, 30, 20), colour(n)), key
    assert loader.batches_started == -(-len(refs) // BATCH_ROWS)  # 3 pool jobs, not 40


def test_rows_scrolled_past_before_their_batch_runs_are_never_delivered(
    qtbot: QtBot, photos: Path, cache: ThumbnailCache
) -> None:
    refs = make_rows(photos, 40)
    warm_up(qtbot, cache, refs)
    loader = ImageLoader(thread_count=1, thumbnails=cache)
    record = Recorder(loader)
    for n, ref in enumerate(refs):
        loader.request(f"row-{n}", ref, ROW)
    # The user flicks to the end of the list before the event loop turns.
    on_screen = [f"row-{n}" for n in range(35, 40)]
    loader.cancel_all_except(on_screen)
    qtbot.waitUntil(lambda: len(record.delivered()) == len(on_screen), timeout=20_000)
    loader.wait_for_idle(10_000)
    qtbot.wait(50)
    assert sorted(record.delivered()) == on_screen
    assert loader.pending_count == 0


def test_rows_missing_from_the_disk_cache_are_decoded_on_their_own(
    qtbot: QtBot, photos: Path, cache: ThumbnailCache
) -> None:
    refs = make_rows(photos, 20)
    warm_up(qtbot, cache, refs[::2])  # every other row was seen before
    loader = ImageLoader(thread_count=2, thumbnails=cache)
    record = Recorder(loader)
    for n, ref in enumerate(refs):
        loader.request(f"row-{n}", ref, ROW)
    qtbot.waitUntil(lambda: len(record.ready) == len(refs), timeout=20_000)
    for key, image in record.ready:
        assert near(rgb(image, 30, 20), colour(int(key.removeprefix("row-")))), key
    assert len(list(cache.folder.glob("??/*.jpg"))) == len(refs)  # the new ones were kept


def test_a_torn_cache_entry_is_decoded_again_not_drawn_half_grey(
    qtbot: QtBot, photos: Path, cache: ThumbnailCache
) -> None:
    ref = flat_jpeg(photos / "p.jpg", (200, 30, 30), (300, 200))
    warm_up(qtbot, cache, [ref])
    (stored,) = cache.folder.glob("??/*.jpg")
    whole = stored.read_bytes()
    stored.write_bytes(whole[: len(whole) // 2])  # a power cut after the rename, before the data
    assert read_cached_thumbnail(stored) is None
    loader = ImageLoader(thread_count=1, thumbnails=cache)
    record = Recorder(loader)
    with qtbot.waitSignal(loader.image_ready, timeout=10_000):
        loader.request("row", ref, ROW)
    image = record.ready[0][1]
    assert near(rgb(image, 5, 5), (200, 30, 30)) and near(rgb(image, 60, 40), (200, 30, 30))
    assert stored.read_bytes().endswith(b"\xff\xd9")  # and the entry was written again


@pytest.mark.parametrize("content", [b"", b"\xff\xd9", b"<html>\xff\xd9", os.urandom(4096)])
def test_hostile_cache_entries_are_misses(tmp_path: Path, content: bytes) -> None:
    stored = tmp_path / "entry.jpg"
    stored.write_bytes(content)
    assert read_cached_thumbnail(stored) is None
    assert read_cached_thumbnail(tmp_path / "absent.jpg") is None
    assert read_cached_thumbnail(tmp_path) is None  # a folder where the file should be


def padded_jpeg(path: Path, colour: tuple[int, int, int], length: int) -> str:
    """A flat JPEG padded after its end marker to exactly `length` bytes (as cameras pad)."""
    Image.new("RGB", (300, 200), colour).save(path, "JPEG", quality=95)
    data = path.read_bytes()
    assert len(data) <= length
    path.write_bytes(data + bytes(length - len(data)))
    return str(path)


@pytest.mark.skipif(os.name == "nt", reason="st_ctime is the creation time on Windows")
def test_an_edited_photo_is_never_served_from_its_old_cache_entry(
    qtbot: QtBot, photos: Path, cache: ThumbnailCache
) -> None:
    ref = padded_jpeg(photos / "p.jpg", (250, 0, 0), 3000)
    warm_up(qtbot, cache, [ref])
    # Re-toned in another program: same name and size, and the old modification time restored
    # (`touch -r`, `exiftool -P`). Only the change time tells the versions apart.
    before = Path(ref).stat()
    time.sleep(0.03)  # file times come from a coarse clock (a few ms per tick on Linux)
    padded_jpeg(Path(ref), (0, 0, 250), 3000)
    os.utime(ref, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = Path(ref).stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    loader = ImageLoader(thread_count=1, thumbnails=cache)
    record = Recorder(loader)
    with qtbot.waitSignal(loader.image_ready, timeout=10_000):
        loader.request("row", ref, ROW)
    assert near(rgb(record.ready[0][1], 5, 5), (0, 0, 250))
