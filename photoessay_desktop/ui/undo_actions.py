"""Undo and Redo as actions named after the step ("Undo Move 2 Slides") that, once the step is
undone or redone, select the slides it touched, so the user sees what changed.

They only call the document's undo stack; what changed is learnt from the document's signals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.ui.editor_actions import Std, key_sequences
from photoessay_desktop.ui.slide_list_view import SlideListView


class RevealingUndo(QObject):
    """Owns `undo_action` and `redo_action` for one window."""

    def __init__(self, document: EssayDocument, slide_list: SlideListView, parent: QObject) -> None:
        super().__init__(parent)
        self._document = document
        self._list = slide_list
        self._touched: list[int] | None = None  # rows changed by the step running now
        stack = document.undo_stack
        self.undo_action = QAction("&Undo", self)
        self.undo_action.setObjectName("actionUndo")
        self.undo_action.setShortcuts(key_sequences(Std.Undo, "Ctrl+Z"))
        self.redo_action = QAction("&Redo", self)
        self.redo_action.setObjectName("actionRedo")
        self.redo_action.setShortcuts(key_sequences(Std.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # Bound methods, not lambdas: Qt drops these connections when the window goes away.
        stack.undoTextChanged.connect(self._on_undo_text)
        stack.redoTextChanged.connect(self._on_redo_text)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.triggered.connect(self._undo)
        self.redo_action.triggered.connect(self._redo)
        document.slide_changed.connect(self._on_slide_changed)
        document.slides_moved.connect(self._note)
        document.slides_inserted.connect(self._on_inserted)

    def _on_undo_text(self, text: str) -> None:
        self.undo_action.setText(_named("&Undo", text))

    def _on_redo_text(self, text: str) -> None:
        self.redo_action.setText(_named("&Redo", text))

    def _undo(self) -> None:
        self._run(self._document.undo_stack.undo)

    def _redo(self) -> None:
        self._run(self._document.undo_stack.redo)

    def _on_slide_changed(self, row: int) -> None:
        self._note([row])

    def _on_inserted(self, row: int, count: int) -> None:
        self._note(range(row, row + count))

    def _note(self, rows: Iterable[int]) -> None:
        if self._touched is not None:
            self._touched.extend(rows)

    def _run(self, step: Callable[[], None]) -> None:
        self._touched = []
        try:
            step()
        finally:
            touched, self._touched = self._touched, None
        count = len(self._document.essay.slides)
        rows = sorted({row for row in touched if 0 <= row < count})
        if rows and rows != self._list.selected_rows():
            self._list.select_rows(rows)


def _named(verb: str, text: str) -> str:
    return f"{verb} {text}" if text else verb
