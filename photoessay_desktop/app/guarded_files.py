"""The editor's project files with the safety catches: lock on open, backup and outside-change check
on save, and the read-only choice when someone else has the essay open.

It implements document.essay_files.EssayFiles and document.file_safety.GuardedFiles over
storage.open_essay_file. Questions for the user go to the ConflictDecider the window sets; with
none, every conflict is refused, never resolved by overwriting. No widgets here.
"""

from __future__ import annotations

import os
from pathlib import Path

from photoessay_desktop.document.essay_files import DocumentFileError, EssayFiles, ImportedArticle
from photoessay_desktop.document.file_safety import ConflictDecider, OpenCancelledError
from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.storage.essay_file_error import EssayFileError
from photoessay_desktop.storage.essay_lock import EssayLockedError, LockOwner
from photoessay_desktop.storage.open_essay_file import ExternalChangeError, OpenEssayFile


def _same_file(first: Path, second: Path) -> bool:
    return os.path.abspath(first) == os.path.abspath(second)


class GuardedEssayFiles:
    """EssayFiles that hold the open essay's lock and never overwrite an outside change unasked."""

    def __init__(self, articles: EssayFiles, owner: LockOwner | None = None) -> None:
        # Article import has no file to guard: it is passed straight to the plain file layer.
        self._articles = articles
        self._owner = owner
        self._open: OpenEssayFile | None = None
        self.decider: ConflictDecider | None = None

    # -- what the window asks about the open file -----------------------------------------------
    @property
    def open_path(self) -> Path | None:
        return None if self._open is None else self._open.path

    @property
    def read_only(self) -> bool:
        return self._open is not None and self._open.read_only

    @property
    def lock_problem(self) -> str | None:
        return None if self._open is None else self._open.lock_problem

    def changed_on_disk(self) -> bool:
        """True when the open file is no longer the version last opened or saved here."""
        return self._open is not None and self._open.changed_on_disk()

    def reload(self) -> Essay:
        """The open file as it is on disk now (after an outside change the user chose to take)."""
        if self._open is None:
            raise DocumentFileError("No essay file is open.")
        try:
            return self._open.reload()
        except EssayFileError as exc:
            raise DocumentFileError(str(exc)) from None

    def close(self) -> None:
        """Release the open file's lock (the essay was closed, or another replaced it)."""
        if self._open is not None:
            self._open.close()
            self._open = None

    # -- EssayFiles ----------------------------------------------------------------------------
    def load(self, path: Path) -> Essay:
        if self._open is not None and _same_file(self._open.path, path):
            self.close()  # this window reopening its own file: its own lock must not stop it
        try:
            opened, essay = OpenEssayFile.open(path, owner=self._owner)
        except EssayLockedError as exc:
            if self.decider is None or not self.decider.open_read_only(str(exc)):
                raise OpenCancelledError(str(exc)) from None
            opened, essay = self._open_read_only(path)
        except EssayFileError as exc:
            raise DocumentFileError(str(exc)) from None
        self.close()
        self._open = opened
        return essay

    def _open_read_only(self, path: Path) -> tuple[OpenEssayFile, Essay]:
        try:
            return OpenEssayFile.open(path, read_only=True)
        except EssayFileError as exc:
            raise DocumentFileError(str(exc)) from None

    def save(self, essay: Essay, path: Path) -> None:
        try:
            if self._open is not None and _same_file(self._open.path, path):
                self._save_in_place(self._open, essay)
            else:
                opened = self._save_new(essay, path)
                self.close()
                self._open = opened
        except EssayLockedError as exc:
            raise DocumentFileError(f"{exc} Choose another name to save a copy.") from None
        except EssayFileError as exc:
            raise DocumentFileError(str(exc)) from None

    def _save_new(self, essay: Essay, path: Path) -> OpenEssayFile:
        try:
            return OpenEssayFile.save_new(essay, path, owner=self._owner)
        except EssayLockedError as exc:
            holder = exc.owner
            if holder is None or holder.pid != os.getpid() or not holder.is_on_this_host():
                raise
        # Our own lock is there: the open essay's folder was renamed to where we now save.
        self.close()
        return OpenEssayFile.save_new(essay, path, owner=self._owner)

    def _save_in_place(self, opened: OpenEssayFile, essay: Essay) -> None:
        if not opened.path.parent.is_dir():
            # Nobody's version to protect: the save fails and says the folder is gone.
            opened.save(essay, overwrite_changes=True)
            return
        try:
            opened.save(essay)
        except ExternalChangeError as exc:
            if self.decider is None or not self.decider.overwrite_outside_change(opened.path.name):
                raise DocumentFileError(
                    f"{exc.path}: was not saved, because it changed on disk since you opened "
                    "it. Use Save As to keep your version beside theirs."
                ) from None
            opened.save(essay, overwrite_changes=True)

    def import_article(self, path: Path) -> ImportedArticle:
        return self._articles.import_article(path)
