"""Editing slides through the real window: reorder by drag and drop and by keyboard, add, delete,
duplicate, undo/redo of each, and what the user sees while doing it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from photoessay_desktop.ui.main_window import MainWindow
from tests.ui.conftest import LAKES, Editor, MakeEditor, drop_on, type_text


@pytest.fixture
def editor(make_editor: MakeEditor, lakes: Path) -> Editor:
    made = make_editor()
    made.window.files.start(lakes)
    return made


def _ids(window: MainWindow) -> list[str]:
    return [slide.id for slide in window.document.essay.slides]


def _row_point(window: MainWindow, row: int, where: str = "top") -> QPoint:
    rect = window.slide_list.visualRect(window.model.index(row))
    return rect.topLeft() + QPoint(20, 2) if where == "top" else rect.center()


def _press(window: MainWindow, qtbot: QtBot, key: Qt.Key, mods: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(window.slide_list, key, mods)


def test_drag_and_drop_moves_several_slides_in_one_step(editor: Editor, qtbot: QtBot) -> None:
    window = editor.window
    before = _ids(window)
    window.slide_list.select_rows([0, 2])
    data = window.model.mimeData(window.slide_list.selectionModel().selectedRows())
    viewport = window.slide_list.viewport()
    # Drop on the upper edge of row 5: the two slides land just before slide 6.
    drop_on(viewport, _row_point(window, 5), data, Qt.DropAction.MoveAction)
    expected = [before[1], before[3], before[4], before[0], before[2], *before[5:]]
    assert _ids(window) == expected
    assert window.model.rowCount() == len(before)  # nothing was deleted by the view
    assert window.undo_action.text() == "&Undo Move 2 Slides"
    window.undo_action.trigger()
    assert _ids(window) == before


def test_keyboard_moves_the_selection(editor: Editor, qtbot: QtBot) -> None:
    window = editor.window
    before = _ids(window)
    window.slide_list.setFocus()
    window.slide_list.select_rows([1, 2])
    _press(
        window,
        qtbot,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _ids(window)[2:4] == before[1:3]
    assert window.slide_list.selected_rows() == [2, 3]
    _press(
        window,
        qtbot,
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    _press(
        window,
        qtbot,
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _ids(window)[0:2] == before[1:3]
    assert not window.actions_.move_up.isEnabled()  # already at the top
    editor.prompts.position = 11 - 1  # "Move to position…" the last place
    window.actions_.move_to.trigger()
    assert _ids(window)[-2:] == before[1:3]
    assert window.slide_list.selected_rows() == [9, 10]


def test_delete_key_duplicate_and_text_slide_are_undoable(editor: Editor, qtbot: QtBot) -> None:
    window = editor.window
    before = window.document.essay
    window.slide_list.setFocus()
    window.slide_list.select_rows([3])
    qtbot.keyClick(window.slide_list, Qt.Key.Key_Delete)
    assert len(window.document.essay.slides) == len(before.slides) - 1
    assert window.undo_action.text() == "&Undo Delete Slide"
    window.actions_.duplicate.trigger()
    assert window.document.essay.slides[4].caption == window.document.essay.slides[3].caption
    window.actions_.add_text_slide.trigger()
    new_row = window.slide_list.current_row()
    assert window.document.essay.slides[new_row].image is None
    assert window.viewer.card.isVisible()  # a text card, not an empty hole
    type_text(window.edit_panel.caption, "Далее — город")
    assert window.viewer.card_text.text() == "Далее — город"
    for _ in range(4):
        window.undo_action.trigger()
    assert window.document.essay == before
    assert not window.isWindowModified()
    for _ in range(4):
        window.redo_action.trigger()
    assert window.document.essay.slides[new_row].caption == "Далее — город"


def test_delete_in_a_text_field_edits_text_not_slides(editor: Editor, qtbot: QtBot) -> None:
    window = editor.window
    count = len(window.document.essay.slides)
    credit = window.edit_panel.credit
    credit.setFocus()
    credit.setCursorPosition(0)
    qtbot.keyClick(credit, Qt.Key.Key_Delete)
    assert len(window.document.essay.slides) == count
    assert window.document.essay.slides[0].credit == "isto Saukonpää / KDE Plasma wallpapers"


def test_undo_redo_shortcuts_and_names(editor: Editor, qtbot: QtBot) -> None:
    window = editor.window
    undo_keys = [k.toString() for k in window.undo_action.shortcuts()]
    redo_keys = [k.toString() for k in window.redo_action.shortcuts()]
    assert "Ctrl+Z" in undo_keys
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(redo_keys)
    assert window.actions_.open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    window.slide_list.select_rows([0])
    window.actions_.move_down.trigger()
    assert window.undo_action.text() == "&Undo Move Slide"
    window.slide_list.setFocus()
    qtbot.keyClick(window.slide_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.redo_action.text() == "&Redo Move Slide"
    qtbot.keyClick(window.slide_list, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.undo_action.text() == "&Undo Move Slide"


def test_essay_fields_edit_and_undo(editor: Editor, qtbot: QtBot) -> None:
    window = editor.window
    panel = window.edit_panel
    panel.setCurrentWidget(panel.essay_page)
    panel.body.setFocus()
    panel.body.moveCursor(panel.body.textCursor().MoveOperation.End)
    type_text(panel.body, "\n\nНовый абзац.")
    assert window.document.essay.body[-1] == "Новый абзац."
    panel.language.setFocus()
    panel.language.selectAll()
    type_text(panel.language, "4 2")
    assert window.document.essay.language == "en"  # refused, and nothing lost
    assert panel.language.text() == "4 2"
    assert "language tag" in panel.language.accessibleDescription()
    panel.language.selectAll()
    type_text(panel.language, "uk")
    assert window.document.essay.language == "uk"
    window.undo_action.trigger()
    assert panel.language.text() == "en"
    window.undo_action.trigger()
    assert len(window.document.essay.body) == 2


def test_essay_text_is_shown_as_plain_text(editor: Editor, qtbot: QtBot) -> None:
    window = editor.window
    window.edit_panel.caption.setFocus()
    window.edit_panel.caption.selectAll()
    type_text(window.edit_panel.caption, "<b>Not bold</b> & <img src=x>")
    assert window.viewer.caption.text() == "<b>Not bold</b> & <img src=x>"
    assert window.viewer.caption.textFormat() == Qt.TextFormat.PlainText
    assert window.model.data(window.model.index(0)) == "<b>Not bold</b> & <img src=x>"


def test_every_widget_a_user_reaches_has_a_name(editor: Editor) -> None:
    window = editor.window
    for widget in (
        window.slide_list,
        window.viewer,
        window.viewer.photo,
        window.edit_panel.caption,
        window.edit_panel.credit,
        window.edit_panel.alt_text,
        window.edit_panel.notes,
        window.edit_panel.title,
        window.edit_panel.body,
        window.find_bar.find_edit,
        window.preflight_dock.list,
    ):
        assert widget.accessibleName(), widget.objectName()


def test_layout_fits_a_small_window(make_editor: MakeEditor, qtbot: QtBot) -> None:
    editor = make_editor()
    editor.window.files.start(LAKES / "lakes.essay.json")
    editor.window.resize(780, 560)
    qtbot.wait(10)
    for pane in (editor.window.slide_list, editor.window.viewer, editor.window.edit_panel):
        assert pane.width() > 100 and pane.height() > 100


def test_ctrl_z_in_a_text_field_undoes_through_the_document(editor: Editor, qtbot: QtBot) -> None:
    window = editor.window
    window.slide_list.select_rows([0])
    window.actions_.move_down.trigger()  # an earlier step, not typing
    caption = window.edit_panel.caption
    caption.setFocus()
    original = caption.toPlainText()
    type_text(caption, " Ещё")
    assert window.document.undo_stack.count() == 2
    qtbot.keyClick(caption, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert caption.toPlainText() == original  # the whole burst of typing, as one step
    assert window.document.undo_stack.index() == 1
    qtbot.keyClick(caption, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.undo_stack.index() == 0  # then the move, from the same field
    qtbot.keyClick(caption, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        window.edit_panel.credit,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.document.undo_stack.index() == 2


def test_f6_moves_between_the_panes(editor: Editor, qtbot: QtBot) -> None:
    window = editor.window
    window.slide_list.setFocus()
    qtbot.keyClick(window.slide_list, Qt.Key.Key_F6)
    assert window.viewer.photo.hasFocus()
    qtbot.keyClick(window.viewer.photo, Qt.Key.Key_F6)
    assert window.edit_panel.caption.hasFocus()
    qtbot.keyClick(window.edit_panel.caption, Qt.Key.Key_F6)
    assert window.preflight_dock.list.hasFocus()
    qtbot.keyClick(window.preflight_dock.list, Qt.Key.Key_F6)
    assert window.slide_list.hasFocus()
    qtbot.keyClick(window.slide_list, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.preflight_dock.list.hasFocus()


def test_undo_selects_the_slides_it_changed(editor: Editor, qtbot: QtBot) -> None:
    window = editor.window
    window.slide_list.select_rows([7])
    type_text(window.edit_panel.caption, "!")
    window.slide_list.select_rows([1, 2])
    window.actions_.move_down.trigger()
    window.slide_list.select_rows([0])
    window.undo_action.trigger()
    assert window.slide_list.selected_rows() == [1, 2]  # the moved slides, back in place
    window.slide_list.select_rows([0])
    window.undo_action.trigger()
    assert window.slide_list.current_row() == 7  # the slide whose caption lost the "!"
    assert not window.edit_panel.caption.toPlainText().endswith("!")
    window.redo_action.trigger()
    assert window.edit_panel.caption.toPlainText().endswith("!")
