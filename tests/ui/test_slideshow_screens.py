"""Screen choice with a faked screen list: the user's pick, the remembered name, never "primary"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from photoessay_desktop.ui.slideshow.screen_choice import (
    ScreenChoiceError,
    ScreenInfo,
    choose_placement,
)
from tests.ui.slideshow_support import FakeScreens, make_essay, start_session

LAPTOP = ("eDP-1", 1920, 1200)
PROJECTOR = ("HDMI-1", 1920, 1080)
TV = ("DP-2", 3840, 2160)


def screens(*specs: tuple[str, int, int]) -> list[ScreenInfo]:
    return FakeScreens(*specs).screens()


def test_one_screen_shows_the_audience_there_without_presenter() -> None:
    placement = choose_placement(screens(LAPTOP))
    assert placement.audience.name == "eDP-1" and placement.presenter is None


def test_one_screen_with_presenter_view_is_a_rehearsal_in_windows() -> None:
    placement = choose_placement(screens(LAPTOP), presenter=True)
    assert placement.windowed and placement.presenter is not None


def test_two_screens_put_the_audience_away_from_the_editor() -> None:
    listed = screens(PROJECTOR, LAPTOP)  # the projector listed first, as some systems do
    placement = choose_placement(listed, editor_screen="eDP-1")
    assert placement.audience.name == "HDMI-1"
    assert placement.presenter is not None and placement.presenter.name == "eDP-1"


def test_from_the_command_line_the_last_screen_is_the_audience() -> None:
    placement = choose_placement(screens(LAPTOP, PROJECTOR), presenter=False)
    assert placement.audience.name == "HDMI-1" and placement.presenter is None


def test_a_remembered_screen_wins_when_connected_and_is_ignored_when_not() -> None:
    placement = choose_placement(screens(LAPTOP, PROJECTOR, TV), remembered="HDMI-1")
    assert placement.audience.name == "HDMI-1"
    placement = choose_placement(screens(LAPTOP, TV), remembered="HDMI-1", editor_screen="eDP-1")
    assert placement.audience.name == "DP-2"


def test_a_screen_number_wins_and_a_wrong_one_lists_the_screens() -> None:
    placement = choose_placement(screens(LAPTOP, PROJECTOR), number=1, remembered="HDMI-1")
    assert placement.audience.name == "eDP-1"
    with pytest.raises(ScreenChoiceError, match=r"no screen 3.*1: eDP-1 \(1920x1200\), 2: HDMI-1"):
        choose_placement(screens(LAPTOP, PROJECTOR), number=3)
    with pytest.raises(ScreenChoiceError, match="no screen is connected"):
        choose_placement([])


def test_swapping_exchanges_the_screens() -> None:
    placement = choose_placement(screens(LAPTOP, PROJECTOR), editor_screen="eDP-1").swapped()
    assert placement.audience.name == "eDP-1"
    assert placement.presenter is not None and placement.presenter.name == "HDMI-1"


def test_names_with_unicode_and_identical_sizes_are_kept_apart() -> None:
    listed = [
        ScreenInfo("Проектор", QRect(0, 0, 1920, 1080)),
        ScreenInfo("Écran", QRect(1920, 0, 1920, 1080)),
    ]
    placement = choose_placement(listed, remembered="Проектор")
    assert placement.audience.name == "Проектор" and placement.presenter is not None
    assert placement.presenter.name == "Écran"


def test_the_show_opens_on_the_chosen_screen_and_s_swaps_and_is_remembered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    fake = FakeScreens(LAPTOP, PROJECTOR)
    session = start_session(qtbot, make_essay(tmp_path, 3), screens=fake, editor_screen="eDP-1")
    assert session.placement.audience.name == "HDMI-1"
    assert session.presenter is not None
    assert session.presenter.screens.count() == 2
    assert session.presenter.screens.currentIndex() == 1
    with qtbot.waitSignal(session.audience_screen_chosen) as chosen:
        qtbot.keyClick(session.audience, Qt.Key.Key_S)
    assert chosen.args == ["eDP-1"]
    assert session.placement.audience.name == "eDP-1"
    assert session.photo_box().width() == 1920 and session.photo_box().height() == 1200
    qtbot.waitUntil(
        lambda: session.presenter is not None and session.presenter.screens.currentIndex() == 0
    )


def test_the_presenter_menu_moves_the_audience(qtbot: QtBot, tmp_path: Path) -> None:
    fake = FakeScreens(LAPTOP, PROJECTOR, TV)
    session = start_session(qtbot, make_essay(tmp_path, 3), screens=fake, screen_number=2)
    assert session.placement.audience.name == "HDMI-1"
    assert session.presenter is not None
    with qtbot.waitSignal(session.audience_screen_chosen) as chosen:
        session.presenter.screens.activated.emit(2)
    assert chosen.args == ["DP-2"]
    assert session.photo_box().width() == 3840


def test_a_screen_that_is_not_connected_is_refused_before_any_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with pytest.raises(ScreenChoiceError, match="no screen 5"):
        start_session(qtbot, make_essay(tmp_path, 2), screen_number=5)
