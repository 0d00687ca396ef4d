"""Autosave copies of open essays under the state folder, and what a crash left to recover.

Each open essay (untitled ones too) has a slot: one file `SESSION-KEY.autosave.json` in the autosave
folder, never beside or over the user's file. A clean close removes it; whatever a dead process
left behind is offered back on the next start. The folder is injected, so tests never touch the
user's real state folder. No Qt: the timer that calls write() lives in the document layer.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.storage import process_liveness
from photoessay_desktop.storage.atomic_file import write_atomically
from photoessay_desktop.storage.essay_file import MAX_FILE_BYTES, essay_from_json, essay_to_json
from photoessay_desktop.storage.essay_file_error import EssayFileError

AUTOSAVE_FORMAT = "photoessay-autosave"
AUTOSAVE_VERSION = 1
AUTOSAVE_SUFFIX = ".autosave.json"


def default_autosave_folder() -> Path:
    """`autosave/` in the platform's per-user state folder (~/.local/state/PhotoEssay on Linux)."""
    return platformdirs.user_state_path("PhotoEssay", appauthor=False) / "autosave"


@dataclass(frozen=True)
class AutosaveSlot:
    """Where one open essay of this process is autosaved; Save As to a new path needs a new slot."""

    key: str
    essay_path: Path | None


@dataclass(frozen=True)
class RecoverableEssay:
    """An autosave left by a process that is gone, as the recovery dialog lists it."""

    autosave_path: Path
    essay_path: Path | None  # None: it was never saved (untitled)
    saved_at: datetime | None
    title: str
    slide_count: int
    problem: str | None = None  # set when the autosave itself cannot be read

    def describe(self) -> str:
        """'Bakhmut (lakes.essay.json), 12 slides' or 'Untitled, 3 slides'."""
        name = self.title or "Untitled"
        where = f" ({self.essay_path.name})" if self.essay_path is not None else ""
        return f"{name}{where}, {self.slide_count} slides"


class AutosaveStore:
    """Writes, lists and removes autosave files in one folder, on behalf of one process."""

    def __init__(self, folder: Path, *, session: str | None = None) -> None:
        self.folder = folder
        self.session = session or uuid.uuid4().hex[:12]
        self._pid = os.getpid()
        self._started = process_liveness.start_marker(self._pid)
        self._host = process_liveness.this_host()

    def slot_for(self, essay_path: Path | None) -> AutosaveSlot:
        """The slot of an essay saved at essay_path, or a fresh one for an untitled essay."""
        if essay_path is None:
            return AutosaveSlot(f"{self.session}-untitled-{uuid.uuid4().hex[:8]}", None)
        absolute = Path(os.path.abspath(essay_path))
        digest = hashlib.sha256(os.fsencode(absolute)).hexdigest()[:16]
        return AutosaveSlot(f"{self.session}-{digest}", absolute)

    def path_of(self, slot: AutosaveSlot) -> Path:
        return self.folder / f"{slot.key}{AUTOSAVE_SUFFIX}"

    def write(self, slot: AutosaveSlot, essay: Essay) -> Path:
        """Store essay in slot atomically (the previous autosave survives a failure); OSError."""
        self.folder.mkdir(parents=True, exist_ok=True)
        envelope: dict[str, Any] = {
            "format": AUTOSAVE_FORMAT,
            "version": AUTOSAVE_VERSION,
            "essay_path": None if slot.essay_path is None else os.fsdecode(slot.essay_path),
            "saved_at": datetime.now(UTC).isoformat(),
            "host": self._host,
            "pid": self._pid,
            "started": self._started,
            # Image paths relative to the autosave folder: load() resolves them back against it.
            "essay": json.loads(essay_to_json(essay, self.folder)),
        }
        target = self.path_of(slot)
        write_atomically(target, json.dumps(envelope, ensure_ascii=False).encode("utf-8"))
        return target

    def remove(self, slot: AutosaveSlot) -> None:
        """Forget slot's autosave (after a save or a clean close); missing is fine."""
        with contextlib.suppress(FileNotFoundError):
            self.path_of(slot).unlink()

    def discard(self, entry: RecoverableEssay) -> None:
        """Delete an autosave the user chose not to restore."""
        with contextlib.suppress(FileNotFoundError):
            entry.autosave_path.unlink()

    def recoverable(self) -> list[RecoverableEssay]:
        """Autosaves whose process is gone (a crash), newest first; never a live instance's."""
        found: list[RecoverableEssay] = []
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            for path in self.folder.iterdir():
                if path.name.endswith(AUTOSAVE_SUFFIX) and not path.name.startswith("."):
                    entry = self._entry(path)
                    if entry is not None:
                        found.append(entry)
        oldest = datetime.min.replace(tzinfo=UTC)
        return sorted(found, key=lambda entry: entry.saved_at or oldest, reverse=True)

    def load(self, entry: RecoverableEssay) -> Essay:
        """The essay kept in an autosave; EssayFileError naming the autosave when it is bad."""
        envelope = _read_envelope(entry.autosave_path)
        return _essay_of(entry.autosave_path, envelope)

    def _entry(self, path: Path) -> RecoverableEssay | None:
        try:
            envelope = _read_envelope(path)
        except EssayFileError as exc:
            return RecoverableEssay(path, None, None, "", 0, problem=str(exc))
        if self._belongs_to_a_live_process(envelope):
            return None
        essay_path = envelope.get("essay_path")
        essay: Any = envelope.get("essay")
        slides = essay.get("slides") if isinstance(essay, dict) else None
        title = essay.get("title") if isinstance(essay, dict) else None
        return RecoverableEssay(
            autosave_path=path,
            essay_path=Path(essay_path) if isinstance(essay_path, str) and essay_path else None,
            saved_at=_parse_time(envelope.get("saved_at")),
            title=title if isinstance(title, str) else "",
            slide_count=len(slides) if isinstance(slides, list) else 0,
        )

    def _belongs_to_a_live_process(self, envelope: dict[str, Any]) -> bool:
        pid, host, started = envelope.get("pid"), envelope.get("host"), envelope.get("started")
        if not isinstance(pid, int) or host != self._host:
            return False
        if pid == self._pid:
            return True  # ours: this session's own autosaves are not a crash's leftovers
        return process_liveness.is_running(pid, started if isinstance(started, str) else None)


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _read_envelope(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = handle.read(2 * MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise EssayFileError(path, f"cannot be read: {exc.strerror or exc}") from None
    try:
        envelope = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise EssayFileError(path, "is not a readable autosave (it is damaged)") from None
    if not isinstance(envelope, dict) or envelope.get("format") != AUTOSAVE_FORMAT:
        raise EssayFileError(path, "is not a PhotoEssay autosave")
    if envelope.get("version") != AUTOSAVE_VERSION:
        raise EssayFileError(path, "was written by another version of PhotoEssay")
    return envelope


def _essay_of(path: Path, envelope: dict[str, Any]) -> Essay:
    essay = envelope.get("essay")
    if not isinstance(essay, dict):
        raise EssayFileError(path, "holds no essay")
    return essay_from_json(json.dumps(essay, ensure_ascii=False), path)
