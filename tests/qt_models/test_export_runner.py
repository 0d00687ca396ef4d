"""ExportRunner: one export at a time off the GUI thread, and exactly one ending signal each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QThreadPool
from pytestqt.qtbot import QtBot

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.publishing.export_control import ExportControl, ExportError, ExportResult
from photoessay_desktop.publishing.export_request import ExportFormat, ExportRequest
from photoessay_desktop.qt_models.export_runner import ExportRunner

REQUEST = ExportRequest(Essay(), ExportFormat.HTML, Path("/nowhere"))


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    own = QThreadPool()
    yield own
    own.waitForDone(10_000)


def test_the_export_runs_off_the_gui_thread_and_reports_in_order(
    qtbot: QtBot, pool: QThreadPool
) -> None:
    threads: list[QThread] = []

    def export(request: ExportRequest, control: ExportControl) -> ExportResult:
        threads.append(QThread.currentThread())
        for step in range(3):
            control.report(step + 1, 3, f"step {step + 1}")
        return ExportResult(str(request.target))

    runner = ExportRunner(export, pool)
    progress: list[tuple[int, int, str]] = []
    runner.progressed.connect(lambda *args: progress.append(args))
    with qtbot.waitSignal(runner.finished) as finished:
        runner.start(REQUEST)
        assert runner.running
        with pytest.raises(RuntimeError, match="already running"):
            runner.start(REQUEST)

    assert finished.args[0] == ExportResult("/nowhere")
    assert progress == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
    assert threads and threads[0] is not QThread.currentThread()
    assert not runner.running


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (ExportError("the disk is full"), "the disk is full"),
        (KeyError("boom"), "the export failed unexpectedly (KeyError: 'boom')"),
    ],
)
def test_errors_end_as_one_failed_signal(
    qtbot: QtBot, pool: QThreadPool, error: Exception, message: str
) -> None:
    def export(_request: ExportRequest, _control: ExportControl) -> ExportResult:
        raise error

    runner = ExportRunner(export, pool)
    ended: list[str] = []
    runner.finished.connect(lambda _r: ended.append("finished"))
    runner.cancelled.connect(lambda: ended.append("cancelled"))
    with qtbot.waitSignal(runner.failed) as failed:
        runner.start(REQUEST)
    assert failed.args == [message]
    assert ended == []
    assert not runner.running


def test_cancel_before_the_first_step_ends_as_cancelled(qtbot: QtBot, pool: QThreadPool) -> None:
    pool.setMaxThreadCount(1)
    runner = ExportRunner(lambda _r, control: (control.check(), ExportResult("x"))[1], pool)
    pool.start(lambda: QThread.msleep(200))  # keep the only thread busy so cancel lands first
    with qtbot.waitSignal(runner.cancelled):
        runner.start(REQUEST)
        runner.cancel()
    runner.cancel()  # nothing running: harmless
    assert not runner.running
