"""The editing session: the current essay, its file path and the undo stack every edit goes through.

Widgets and Qt models read `essay` and call the `*_requested`-style methods below, which push undo
commands; only the commands call the `_apply_*` methods that change the essay and emit the
fine-grained, past-tense signals. No QtWidgets and no file access here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.domain.essay_name import UNTITLED_ESSAY, essay_display_name
from photoessay_desktop.domain.slide_edits import insert_slides, remove_slides


class EssayDocument(QObject):
    """One open essay (or a new, unsaved one) with its undo history."""

    # Structure of the slide run; rows are 0-based and refer to the essay after the change.
    slides_inserted = Signal(int, int)  # first row, count
    slides_removed = Signal(list)  # rows (ascending) in the essay *before* removal
    slides_moved = Signal(list)  # rows the moved slides now occupy
    slide_changed = Signal(int)  # one slide's fields changed
    essay_changed = Signal()  # the essay's own fields (title, standfirst, body, language...)
    essay_replaced = Signal()  # a different essay altogether (New, Open): views start afresh
    path_changed = Signal()
    modified_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._essay = Essay()
        self._path: Path | None = None
        self._stack = QUndoStack(self)
        self._burst = 0
        # A bound method, not a lambda: Qt drops the connection when the document goes away.
        self._stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # -- reading ---------------------------------------------------------------------------
    @property
    def essay(self) -> Essay:
        return self._essay

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def undo_stack(self) -> QUndoStack:
        return self._stack

    @property
    def is_modified(self) -> bool:
        """The one definition of "unsaved changes": the undo stack is away from its clean index."""
        return not self._stack.isClean()

    @property
    def display_name(self) -> str:
        """What the window title and prompts call this essay."""
        if self._path is not None:
            return essay_display_name(self._path)
        return self._essay.title.strip() or UNTITLED_ESSAY

    @property
    def typing_burst(self) -> int:
        """Text edits with the same burst number merge into one undo step."""
        return self._burst

    def end_typing_burst(self) -> None:
        """Called when the user leaves a field: the next keystroke starts a new undo step."""
        self._burst += 1

    # -- whole-document changes (not undoable: they start a new history) ------------------------
    def reset(self, essay: Essay, path: Path | None) -> None:
        """Show another essay (New, Open): clears the undo history and marks it unmodified."""
        self._stack.clear()
        self._essay = essay
        self._path = path
        self._burst += 1
        self.essay_replaced.emit()
        self.path_changed.emit()
        self.modified_changed.emit(False)

    def mark_saved(self, path: Path) -> None:
        """The essay now matches the file at `path`."""
        changed = path != self._path
        self._path = path
        self._stack.setClean()
        self._burst += 1
        if changed:
            self.path_changed.emit()

    def push(self, command: QUndoCommand) -> None:
        """Run an edit through the undo stack (the only way the essay changes)."""
        self._stack.push(command)

    # -- used by undo commands only ----------------------------------------------------------
    def _apply_insert(self, row: int, slides: Sequence[Slide]) -> None:
        self._essay = self._essay.model_copy(
            update={"slides": insert_slides(self._essay.slides, row, slides)}
        )
        self.slides_inserted.emit(row, len(slides))

    def _apply_remove(self, rows: Iterable[int]) -> None:
        chosen = sorted(set(rows))
        self._essay = self._essay.model_copy(
            update={"slides": remove_slides(self._essay.slides, chosen)}
        )
        self.slides_removed.emit(chosen)

    def _apply_order(self, slides: tuple[Slide, ...], moved_ids: Iterable[str]) -> None:
        """Put the same slides in another order; `moved_ids` are the ones the user moved."""
        if sorted(s.id for s in slides) != sorted(s.id for s in self._essay.slides):
            raise ValueError("a reorder must keep the same slides")
        self._essay = self._essay.model_copy(update={"slides": slides})
        wanted = set(moved_ids)
        self.slides_moved.emit([row for row, s in enumerate(slides) if s.id in wanted])

    def _apply_essay(self, essay: Essay) -> None:
        """Take a different essay altogether, keeping the file path and the history."""
        self._essay = essay
        self.essay_replaced.emit()

    def _apply_contents(self, essay: Essay) -> None:
        """Take `essay`, which has the same slides in the same order, and say what changed."""
        old = self._essay
        if [s.id for s in old.slides] != [s.id for s in essay.slides]:
            raise ValueError("a content edit must keep the slides and their order")
        self._essay = essay
        if old.model_copy(update={"slides": ()}) != essay.model_copy(update={"slides": ()}):
            self.essay_changed.emit()
        for row, (before, after) in enumerate(zip(old.slides, essay.slides, strict=True)):
            if before != after:
                self.slide_changed.emit(row)
