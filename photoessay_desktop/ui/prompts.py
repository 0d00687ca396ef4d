"""The questions and messages the editor puts to the user, behind one interface tests replace.

QtPrompts shows real message boxes; essay text inside a message is always shown as plain text.
"""

from __future__ import annotations

import enum
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget


class SaveChoice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Prompts(Protocol):
    """Questions with a few fixed answers, and messages."""

    def ask_save_changes(self, parent: QWidget, name: str) -> SaveChoice: ...

    def show_error(self, parent: QWidget, title: str, message: str) -> None: ...

    def show_info(self, parent: QWidget, title: str, message: str) -> None: ...

    def ask_relink_others(self, parent: QWidget, count: int, folder: str) -> bool: ...

    def ask_position(self, parent: QWidget, current: int, last: int) -> int | None: ...


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


class QtPrompts:
    """Real message boxes."""

    def ask_save_changes(self, parent: QWidget, name: str) -> SaveChoice:
        box = _box(
            parent, QMessageBox.Icon.Warning, "Unsaved Changes", f'Save changes to "{name}"?'
        )
        box.setInformativeText("Your changes will be lost if you don't save them.")
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        answer = box.exec()
        if answer == buttons.Save:
            return SaveChoice.SAVE
        if answer == buttons.Discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL

    def show_error(self, parent: QWidget, title: str, message: str) -> None:
        box = _box(parent, QMessageBox.Icon.Critical, title, message)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def show_info(self, parent: QWidget, title: str, message: str) -> None:
        box = _box(parent, QMessageBox.Icon.Information, title, message)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def ask_relink_others(self, parent: QWidget, count: int, folder: str) -> bool:
        photos = "photo was" if count == 1 else "photos were"
        box = _box(
            parent,
            QMessageBox.Icon.Question,
            "Relink Other Photos",
            f"{count} other missing {photos} found in {folder}. Relink them too?",
        )
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Yes | buttons.No)
        box.setDefaultButton(buttons.Yes)
        return bool(box.exec() == buttons.Yes)

    def ask_position(self, parent: QWidget, current: int, last: int) -> int | None:
        value, ok = QInputDialog.getInt(
            parent, "Move to Position", f"New position (1-{last}):", current, 1, last
        )
        return value if ok else None
