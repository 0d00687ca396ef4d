"""Find and replace (Ctrl+F, Ctrl+H) and the preflight dock, driven through the real window."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from photoessay_desktop.app.editor_files import preflight_check
from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.image_facts import ImageFacts
from tests.ui.conftest import MakeEditor, type_text


def test_ctrl_f_steps_through_matches_across_slides(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    window.slide_list.setFocus()
    qtbot.keyClick(window.slide_list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible()
    assert bar.find_edit.hasFocus()
    qtbot.keyClicks(bar.find_edit, "lake")
    matches = bar.matches()
    assert len(matches) >= 3
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    first = matches[0]
    if first.row is not None:
        assert window.slide_list.current_row() == first.row
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    second = matches[1]
    assert bar.count_label.text() == f"2 of {len(matches)}"
    widget = window.edit_panel.field_widget(second.field)
    assert widget is not None
    selected = (
        widget.selectedText()
        if hasattr(widget, "selectedText")
        else widget.textCursor().selectedText()
    )
    assert selected.lower() == "lake"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_replace_all_is_one_undo_step(make_editor: MakeEditor, lakes: Path, qtbot: QtBot) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    before = window.document.essay
    window.actions_.replace.trigger()
    bar = window.find_bar
    type_text(bar.find_edit, "lake")
    type_text(bar.replace_edit, "озеро")
    count = len(bar.matches())
    bar.replace_all_button.click()
    assert bar.matches() == []
    assert bar.count_label.text() == f"Replaced {count}"
    assert window.undo_action.text() == f"&Undo Replace {count} Matches"
    assert "озеро" in window.edit_panel.caption.toPlainText() + window.viewer.caption.text() or any(
        "озеро" in s.caption for s in window.document.essay.slides
    )
    window.undo_action.trigger()
    assert window.document.essay == before


def test_replace_one_match_then_the_next(make_editor: MakeEditor, lakes: Path) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    bar = window.find_bar
    bar.open_find(replace=True)
    type_text(bar.find_edit, "Northern")
    type_text(bar.replace_edit, "Southern")
    bar.find_next()
    bar.replace_current()
    assert window.document.essay.title.startswith("Southern Lakes")
    assert window.edit_panel.title.text().startswith("Southern Lakes")


def test_hostile_and_empty_searches(make_editor: MakeEditor, lakes: Path) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    bar = window.find_bar
    bar.open_find()
    for needle in ("", "(", ".*", "\\", "ä" * 5000):
        bar.find_edit.setText(needle)
        bar.find_next()
        bar.replace_all()
    assert window.document.undo_stack.count() == 0


def _missing_credit(essay: Essay, facts: Mapping[str, ImageFacts]) -> tuple[object, ...]:
    return preflight_check(essay, facts)


def test_preflight_refreshes_as_you_type_and_activation_focuses_the_field(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    editor = make_editor(check=_missing_credit)
    window = editor.window
    window.files.start(lakes)
    dock = window.preflight_dock
    start = dock.list.count()
    window.slide_list.select_rows([2])
    credit = window.edit_panel.credit
    credit.setFocus()
    credit.selectAll()
    qtbot.keyClick(credit, Qt.Key.Key_Backspace)
    assert window.document.essay.slides[2].credit == ""
    qtbot.waitUntil(
        lambda: any("Slide 3" in dock.list.item(i).text() for i in range(dock.list.count()))
    )
    assert dock.list.count() >= start
    assert int(window.model.data(window.model.index(2), 0x0100 + 4) or 0) >= 1  # the list badge
    window.slide_list.select_rows([0])
    item = next(
        dock.list.item(i) for i in range(dock.list.count()) if "Slide 3" in dock.list.item(i).text()
    )
    dock.list.setCurrentItem(item)
    dock.list.setFocus()
    qtbot.keyClick(dock.list, Qt.Key.Key_Return)
    assert window.slide_list.current_row() == 2
    assert window.edit_panel.credit.hasFocus()


def test_a_finding_on_a_body_paragraph_selects_that_paragraph(
    make_editor: MakeEditor, lakes: Path
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    window.edit_panel.focus_field("body[1]")
    body = window.edit_panel.body
    assert body.hasFocus()
    assert body.textCursor().selectedText() == window.document.essay.body[1]
    window.edit_panel.focus_field("body[99]")  # out of range: focus only, no crash
    assert body.hasFocus()
