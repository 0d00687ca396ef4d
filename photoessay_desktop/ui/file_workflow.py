"""New, Open, Open Recent, Save, Save As, Import Article and Close, with the unsaved-changes prompt.

It talks to the file layer through the injected EssayFiles and to the user through the injected
dialogs and prompts; a file that cannot be opened leaves the current essay exactly as it was.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from photoessay_desktop.document import edit_requests
from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.essay_files import DocumentFileError, EssayFiles
from photoessay_desktop.document.file_safety import OpenCancelledError
from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.essay_name import ESSAY_SUFFIX
from photoessay_desktop.settings.preferences_store import PreferencesStore
from photoessay_desktop.ui.file_dialogs import FileDialogs
from photoessay_desktop.ui.prompts import Prompts, SaveChoice


class FileWorkflow(QObject):
    """File commands for one window; `editing` says whether an essay (even a new one) is open."""

    editing_changed = Signal(bool)
    status_message = Signal(str)  # a short note for the status bar ("Saved lakes.essay.json")
    recent_changed = Signal(list)  # paths as strings, most recent first
    article_imported = Signal()  # the open essay now comes from article text the user chose

    def __init__(
        self,
        window: QWidget,
        document: EssayDocument,
        files: EssayFiles,
        dialogs: FileDialogs,
        prompts: Prompts,
        preferences: PreferencesStore,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._files = files
        self._dialogs = dialogs
        self._prompts = prompts
        self._preferences = preferences
        self._editing = False

    @property
    def editing(self) -> bool:
        return self._editing

    @property
    def recent_files(self) -> list[str]:
        return list(self._preferences.load().recent_files)

    def _set_editing(self, editing: bool) -> None:
        self._editing = editing
        self.editing_changed.emit(editing)

    def _folder(self) -> Path | None:
        path = self._document.path
        if path is not None:
            return path.parent
        recent = self.recent_files
        return Path(recent[0]).parent if recent else None

    def _remember(self, path: Path) -> None:
        prefs = self._preferences.load().with_recent(str(path))
        self._save_preferences(prefs.recent_files, prefs.last_essay)

    def _forget_last(self) -> None:
        prefs = self._preferences.load()
        self._save_preferences(prefs.recent_files, None)

    def _save_preferences(self, recent: tuple[str, ...], last: str | None) -> None:
        prefs = self._preferences.load().model_copy(
            update={"recent_files": recent, "last_essay": last}
        )
        # A read-only config folder costs the recent list, never the essay.
        with contextlib.suppress(OSError):
            self._preferences.save(prefs)
        self.recent_changed.emit(list(prefs.recent_files))

    def clear_recent(self) -> None:
        self._save_preferences((), self._preferences.load().last_essay)

    # -- the prompt --------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """True when it is fine to drop the current essay (saved, discarded, or unchanged)."""
        if not self._document.is_modified:
            return True
        choice = self._prompts.ask_save_changes(self._window, self._document.display_name)
        if choice is SaveChoice.SAVE:
            return self.save()
        return choice is SaveChoice.DISCARD

    # -- commands ------------------------------------------------------------------------------
    def new_essay(self) -> bool:
        if not self.confirm_discard():
            return False
        self._document.reset(Essay(), None)
        self._set_editing(True)
        return True

    def open_essay(self, path: Path | None = None) -> bool:
        """Open `path` (or ask for one); on failure show why and keep the current essay."""
        if not self.confirm_discard():
            return False
        if path is None:
            path = self._dialogs.open_essay(self._window, self._folder())
            if path is None:
                return False
        return self.open_without_asking(path)

    def open_without_asking(self, path: Path) -> bool:
        """Open `path` now (the caller has dealt with unsaved changes)."""
        # Absolute before loading: photo paths are resolved against the file's folder.
        path = path.absolute()
        try:
            essay = self._files.load(path)
        except OpenCancelledError:
            return False  # in use elsewhere and the user chose not to open it read-only
        except DocumentFileError as exc:
            self._prompts.show_error(self._window, "Cannot Open Essay", str(exc))
            return False
        self._document.reset(essay, path)
        self._remember(path)
        self._set_editing(True)
        return True

    def save(self) -> bool:
        path = self._document.path
        if path is None:
            return self.save_as()
        return self._save_to(path)

    def save_as(self) -> bool:
        current = self._document.path
        if current is not None:
            suggested = current
        else:
            name = "".join(c for c in self._document.essay.title if c.isalnum() or c in " -_")
            folder = self._folder() or Path.home()
            suggested = folder / f"{name.strip() or 'Untitled'}{ESSAY_SUFFIX}"
        path = self._dialogs.save_essay_as(self._window, suggested)
        if path is None:
            return False
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            self._files.save(self._document.essay, path)
        except DocumentFileError as exc:
            self._prompts.show_error(self._window, "Cannot Save Essay", str(exc))
            return False
        self._document.mark_saved(path.absolute())
        self._remember(path.absolute())
        self.status_message.emit(f"Saved {path.name}")
        return True

    def import_article(self) -> bool:
        """Make a new, unsaved essay from article text (undo goes back to what was open)."""
        if not self.confirm_discard():
            return False
        path = self._dialogs.open_article(self._window, self._folder())
        if path is None:
            return False
        try:
            imported = self._files.import_article(path)
        except DocumentFileError as exc:
            self._prompts.show_error(self._window, "Cannot Import Article", str(exc))
            return False
        self._document.reset(Essay(), None)
        # Pushed, not reset: the imported essay is unsaved work the close prompt must protect.
        edit_requests.replace_essay(self._document, imported.essay, "Import Article")
        self.article_imported.emit()
        self._set_editing(True)
        if imported.notes:
            notes = "\n".join(f"• {note}" for note in imported.notes)
            self._prompts.show_info(self._window, "Article Imported", notes)
        return True

    def close_essay(self) -> bool:
        if not self.confirm_discard():
            return False
        self._document.reset(Essay(), None)
        self._forget_last()
        self._set_editing(False)
        return True

    def start(self, path: Path | None) -> None:
        """At start-up: open `path`, else the last essay, else show the start page."""
        if path is None:
            last = self._preferences.load().last_essay
            if last and Path(last).is_file():
                path = Path(last)
        if path is not None and self.open_without_asking(path):
            return
        self._set_editing(False)
