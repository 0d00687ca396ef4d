"""Undo commands that change the run of slides: insert, remove, move (several at once), replace all.

Each keeps just enough to undo itself exactly and emits the document's fine-grained signals so the
list keeps its selection. Content edits (text, photos) live in content_command.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QUndoCommand

from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.domain.slide_edits import move_slides


def _count(noun: str, count: int) -> str:
    return f"{count} {noun}s" if count != 1 else noun


class InsertSlidesCommand(QUndoCommand):
    """Insert new slides before `row` (Add Photos, Add Text Slide, Duplicate, drops)."""

    def __init__(self, document: EssayDocument, row: int, slides: Sequence[Slide], text: str):
        super().__init__(text)
        self._document = document
        self._row = row
        self._slides = tuple(slides)

    def redo(self) -> None:
        self._document._apply_insert(self._row, self._slides)

    def undo(self) -> None:
        self._document._apply_remove(range(self._row, self._row + len(self._slides)))


class RemoveSlidesCommand(QUndoCommand):
    """Delete the slides at `rows`; undo puts each back where it was."""

    def __init__(self, document: EssayDocument, rows: Iterable[int]):
        self._rows = sorted(set(rows))
        super().__init__(f"Delete {_count('Slide', len(self._rows))}")
        self._document = document
        self._removed = tuple(document.essay.slides[row] for row in self._rows)

    def redo(self) -> None:
        self._document._apply_remove(self._rows)

    def undo(self) -> None:
        # Re-insert contiguous runs lowest first: every run's rows are then final positions.
        runs: list[tuple[int, list[Slide]]] = []
        for row, slide in zip(self._rows, self._removed, strict=True):
            if runs and runs[-1][0] + len(runs[-1][1]) == row:
                runs[-1][1].append(slide)
            else:
                runs.append((row, [slide]))
        for row, slides in runs:
            self._document._apply_insert(row, slides)


class MoveSlidesCommand(QUndoCommand):
    """Move the slides at `rows` together to `position` (counted without them, see move_slides)."""

    def __init__(self, document: EssayDocument, rows: Iterable[int], position: int):
        chosen = sorted(set(rows))
        super().__init__(f"Move {_count('Slide', len(chosen))}")
        self._document = document
        self._before = document.essay.slides
        self._after = move_slides(self._before, chosen, position)
        self._moved_ids = [self._before[row].id for row in chosen]

    @property
    def changes_anything(self) -> bool:
        return self._before != self._after

    def redo(self) -> None:
        self._document._apply_order(self._after, self._moved_ids)

    def undo(self) -> None:
        self._document._apply_order(self._before, self._moved_ids)


class ReplaceEssayCommand(QUndoCommand):
    """Swap in a whole new essay (Import Article into the open window) as one undoable step."""

    def __init__(self, document: EssayDocument, essay: Essay, text: str):
        super().__init__(text)
        self._document = document
        self._before = document.essay
        self._after = essay

    def redo(self) -> None:
        self._document._apply_essay(self._after)

    def undo(self) -> None:
        self._document._apply_essay(self._before)
