"""Runs an export off the GUI thread and reports progress, the result or the failure by signal.

The export function is injected (publishing's run_export in the app, a fake or the real one in
tests), so this module never imports the exporters, Pillow or storage. Cancelling sets a flag the
exporter checks between steps; the target is then left as it was. Never QtWidgets.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from photoessay_desktop.publishing.export_control import (
    ExportCancelledError,
    ExportControl,
    ExportError,
    ExportProgress,
    ExportResult,
)
from photoessay_desktop.publishing.export_request import ExportRequest

ExportFunction = Callable[[ExportRequest, ExportControl], ExportResult]


class _Relay(QObject):
    """Carries the worker thread's news to the runner's thread (queued signals)."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


def _run_export(
    export: ExportFunction, request: ExportRequest, relay: _Relay, stop: threading.Event
) -> None:
    """The worker thread's whole job: run the export and report how it ended, once."""

    def report(progress: ExportProgress) -> None:
        relay.progressed.emit(progress.done, progress.total, progress.message)

    control = ExportControl(on_progress=report, is_cancelled=stop.is_set)
    try:
        result = export(request, control)
    except ExportCancelledError:
        relay.cancelled.emit()
    except ExportError as exc:
        relay.failed.emit(str(exc))
    except Exception as exc:  # a bug in an exporter must reach the user, not kill the thread
        relay.failed.emit(f"the export failed unexpectedly ({type(exc).__name__}: {exc})")
    else:
        relay.finished.emit(result)


class ExportRunner(QObject):
    """Starts one export at a time in a thread pool; cancel() asks it to stop.

    Signals (delivered on the thread that owns the runner, the GUI thread in the app):
    progressed(done, total, message), finished(ExportResult), failed(message), cancelled().
    Exactly one of finished, failed or cancelled ends each export.
    """

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        export: ExportFunction,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._export = export
        # Its own one-thread pool: a long export must not take the global pool's threads away
        # from whatever else the window runs there.
        self._pool = pool or self._own_pool()
        self._stop: threading.Event | None = None
        # One relay for the runner's life, connected once: deleting a relay per export (deleteLater)
        # crashed PySide when its queued signals and its deletion met in the event loop.
        self._relay = _Relay(self)
        self._relay.progressed.connect(self.progressed)
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._relay.cancelled.connect(self._cancelled)

    def _own_pool(self) -> QThreadPool:
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)
        return pool

    @property
    def running(self) -> bool:
        """True from start() until finished, failed or cancelled has been emitted."""
        return self._stop is not None

    def start(self, request: ExportRequest) -> None:
        """Begin exporting request in the background; RuntimeError if one is already running."""
        if self._stop is not None:
            raise RuntimeError("an export is already running")
        self._stop = threading.Event()
        # A plain callable: PySide wraps it in a QRunnable that Qt owns and deletes, so no Python
        # QRunnable subclass can be collected while its thread still runs it.
        self._pool.start(
            functools.partial(_run_export, self._export, request, self._relay, self._stop)
        )

    def cancel(self) -> None:
        """Ask the running export to stop at its next step (nothing happens when none runs)."""
        if self._stop is not None:
            self._stop.set()

    def _finished(self, result: ExportResult) -> None:
        self._stop = None
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self._stop = None
        self.failed.emit(message)

    def _cancelled(self) -> None:
        self._stop = None
        self.cancelled.emit()
