"""PhotoVersions and the loader's memory cache: a changed photo is noticed (by the watcher, or on
coming back to the app where no watcher sees it) and its old pixels are never handed out again."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from photoessay_desktop.imaging.file_version import FileVersion, file_version
from photoessay_desktop.qt_models.image_loader import ImageLoader
from photoessay_desktop.qt_models.image_memory_cache import ImageCacheKey
from photoessay_desktop.qt_models.photo_versions import Observation, PhotoVersions
from tests.qt_models.test_image_loader import Recorder, flat_jpeg, near, rgb

VIEW = QSize(200, 200)


def saved_over_in_blue(ref: str) -> None:
    """The red photo at `ref` saved over in blue by another program, with a file time of its
    own (file times come from a coarse clock, a few ms per tick on Linux)."""
    time.sleep(0.03)
    flat_jpeg(Path(ref), (20, 20, 240), (300, 200))


def test_a_later_stat_wins_and_an_earlier_one_is_outdated(qtbot: QtBot, tmp_path: Path) -> None:
    versions = PhotoVersions()
    ref = str(tmp_path / "p.jpg")
    old, new = FileVersion(10, 1, 1), FileVersion(12, 2, 2)
    assert versions.observe(ref, old, 5) is Observation.FIRST
    assert versions.observe(ref, old, 6) is Observation.SAME
    assert versions.observe(ref, new, 8) is Observation.CHANGED
    assert versions.known(ref) == new
    # A decode that statted before the change finishes late: its pixels are not kept.
    assert versions.observe(ref, old, 7) is Observation.OUTDATED
    assert versions.known(ref) == new
    assert versions.observe(ref, None, 9) is Observation.CHANGED  # deleted
    assert versions.known(ref) is None


def test_a_photo_no_watcher_sees_is_checked_when_the_app_becomes_active(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # As on a network share or past the watch limit: no file is watched.
    loader = ImageLoader(thread_count=1, watched_files=0)
    ref = flat_jpeg(tmp_path / "p.jpg", (240, 20, 20), (300, 200))
    record = Recorder(loader)
    with qtbot.waitSignal(loader.image_ready, timeout=10_000):
        loader.request("viewer", ref, VIEW)
    assert loader.photo_versions.watched_files == frozenset()
    saved_over_in_blue(ref)
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    with qtbot.waitSignal(loader.photo_changed, timeout=10_000) as changed:
        app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert changed.args == [ref]
    assert not loader.is_cached(ref, VIEW)  # the old pixels are gone
    with qtbot.waitSignal(loader.image_ready, timeout=10_000):
        loader.request("viewer", ref, VIEW)
    assert near(rgb(record.ready[-1][1], 5, 5), (20, 20, 240))
    loader.photo_versions.wait_for_checks(10_000)
    loader.wait_for_idle(10_000)


def test_a_decode_that_finds_a_new_version_tells_the_other_views(
    qtbot: QtBot, tmp_path: Path
) -> None:
    loader = ImageLoader(thread_count=1, watched_files=0)
    ref = flat_jpeg(tmp_path / "p.jpg", (240, 20, 20), (300, 200))
    with qtbot.waitSignal(loader.image_ready, timeout=10_000):
        loader.request("thumb", ref, QSize(64, 64))
    saved_over_in_blue(ref)
    # Another view decodes the photo at its own size and so sees the new version first.
    with qtbot.waitSignal(loader.photo_changed, timeout=10_000):
        loader.request("viewer", ref, VIEW)
    assert not loader.is_cached(ref, QSize(64, 64))  # the list's old thumbnail is forgotten
    key = ImageCacheKey(ref, VIEW.width(), VIEW.height())
    assert loader.memory_cache.has(key, file_version(ref))  # the viewer's new one is kept
    loader.wait_for_idle(10_000)


def test_a_photo_decoded_outside_the_loader_is_watched_once_said_to_be_on_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # The show's first photo is decoded before the loader exists (app/early_decode.py).
    loader = ImageLoader(thread_count=1)
    ref = flat_jpeg(tmp_path / "Фото.jpg", (240, 20, 20), (300, 200))
    version = file_version(ref)
    assert version is not None
    loader.photo_seen(ref, version)
    assert ref in loader.photo_versions.watched_files
    saved_over_in_blue(ref)
    with qtbot.waitSignal(loader.photo_changed, timeout=10_000) as changed:
        pass  # the next round of looks (once a second) sees it
    assert changed.args == [ref]
    loader.shutdown()


def test_a_sighting_from_before_the_loader_never_outranks_its_own(
    qtbot: QtBot, tmp_path: Path
) -> None:
    loader = ImageLoader(thread_count=1, watched_files=0)
    ref = flat_jpeg(tmp_path / "p.jpg", (240, 20, 20), (300, 200))
    early = file_version(ref)
    assert early is not None
    saved_over_in_blue(ref)
    with qtbot.waitSignal(loader.image_ready, timeout=10_000):
        loader.request("viewer", ref, VIEW)  # the loader reads the new version itself
    changes: list[str] = []
    loader.photo_changed.connect(changes.append)
    loader.photo_seen(ref, early)  # the early decode's older sighting, told late
    qtbot.wait(50)
    assert loader.photo_versions.known(ref) == file_version(ref)
    assert loader.is_cached(ref, VIEW) and changes == []
    loader.shutdown()
