"""Keeps one text widget and one essay field in step, in both directions, without loops.

User typing goes to the document through `commit`; a change that came from elsewhere (undo, Replace
All, another slide) is written back into the widget only when it differs, so the cursor never jumps
while the user types. Leaving the field ends the typing burst (the next edit is a new undo step).
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

TextWidget = QLineEdit | QPlainTextEdit


def _is_undo_key(event: QEvent) -> bool:
    """Undo or redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) as a shortcut override or a key press."""
    if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        return False
    if not isinstance(event, QKeyEvent):
        return False
    ctrl_y = (
        event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
    )
    undo, redo = QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo
    return ctrl_y or event.matches(undo) or event.matches(redo)


def widget_text(widget: TextWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


class TextFieldBinding(QObject):
    """Binds `widget` to a field: `commit(text)` stores, `parse(text)` is what would be stored."""

    def __init__(
        self,
        widget: TextWidget,
        commit: Callable[[str], None],
        end_burst: Callable[[], None],
        parse: Callable[[str], object] = lambda text: text,
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self._commit = commit
        self._end_burst = end_burst
        self._parse = parse
        self._tooltip = widget.toolTip()
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._on_user_edit)
        else:
            widget.textChanged.connect(self._on_user_edit)
            # One history for everything: the document's undo stack, not the widget's own.
            widget.setUndoRedoEnabled(False)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._end_burst()
        elif _is_undo_key(event):
            # Text widgets claim Ctrl+Z for their own undo; hand it to the window's Undo action
            # (typing is on the document's stack, a burst per field), so Ctrl+Z means one thing.
            event.ignore()
            return True
        return False

    def show_value(self, value: object, text: str) -> None:
        """Show the document's `value` (as `text`) unless the widget already means the same."""
        self._set_error("")
        try:
            same = self._parse(widget_text(self.widget)) == value
        except ValueError:
            same = False
        if same:
            return
        with QSignalBlocker(self.widget):
            if isinstance(self.widget, QLineEdit):
                self.widget.setText(text)
            else:
                self.widget.setPlainText(text)
                self.widget.moveCursor(QTextCursor.MoveOperation.End)

    def _on_user_edit(self, *_args: object) -> None:
        try:
            self._commit(widget_text(self.widget))
        except (ValidationError, ValueError) as exc:
            # Keep what the user typed and say what is wrong; nothing reaches the essay.
            message = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            self._set_error(message.removeprefix("Value error, "))
            return
        self._set_error("")

    def _set_error(self, message: str) -> None:
        self.widget.setProperty("invalid", bool(message))
        self.widget.setStyleSheet("border: 2px solid #c0392b;" if message else "")
        self.widget.setToolTip(message or self._tooltip)
        self.widget.setAccessibleDescription(message)

    @property
    def error(self) -> str:
        return self.widget.accessibleDescription()
