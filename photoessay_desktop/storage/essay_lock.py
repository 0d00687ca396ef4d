"""The lock file beside an open essay, so two windows or two colleagues never edit one file blind.

Opening takes `.~lock.NAME#` beside the essay (the name LibreOffice users already recognise),
holding who has it: user, host, process and time. A second opener is told who holds it; a lock
left by a process that no longer runs on this host is taken over. Locks from other hosts are
never broken here: only their owner (or the user, by deleting the file) can say they are stale.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from photoessay_desktop.storage import process_liveness
from photoessay_desktop.storage.sibling_names import sibling_path

LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"
# A lock file with no readable owner is one being written this instant, or one a crash cut short;
# after this long it is the second.
UNREADABLE_GRACE_SECONDS = 10.0
_MAX_LOCK_BYTES = 4096


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock: the user, the computer, the process and since when."""

    holder: str
    host: str
    pid: int
    since: datetime
    started: str | None = None  # process start marker, tells a reused pid apart

    @classmethod
    def current(cls, holder: str | None = None) -> LockOwner:
        """This process, named by holder or the login name."""
        pid = os.getpid()
        return cls(
            holder=holder or _login_name(),
            host=process_liveness.this_host(),
            pid=pid,
            since=datetime.now(UTC),
            started=process_liveness.start_marker(pid),
        )

    def describe(self) -> str:
        """'maria on desk-3 (process 4242) since 24 Nov 16:52', for a message to the user."""
        local = self.since.astimezone()
        return f"{self.holder} on {self.host} (process {self.pid}) since {local:%d %b %H:%M}"

    def is_on_this_host(self) -> bool:
        return self.host == process_liveness.this_host()

    def is_dead(self) -> bool:
        """True only when this host can prove the holding process is gone."""
        return self.is_on_this_host() and not process_liveness.is_running(self.pid, self.started)

    def to_json(self) -> str:
        return json.dumps(
            {
                "app": "PhotoEssay",
                "holder": self.holder,
                "host": self.host,
                "pid": self.pid,
                "since": self.since.isoformat(),
                "started": self.started,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> LockOwner | None:
        """The owner recorded in a lock file, or None when it cannot be read as one."""
        try:
            data: Any = json.loads(text)
            owner = cls(
                holder=str(data["holder"]),
                host=str(data["host"]),
                pid=int(data["pid"]),
                since=datetime.fromisoformat(str(data["since"])),
                started=None if data.get("started") is None else str(data["started"]),
            )
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None
        return owner if owner.since.tzinfo is not None else None


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "someone"


class EssayLockedError(Exception):
    """Someone else has the essay open; str() says who, for the dialog offering read-only."""

    def __init__(self, essay_path: Path, owner: LockOwner | None) -> None:
        self.essay_path = essay_path
        self.owner = owner
        who = owner.describe() if owner is not None else "another program (its lock is unreadable)"
        super().__init__(f"{essay_path} is already open in PhotoEssay by {who}.")


def lock_path_for(essay_path: Path) -> Path:
    """The lock file of an essay; every path to the same file (links included) shares it."""
    return sibling_path(Path(os.path.realpath(essay_path)), prefix=LOCK_PREFIX, suffix=LOCK_SUFFIX)


def read_lock_owner(essay_path: Path) -> LockOwner | None:
    """Who holds the essay's lock now, or None when nobody does (or it is unreadable)."""
    raw = _read_lock(lock_path_for(essay_path))
    return None if raw is None else LockOwner.from_json(raw)


def _read_lock(lock: Path) -> str | None:
    try:
        with lock.open("rb") as handle:
            return handle.read(_MAX_LOCK_BYTES).decode("utf-8", "replace")
    except FileNotFoundError:
        return None
    except OSError:
        return ""


def _age_seconds(lock: Path) -> float:
    try:
        return time.time() - lock.stat().st_mtime
    except OSError:
        return 0.0


def _remove_if_unchanged(lock: Path, seen: str) -> None:
    # Read again just before removing, so a lock taken a moment ago by someone else survives.
    if _read_lock(lock) == seen:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()


class EssayLock:
    """A held lock; release() (or leaving the with block) removes the file if it is still ours."""

    def __init__(
        self, essay_path: Path, lock_path: Path, owner: LockOwner, text: str, fd: int
    ) -> None:
        self.essay_path = essay_path
        self.lock_path = lock_path
        self.owner = owner
        self._text = text
        # Kept open so the lock can still be found (and removed) after its folder is renamed.
        self._fd: int | None = fd
        self._held = True

    @classmethod
    def acquire(cls, essay_path: Path, owner: LockOwner | None = None) -> EssayLock:
        """Take the essay's lock, taking over a dead local holder's.

        Raises EssayLockedError when someone else holds it, OSError when the lock file cannot be
        written at all (a read-only folder: the caller may still open the essay read-only).
        """
        me = owner or LockOwner.current()
        lock = lock_path_for(essay_path)
        text = me.to_json()
        for _attempt in range(5):
            try:
                fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                cls._clear_if_stale(essay_path, lock)
                continue
            try:
                os.write(fd, text.encode("utf-8"))
                os.fsync(fd)
            except BaseException:
                os.close(fd)
                with contextlib.suppress(OSError):
                    lock.unlink()
                raise
            return cls(essay_path, lock, me, text, fd)
        raise EssayLockedError(essay_path, read_lock_owner(essay_path))

    @staticmethod
    def _clear_if_stale(essay_path: Path, lock: Path) -> None:
        """Remove lock if its holder is provably gone; raise EssayLockedError if it is alive."""
        seen = _read_lock(lock)
        if seen is None:
            return  # released meanwhile: try again
        holder = LockOwner.from_json(seen)
        if holder is None:
            if _age_seconds(lock) < UNREADABLE_GRACE_SECONDS:
                raise EssayLockedError(essay_path, None)
        elif not holder.is_dead():
            raise EssayLockedError(essay_path, holder)
        _remove_if_unchanged(lock, seen)

    def is_held(self) -> bool:
        """True while the lock file still holds this lock (nobody removed or replaced it)."""
        return self._held and _read_lock(self.lock_path) == self._text

    def release(self) -> None:
        """Remove the lock file if it is still ours; safe to call twice or after a folder move."""
        if not self._held:
            return
        self._held = False
        where = self.lock_path if _read_lock(self.lock_path) == self._text else self._moved_to()
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        if where is not None:
            with contextlib.suppress(OSError):
                _remove_if_unchanged(where, self._text)

    def _moved_to(self) -> Path | None:
        """Where the lock file is now if its folder was renamed (Linux knows; elsewhere None)."""
        if self._fd is None:
            return None
        try:
            current = Path(os.readlink(f"/proc/self/fd/{self._fd}"))
        except OSError:
            return None
        return None if current.name.endswith(" (deleted)") else current

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()
