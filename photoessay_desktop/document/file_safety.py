"""The contracts between the window and the file-safety services (locks, outside changes, recovery).

The app layer implements them over storage; the window's controller and dialogs use only these
shapes, so widgets never import storage. Plain types and protocols: no Qt, no files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from photoessay_desktop.document.essay_files import DocumentFileError
from photoessay_desktop.domain.essay import Essay


class OpenCancelledError(DocumentFileError):
    """The user chose not to open a file that is in use: nothing to report, nothing changed."""


class ConflictDecider(Protocol):
    """The user's answers to the two questions a shared file raises."""

    def open_read_only(self, message: str) -> bool:
        """Someone else has it open (message says who): open it read-only instead?"""
        ...

    def overwrite_outside_change(self, name: str) -> bool:
        """The file changed on disk since it was opened: replace that version with ours?"""
        ...


@runtime_checkable
class GuardedFiles(Protocol):
    """What the window asks of a file layer that locks and watches the open essay."""

    decider: ConflictDecider | None

    @property
    def open_path(self) -> Path | None: ...

    @property
    def read_only(self) -> bool: ...

    def changed_on_disk(self) -> bool: ...

    def reload(self) -> Essay: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class RecoveryOffer:
    """An autosave a crash left behind, as the recovery dialog lists it."""

    key: str  # opaque to the window: the source's own handle
    essay_path: Path | None  # None: it was never saved (untitled)
    saved_at: datetime | None
    description: str  # "Lakes (lakes.essay.json), 12 slides"
    problem: str | None = None  # set when the autosave itself cannot be read


class RecoverySource(Protocol):
    """Autosaves to offer back after a crash; every failure is a DocumentFileError."""

    def offers(self) -> Sequence[RecoveryOffer]: ...

    def load(self, offer: RecoveryOffer) -> Essay: ...

    def load_saved(self, offer: RecoveryOffer) -> Essay | None:
        """The essay file the autosave belongs to, as it is on disk (None: untitled or gone)."""
        ...

    def discard(self, offer: RecoveryOffer) -> None: ...
