"""The loader's Pillow path through real decode workers: pixels, reasons, crashes, quitting.

Everything a user sees must be as before the workers (same pixels, same placeholder reasons),
and a killed worker must cost one photo a reason, never the window or the next photo.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from photoessay_desktop.imaging.decode import decode_image
from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.decode_process import DecodeProcessPool
from photoessay_desktop.imaging.thumbnail_cache import ThumbnailCache
from photoessay_desktop.qt_models.image_display_decoder import DisplayDecoder, pil_to_qimage
from photoessay_desktop.qt_models.image_loader import ImageLoader
from tests.imaging.photo_files import adobe_rgb_profile, quadrants, save_jpeg

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    folder = tmp_path / "Фото été"
    folder.mkdir()
    return folder


@pytest.fixture
def loader(qtbot: QtBot) -> Iterator[ImageLoader]:
    made = ImageLoader(thread_count=2)
    yield made
    made.shutdown()
    made.wait_for_idle(20_000)


def rgb(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    colour = image.pixelColor(x, y)
    return colour.red(), colour.green(), colour.blue()


def expected(path: Path, box: tuple[int, int], background: tuple[int, int, int]) -> QImage:
    return pil_to_qimage(decode_image(path, fit=box, background=background))


def pillow_path_files(folder: Path) -> list[Path]:
    files = [folder / "a.png", folder / "a.tiff", folder / "a.webp", folder / "cmyk.jpg"]
    quadrants((120, 80)).save(files[0])
    quadrants((120, 80)).save(files[1], "TIFF")
    Image.new("RGBA", (120, 80), (0, 90, 200, 100)).save(files[2], "WEBP", lossless=True)
    Image.new("CMYK", (120, 80), (200, 0, 100, 0)).save(files[3], "JPEG")
    files.append(
        save_jpeg(
            folder / "adobe.jpg",
            quadrants((80, 120)),
            orientation=8,
            icc_profile=adobe_rgb_profile(),
        )
    )
    return files


def test_pillow_path_photos_arrive_as_the_same_pixels(
    qtbot: QtBot, loader: ImageLoader, photos: Path
) -> None:
    got: dict[str, QImage] = {}
    loader.image_ready.connect(lambda key, image: got.update({key: image}))
    files = pillow_path_files(photos)
    for path in files:
        loader.request(path.name, str(path), QSize(60, 60))
    qtbot.waitUntil(lambda: len(got) == len(files), timeout=20_000)
    for path in files:
        assert got[path.name] == expected(path, (60, 60), (0, 0, 0)), path.name
    assert 1 <= len(loader.decode_processes.worker_pids()) <= 2


def test_a_refused_photo_still_shows_its_reason(qtbot: QtBot, photos: Path) -> None:
    loader = ImageLoader(thread_count=1, limits=DecodeLimits(max_pixels=1000))
    path = photos / "wide.png"
    Image.new("RGB", (100, 100)).save(path)
    failed: list[tuple[str, str]] = []
    loader.image_failed.connect(lambda key, reason: failed.append((key, reason)))
    with qtbot.waitSignal(loader.image_failed, timeout=20_000):
        loader.request("slide-3", str(path), QSize(50, 50))
    assert failed[0][0] == "slide-3" and "over the limit" in failed[0][1]
    loader.shutdown()


@linux_only
def test_a_worker_killed_mid_request_costs_that_photo_a_reason_not_the_next(
    qtbot: QtBot, loader: ImageLoader, photos: Path
) -> None:
    first, second = photos / "first.png", photos / "second.png"
    quadrants((50, 50)).save(first)
    Image.new("RGB", (50, 50), (10, 200, 30)).save(second)
    with qtbot.waitSignal(loader.image_ready, timeout=20_000):
        loader.request("warm", str(first), QSize(20, 20))
    processes = loader.decode_processes
    (pid,) = processes.worker_pids()
    os.kill(pid, signal.SIGSTOP)  # frozen, so the kill lands while the request waits on it
    failed: list[tuple[str, str]] = []
    loader.image_failed.connect(lambda key, reason: failed.append((key, reason)))
    loader.request("viewer", str(second), QSize(40, 40))
    qtbot.waitUntil(lambda: processes.busy_pids() == [pid], timeout=20_000)
    os.kill(pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: bool(failed), timeout=20_000)
    assert failed[0][0] == "viewer" and "decoder stopped" in failed[0][1]
    # The user moves on and back: the photo comes from a fresh worker.
    ready: list[QImage] = []
    loader.image_ready.connect(lambda _key, image: ready.append(image))
    loader.request("viewer", str(second), QSize(40, 40))
    qtbot.waitUntil(lambda: bool(ready), timeout=20_000)
    assert rgb(ready[0], 5, 5) == (10, 200, 30)
    assert pid not in processes.worker_pids()


def test_flicking_through_pngs_decodes_only_a_few(qtbot: QtBot, photos: Path) -> None:
    loader = ImageLoader(thread_count=1)
    refs = []
    for n in range(20):
        refs.append(str(photos / f"{n}.png"))
        Image.new("RGB", (300, 200), (n * 12, 100, 200)).save(refs[-1])
    ready: list[tuple[str, QImage]] = []
    loader.image_ready.connect(lambda key, image: ready.append((key, image)))
    for ref in refs:  # the arrow key held down: each slide supersedes the last
        loader.request("viewer", ref, QSize(150, 100))
    qtbot.waitUntil(lambda: bool(ready), timeout=20_000)
    loader.wait_for_idle(20_000)
    qtbot.wait(50)
    assert len(ready) == 1 and rgb(ready[0][1], 5, 5) == (19 * 12, 100, 200)
    assert loader.decodes_started <= 2
    loader.shutdown()


def test_png_derivative_from_the_worker_serves_the_next_session_without_one(
    qtbot: QtBot, photos: Path, tmp_path: Path
) -> None:
    cache = ThumbnailCache(tmp_path / "thumbs")
    path = photos / "p.png"
    Image.new("RGB", (400, 300), (200, 40, 90)).save(path)
    sizes = []
    for _ in range(2):
        loader = ImageLoader(thread_count=1, thumbnails=cache)
        ready: list[QImage] = []
        loader.image_ready.connect(lambda _key, image, into=ready: into.append(image))
        loader.request("row", str(path), QSize(96, 96))
        qtbot.waitUntil(lambda into=ready: bool(into), timeout=20_000)  # type: ignore[misc]
        sizes.append((ready[0].width(), ready[0].height()))
        colour = rgb(ready[0], 5, 5)
        assert all(abs(a - b) <= 6 for a, b in zip(colour, (200, 40, 90), strict=True))
        workers = loader.decode_processes.worker_pids()
        loader.shutdown()
    assert sizes == [(96, 72), (96, 72)]
    assert workers == []  # the second session read the derivative: no worker was started
    (stored,) = (tmp_path / "thumbs").glob("??/*.jpg")
    assert Image.open(stored).size == (96, 72)


def test_without_workers_the_photo_is_still_decoded(photos: Path, qtbot: QtBot) -> None:
    unavailable = DecodeProcessPool(command=[sys.executable, "-c", "raise SystemExit(1)"])
    decoder = DisplayDecoder(
        limits=DecodeLimits(),
        background=(255, 255, 255),
        thumbnails=None,
        thumbnail_max_side=512,
        processes=unavailable,
    )
    path = photos / "clear.png"
    Image.new("RGBA", (30, 20), (0, 0, 0, 0)).save(path)
    image = decoder.decode(path, (30, 30))
    assert image == expected(path, (30, 30), (255, 255, 255))
    assert rgb(image, 3, 3) == (255, 255, 255)
    decoder.close()


@linux_only
def test_quitting_the_app_ends_its_workers(photos: Path) -> None:
    path = photos / "p.png"
    quadrants((40, 40)).save(path)
    script = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication
from photoessay_desktop.qt_models.image_loader import ImageLoader

app = QApplication([])
loader = ImageLoader(app, thread_count=2)

def children():
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if entry.name.isdigit() and int(fields[1]) == os.getpid() and fields[0] != "Z":
            found.append(int(entry.name))
    return found

def shown(key, image):
    print("workers", *loader.decode_processes.worker_pids(), flush=True)
    QTimer.singleShot(0, app.quit)

loader.image_ready.connect(shown)
loader.request("v", sys.argv[1], QSize(20, 20))
app.exec()
print("children", *children(), flush=True)
"""
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert "workers" in lines, done.stderr
    assert lines["workers"].split(), "a worker decoded the PNG"
    assert "children" not in lines or not lines["children"].split()
    assert done.stdout.splitlines()[-1].strip() == "children", done.stdout


@pytest.mark.parametrize(
    "xmp", [b'<x tiff:Orientation="6"/>', b"<tiff:Orientation>6</tiff:Orientation>"]
)
def test_a_photo_turned_by_xmp_alone_is_shown_upright(
    qtbot: QtBot, loader: ImageLoader, photos: Path, xmp: bytes
) -> None:
    # Pillow reads an orientation from XMP when EXIF has none (Lightroom exports, some phones);
    # Qt's JPEG reader turns by EXIF alone, so such a photo must take the Pillow path.
    path = photos / "повёрнуто.jpg"
    quadrants((120, 80)).save(path, "JPEG", quality=95, xmp=xmp)
    got: list[QImage] = []
    loader.image_ready.connect(lambda _key, image: got.append(image))
    loader.request("turned", str(path), QSize(60, 60))
    qtbot.waitUntil(lambda: len(got) == 1, timeout=20_000)
    reference = expected(path, (60, 60), (0, 0, 0))
    assert (got[0].width(), got[0].height()) == (40, 60)  # upright: portrait
    assert got[0] == reference


@pytest.mark.parametrize(
    ("exif", "xmp"),
    [
        (3, b'<x tiff:Orientation="6"/>'),  # EXIF has the last word, for Qt and Pillow alike
        (None, b'<x tiff:Orientation="1"/>'),  # XMP says "as stored": nothing to turn
        (None, b"<x>no orientation</x>"),
    ],
)
def test_a_photo_qt_turns_as_pillow_does_stays_on_the_fast_path(
    qtbot: QtBot, loader: ImageLoader, photos: Path, exif: int | None, xmp: bytes
) -> None:
    path = save_jpeg(photos / "быстро.jpg", quadrants((120, 80)), orientation=exif, xmp=xmp)
    got: list[QImage] = []
    loader.image_ready.connect(lambda _key, image: got.append(image))
    loader.request("fast", str(path), QSize(60, 60))
    qtbot.waitUntil(lambda: len(got) == 1, timeout=20_000)
    assert (got[0].width(), got[0].height()) == (60, 40)
    assert loader.decode_processes.worker_pids() == []  # Qt's reader, not a Pillow worker
