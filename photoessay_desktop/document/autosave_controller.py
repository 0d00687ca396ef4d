"""Autosaves the open essay on a timer while it has unsaved changes, and forgets it when it is safe.

Every interval (a preference, 30 s by default) a modified essay, untitled ones included, is written
to its slot in the AutosaveStore, never over the user's file. Saving, discarding (New, Open, Close)
or a clean close removes the autosave; only a crash leaves one behind. No widgets here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.domain.essay import Essay


class AutosaveStore(Protocol):
    """Where autosaves go (storage.autosave_store.AutosaveStore); slots are opaque here."""

    def slot_for(self, essay_path: Path | None) -> Any: ...

    def write(self, slot: Any, essay: Essay) -> Path: ...

    def remove(self, slot: Any) -> None: ...


class AutosaveController(QObject):
    """Keeps one document's autosave current; report failures through autosave_failed."""

    autosaved = Signal()
    autosave_failed = Signal(str)  # a plain reason, for the status bar

    def __init__(self, document: EssayDocument, store: AutosaveStore, seconds: int) -> None:
        super().__init__(document)
        self._document = document
        self._store = store
        self._slot: Any = store.slot_for(document.path)
        self._written = False
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, seconds) * 1000)
        self._timer.timeout.connect(self.autosave_now)
        self._timer.start()
        document.modified_changed.connect(self._on_modified_changed)
        document.path_changed.connect(self._on_path_changed)
        document.essay_replaced.connect(self._on_essay_replaced)

    @property
    def interval_seconds(self) -> int:
        return self._timer.interval() // 1000

    @property
    def slot(self) -> Any:
        return self._slot

    def autosave_now(self) -> bool:
        """Write the essay to its autosave if it has unsaved changes; True when written."""
        if not self._document.is_modified:
            return False
        return self._write(self._document.essay)

    def _write(self, essay: Essay) -> bool:
        try:
            self._store.write(self._slot, essay)
        except OSError as exc:
            self.autosave_failed.emit(f"Autosave failed: {exc.strerror or exc}")
            return False
        self._written = True
        self.autosaved.emit()
        return True

    def forget(self) -> None:
        """Remove the autosave: the essay was saved, discarded or closed cleanly."""
        if self._written:
            self._store.remove(self._slot)
            self._written = False

    def stop(self) -> None:
        """A clean close: no more autosaves, and none left behind."""
        self._timer.stop()
        self.forget()

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self.forget()  # saved (or undone back to the saved state): the file has it all

    def _on_path_changed(self) -> None:
        # Save As to a new name: the autosave follows the essay to its new slot.
        self.forget()
        self._slot = self._store.slot_for(self._document.path)

    def _on_essay_replaced(self) -> None:
        # New, Open or Close after the user saved or discarded: nothing of the old one to keep.
        self.forget()
        self._slot = self._store.slot_for(self._document.path)
