"""The undo command for edits that keep the slides in place: text, essay fields, photos, relinks.

It keeps the essay before and after (frozen models share their unchanged parts, so this is cheap)
and lets a burst of typing in one field merge into a single undo step. It never reorders slides.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtGui import QUndoCommand

from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.domain.essay import Essay

# Any id other than -1 lets QUndoStack ask mergeWith(); the merge key decides.
_MERGEABLE_ID = 1001


class ContentCommand(QUndoCommand):
    """Replace the essay's contents (same slides, same order) with `after`."""

    def __init__(
        self,
        document: EssayDocument,
        after: Essay,
        text: str,
        merge_key: Hashable | None = None,
    ) -> None:
        super().__init__(text)
        self._document = document
        self._before = document.essay
        self._after = after
        self._merge_key = merge_key

    @property
    def changes_anything(self) -> bool:
        return self._before != self._after

    def id(self) -> int:
        return _MERGEABLE_ID if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ContentCommand) or other._merge_key != self._merge_key:
            return False
        self._after = other._after
        # Typing back to the original text leaves nothing to undo: Qt drops an obsolete command.
        self.setObsolete(self._before == self._after)
        return True

    def redo(self) -> None:
        self._document._apply_contents(self._after)

    def undo(self) -> None:
        self._document._apply_contents(self._before)
