"""Wires file safety into one editor window: autosave, crash recovery, locks, outside changes.

It answers the file layer's questions with the window's dialogs, watches the open file for changes
made behind the app's back, keeps the autosave timer running, offers recovery at start and cleans
up on a clean close. Every part is optional: without the services it simply stays out of the way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from photoessay_desktop.document import edit_requests
from photoessay_desktop.document.autosave_controller import AutosaveController, AutosaveStore
from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.essay_files import DocumentFileError, EssayFiles
from photoessay_desktop.document.file_safety import GuardedFiles, RecoveryOffer, RecoverySource
from photoessay_desktop.domain.essay_differences import describe_differences
from photoessay_desktop.ui.file_workflow import FileWorkflow
from photoessay_desktop.ui.prompts import Prompts
from photoessay_desktop.ui.reliability_prompts import (
    QtReliabilityPrompts,
    RecoveryAction,
    ReliabilityPrompts,
)

# Sync clients write in bursts; one look after the dust settles is enough.
_SETTLE_MS = 300
_STATUS_MS = 10_000


class ReliabilityController(QObject):
    """The window's file-safety behaviour; `autosave` is None when no store was given."""

    def __init__(
        self,
        window: QMainWindow,
        document: EssayDocument,
        workflow: FileWorkflow,
        files: EssayFiles,
        prompts: Prompts,
        *,
        autosave_store: AutosaveStore | None = None,
        autosave_seconds: int = 30,
        recovery: RecoverySource | None = None,
        questions: ReliabilityPrompts | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._workflow = workflow
        self._prompts = prompts
        self._questions = questions or QtReliabilityPrompts()
        self._recovery = recovery
        self._guarded = files if isinstance(files, GuardedFiles) else None
        if self._guarded is not None:
            self._guarded.decider = self
        self.autosave = (
            None
            if autosave_store is None
            else AutosaveController(document, autosave_store, autosave_seconds)
        )
        if self.autosave is not None:
            self.autosave.autosave_failed.connect(self._show_status)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_event)
        self._watcher.directoryChanged.connect(self._on_file_event)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(_SETTLE_MS)
        self._settle.timeout.connect(self.check_outside_change)
        self._asking = False
        document.essay_replaced.connect(self._on_essay_replaced)
        document.path_changed.connect(self._watch)
        document.modified_changed.connect(self._watch)

    # -- ConflictDecider (asked by the guarded file layer) ---------------------------------------
    def open_read_only(self, message: str) -> bool:
        return self._questions.open_read_only(self._window, message)

    def overwrite_outside_change(self, name: str) -> bool:
        return self._questions.overwrite_outside_change(self._window, name)

    # -- outside changes -----------------------------------------------------------------------
    def _watch(self, *_args: object) -> None:
        """Watch the open file, its folder (a sync client replaces files by renaming) and the
        folder above (where a rename of the essay's folder shows)."""
        current = self._watcher.files() + self._watcher.directories()
        if current:
            self._watcher.removePaths(current)
        path = self._document.path
        if path is None or self._guarded is None:
            return
        targets = [
            str(p) for p in dict.fromkeys((path, path.parent, path.parent.parent)) if p.exists()
        ]
        if targets:
            self._watcher.addPaths(targets)

    def _on_file_event(self, _path: str) -> None:
        self._settle.start()

    def check_outside_change(self) -> bool:
        """If the open file changed on disk, tell the user and offer to reload; True if it had."""
        guarded, path = self._guarded, self._document.path
        if guarded is None or path is None or self._asking or not guarded.changed_on_disk():
            self._watch()
            return False
        if not path.exists():
            self._show_status(
                f"{path.name} was deleted or moved on disk. Save to write it again."
                if path.parent.is_dir()
                else f"The folder of {path.name} was renamed or removed. Use Save As to keep it."
            )
            self._watch()
            return True
        self._asking = True
        try:
            reload = self._questions.reload_outside_change(
                self._window, path.name, self._document.is_modified
            )
            if reload:
                self._reload(guarded, path)
            else:
                self._show_status(f"Kept your version of {path.name}; saving will ask first.")
        finally:
            self._asking = False
            self._watch()
        return True

    def _reload(self, guarded: GuardedFiles, path: Path) -> None:
        try:
            essay = guarded.reload()
        except DocumentFileError as exc:
            self._prompts.show_error(self._window, "Cannot Reload Essay", str(exc))
            return
        self._document.reset(essay, path)

    # -- lifecycle -------------------------------------------------------------------------------
    def _on_essay_replaced(self) -> None:
        guarded = self._guarded
        if guarded is not None and not _same(guarded.open_path, self._document.path):
            guarded.close()  # New or Close: the old file's lock goes
        if guarded is not None and guarded.read_only and self._document.path is not None:
            self._show_status(f"{self._document.path.name} is open read-only: use Save As.")
        self._watch()

    def clean_close(self) -> None:
        """The window is closing after the user saved or discarded: leave nothing behind."""
        if self.autosave is not None:
            self.autosave.stop()
        if self._guarded is not None:
            self._guarded.close()
        current = self._watcher.files() + self._watcher.directories()
        if current:
            self._watcher.removePaths(current)

    # -- crash recovery ----------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """Offer back what a crash left unsaved; True when an essay was restored."""
        source = self._recovery
        if source is None:
            return False
        while True:
            try:
                offers = source.offers()
            except DocumentFileError:
                return False
            if not offers:
                return False
            decision = self._questions.choose_recovery(self._window, offers, self._compare)
            if decision is None:
                return False  # Decide Later: the autosaves stay for the next start
            if decision.action is RecoveryAction.RESTORE:
                return self._restore(source, decision.offer)
            try:
                source.discard(decision.offer)
            except DocumentFileError as exc:
                self._prompts.show_error(self._window, "Cannot Discard Autosave", str(exc))
                return False

    def _compare(self, offer: RecoveryOffer) -> list[str]:
        assert self._recovery is not None
        try:
            recovered = self._recovery.load(offer)
            saved = self._recovery.load_saved(offer)
        except DocumentFileError as exc:
            return [str(exc)]
        if saved is None:
            return ["There is no saved file to compare with: restoring is the only copy."]
        return describe_differences(saved, recovered) or ["Same as the saved file."]

    def _restore(self, source: RecoverySource, offer: RecoveryOffer) -> bool:
        try:
            essay = source.load(offer)
        except DocumentFileError as exc:
            self._prompts.show_error(self._window, "Cannot Restore Autosave", str(exc))
            return False
        if not self._open_for_restore(offer):
            return False
        edit_requests.replace_essay(self._document, essay, "Restore Autosave")
        # The old autosave goes only once this session's autosave holds the restored work.
        autosave = self.autosave
        if autosave is None or not self._document.is_modified or autosave.autosave_now():
            try:
                source.discard(offer)
            except DocumentFileError as exc:
                self._show_status(str(exc))
        return True

    def _open_for_restore(self, offer: RecoveryOffer) -> bool:
        if not self._workflow.confirm_discard():
            return False
        path = offer.essay_path
        if path is not None and _same(path, self._document.path):
            return True  # already open (the last essay reopened at start)
        if path is not None and path.is_file():
            return self._workflow.open_without_asking(path)
        return self._workflow.new_essay()

    def _show_status(self, message: str) -> None:
        self._window.statusBar().showMessage(message, _STATUS_MS)


def _same(first: Path | None, second: Path | None) -> bool:
    if first is None or second is None:
        return first is None  # nothing open is "the same" as any document
    return first.absolute() == second.absolute()
