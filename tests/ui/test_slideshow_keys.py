"""The slideshow's key map, driven with real key presses on the real audience window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from photoessay_desktop.document.slideshow_controller import Screen
from photoessay_desktop.document.slideshow_plan import FrameKind
from photoessay_desktop.ui.slideshow.slideshow_session import SlideshowSession
from tests.ui.slideshow_support import FakeClock, make_essay, start_session

Key = Qt.Key


@pytest.fixture
def show(qtbot: QtBot, tmp_path: Path) -> SlideshowSession:
    return start_session(qtbot, make_essay(tmp_path, 6))


def press(qtbot: QtBot, session: SlideshowSession, *keys: Key) -> None:
    for key in keys:
        qtbot.keyClick(session.audience, key)


@pytest.mark.parametrize(
    "key",
    [
        Key.Key_Right,
        Key.Key_Down,
        Key.Key_PageDown,
        Key.Key_Space,
        Key.Key_N,
        Key.Key_Return,
        Key.Key_Enter,
    ],
)
def test_every_next_key_advances_one_slide(qtbot: QtBot, show: SlideshowSession, key: Key) -> None:
    assert show.audience.scene.content.frame.kind is FrameKind.TITLE
    press(qtbot, show, key)
    assert show.audience.scene.content.frame.slide_number == 1
    press(qtbot, show, key)
    assert show.audience.scene.content.frame.slide_number == 2


@pytest.mark.parametrize(
    "key", [Key.Key_Left, Key.Key_Up, Key.Key_PageUp, Key.Key_Backspace, Key.Key_P]
)
def test_every_previous_key_goes_back_one_slide(
    qtbot: QtBot, show: SlideshowSession, key: Key
) -> None:
    press(qtbot, show, Key.Key_Right, Key.Key_Right, Key.Key_Right)
    press(qtbot, show, key)
    assert show.audience.scene.content.frame.slide_number == 2


def test_home_and_end(qtbot: QtBot, show: SlideshowSession) -> None:
    press(qtbot, show, Key.Key_End)
    assert show.audience.scene.content.frame.slide_number == 6
    press(qtbot, show, Key.Key_Right)  # no loop: the last slide stays up
    assert show.audience.scene.content.frame.slide_number == 6
    press(qtbot, show, Key.Key_Home)
    assert show.audience.scene.content.frame.kind is FrameKind.TITLE


def test_digits_then_enter_and_digits_then_g_jump(qtbot: QtBot, show: SlideshowSession) -> None:
    press(qtbot, show, Key.Key_5)
    assert show.audience.scene.jump_text == "Go to slide 5_"
    press(qtbot, show, Key.Key_Return)
    assert show.audience.scene.content.frame.slide_number == 5
    assert show.audience.scene.jump_text == ""
    qtbot.keyClick(show.audience, Key.Key_2, Qt.KeyboardModifier.KeypadModifier)
    press(qtbot, show, Key.Key_G)
    assert show.audience.scene.content.frame.slide_number == 2
    press(qtbot, show, Key.Key_0, Key.Key_Enter)
    assert show.audience.scene.content.frame.kind is FrameKind.TITLE


def test_g_then_digits_and_a_wrong_number_is_explained(
    qtbot: QtBot, show: SlideshowSession
) -> None:
    press(qtbot, show, Key.Key_G)
    assert show.audience.scene.jump_text == "Go to slide _"
    press(qtbot, show, Key.Key_4, Key.Key_2, Key.Key_Return)
    assert show.audience.scene.content.frame.kind is FrameKind.TITLE
    assert "no slide 42" in show.audience.scene.message
    press(qtbot, show, Key.Key_Right)
    assert show.audience.scene.message == ""


@pytest.mark.parametrize(
    ("key", "screen"),
    [(Key.Key_B, Screen.BLACK), (Key.Key_Period, Screen.BLACK), (Key.Key_W, Screen.WHITE)],
)
@pytest.mark.parametrize("back", [Key.Key_Right, Key.Key_X, Key.Key_B, Key.Key_Escape, Key.Key_3])
def test_blank_screens_and_any_key_returns_to_the_same_slide(
    qtbot: QtBot, show: SlideshowSession, key: Key, screen: Screen, back: Key
) -> None:
    press(qtbot, show, Key.Key_Right, key)
    assert show.audience.scene.screen is screen
    colour = show.audience.grab().toImage().pixelColor(10, 10)
    assert colour.lightness() == (0 if screen is Screen.BLACK else 255)
    press(qtbot, show, back)
    assert show.audience.scene.screen is Screen.SHOW
    assert show.audience.scene.content.frame.slide_number == 1
    assert show.running


def test_overview_picks_with_keys(qtbot: QtBot, show: SlideshowSession) -> None:
    press(qtbot, show, Key.Key_O)
    overview = show.audience.scene.overview
    assert overview is not None and len(overview.tiles) == 7 and overview.cursor == 0
    press(qtbot, show, Key.Key_Right, Key.Key_Right, Key.Key_Down)
    overview = show.audience.scene.overview
    assert overview is not None
    assert overview.cursor == 2 + show.controller.overview_columns
    assert show.audience.scene.position == 0  # browsing does not change the slide
    press(qtbot, show, Key.Key_Return)
    assert show.audience.scene.overview is None
    assert show.audience.scene.position == 2 + show.controller.overview_columns


def test_overview_closes_with_o_and_escape_without_leaving(
    qtbot: QtBot, show: SlideshowSession
) -> None:
    press(qtbot, show, Key.Key_O, Key.Key_Right, Key.Key_O)
    assert show.audience.scene.overview is None and show.audience.scene.position == 0
    press(qtbot, show, Key.Key_O, Key.Key_Escape)
    assert show.audience.scene.overview is None and show.running


def test_timer_shows_and_resets(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock()
    session = start_session(qtbot, make_essay(tmp_path, 3), clock=clock)
    assert session.audience.scene.timer_text == ""
    clock.now += 75
    qtbot.keyClick(session.audience, Key.Key_T)
    assert session.audience.scene.timer_text == "1:15"
    qtbot.keyClick(session.audience, Key.Key_R)
    assert session.audience.scene.timer_text == "0:00"
    qtbot.keyClick(session.audience, Key.Key_T)
    assert session.audience.scene.timer_text == ""


@pytest.mark.parametrize("key", [Key.Key_Question, Key.Key_F1])
def test_help_map_toggles(qtbot: QtBot, show: SlideshowSession, key: Key) -> None:
    press(qtbot, show, key)
    assert show.audience.scene.help_visible
    press(qtbot, show, key)
    assert not show.audience.scene.help_visible
    press(qtbot, show, key, Key.Key_Escape)
    assert not show.audience.scene.help_visible and show.running


def test_c_hides_captions_but_never_the_credit(qtbot: QtBot, show: SlideshowSession) -> None:
    press(qtbot, show, Key.Key_Right, Key.Key_C)
    assert not show.audience.scene.content.captions_visible
    press(qtbot, show, Key.Key_C)
    assert show.audience.scene.content.captions_visible


def test_escape_leaves_and_reports_the_slide_showing(qtbot: QtBot, show: SlideshowSession) -> None:
    press(qtbot, show, Key.Key_Right, Key.Key_Right, Key.Key_Right)
    with qtbot.waitSignal(show.finished) as finished:
        press(qtbot, show, Key.Key_Escape)
    assert finished.args == [2]
    assert not show.running
    assert not show.audience.isVisible()


def test_leaving_from_the_title_card_reports_the_first_slide(
    qtbot: QtBot, show: SlideshowSession
) -> None:
    with qtbot.waitSignal(show.finished) as finished:
        press(qtbot, show, Key.Key_Escape)
    assert finished.args == [0]


def test_closing_the_window_ends_the_show_like_escape(qtbot: QtBot, show: SlideshowSession) -> None:
    with qtbot.waitSignal(show.finished):
        show.audience.close()
    assert not show.audience.isVisible()


def test_desktop_chords_are_not_slide_keys(qtbot: QtBot, show: SlideshowSession) -> None:
    qtbot.keyClick(show.audience, Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(show.audience, Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert show.audience.scene.position == 0
    assert show.audience.scene.screen is Screen.SHOW


def test_an_empty_essay_shows_its_title_card_and_every_key_is_safe(
    qtbot: QtBot, tmp_path: Path
) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 0, title=""))
    for key in (
        Key.Key_Right,
        Key.Key_End,
        Key.Key_O,
        Key.Key_Return,
        Key.Key_5,
        Key.Key_Return,
        Key.Key_Left,
    ):
        qtbot.keyClick(session.audience, key)
    assert session.audience.scene.content.frame.kind is FrameKind.TITLE
    with qtbot.waitSignal(session.finished) as finished:
        qtbot.keyClick(session.audience, Key.Key_Escape)
        qtbot.keyClick(session.audience, Key.Key_Escape)
    assert finished.args == [-1]
