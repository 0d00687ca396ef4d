"""An essay file as the editor holds it open: its lock, and the version on disk it last saw.

Saving through it keeps a backup, refuses a read-only file, and never silently overwrites a change
someone else made on disk (ExternalChangeError: the caller asks the user, then saves with
overwrite_changes=True). It does not decide anything for the user and holds no essay state.
"""

from __future__ import annotations

from pathlib import Path

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.storage.atomic_file import remove_leftover_temporaries
from photoessay_desktop.storage.essay_file import load_essay, save_essay
from photoessay_desktop.storage.essay_file_error import EssayFileError
from photoessay_desktop.storage.essay_lock import EssayLock, LockOwner
from photoessay_desktop.storage.file_identity import FileIdentity, changed_since, identity_of


class ExternalChangeError(EssayFileError):
    """The file changed on disk since it was opened or saved; saving now would overwrite that."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "was changed on disk by another program or person since you opened it; saving "
            "would overwrite their changes",
        )


class OpenEssayFile:
    """One open project file. Build it with open() (or for_new_file() after a first Save As)."""

    def __init__(
        self,
        path: Path,
        *,
        lock: EssayLock | None,
        identity: FileIdentity | None,
        read_only: bool,
        lock_problem: str | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        # Why no lock is held although the file is not read-only (a read-only folder), or None.
        self.lock_problem = lock_problem
        self._lock = lock
        self._identity = identity

    @classmethod
    def open(
        cls, path: Path, *, read_only: bool = False, owner: LockOwner | None = None
    ) -> tuple[OpenEssayFile, Essay]:
        """Lock and load path. Raises EssayLockedError (someone has it) or EssayFileError.

        With read_only no lock is taken and save() refuses. When the lock file cannot be written
        (a read-only folder or share), the essay opens without one and lock_problem says why.
        """
        lock: EssayLock | None = None
        lock_problem: str | None = None
        if not read_only:
            try:
                lock = EssayLock.acquire(path, owner)
            except OSError as exc:
                lock_problem = f"no lock file could be written beside it ({exc.strerror or exc})"
            else:
                # Holding the lock, nobody else can be saving: temporaries are a crash's debris.
                remove_leftover_temporaries(path)
        try:
            # The identity is taken first: a change between the two reads then shows as a change.
            identity = identity_of(path)
            essay = load_essay(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        opened = cls(
            path, lock=lock, identity=identity, read_only=read_only, lock_problem=lock_problem
        )
        return opened, essay

    @classmethod
    def save_new(cls, essay: Essay, path: Path, *, owner: LockOwner | None = None) -> OpenEssayFile:
        """Save essay to path (Save As, or the first save of an untitled essay) and hold it open.

        Raises EssayLockedError when someone else has that file open, EssayFileError on failure.
        """
        lock: EssayLock | None = None
        lock_problem: str | None = None
        try:
            lock = EssayLock.acquire(path, owner)
        except OSError as exc:
            lock_problem = f"no lock file could be written beside it ({exc.strerror or exc})"
        try:
            save_essay(essay, path, keep_backup=True)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(
            path,
            lock=lock,
            identity=identity_of(path),
            read_only=False,
            lock_problem=lock_problem,
        )

    @property
    def holds_lock(self) -> bool:
        return self._lock is not None and self._lock.is_held()

    def changed_on_disk(self) -> bool:
        """True when the file is no longer the version this session last read or wrote."""
        try:
            return changed_since(self.path, self._identity)
        except OSError:
            return True

    def save(self, essay: Essay, *, overwrite_changes: bool = False) -> None:
        """Save essay over the file; ExternalChangeError if it changed on disk meanwhile.

        Raises EssayFileError (read-only session or file, full disk, ...) leaving the file as it
        was; the caller keeps the essay modified.
        """
        if self.read_only:
            raise EssayFileError(self.path, "was opened read-only; use Save As to keep a copy")
        if not overwrite_changes and self.changed_on_disk():
            raise ExternalChangeError(self.path)
        save_essay(essay, self.path, keep_backup=True)
        self._identity = identity_of(self.path)

    def reload(self) -> Essay:
        """Read the file again (after an outside change the user chose to take)."""
        identity = identity_of(self.path)
        essay = load_essay(self.path)
        self._identity = identity
        return essay

    def close(self) -> None:
        """Release the lock; the file itself is left as it is."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None
