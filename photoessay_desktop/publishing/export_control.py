"""How a running export reports progress and learns it was cancelled, without knowing who drives it.

Plain callables so the CLI, the tests and the editor's worker thread can all drive the same
exporter; nothing here touches files, Qt or pixels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


class ExportCancelledError(Exception):
    """The user cancelled the export; nothing was written at the target."""


class ExportError(Exception):
    """An export that could not be completed; str() is the whole message for the user."""


@dataclass(frozen=True, slots=True)
class ExportProgress:
    """One step of an export: `done` of `total` steps finished, and what happens now."""

    done: int
    total: int
    message: str


def _never() -> bool:
    return False


def _ignore(_progress: ExportProgress) -> None:
    return None


@dataclass(frozen=True, slots=True)
class ExportControl:
    """The hooks an exporter calls: `on_progress` after each step, `is_cancelled` between steps."""

    on_progress: Callable[[ExportProgress], None] = field(default=_ignore)
    is_cancelled: Callable[[], bool] = field(default=_never)

    def check(self) -> None:
        """Raise ExportCancelledError when the driver asked to stop."""
        if self.is_cancelled():
            raise ExportCancelledError("the export was cancelled")

    def report(self, done: int, total: int, message: str) -> None:
        """Report progress, then stop here if the driver cancelled meanwhile."""
        self.on_progress(ExportProgress(done, total, message))
        self.check()


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export made and what the user should know about it (photos left out, and so on)."""

    path: str
    warnings: tuple[str, ...] = ()
