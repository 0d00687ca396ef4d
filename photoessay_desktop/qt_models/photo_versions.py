"""Which version of each photo the loader has shown, and notice when one changes on disk.

A photo editor re-tones a picture in another program and expects every view to show the new
one. The photos shown most recently are looked at again every second, and every photo read this
session when the application becomes active. Stats run on a worker thread; this never reads
pixels and never decides what a view shows.
"""

from __future__ import annotations

import enum
import itertools
from collections import OrderedDict
from collections.abc import Iterable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from photoessay_desktop.imaging.file_version import FileVersion, file_version

# The photos on screen and just before: the viewer's, the list's visible rows, the neighbours.
DEFAULT_WATCHED_FILES = 256
# A second is how long a user waits, glancing from the other program, before wondering.
POLL_MS = 1000
# The ticket of a stat made before any of this session's own (the show's early decode): any
# later look at the file outranks it.
BEFORE_FIRST_TICKET = -1


class Observation(enum.Enum):
    """How a version seen by a stat compares with what was known about the photo."""

    FIRST = "first"  # nothing was known
    SAME = "same"
    CHANGED = "changed"  # a newer stat saw a different version: views must show it
    OUTDATED = "outdated"  # an older stat than the last one saw another version: do not keep it


class _StatRelay(QObject):
    statted = Signal(object)  # list[tuple[str, FileVersion | None, int]]


class _StatJob(QRunnable):
    def __init__(self, relay: _StatRelay, refs: list[str], ticket: itertools.count[int]) -> None:
        super().__init__()
        self._relay, self._refs, self._ticket = relay, refs, ticket

    def run(self) -> None:
        seen = []
        for ref in self._refs:
            order = next(self._ticket)  # taken before the stat: a later ticket saw a later file
            seen.append((ref, file_version(ref), order))
        self._relay.statted.emit(seen)


class PhotoVersions(QObject):
    """Versions of the local photos delivered this session; `changed(ref)` when one changes."""

    changed = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        tickets: itertools.count[int] | None = None,
        watched_files: int = DEFAULT_WATCHED_FILES,
    ) -> None:
        super().__init__(parent)
        self._known: dict[str, tuple[FileVersion | None, int]] = {}
        # Shared with the loader's workers, which take a ticket before each stat they make.
        self._ticket = tickets if tickets is not None else itertools.count()
        self._watched_files = watched_files
        self._recent: OrderedDict[str, None] = OrderedDict()  # most recently read last
        self._checking = False  # one round of stats at a time: a slow share must not pile up
        self._owed_full_check = False  # the app became active during a round
        self._stopped = False  # stop(): no more rounds
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check_recent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _StatRelay(self)
        self._relay.statted.connect(self._on_statted)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state)

    def ticket(self) -> int:
        """Take before a stat (any thread): a higher ticket saw the file later."""
        return next(self._ticket)

    def known(self, ref: str) -> FileVersion | None:
        """The newest version seen of `ref` (None: never seen, or not there)."""
        entry = self._known.get(ref)
        return entry[0] if entry else None

    def observe(self, ref: str, version: FileVersion | None, ticket: int) -> Observation:
        """Record what a stat with `ticket` saw; the first sight of a photo starts watching it."""
        entry = self._known.get(ref)
        self._watch(ref)
        if entry is None:
            self._known[ref] = (version, ticket)
            return Observation.FIRST
        known, known_ticket = entry
        if ticket < known_ticket:
            return Observation.SAME if version == known else Observation.OUTDATED
        self._known[ref] = (version, ticket)
        return Observation.SAME if version == known else Observation.CHANGED

    def check(self, refs: Iterable[str] | None = None) -> None:
        """Stat `refs` (all known photos when None) on a worker; `changed` for each one changed."""
        wanted = list(self._known if refs is None else refs)
        if self._stopped:
            return
        if self._checking:
            self._owed_full_check = self._owed_full_check or refs is None
        elif wanted:
            self._checking = True
            self._pool.start(_StatJob(self._relay, wanted, self._ticket))

    def stop(self) -> None:
        """Stop looking and wait for a round of stats in flight (the loader is shutting down).

        Waiting here, from Python, lets the round's worker finish its hand-over; a pool destroyed
        with a round still running would instead wait inside Qt while holding Python's lock that
        the worker needs: a hang."""
        self._stopped = True
        self._poll.stop()
        self._owed_full_check = False
        self._pool.clear()
        self._pool.waitForDone()

    def wait_for_checks(self, msecs: int = -1) -> bool:
        """Block until pending stats are done (tests and shutdown only, never in a slot)."""
        return bool(self._pool.waitForDone(msecs))

    @property
    def watched_files(self) -> frozenset[str]:
        """The photos looked at every second (the rest when the app becomes active)."""
        return frozenset(self._recent)

    def _watch(self, ref: str) -> None:
        # Polled, not a QFileSystemWatcher: inotify allows 128 watchers per user by default, sees
        # nothing on most network shares, and a watcher being destroyed while a Python event
        # filter sits on the application crashes PySide 6.11 (seen in this project's tests).
        if self._watched_files <= 0:
            return
        self._recent[ref] = None
        self._recent.move_to_end(ref)
        while len(self._recent) > self._watched_files:
            self._recent.popitem(last=False)
        if not self._poll.isActive():
            self._poll.start()

    def _check_recent(self) -> None:
        self.check(list(self._recent))

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()  # back from the other program: anything may have changed meanwhile

    def _on_statted(self, seen: list[tuple[str, FileVersion | None, int]]) -> None:
        self._checking = False
        if self._owed_full_check:
            self._owed_full_check = False
            self.check()
        for ref, version, ticket in seen:
            if ref in self._known and self.observe(ref, version, ticket) is Observation.CHANGED:
                self.changed.emit(ref)
