"""The questions file safety puts to the user (essay in use, changed on disk, crash recovery),
behind one interface tests replace. Essay text and paths are always shown as plain text.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from photoessay_desktop.document.file_safety import RecoveryOffer


class RecoveryAction(enum.Enum):
    RESTORE = "restore"
    DISCARD = "discard"


@dataclass(frozen=True)
class RecoveryDecision:
    """What the user chose for one autosave."""

    action: RecoveryAction
    offer: RecoveryOffer


Compare = Callable[[RecoveryOffer], list[str]]


class ReliabilityPrompts(Protocol):
    """Questions with a few fixed answers."""

    def open_read_only(self, parent: QWidget, message: str) -> bool: ...

    def overwrite_outside_change(self, parent: QWidget, name: str) -> bool: ...

    def reload_outside_change(self, parent: QWidget, name: str, modified: bool) -> bool: ...

    def choose_recovery(
        self, parent: QWidget, offers: Sequence[RecoveryOffer], compare: Compare
    ) -> RecoveryDecision | None: ...


def _ask(parent: QWidget, title: str, text: str, detail: str, yes: str, no: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton)
    box.setParent(parent, box.windowFlags())
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(detail)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    reject = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reject)
    box.setEscapeButton(reject)
    box.exec()
    return box.clickedButton() is accept


class QtReliabilityPrompts:
    """Real message boxes and the recovery dialog."""

    def open_read_only(self, parent: QWidget, message: str) -> bool:
        return _ask(
            parent,
            "Essay In Use",
            message,
            "You can open it read-only and save your changes under another name.",
            "Open Read-Only",
            "Cancel",
        )

    def overwrite_outside_change(self, parent: QWidget, name: str) -> bool:
        return _ask(
            parent,
            "Essay Changed on Disk",
            f'"{name}" was changed on disk by another program or person since you opened it.',
            "Saving replaces their version with yours (theirs is kept as the .bak file beside "
            "it). Cancel to keep both: then use Save As.",
            "Replace Their Version",
            "Cancel",
        )

    def reload_outside_change(self, parent: QWidget, name: str, modified: bool) -> bool:
        detail = (
            "Reload it to see their version (your unsaved changes would be lost), or keep "
            "editing yours: saving will ask before replacing theirs."
            if modified
            else "Reload it to see their version, or keep the one shown."
        )
        return _ask(
            parent,
            "Essay Changed on Disk",
            f'"{name}" was changed on disk by another program or person.',
            detail,
            "Reload",
            "Keep My Version",
        )

    def choose_recovery(
        self, parent: QWidget, offers: Sequence[RecoveryOffer], compare: Compare
    ) -> RecoveryDecision | None:
        # Imported here: most starts have nothing to recover, and start-up time counts (issue #5).
        from photoessay_desktop.ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(offers, compare, parent)
        if dialog.exec() != RecoveryDialog.DialogCode.Accepted or dialog.chosen is None:
            return None
        action = RecoveryAction.RESTORE if dialog.restore_chosen else RecoveryAction.DISCARD
        return RecoveryDecision(action, dialog.chosen)
