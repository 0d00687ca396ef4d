"""The find and replace bar (Ctrl+F, Ctrl+H): steps through matches across the whole essay.

Matches come from document.text_search; stepping asks the window to select the slide and highlight
the match in its field. Replace changes one match, Replace All is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from photoessay_desktop.document import edit_requests
from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.text_search import (
    Match,
    body_paragraphs,
    body_text,
    find_matches,
    replace_everywhere,
)


class FindBar(QWidget):
    """Find field, replace field, Previous/Next/Replace/Replace All and Match case."""

    match_selected = Signal(object)  # Match

    def __init__(self, document: EssayDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName("Find and replace")
        self._document = document
        self._index = -1
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("findEdit")
        self.find_edit.setAccessibleName("Find")
        self.find_edit.setPlaceholderText("Find")
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceEdit")
        self.replace_edit.setAccessibleName("Replace with")
        self.replace_edit.setPlaceholderText("Replace with")
        self.match_case = QCheckBox("Match &case", self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_button = QPushButton("Previous", self)
        self.next_button = QPushButton("Next", self)
        self.replace_button = QPushButton("Replace", self)
        self.replace_all_button = QPushButton("Replace All", self)
        close = QToolButton(self)
        close.setText("✕")
        close.setAccessibleName("Close find bar")
        close.setAutoRaise(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        for widget in (
            self.find_edit,
            self.previous_button,
            self.next_button,
            self.count_label,
            self.replace_edit,
            self.replace_button,
            self.replace_all_button,
            self.match_case,
            close,
        ):
            layout.addWidget(widget)
        layout.setStretchFactor(self.find_edit, 2)
        layout.setStretchFactor(self.replace_edit, 2)

        self.find_edit.textChanged.connect(self._restart)
        self.match_case.toggled.connect(self._restart)
        self.find_edit.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.replace_edit.returnPressed.connect(self.replace_current)
        close.clicked.connect(self.hide)
        self._update_count()

    def open_find(self, replace: bool = False) -> None:
        """Show the bar with the find field (or the replace field) focused."""
        self.show()
        target = self.replace_edit if replace and self.find_edit.text() else self.find_edit
        target.setFocus()
        target.selectAll()

    def matches(self) -> list[Match]:
        return find_matches(
            self._document.essay, self.find_edit.text(), match_case=self.match_case.isChecked()
        )

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        matches = self.matches()
        if not matches:
            self._index = -1
            self._update_count()
            return
        self._index = (self._index + direction) % len(matches)
        self._update_count(len(matches))
        self.match_selected.emit(matches[self._index])

    def replace_current(self) -> None:
        """Replace the match last stepped to, then step to the next one."""
        matches = self.matches()
        if not 0 <= self._index < len(matches):
            self.find_next()
            return
        match = matches[self._index]
        replacement = self.replace_edit.text()
        if match.row is None:
            essay = self._document.essay
            text = body_text(essay.body) if match.field == "body" else getattr(essay, match.field)
            new = text[: match.start] + replacement + text[match.end :]
            value: object = body_paragraphs(new) if match.field == "body" else new
            edit_requests.edit_essay_field(self._document, match.field, value)
        else:
            text = getattr(self._document.essay.slides[match.row], match.field)
            new = text[: match.start] + replacement + text[match.end :]
            edit_requests.edit_slide_text(self._document, match.row, match.field, new)
        self._document.end_typing_burst()  # each Replace is its own undo step
        self._index -= 1
        self.find_next()

    def replace_all(self) -> None:
        after, count = replace_everywhere(
            self._document.essay,
            self.find_edit.text(),
            self.replace_edit.text(),
            match_case=self.match_case.isChecked(),
        )
        if count:
            edit_requests.replace_all(self._document, after, count)
        self._index = -1
        self.count_label.setText(f"Replaced {count}" if count else "No matches")

    def _restart(self) -> None:
        self._index = -1
        self._update_count()

    def _update_count(self, total: int | None = None) -> None:
        if not self.find_edit.text():
            self.count_label.setText("")
            return
        total = len(self.matches()) if total is None else total
        if not total:
            self.count_label.setText("No matches")
        elif self._index < 0:
            self.count_label.setText(f"{total} matches" if total != 1 else "1 match")
        else:
            self.count_label.setText(f"{self._index + 1} of {total}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
