"""`photoessay present` paints its opening frame before the essay model loads, then hands over.

Real parts throughout: a project file on disk, the forked early decode, the real audience window
on Qt's offscreen screen, and the real session taking the window over.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPaintEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from photoessay_desktop.app.early_decode import EarlyDecode, start_early_decode
from photoessay_desktop.app.opening_frame import OpeningShow, show_opening_frame
from photoessay_desktop.app.present_launch import launch
from photoessay_desktop.document.slideshow_controller import Screen
from photoessay_desktop.storage.essay_file import load_essay, save_essay
from photoessay_desktop.storage.essay_peek import OpeningFrame, peek_opening_frame
from photoessay_desktop.ui.slideshow.audience_window import AudienceWindow
from photoessay_desktop.ui.slideshow.frame_painter import FrameContent, prepare_text
from tests.app.test_present_command import args, stuck_early_decode
from tests.ui.slideshow_support import make_essay, write_photo


def shown_windows() -> list[AudienceWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, AudienceWindow) and w.isVisible()
    ]


def run_show_over(
    shown: OpeningShow, early: EarlyDecode, essay_file: Path, tmp_path: Path, *, start: int
) -> int:
    """Run the real show on `shown`'s window until it ends; the early decode is closed after."""
    try:
        return launch(
            load_essay(essay_file),
            args(start=start),
            early,
            config_folder=tmp_path / "config",
            opening=shown,
        )
    finally:
        early.close()


def test_the_opening_frame_shows_the_photo_and_the_show_takes_over_with_held_keys(
    qtbot: QtBot, essay_file: Path, tmp_path: Path
) -> None:
    opening = peek_opening_frame(essay_file, 2)
    assert opening is not None and opening.image is not None
    early = start_early_decode(opening.image)
    assert early is not None
    shown = show_opening_frame(
        opening, early, screen_number=None, presenter=False, config_folder=tmp_path / "config"
    )
    assert shown is not None
    window = shown.window
    assert window.isVisible() and window.isFullScreen()
    content = window.scene.content
    assert window.scene.position == 2  # the title card is frame 0
    assert content.pixmap is not None and not content.pixmap.isNull()
    assert content.frame.slide is not None and content.frame.slide.caption == opening.caption
    assert shown.early_consumed and shown.photo is not None

    # The presenter presses Right before the show is ready: the key waits for it.
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.scene.position == 2
    seen: list[object] = []

    def drive() -> None:
        seen.append(shown_windows() == [window])  # the same window, no second one
        seen.append(window.scene.position)
        qtbot.keyClick(window, Qt.Key.Key_Escape)

    QTimer.singleShot(50, drive)
    assert run_show_over(shown, early, essay_file, tmp_path, start=2) == 0
    assert seen == [True, 3]
    assert not window.isVisible()


def test_the_first_photo_re_toned_during_the_show_is_shown_anew(
    qtbot: QtBot, essay_file: Path, tmp_path: Path
) -> None:
    # The first photo comes from the early decode, which the loader never saw: it must still be
    # watched like every photo the loader read itself.
    opening = peek_opening_frame(essay_file, 1)
    assert opening is not None and opening.image is not None
    screen = QApplication.primaryScreen()
    size = screen.geometry().size() * screen.devicePixelRatio()
    # Decoded for this very screen, the early photo is the show's own pixmap, not a stand-in
    # until the loader's: as on a 1920x1080 projector, the loader never reads this photo.
    early = start_early_decode(opening.image, (size.width(), size.height()))
    assert early is not None
    shown = show_opening_frame(
        opening, early, screen_number=None, presenter=False, config_folder=tmp_path / "config"
    )
    assert shown is not None and shown.photo is not None
    window = shown.window
    seen: list[str] = []

    def centre() -> str:
        shot = window.grab().toImage()
        return str(shot.pixelColor(shot.width() // 2, shot.height() // 2).name())

    def re_tone() -> None:
        seen.append(centre())  # the early photo, red
        write_photo(Path(opening.image or ""), "#2040e0")  # saved over in place, as editors do

    deadline = time.monotonic() + 20

    def look() -> None:
        if centre() != seen[-1] or time.monotonic() > deadline:
            seen.append(centre())
            qtbot.keyClick(window, Qt.Key.Key_Escape)
        else:
            QTimer.singleShot(100, look)

    QTimer.singleShot(50, re_tone)
    QTimer.singleShot(150, look)
    assert run_show_over(shown, early, essay_file, tmp_path, start=1) == 0
    first, last = QColor(seen[0]), QColor(seen[-1])
    assert first.red() > 150 and first.blue() < 80, seen
    assert last.blue() > 150 and last.red() < 80, seen


Paints = list[tuple[Screen, bool]]


@pytest.fixture
def recorded_paints(monkeypatch: pytest.MonkeyPatch) -> Paints:
    """(screen, photo shown) for every paint of any audience window during the test."""
    paints: Paints = []
    real = AudienceWindow.paintEvent

    def recording(self: AudienceWindow, event: QPaintEvent) -> None:
        real(self, event)
        paints.append((self.scene.screen, self.scene.content.pixmap is not None))

    monkeypatch.setattr(AudienceWindow, "paintEvent", recording)
    return paints


def show_with(qtbot: QtBot, opening: OpeningFrame, early: EarlyDecode, config: Path) -> OpeningShow:
    """The opening frame shown full screen with `early`'s photo due; the decode is closed after."""
    shown = show_opening_frame(
        opening, early, screen_number=None, presenter=False, config_folder=config
    )
    early.close()
    assert shown is not None
    qtbot.addWidget(shown.window)
    return shown


def test_the_screen_stays_black_until_the_photo_and_never_shows_the_frame_without_it(
    qtbot: QtBot, essay_file: Path, tmp_path: Path, recorded_paints: Paints
) -> None:
    opening = peek_opening_frame(essay_file, 1)
    assert opening is not None and opening.image is not None
    early = start_early_decode(opening.image)
    assert early is not None
    shown = show_with(qtbot, opening, early, tmp_path)
    assert shown.photo is not None
    assert recorded_paints[-1] == (Screen.SHOW, True)
    assert set(recorded_paints) <= {(Screen.BLACK, False), (Screen.SHOW, True)}


def test_a_photo_done_while_the_fonts_load_is_in_the_first_paint(
    qtbot: QtBot,
    essay_file: Path,
    tmp_path: Path,
    recorded_paints: Paints,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opening = peek_opening_frame(essay_file, 1)
    assert opening is not None and opening.image is not None
    early = start_early_decode(opening.image)
    assert early is not None
    # The real child's decode, finished; its "done" reaches the show only while the fonts load,
    # the moment traced under a real window manager (the window's expose paints queue behind).
    assert select.select([early.done_fd], [], [], 30)[0]
    status = os.read(early.done_fd, 1)
    os.close(early.done_fd)
    early.done_fd, writer = os.pipe()

    def prepare_while_the_photo_finishes(content: FrameContent, size: QSize) -> None:
        prepare_text(content, size)
        os.write(writer, status)

    monkeypatch.setattr(
        "photoessay_desktop.app.opening_frame.prepare_text", prepare_while_the_photo_finishes
    )
    try:
        shown = show_with(qtbot, opening, early, tmp_path)
    finally:
        os.close(writer)
    assert shown.photo is not None
    assert recorded_paints and set(recorded_paints) == {(Screen.SHOW, True)}  # no black first


def test_a_failed_early_decode_shows_the_frame_without_the_photo(
    qtbot: QtBot, tmp_path: Path, recorded_paints: Paints
) -> None:
    folder = tmp_path / "Фото"
    folder.mkdir()
    essay = make_essay(folder, 3, title="")
    Path(str(essay.slides[0].image)).write_bytes(b"\xff\xd8\xff\xe0 cut off")  # broken JPEG
    path = folder / "broken.essay.json"
    save_essay(essay, path)
    opening = peek_opening_frame(path, None)
    assert opening is not None and opening.image is not None
    early = start_early_decode(opening.image)
    assert early is not None
    shown = show_with(qtbot, opening, early, tmp_path)
    assert shown.early_consumed and shown.photo is None
    assert shown.window.scene.screen is Screen.SHOW
    assert recorded_paints[-1] == (Screen.SHOW, False)  # caption and credit, no photo


def test_a_photo_later_than_the_wait_leaves_the_frame_up_without_it(
    qtbot: QtBot, essay_file: Path, tmp_path: Path, recorded_paints: Paints
) -> None:
    opening = peek_opening_frame(essay_file, 1)
    assert opening is not None
    # A child whose open() waits for ever stands for a decode slower than the wait (a hung
    # network share); the peek itself only accepts regular files.
    shown = show_with(qtbot, opening, stuck_early_decode(tmp_path), tmp_path)
    assert not shown.early_consumed  # the session adopts the photo if it still comes
    assert shown.window.scene.screen is Screen.SHOW
    assert recorded_paints[-1] == (Screen.SHOW, False)


def test_closing_the_window_while_the_show_starts_ends_it(
    qtbot: QtBot, essay_file: Path, tmp_path: Path
) -> None:
    opening = peek_opening_frame(essay_file, None)
    assert opening is not None and opening.kind == "title"
    shown = show_opening_frame(
        opening, None, screen_number=None, presenter=False, config_folder=tmp_path
    )
    assert shown is not None and shown.window.scene.content.frame.slide is None
    shown.window.close()  # held: the session ends the show as soon as it exists
    assert shown.window.isVisible()
    code = launch(load_essay(essay_file), args(), None, config_folder=tmp_path, opening=shown)
    assert code == 0
    assert not shown.window.isVisible()


@pytest.mark.parametrize(
    ("screen", "presenter"),
    [(7, False), (None, True)],  # a screen not connected; a rehearsal on the one screen
)
def test_doubtful_screens_leave_the_start_to_the_session(
    essay_file: Path, tmp_path: Path, screen: int | None, presenter: bool
) -> None:
    opening = peek_opening_frame(essay_file, 1)
    assert opening is not None
    before = len(shown_windows())
    shown = show_opening_frame(
        opening, None, screen_number=screen, presenter=presenter, config_folder=tmp_path
    )
    assert shown is None
    assert len(shown_windows()) == before


def run_present(*arguments: str, code: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    program = code or "from photoessay_desktop.app.cli import main; raise SystemExit(main())"
    return subprocess.run(
        [sys.executable, "-c", program, *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


def test_a_file_that_fails_validation_after_the_first_frame_gets_the_loaders_message(
    tmp_path: Path,
) -> None:
    path = tmp_path / "twice.essay.json"
    slide = {"id": "same", "caption": "Бахмут"}
    data = {"format": "photoessay", "version": 1, "title": "T", "slides": [slide, slide]}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert peek_opening_frame(path, None) is not None  # the quick read is happy with it
    done = run_present("present", str(path))
    assert done.returncode == 2
    assert 'duplicate slide id "same"' in done.stderr
    assert "Traceback" not in done.stderr


def test_the_first_frame_needs_neither_pydantic_nor_pillow() -> None:
    code = (
        "import sys\n"
        "import photoessay_desktop.app.opening_frame, photoessay_desktop.app.early_decode\n"
        "import photoessay_desktop.storage.essay_peek, photoessay_desktop.settings.slideshow_peek\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'PIL'}))\n"
    )
    done = run_present(code=code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
