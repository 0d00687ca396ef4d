"""Slide commands: add photos (dialog or drop, captions prefilled from metadata), add a text slide,
duplicate, delete, move by keyboard or to a position, replace a photo and relink missing ones.

Each ends as one undo command through document.edit_requests, then selects what it touched.
Paths come from the injected dialogs; metadata and file facts from injected readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from photoessay_desktop.document import edit_requests
from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.essay_files import PhotoText, PhotoTextReader
from photoessay_desktop.document.image_facts_cache import ImageFactsCache
from photoessay_desktop.document.relink_plan import other_relinks
from photoessay_desktop.domain.image_facts import ImageStatus
from photoessay_desktop.ui.file_dialogs import FileDialogs
from photoessay_desktop.ui.prompts import Prompts
from photoessay_desktop.ui.slide_list_view import SlideListView


class SlideWorkflow(QObject):
    """Acts on the list's selection."""

    def __init__(
        self,
        window: QWidget,
        document: EssayDocument,
        slide_list: SlideListView,
        facts: ImageFactsCache,
        photo_text: PhotoTextReader,
        dialogs: FileDialogs,
        prompts: Prompts,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._list = slide_list
        self._facts = facts
        self._photo_text = photo_text
        self._dialogs = dialogs
        self._prompts = prompts
        self._last_photo_folder: Path | None = None

    def _insert_row(self) -> int:
        rows = self._list.selected_rows()
        return rows[-1] + 1 if rows else len(self._document.essay.slides)

    def _read_text(self, path: Path) -> PhotoText:
        try:
            return self._photo_text(path)
        except (OSError, ValueError):
            return PhotoText()  # no suggestion is better than no photo

    # -- adding ----------------------------------------------------------------------------------
    def add_photos(self) -> None:
        folder = self._last_photo_folder or (
            self._document.path.parent if self._document.path else None
        )
        paths = self._dialogs.open_photos(self._window, folder)
        if paths:
            self._last_photo_folder = paths[0].parent
            self.add_files(paths, self._insert_row())

    def add_files(self, paths: Sequence[Path], row: int) -> None:
        """Add each readable photo in `paths` before `row`; say which files were skipped and why."""
        row = max(0, min(row, len(self._document.essay.slides)))
        photos: list[tuple[str, str, str]] = []
        skipped: list[str] = []
        for path in paths:
            ref = str(path.absolute())
            facts = self._facts.facts_now(ref)
            if facts.status is not ImageStatus.READABLE:
                reason = facts.reason or (
                    "not found" if facts.status is ImageStatus.NOT_FOUND else ""
                )
                skipped.append(f"{path.name}: {reason or 'not a photo PhotoEssay can show'}")
                continue
            text = self._read_text(path)
            photos.append((ref, text.caption, text.credit))
        if photos:
            edit_requests.add_photos(self._document, row, photos)
            self._list.select_rows(list(range(row, row + len(photos))))
        if skipped:
            self._prompts.show_error(self._window, "Some Files Were Not Added", "\n".join(skipped))

    def add_text_slide(self) -> None:
        row = self._insert_row()
        edit_requests.add_text_slide(self._document, row)
        self._list.select_rows([row])

    def duplicate(self) -> None:
        rows = self._list.selected_rows()
        if not rows:
            return
        at = edit_requests.duplicate_slides(self._document, rows)
        self._list.select_rows(list(range(at, at + len(rows))))

    def delete(self) -> None:
        rows = self._list.selected_rows()
        if not rows:
            return
        edit_requests.remove_slides(self._document, rows)
        remaining = len(self._document.essay.slides)
        if remaining:
            self._list.select_rows([min(rows[0], remaining - 1)])

    # -- moving ----------------------------------------------------------------------------------
    def _move_to(self, rows: list[int], position: int) -> None:
        position = max(0, min(position, len(self._document.essay.slides) - len(rows)))
        edit_requests.move_slides(self._document, rows, position)
        self._list.select_rows(list(range(position, position + len(rows))))

    def move_up(self) -> None:
        rows = self._list.selected_rows()
        if rows:
            self._move_to(rows, rows[0] - 1)

    def move_down(self) -> None:
        rows = self._list.selected_rows()
        if rows:
            self._move_to(rows, rows[0] + 1)

    def move_to_position(self) -> None:
        rows = self._list.selected_rows()
        if not rows:
            return
        last = len(self._document.essay.slides) - len(rows) + 1
        answer = self._prompts.ask_position(self._window, rows[0] + 1, last)
        if answer is not None:
            self._move_to(rows, answer - 1)

    # -- photos ----------------------------------------------------------------------------------
    def replace_photo(self, row: int | None = None) -> None:
        row = self._list.current_row() if row is None else row
        if not 0 <= row < len(self._document.essay.slides):
            return
        paths = self._dialogs.open_photos(self._window, self._last_photo_folder)
        if not paths:
            return
        path = paths[0]
        ref = str(path.absolute())
        facts = self._facts.facts_now(ref)
        if facts.status is not ImageStatus.READABLE:
            message = f"{path.name}: {facts.reason or 'not a photo PhotoEssay can show'}"
            self._prompts.show_error(self._window, "Cannot Use This Photo", message)
            return
        text = self._read_text(path)
        edit_requests.replace_image(
            self._document, row, ref, caption=text.caption, credit=text.credit
        )

    def relink(self, row: int | None = None) -> None:
        """Point a slide at its photo's new place, offering to fix its missing neighbours too."""
        row = self._list.current_row() if row is None else row
        slides = self._document.essay.slides
        if not 0 <= row < len(slides) or slides[row].image is None:
            return
        old = slides[row].image
        assert old is not None
        path = self._dialogs.locate_photo(self._window, old)
        if path is None:
            return
        ref = str(path.absolute())
        self._facts.invalidate([ref])
        if self._facts.facts_now(ref).status is not ImageStatus.READABLE:
            self._prompts.show_error(
                self._window, "Cannot Use This Photo", f"{path.name} is not a readable photo."
            )
            return
        changes = {row: ref}
        others = other_relinks(self._document.essay, row, path.absolute(), self._facts.facts_now)
        if others and self._prompts.ask_relink_others(
            self._window, len(others), str(path.absolute().parent)
        ):
            changes.update(others)
        edit_requests.relink(self._document, changes)
        self._facts.invalidate(changes.values())
