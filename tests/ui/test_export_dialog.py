"""File > Export... as a user drives it: findings, progress, cancel, failure, real exporters.

The dialog runs the real export job through the real ExportRunner (a thread pool); only the save
dialog is replaced, and one test gates the exporter so Cancel lands midway.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from photoessay_desktop.app.editor_app import build_main_window
from photoessay_desktop.app.editor_files import preflight_check
from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.publishing.export_control import ExportControl, ExportProgress, ExportResult
from photoessay_desktop.publishing.export_job import run_export
from photoessay_desktop.publishing.export_request import ExportFormat, ExportRequest
from photoessay_desktop.publishing.review_note import ReviewNote
from photoessay_desktop.qt_models.export_runner import ExportFunction, ExportRunner
from photoessay_desktop.ui.export_dialog import ExportDialog, summary_line
from photoessay_desktop.ui.main_window import MainWindow
from tests.publishing.conftest import ARABIC, HOSTILE, make_photo
from tests.ui.conftest import ScriptedDialogs, ScriptedPrompts, scripted_services

NOTES = (
    ReviewNote(2, "error", "Slide 2 has no credit"),
    ReviewNote(None, "warning", "The standfirst repeats the first paragraph"),
    ReviewNote(3, "warning", "The caption mixes Latin and Cyrillic letters"),
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "Репортаж ✓"
    made.mkdir()
    return made


@pytest.fixture
def essay(folder: Path) -> Essay:
    photo = make_photo(folder / "photo.jpg", (640, 420))
    return Essay(
        title=f"Title {HOSTILE}",
        language="en",
        slides=(
            Slide(id="a", image=str(photo), caption=HOSTILE, credit="A / AFP", alt_text="x"),
            Slide(id="b", caption=ARABIC),
            Slide(id="c", image="https://static.example.com/p.jpg", caption="Remote"),
        ),
    )


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    own = QThreadPool()
    yield own
    own.waitForDone(10_000)


def _dialog(
    qtbot: QtBot,
    essay: Essay,
    folder: Path,
    pool: QThreadPool,
    *,
    export: ExportFunction = run_export,
    notes: tuple[ReviewNote, ...] = NOTES,
    chosen: Path | None = None,
    opened: list[Path] | None = None,
) -> ExportDialog:
    def choose(_parent: QWidget, _format: ExportFormat, _suggested: Path) -> Path | None:
        return chosen

    runner = ExportRunner(export, pool)
    dialog = ExportDialog(
        essay,
        runner,
        notes=notes,
        folder=folder,
        stem="bakhmut.essay.json",
        choose_target=choose,
        open_result=(opened if opened is not None else []).append,
    )
    runner.setParent(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_preflight_summary_comes_first_and_can_send_the_user_to_fix(
    qtbot: QtBot, essay: Essay, folder: Path, pool: QThreadPool
) -> None:
    dialog = _dialog(qtbot, essay, folder, pool)

    assert dialog.summary_label.text().startswith("Preflight: 1 error, 2 warnings.")
    items = [dialog.findings_list.item(i).text() for i in range(dialog.findings_list.count())]
    assert items[0] == "Slide 2 - error: Slide 2 has no credit"
    assert items[1].startswith("Essay - warning:")
    with qtbot.waitSignal(dialog.fix_findings_requested):
        qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert list(folder.iterdir()) == [folder / "photo.jpg"]


def test_without_findings_there_is_nothing_to_fix(
    qtbot: QtBot, essay: Essay, folder: Path, pool: QThreadPool
) -> None:
    dialog = _dialog(qtbot, essay, folder, pool, notes=())
    assert dialog.summary_label.text() == summary_line(()) == "Preflight found nothing to fix."
    assert not dialog.fix_button.isVisible()
    assert not dialog.findings_list.isVisible()


def test_export_a_web_page_with_progress_and_warnings(
    qtbot: QtBot, essay: Essay, folder: Path, pool: QThreadPool
) -> None:
    opened: list[Path] = []
    dialog = _dialog(qtbot, essay, folder, pool, opened=opened)
    target = folder / "bakhmut (web)"
    assert not dialog.open_button.isVisible()
    assert dialog.target_edit.text() == str(target)
    assert not dialog.contact_sheet_box.isEnabled()

    seen: list[int] = []
    dialog._runner.progressed.connect(lambda done, _total, _message: seen.append(done))
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000) as finished:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Export is the default button

    result = finished.args[0]
    assert isinstance(result, ExportResult)
    assert (target / "index.html").exists()
    assert dialog.status_label.text() == f"Exported to {target}"
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum() > 0
    assert seen == sorted(seen) and seen
    warnings = [dialog.warnings_list.item(i).text() for i in range(dialog.warnings_list.count())]
    assert any("static.example.com" in w for w in warnings)
    assert dialog.warnings_list.isVisible()
    assert dialog.cancel_button.text() == "Close"
    assert dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [target / "index.html"]


def test_pdf_with_a_contact_sheet_to_a_chosen_place(
    qtbot: QtBot, essay: Essay, folder: Path, pool: QThreadPool
) -> None:
    chosen = folder / "review copy.pdf"
    dialog = _dialog(qtbot, essay, folder, pool, chosen=chosen)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(ExportFormat.PDF))
    assert dialog.target_edit.text() == str(folder / "bakhmut.pdf")
    assert dialog.contact_sheet_box.isEnabled()
    qtbot.mouseClick(dialog.contact_sheet_box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.target_edit.text() == str(chosen)
    assert dialog.request().contact_sheet_notes == NOTES

    with qtbot.waitSignal(dialog.export_finished, timeout=30_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert chosen.read_bytes().startswith(b"%PDF")


def test_cancel_midway_stops_the_export_and_leaves_nothing(
    qtbot: QtBot, essay: Essay, folder: Path, pool: QThreadPool
) -> None:
    gate = threading.Event()

    def gated(request: ExportRequest, control: ExportControl) -> ExportResult:
        def report(progress: ExportProgress) -> None:
            control.on_progress(progress)
            gate.wait(10)  # hold the export here until the user has pressed Cancel

        return run_export(request, ExportControl(report, control.is_cancelled))

    dialog = _dialog(qtbot, essay, folder, pool, export=gated)
    with qtbot.waitSignal(dialog._runner.progressed, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.export_button.isEnabled()
    assert not dialog.format_box.isEnabled()

    with qtbot.waitSignal(dialog._runner.cancelled, timeout=10_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert dialog.status_label.text() == "Cancelling…"
        gate.set()

    assert not dialog.isVisible()
    assert sorted(p.name for p in folder.iterdir()) == ["photo.jpg"]


def test_a_failed_export_says_why_and_can_be_retried(
    qtbot: QtBot, essay: Essay, folder: Path, pool: QThreadPool
) -> None:
    occupied = folder / "My files"
    occupied.mkdir()
    (occupied / "keep.txt").write_text("mine", encoding="utf-8")
    dialog = _dialog(qtbot, essay, folder, pool)
    dialog.target_edit.setText(str(occupied))

    with qtbot.waitSignal(dialog._runner.failed, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    assert dialog.status_label.text().startswith("The export failed:")
    assert "already holds other files" in dialog.status_label.text()
    assert dialog.status_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.export_button.isEnabled()
    assert dialog.isVisible()
    assert (occupied / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_an_empty_destination_cannot_be_exported(
    qtbot: QtBot, essay: Essay, folder: Path, pool: QThreadPool
) -> None:
    dialog = _dialog(qtbot, essay, folder, pool)
    dialog.target_edit.clear()
    assert not dialog.export_button.isEnabled()
    # QTest types Latin-1 only, so the typed path is ASCII (the folder name is not).
    qtbot.keyClicks(dialog.target_edit, "/tmp/web-out")
    assert dialog.export_button.isEnabled()
    assert dialog.request().target == Path("/tmp/web-out")


def _window_with_export(
    qtbot: QtBot, tmp_path: Path, chosen: list[Path]
) -> tuple[MainWindow, ScriptedDialogs]:
    def choose(_parent: QWidget, _format: ExportFormat, _suggested: Path) -> Path | None:
        return chosen.pop(0) if chosen else None

    dialogs = ScriptedDialogs()
    services = scripted_services(
        tmp_path / "config",
        dialogs,
        ScriptedPrompts(),
        check=preflight_check,
        export=run_export,
        choose_export_target=choose,
    )
    window = build_main_window(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, dialogs


def test_file_export_from_the_editor_window(qtbot: QtBot, lakes: Path, tmp_path: Path) -> None:
    target = lakes.parent / "lakes web"
    window, _dialogs = _window_with_export(qtbot, tmp_path, [target])
    assert window.files.open_essay(lakes)
    # Two of the ten 2560 px photos keep the test quick on two shared cores.
    essay = window.document.essay
    window.document.reset(essay.model_copy(update={"slides": essay.slides[:2]}), lakes)
    export_action = window.actions_.export
    assert export_action in window.menu("file").actions()
    assert export_action.isEnabled() and export_action.isVisible()

    export_action.trigger()
    exports = window.exports
    assert exports is not None and exports.dialog is not None
    dialog = exports.dialog
    assert dialog.isVisible()
    assert dialog.target_edit.text() == str(lakes.parent / "lakes (web)")
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    page = (target / "index.html").read_text(encoding="utf-8")
    assert f'<h1 dir="auto">{html.escape(essay.title)}</h1>' in page
    assert page.count("<figure") == 2
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # now "Close"
    qtbot.waitUntil(lambda: exports.dialog is None)

    # The next export starts where this one went, in the same format.
    other = tmp_path / "elsewhere"
    window.actions_.export.trigger()
    again = exports.dialog
    assert again is not None
    assert again.export_format is ExportFormat.HTML
    assert again.target_edit.text() == str(lakes.parent / "lakes (web)")
    again.format_box.setCurrentIndex(again.format_box.findData(ExportFormat.MARKDOWN))
    again.target_edit.setText(str(other / "lakes.md"))
    with qtbot.waitSignal(again.export_finished, timeout=20_000):
        qtbot.mouseClick(again.export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(again.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: exports.dialog is None)
    window.actions_.export.trigger()
    third = exports.dialog
    assert third is not None
    assert third.export_format is ExportFormat.MARKDOWN
    assert third.target_edit.text() == str(other / "lakes.md")
    assert (other / "lakes.md").read_text(encoding="utf-8").startswith("# ")


def test_fix_findings_first_opens_the_preflight_panel_on_the_first_finding(
    qtbot: QtBot, lakes: Path, tmp_path: Path
) -> None:
    window, _dialogs = _window_with_export(qtbot, tmp_path, [])
    assert window.files.open_essay(lakes)
    slides = window.document.essay.slides
    # Make a finding: the second slide loses its credit.
    window.edit_panel.show_slide(1)
    edited = window.document.essay.model_copy(
        update={"slides": (slides[0], slides[1].model_copy(update={"credit": ""}), *slides[2:])}
    )
    window.document.reset(edited, lakes)
    window.preflight_dock.hide()

    window.actions_.export.trigger()
    exports = window.exports
    assert exports is not None and exports.dialog is not None
    dialog = exports.dialog
    assert dialog.fix_button.isVisible()
    assert any(
        "2" in dialog.findings_list.item(i).text() for i in range(dialog.findings_list.count())
    )
    qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: exports.dialog is None)
    assert window.preflight_dock.isVisible()
    first = window.preflight.findings[0]
    if first.slide is not None:
        assert window.slide_list.current_row() == first.slide - 1
    assert not (lakes.parent / "lakes (web)").exists()
