"""ImageLoader: upright sRGB pixels by signal from the pool; caching, cancellation, prefetch."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from photoessay_desktop.imaging.background_priority import BACKGROUND_NICE
from photoessay_desktop.imaging.thumbnail_cache import ThumbnailCache
from photoessay_desktop.qt_models.image_loader import ImageLoader
from tests.imaging.photo_files import adobe_rgb_profile, quadrants, save_jpeg


class Recorder:
    """Collects the loader's signals in order, as a view would receive them."""

    def __init__(self, loader: ImageLoader) -> None:
        self.ready: list[tuple[str, QImage]] = []
        self.failed: list[tuple[str, str]] = []
        loader.image_ready.connect(lambda key, image: self.ready.append((key, image)))
        loader.image_failed.connect(lambda key, reason: self.failed.append((key, reason)))

    def delivered(self) -> list[str]:
        return [key for key, _ in self.ready] + [key for key, _ in self.failed]


def rgb(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    colour = image.pixelColor(x, y)
    return colour.red(), colour.green(), colour.blue()


def near(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 16) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    folder = tmp_path / "Фото été"
    folder.mkdir()
    return folder


@pytest.fixture
def loader(qtbot: QtBot, tmp_path: Path) -> ImageLoader:
    made = ImageLoader(thread_count=2, memory_cache_bytes=64 * 1024 * 1024)
    yield made
    made.shutdown()  # no decode or photo check outlives the test (the app: on quit)


def flat_jpeg(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (64, 48)) -> str:
    Image.new("RGB", size, colour).save(path, "JPEG", quality=95)
    return str(path)


def test_rotated_jpeg_arrives_upright_and_fitted(
    qtbot: QtBot, loader: ImageLoader, photos: Path
) -> None:
    path = save_jpeg(photos / "side.jpg", quadrants((400, 200)), orientation=6)
    record = Recorder(loader)
    with qtbot.waitSignal(loader.image_ready, timeout=10_000):
        loader.request("viewer", str(path), QSize(100, 100))
    key, image = record.ready[0]
    assert key == "viewer"
    assert (image.width(), image.height()) == (50, 100)
    assert near(rgb(image, 10, 20), (0, 0, 255), 40)  # blue was bottom-left, turned to top-left
    assert near(rgb(image, 40, 20), (255, 0, 0), 40)


def test_second_request_is_served_from_memory_at_once(
    qtbot: QtBot, loader: ImageLoader, photos: Path
) -> None:
    ref = flat_jpeg(photos / "a.jpg", (20, 200, 40))
    with qtbot.waitSignal(loader.image_ready, timeout=10_000):
        loader.request("one", ref, QSize(32, 32))
    record = Recorder(loader)
    loader.request("two", ref, QSize(32, 32))
    assert [key for key, _ in record.ready] == ["two"]  # delivered before request() returned


def test_uncached_request_never_answers_synchronously(
    qtbot: QtBot, loader: ImageLoader, photos: Path
) -> None:
    ref = flat_jpeg(photos / "a.jpg", (20, 200, 40))
    record = Recorder(loader)
    loader.request("one", ref, QSize(32, 32))
    assert record.delivered() == []  # the GUI thread returned at once; the result comes by event
    qtbot.waitUntil(lambda: record.delivered() == ["one"], timeout=10_000)


def test_adobe_rgb_photo_is_shown_in_srgb(qtbot: QtBot, loader: ImageLoader, photos: Path) -> None:
    path = save_jpeg(
        photos / "adobe.jpg",
        Image.new("RGB", (40, 40), (200, 50, 50)),
        icc_profile=adobe_rgb_profile(),
    )
    record = Recorder(loader)
    with qtbot.waitSignal(loader.image_ready, timeout=10_000):
        loader.request("v", str(path), QSize(20, 20))
    assert near(rgb(record.ready[0][1], 10, 10), (232, 46, 46), 6)


def test_png_with_alpha_on_the_background(qtbot: QtBot, photos: Path) -> None:
    loader = ImageLoader(thread_count=1, background=(255, 255, 255))
    path = photos / "clear.png"
    Image.new("RGBA", (30, 30), (0, 0, 0, 0)).save(path)
    record = Recorder(loader)
    with qtbot.waitSignal(loader.image_ready, timeout=10_000):
        loader.request("v", str(path), QSize(30, 30))
    assert rgb(record.ready[0][1], 5, 5) == (255, 255, 255)


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "empty"), (b"<html>not a photo</html>", "not a photo"), (b"%!PS-Adobe-3.0 EPSF", "EPS")],
)
def test_bad_files_fail_with_a_reason(
    qtbot: QtBot, loader: ImageLoader, photos: Path, content: bytes, expected: str
) -> None:
    path = photos / "bad.jpg"
    path.write_bytes(content)
    record = Recorder(loader)
    with qtbot.waitSignal(loader.image_failed, timeout=10_000):
        loader.request("v", str(path), QSize(64, 64))
    assert record.failed[0][0] == "v" and expected in record.failed[0][1]


def test_truncated_jpeg_fails_instead_of_half_drawing(
    qtbot: QtBot, loader: ImageLoader, photos: Path
) -> None:
    whole = save_jpeg(photos / "whole.jpg", quadrants((300, 200)))
    cut = photos / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[:1500])
    record = Recorder(loader)
    with qtbot.waitSignal(loader.image_failed, timeout=10_000):
        loader.request("v", str(cut), QSize(100, 100))
    assert "truncated" in record.failed[0][1]


def test_refs_that_are_never_opened(qtbot: QtBot, loader: ImageLoader) -> None:
    record = Recorder(loader)
    loader.request("net", r"\\server\share\a.jpg", QSize(10, 10))
    loader.request("web", "https://photos.example.org/a.jpg", QSize(10, 10))
    loader.request("evil", "file:///etc/passwd", QSize(10, 10))
    reasons = dict(record.failed)
    assert "network" in reasons["net"]
    assert "photos.example.org" in reasons["web"]
    assert "not allowed" in reasons["evil"]
    assert loader.decodes_started == 0


def test_flicking_through_many_slides_decodes_only_a_few(qtbot: QtBot, photos: Path) -> None:
    loader = ImageLoader(thread_count=1)
    refs = [flat_jpeg(photos / f"{n}.jpg", (n * 8, 100, 200), (400, 300)) for n in range(30)]
    record = Recorder(loader)
    for ref in refs:  # the user holds the arrow key: each slide supersedes the last
        loader.request("viewer", ref, QSize(200, 150))
    assert loader.pending_count <= 2
    qtbot.waitUntil(lambda: len(record.ready) == 1, timeout=10_000)
    loader.wait_for_idle(10_000)
    qtbot.wait(50)
    assert len(record.ready) == 1  # only the slide on screen was delivered
    assert near(rgb(record.ready[0][1], 5, 5), (29 * 8, 100, 200))
    assert loader.decodes_started <= 2


def test_cancelled_request_is_never_delivered(qtbot: QtBot, photos: Path) -> None:
    loader = ImageLoader(thread_count=1)
    refs = [flat_jpeg(photos / f"{n}.jpg", (n * 20, 0, 0)) for n in range(5)]
    record = Recorder(loader)
    for n, ref in enumerate(refs):
        loader.request(f"row-{n}", ref, QSize(16, 16))
    loader.cancel_all_except(["row-4"])
    loader.cancel("row-0")
    loader.wait_for_idle(10_000)
    qtbot.waitUntil(lambda: "row-4" in record.delivered(), timeout=10_000)
    qtbot.wait(50)
    assert record.delivered() == ["row-4"]


def test_prefetched_neighbours_are_delivered_at_once(
    qtbot: QtBot, loader: ImageLoader, photos: Path
) -> None:
    refs = [flat_jpeg(photos / f"{n}.jpg", (0, n * 50, 0)) for n in range(4)]
    loader.prefetch(refs[1:3], QSize(48, 48))
    loader.wait_for_idle(10_000)
    qtbot.waitUntil(lambda: loader.pending_count == 0, timeout=10_000)
    assert loader.is_cached(refs[1], QSize(48, 48)) and loader.is_cached(refs[2], QSize(48, 48))
    record = Recorder(loader)
    loader.request("viewer", refs[2], QSize(48, 48))
    assert [key for key, _ in record.ready] == ["viewer"]
    # A new prefetch set replaces the old one; a request joins an in-flight prefetch.
    loader.prefetch([refs[3]], QSize(48, 48))
    loader.request("viewer", refs[3], QSize(48, 48))
    qtbot.waitUntil(lambda: len(record.ready) == 2, timeout=10_000)
    assert near(rgb(record.ready[1][1], 3, 3), (0, 150, 0))


def test_disk_cache_is_never_stale_after_the_file_changes(
    qtbot: QtBot, photos: Path, tmp_path: Path
) -> None:
    cache = ThumbnailCache(tmp_path / "thumbs")
    path = photos / "edited.jpg"
    flat_jpeg(path, (250, 0, 0), (600, 400))
    first = ImageLoader(thread_count=1, thumbnails=cache)
    record = Recorder(first)
    with qtbot.waitSignal(first.image_ready, timeout=10_000):
        first.request("row", str(path), QSize(128, 128))
    assert len(list((tmp_path / "thumbs").glob("??/*.jpg"))) == 1
    assert near(rgb(record.ready[0][1], 5, 5), (250, 0, 0))
    # The photographer re-exports the file: same name, new pixels, a later mtime.
    flat_jpeg(path, (0, 0, 250), (600, 400))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    second = ImageLoader(thread_count=1, thumbnails=cache)
    again = Recorder(second)
    with qtbot.waitSignal(second.image_ready, timeout=10_000):
        second.request("row", str(path), QSize(128, 128))
    assert near(rgb(again.ready[0][1], 5, 5), (0, 0, 250))
    assert len(list((tmp_path / "thumbs").glob("??/*.jpg"))) == 2


def test_disk_cache_serves_a_second_session(qtbot: QtBot, photos: Path, tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path / "thumbs")
    ref = flat_jpeg(photos / "p.jpg", (10, 120, 230), (800, 600))
    for _ in range(2):
        loader = ImageLoader(thread_count=1, thumbnails=cache)
        record = Recorder(loader)
        with qtbot.waitSignal(loader.image_ready, timeout=10_000):
            loader.request("row", ref, QSize(96, 96))
        assert (record.ready[0][1].width(), record.ready[0][1].height()) == (96, 72)
    (stored,) = (tmp_path / "thumbs").glob("??/*.jpg")
    assert Image.open(stored).size == (96, 72)


def test_the_loader_refuses_to_start_before_the_application(tmp_path: Path) -> None:
    code = (
        "from photoessay_desktop.qt_models.image_loader import ImageLoader\n"
        "try:\n    ImageLoader()\nexcept RuntimeError as e:\n    print('refused:', e)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert "refused: create the QApplication" in done.stdout, done.stderr


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["request", "cancel", "prefetch"]), st.integers(0, 2), st.integers(0, 3)
        ),
        min_size=1,
        max_size=25,
    )
)
def test_any_sequence_delivers_exactly_the_last_wish_per_key(
    qtbot: QtBot, tmp_path_factory: pytest.TempPathFactory, operations: list[tuple[str, int, int]]
) -> None:
    folder = tmp_path_factory.mktemp("seq")
    refs = [flat_jpeg(folder / f"{n}.jpg", (n * 60, 0, 0), (40, 40)) for n in range(4)]
    loader = ImageLoader(thread_count=2, memory_cache_bytes=1_000_000)
    delivered: dict[str, list[tuple[int, int, int]]] = {}
    loader.image_ready.connect(
        lambda key, image: delivered.setdefault(key, []).append(rgb(image, 5, 5))
    )
    wish: dict[str, int | None] = {}
    for action, key_number, ref_number in operations:
        key = f"k{key_number}"
        if action == "request":
            delivered.pop(key, None)  # what came before this wish no longer matters
            loader.request(key, refs[ref_number], QSize(20, 20))
            wish[key] = ref_number
        elif action == "cancel":
            loader.cancel(key)
            wish[key] = None
        else:
            loader.prefetch([refs[ref_number]], QSize(20, 20))
    wanted = {key: number for key, number in wish.items() if number is not None}
    qtbot.waitUntil(lambda: all(key in delivered for key in wanted), timeout=10_000)
    loader.wait_for_idle(10_000)
    qtbot.wait(20)
    for key, number in wanted.items():
        assert len(delivered[key]) == 1
        assert near(delivered[key][0], (number * 60, 0, 0))
    for key, number in wish.items():
        if number is None:
            assert key not in delivered


def test_qt_void_calls_do_not_free_none() -> None:
    # PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void call, so the
    # loader (and the app) died with "deallocating None" after a few thousand decodes.
    from PySide6.QtGui import QImageReader

    reader = QImageReader()
    before = sys.getrefcount(None)
    for _ in range(500):
        reader.setScaledSize(QSize(10, 10))
        reader.setAutoTransform(True)
    assert sys.getrefcount(None) >= before - 50


def test_a_damaged_disk_cache_entry_is_decoded_again(
    qtbot: QtBot, photos: Path, tmp_path: Path
) -> None:
    cache = ThumbnailCache(tmp_path / "thumbs")
    ref = flat_jpeg(photos / "p.jpg", (200, 30, 30), (300, 200))
    first = ImageLoader(thread_count=1, thumbnails=cache)
    with qtbot.waitSignal(first.image_ready, timeout=10_000):
        first.request("row", ref, QSize(64, 64))
    (stored,) = (tmp_path / "thumbs").glob("??/*.jpg")
    stored.write_bytes(b"\xff\xd8 not really a jpeg")  # a crash mid-write on another machine
    second = ImageLoader(thread_count=1, thumbnails=cache)
    record = Recorder(second)
    with qtbot.waitSignal(second.image_ready, timeout=10_000):
        second.request("row", ref, QSize(64, 64))
    assert near(rgb(record.ready[0][1], 5, 5), (200, 30, 30))
    assert Image.open(stored).size == (64, 43)  # and the entry was written again


def thread_nice_levels() -> dict[int, int]:
    """Each thread of this process and its nice level (field 19 of /proc/self/task/N/stat)."""
    levels = {}
    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(OSError):  # a thread that ended meanwhile
            stat = (task / "stat").read_text()
            levels[int(task.name)] = int(stat.rsplit(")", 1)[1].split()[16])
    return levels


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_decode_threads_give_way_to_the_gui_thread(
    qtbot: QtBot, loader: ImageLoader, photos: Path
) -> None:
    gui = threading.get_native_id()
    before = thread_nice_levels()[gui]
    recorder = Recorder(loader)
    loader.request("a", flat_jpeg(photos / "a.jpg", (10, 200, 30)), QSize(32, 32))
    qtbot.waitUntil(lambda: recorder.delivered() == ["a"], timeout=10_000)
    levels = thread_nice_levels()
    assert levels[gui] == before  # the GUI thread keeps its place
    lowered = min(19, before + BACKGROUND_NICE)
    assert any(tid != gui and level == lowered for tid, level in levels.items())
