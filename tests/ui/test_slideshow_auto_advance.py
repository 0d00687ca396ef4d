"""Auto-advance with the essay's interval, per-slide durations, --auto, loop and pause (A)."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.slideshow_support import make_essay, start_session

Key = Qt.Key


def test_the_essay_interval_advances_to_the_end_and_stops(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 3, auto=0.05))
    qtbot.waitUntil(lambda: session.controller.at_end, timeout=5000)
    assert session.audience.scene.content.frame.slide_number == 3
    assert session.controller.deadline is None  # stays on the last slide


def test_loop_goes_round_again(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 2, auto=0.05), loop=True)
    shown: list[int] = []
    session.audience.frame_painted.connect(lambda: shown.append(session.audience.scene.position))
    # Every frame the audience was shown: on to the last one, then round to the title card.
    qtbot.waitUntil(lambda: 2 in shown and 0 in shown[shown.index(2) :], timeout=5000)
    assert 1 in shown[: shown.index(2)]


def test_a_per_slide_duration_overrides_the_interval(qtbot: QtBot, tmp_path: Path) -> None:
    essay = make_essay(tmp_path, 3, title="", auto=3600.0, durations={0: 0.05})
    session = start_session(qtbot, essay)
    qtbot.waitUntil(lambda: session.controller.position == 1, timeout=5000)
    assert session.controller.deadline is not None  # slide 2 waits its hour


def test_auto_option_overrides_the_essay_and_a_slide_without_time_waits(
    qtbot: QtBot, tmp_path: Path
) -> None:
    essay = make_essay(tmp_path, 3, auto=3600.0, durations={1: 3600.0})
    session = start_session(qtbot, essay, auto_seconds=0.05)
    # The title card and slide 1 take the --auto interval; slide 2 keeps its own hour.
    qtbot.waitUntil(lambda: session.controller.position == 2, timeout=5000)
    deadline = session.controller.deadline
    assert deadline is not None and deadline - time.monotonic() > 3000


def test_pause_holds_the_slide_and_resume_continues(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 4, auto=0.3))
    qtbot.keyClick(session.audience, Key.Key_A)
    assert session.audience.scene.paused
    qtbot.wait(700)  # more than two intervals: a paused show must still be on the title card
    assert session.controller.position == 0
    qtbot.keyClick(session.audience, Key.Key_A)
    assert not session.audience.scene.paused
    qtbot.waitUntil(lambda: session.controller.position >= 1, timeout=5000)


def test_no_durations_means_no_pause_marker(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 2))
    qtbot.keyClick(session.audience, Key.Key_A)
    assert not session.audience.scene.paused
    assert session.controller.deadline is None
