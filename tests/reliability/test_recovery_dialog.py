"""The recovery dialog, driven by keys and clicks: its list, Compare, Restore, Discard, Later."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from photoessay_desktop.document.file_safety import RecoveryOffer
from photoessay_desktop.ui.recovery_dialog import RecoveryDialog

SAVED = RecoveryOffer(
    "a",
    Path("/essays/Бахмут/bakhmut.essay.json"),
    datetime(2026, 11, 24, 16, 52, tzinfo=UTC),
    "<b>Bakhmut</b> (bakhmut.essay.json), 42 slides",
)
UNTITLED = RecoveryOffer("b", None, None, "Untitled, 3 slides")
DAMAGED = RecoveryOffer("c", None, None, "Damaged autosave", problem="x: it is damaged")


def make(qtbot: QtBot, *offers: RecoveryOffer) -> tuple[RecoveryDialog, list[str]]:
    compared: list[str] = []

    def compare(offer: RecoveryOffer) -> list[str]:
        compared.append(offer.key)
        return ["Title changed", "2 slides added"]

    dialog = RecoveryDialog(offers, compare)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, compared


def test_lists_each_autosave_as_plain_text(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot, SAVED, UNTITLED, DAMAGED)
    texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert texts[0].startswith("<b>Bakhmut</b> (bakhmut.essay.json), 42 slides — autosaved ")
    assert texts[0].endswith("/essays/Бахмут/bakhmut.essay.json")
    assert texts[1] == "Untitled, 3 slides\nNever saved"
    assert texts[2] == "Damaged autosave\nx: it is damaged"
    assert dialog.restore_button.isDefault()


def test_compare_shows_the_differences_and_restore_chooses(qtbot: QtBot) -> None:
    dialog, compared = make(qtbot, SAVED, UNTITLED)
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert compared == ["a"]
    assert dialog.differences.toPlainText() == "Title changed\n2 slides added"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == RecoveryDialog.DialogCode.Accepted
    assert dialog.chosen == SAVED and dialog.restore_chosen


def test_choose_the_second_entry_by_keyboard_and_discard_it(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot, SAVED, UNTITLED)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert dialog.differences.toPlainText() == ""
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen == UNTITLED and not dialog.restore_chosen


def test_a_damaged_autosave_can_only_be_discarded(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot, DAMAGED)
    assert not dialog.restore_button.isEnabled()
    assert not dialog.compare_button.isEnabled()
    assert dialog.discard_button.isEnabled()


def test_decide_later_chooses_nothing(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot, SAVED)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == RecoveryDialog.DialogCode.Rejected
    assert dialog.chosen is None
