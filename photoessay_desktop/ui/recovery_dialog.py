"""The dialog offering back what a crash left unsaved: restore, compare with the file, or discard.

It lists the autosaves, shows the differences from the saved file on request, and reports the
user's choice; it never reads or writes a file itself (compare is a function it is given).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photoessay_desktop.document.file_safety import RecoveryOffer


def offer_label(offer: RecoveryOffer) -> str:
    """'Lakes (lakes.essay.json), 12 slides — autosaved 24 Nov 16:52' plus where it was saved."""
    when = f" — autosaved {offer.saved_at.astimezone():%d %b %H:%M}" if offer.saved_at else ""
    if offer.problem:
        return f"{offer.description}{when}\n{offer.problem}"
    where = offer.essay_path if offer.essay_path is not None else "Never saved"
    return f"{offer.description}{when}\n{where}"


class RecoveryDialog(QDialog):
    """Lists autosaves; Restore or Discard close it with `chosen` set; Compare shows changes."""

    def __init__(
        self,
        offers: Sequence[RecoveryOffer],
        compare: Callable[[RecoveryOffer], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle("Recover Unsaved Work")
        self.chosen: RecoveryOffer | None = None
        self.restore_chosen = False
        self._offers = list(offers)
        self._compare = compare
        intro = QLabel(
            "PhotoEssay did not close normally. These essays had changes that were not saved:",
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Unsaved essays")
        self.list.setSpacing(4)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for offer in self._offers:
            item = QListWidgetItem(offer_label(offer))
            item.setData(Qt.ItemDataRole.UserRole, offer.key)
            self.list.addItem(item)
        self.differences = QPlainTextEdit(self)
        self.differences.setReadOnly(True)
        self.differences.setAccessibleName("Differences from the saved file")
        self.differences.setPlaceholderText("Compare shows what differs from the saved file.")
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton("&Restore", self)
        self.compare_button = QPushButton("&Compare…", self)
        self.discard_button = QPushButton("&Discard", self)
        self.later_button = QPushButton("Decide &Later", self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self._restore)
        self.compare_button.clicked.connect(self._show_differences)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        self.list.currentRowChanged.connect(self._on_row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.differences, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.list.setCurrentRow(0)
        self.restore_button.setDefault(True)

    def _current(self) -> RecoveryOffer | None:
        row = self.list.currentRow()
        return self._offers[row] if 0 <= row < len(self._offers) else None

    def _on_row(self, _row: int) -> None:
        offer = self._current()
        readable = offer is not None and offer.problem is None
        self.restore_button.setEnabled(readable)
        self.compare_button.setEnabled(readable)
        self.differences.clear()

    def _show_differences(self) -> None:
        offer = self._current()
        if offer is not None:
            self.differences.setPlainText("\n".join(self._compare(offer)))

    def _restore(self) -> None:
        self.chosen = self._current()
        self.restore_chosen = True
        self.accept()

    def _discard(self) -> None:
        self.chosen = self._current()
        self.restore_chosen = False
        self.accept()
