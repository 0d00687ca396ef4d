"""A photo changed on disk during the show (re-toned in another program, deleted, put back): the
audience sees the new pixels once they are decoded, never a gap or an error card in between.
Real files, the real loader with its file watcher, the real session and windows."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from photoessay_desktop.qt_models.image_loader import ImageLoader
from photoessay_desktop.ui.slideshow.slideshow_session import SlideshowSession
from tests.ui.slideshow_support import make_essay, start_session, write_photo


@pytest.fixture
def loader() -> Iterator[ImageLoader]:
    images = ImageLoader(thread_count=2)
    yield images
    images.shutdown()


def audience_centre(session: SlideshowSession) -> QColor:
    shot = session.audience.grab().toImage()
    return shot.pixelColor(shot.width() // 2, shot.height() // 2)


def is_colour(colour: QColor, red: int, green: int, blue: int) -> bool:
    seen = (colour.red(), colour.green(), colour.blue())
    return all(abs(a - b) <= 30 for a, b in zip(seen, (red, green, blue), strict=True))


def start_on_red(qtbot: QtBot, folder: Path, loader: ImageLoader) -> SlideshowSession:
    session = start_session(qtbot, make_essay(folder, 4, text_slide=None, title=""), source=loader)
    qtbot.waitUntil(lambda: is_colour(audience_centre(session), 220, 40, 40), timeout=15_000)
    time.sleep(0.03)  # file times tick coarsely: the next write gets a new one
    return session


def photo_on_screen(session: SlideshowSession) -> bool:
    return session.audience.scene.content.pixmap is not None


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "Фото – ésszé"
    path.mkdir()
    return path


def test_a_photo_re_toned_during_the_show_is_shown_anew_without_a_gap(
    qtbot: QtBot, folder: Path, loader: ImageLoader
) -> None:
    session = start_on_red(qtbot, folder, loader)
    gaps: list[bool] = []
    session.audience.frame_painted.connect(lambda: gaps.append(not photo_on_screen(session)))
    write_photo(folder / "p0.jpg", "#2040e0")  # saved over in place, as an editor does
    qtbot.waitUntil(lambda: is_colour(audience_centre(session), 32, 64, 224), timeout=15_000)
    assert not any(gaps)  # the old photo stayed up until the new one replaced it
    assert session.controller.position == 0


def test_a_photo_deleted_during_the_show_stays_up_and_shows_again_when_put_back(
    qtbot: QtBot, folder: Path, loader: ImageLoader
) -> None:
    session = start_on_red(qtbot, folder, loader)
    with qtbot.waitSignal(loader.image_failed, timeout=15_000):  # noticed, decoded again, failed
        (folder / "p0.jpg").unlink()
    qtbot.wait(50)  # and whatever the show does with that failure has been painted
    assert photo_on_screen(session) and session.content(0).status_text == ""
    assert is_colour(audience_centre(session), 220, 40, 40)  # no error card in front of the room
    temporary = folder / ".p0.jpg.part"
    write_photo(temporary, "#f0d020")
    os.replace(temporary, folder / "p0.jpg")  # a sync client putting it back
    qtbot.waitUntil(lambda: is_colour(audience_centre(session), 240, 208, 32), timeout=15_000)


def test_a_changed_neighbour_is_ready_anew_before_the_step(
    qtbot: QtBot, folder: Path, loader: ImageLoader
) -> None:
    session = start_on_red(qtbot, folder, loader)
    qtbot.waitUntil(lambda: session.content(1).pixmap is not None, timeout=15_000)
    old = session.content(1).pixmap
    write_photo(folder / "p1.jpg", "#ffffff", QSize(320, 200))
    qtbot.waitUntil(lambda: session.content(1).pixmap is not old, timeout=15_000)
    qtbot.keyClick(session.audience, Qt.Key.Key_Right)
    assert is_colour(audience_centre(session), 255, 255, 255)  # painted in the key's own turn


def test_a_photo_missing_at_the_start_shows_once_it_arrives(
    qtbot: QtBot, folder: Path, loader: ImageLoader
) -> None:
    essay = make_essay(folder, 3, text_slide=None, title="", missing=0)
    session = start_session(qtbot, essay, source=loader)
    qtbot.waitUntil(lambda: session.content(0).status_text != "", timeout=15_000)
    assert not photo_on_screen(session)  # a placeholder card says the photo is unavailable
    write_photo(folder / "gone.jpg", "#f0d020")  # the sync client delivers it
    qtbot.waitUntil(lambda: is_colour(audience_centre(session), 240, 208, 32), timeout=15_000)
