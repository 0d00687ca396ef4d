"""Presenting from the editor: F5 from the start, Shift+F5 from the selected slide, Esc comes back
to the editor on the slide that was showing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from photoessay_desktop.document.slideshow_plan import FrameKind
from photoessay_desktop.ui.main_window import MainWindow
from photoessay_desktop.ui.slideshow.slideshow_session import SlideshowSession
from tests.ui.conftest import MakeEditor

Key = Qt.Key


def open_lakes(make_editor: MakeEditor, lakes: Path) -> MainWindow:
    editor = make_editor(images=True)
    editor.dialogs.essays.append(lakes)
    editor.window.actions_.open.trigger()
    assert editor.window.document.essay.slides
    return editor.window


def running(window: MainWindow) -> SlideshowSession:
    session = window.slideshow.session
    assert session is not None and session.running
    return session


def test_shift_f5_presents_from_the_selected_slide_and_esc_returns_on_the_one_showing(
    qtbot: QtBot, make_editor: MakeEditor, lakes: Path
) -> None:
    window = open_lakes(make_editor, lakes)
    window.slide_list.select_rows([3])
    qtbot.keyClick(window, Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    session = running(window)
    qtbot.addWidget(session.audience)
    assert session.audience.scene.content.frame.slide_number == 4
    qtbot.keyClick(session.audience, Key.Key_Right)
    qtbot.keyClick(session.audience, Key.Key_Right)
    with qtbot.waitSignal(window.slideshow.show_ended) as ended:
        qtbot.keyClick(session.audience, Key.Key_Escape)
    assert ended.args == [5]
    assert window.slide_list.current_row() == 5
    assert not session.audience.isVisible()
    assert window.document.undo_stack.isClean()  # presenting changes nothing


def test_f5_starts_on_the_title_card_and_leaving_it_selects_slide_one(
    qtbot: QtBot, make_editor: MakeEditor, lakes: Path
) -> None:
    window = open_lakes(make_editor, lakes)
    window.slide_list.select_rows([6])
    qtbot.keyClick(window, Key.Key_F5)
    session = running(window)
    qtbot.addWidget(session.audience)
    assert session.audience.scene.content.frame.kind is FrameKind.TITLE
    qtbot.keyClick(session.audience, Key.Key_End)
    qtbot.keyClick(session.audience, Key.Key_Escape)
    last = len(window.document.essay.slides) - 1
    qtbot.waitUntil(lambda: window.slide_list.current_row() == last)


def test_the_screen_menu_lists_screens_and_remembers_the_choice(
    qtbot: QtBot, make_editor: MakeEditor, lakes: Path
) -> None:
    window = open_lakes(make_editor, lakes)
    menu = window.slideshow.screen_menu
    menu.aboutToShow.emit()
    actions = menu.actions()
    assert actions[0].isChecked() and "Automatic" in actions[0].text()
    assert len(actions) >= 2
    actions[1].trigger()
    chosen = window.slideshow._preferences.load().slideshow_screen
    assert chosen and chosen in actions[1].text()
    menu.aboutToShow.emit()
    assert menu.actions()[1].isChecked()
