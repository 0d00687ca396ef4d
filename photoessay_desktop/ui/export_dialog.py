"""File > Export...: choose a format and a place, see preflight's findings, export with progress.

The export runs in the background through ExportRunner (the GUI never waits); Cancel stops it and
leaves the target as it was. "Fix findings first" closes the dialog and asks the window to show the
findings. The file dialog sits behind a callable the tests replace. No file access, no pixels here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.essay_name import ESSAY_SUFFIX
from photoessay_desktop.publishing.export_control import ExportResult
from photoessay_desktop.publishing.export_request import ExportFormat, ExportRequest
from photoessay_desktop.publishing.review_note import ReviewNote
from photoessay_desktop.qt_models.export_runner import ExportRunner
from photoessay_desktop.ui.export_target import TargetChooser, ask_export_target

# Shows a finished export to the user (the system's browser, PDF viewer or file manager).
ResultOpener = Callable[[Path], None]
SHOWN_FINDINGS = 50


def open_with_system(path: Path) -> None:
    """Open path with the desktop's default application for it."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def result_to_open(export_format: ExportFormat, target: Path) -> Path:
    """What "Open" shows: the page itself for a web export, the file otherwise."""
    return target / "index.html" if export_format.writes_folder else target


def suggested_target(folder: Path, stem: str, export_format: ExportFormat) -> Path:
    """Where an export goes unless the user says otherwise: beside the essay, named after it."""
    stem = stem.removesuffix(ESSAY_SUFFIX).strip() or "essay"
    if export_format is ExportFormat.HTML:
        return folder / f"{stem} (web)"
    return folder / f"{stem}{export_format.suffix}"


def summary_line(notes: Sequence[ReviewNote]) -> str:
    """'Preflight: 2 errors, 1 warning' or that there is nothing to fix."""
    if not notes:
        return "Preflight found nothing to fix."
    counts: dict[str, int] = {}
    for note in notes:
        counts[note.severity] = counts.get(note.severity, 0) + 1
    parts = [f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in counts.items()]
    return f"Preflight: {', '.join(parts)}. You can export anyway or fix them first."


def _note_text(note: ReviewNote) -> str:
    where = "Essay" if note.slide is None else f"Slide {note.slide}"
    return f"{where} - {note.severity}: {note.message}"


class ExportDialog(QDialog):
    """Exports one snapshot of the essay; emits fix_findings_requested if the user goes to fix."""

    fix_findings_requested = Signal()
    export_finished = Signal(object)  # ExportResult

    def __init__(
        self,
        essay: Essay,
        runner: ExportRunner,
        *,
        notes: Sequence[ReviewNote],
        folder: Path,
        stem: str,
        export_format: ExportFormat = ExportFormat.HTML,
        choose_target: TargetChooser = ask_export_target,
        open_result: ResultOpener = open_with_system,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.setMinimumWidth(560)
        self._essay = essay
        self._runner = runner
        self._notes = tuple(notes)
        self._folder = folder
        self._stem = stem
        self._choose_target = choose_target
        self._open_result = open_result
        self._last_result: Path | None = None
        self._close_when_stopped = False
        self._listening = True
        self._build()
        self._connect()
        self.format_box.setCurrentIndex(self.format_box.findData(export_format))
        self._format_changed()

    def _build(self) -> None:
        self.format_box = QComboBox()
        for export_format in ExportFormat:
            self.format_box.addItem(export_format.label, export_format)
        self.target_edit = QLineEdit()
        self.target_edit.setAccessibleName("Export to")
        self.choose_button = QPushButton("Choose…")
        self.choose_button.setAutoDefault(False)  # Enter in the path field exports, not browses
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(self.choose_button)
        self.contact_sheet_box = QCheckBox("Add a contact sheet with slide numbers and findings")
        form = QFormLayout()
        form.addRow("&Format:", self.format_box)
        target_label = QLabel("Export &to:")
        target_label.setBuddy(self.target_edit)  # a row holding a layout gets no buddy by itself
        form.addRow(target_label, target_row)
        form.addRow("", self.contact_sheet_box)

        self.summary_label = QLabel(summary_line(self._notes))
        self.summary_label.setWordWrap(True)
        self.findings_list = QListWidget()
        self.findings_list.addItems([_note_text(n) for n in self._notes[:SHOWN_FINDINGS]])
        if len(self._notes) > SHOWN_FINDINGS:
            self.findings_list.addItem(f"and {len(self._notes) - SHOWN_FINDINGS} more")
        self.findings_list.setVisible(bool(self._notes))
        self.findings_list.setMaximumHeight(140)
        self.fix_button = QPushButton("Fix Findings First")

        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.status_label = QLabel("")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # paths and messages, never markup
        self.warnings_list = QListWidget()
        self.warnings_list.setVisible(False)
        self.warnings_list.setMaximumHeight(120)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.fix_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button = QPushButton("Open")
        self.open_button.setToolTip("Show the export in the browser, PDF viewer or text editor")
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setVisible(False)
        self.fix_button.setVisible(bool(self._notes))  # after addButton, which shows it
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.findings_list)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.warnings_list)
        layout.addWidget(self.buttons)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        self.export_button.setDefault(True)  # last: adding buttons to the box resets defaults

    def _connect(self) -> None:
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.choose_button.clicked.connect(self._choose)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.reject)
        self.fix_button.clicked.connect(self._fix_first)
        self.open_button.clicked.connect(self._open)
        self.target_edit.textChanged.connect(self._update_buttons)
        self._runner.progressed.connect(self._progressed)
        self._runner.finished.connect(self._finished)
        self._runner.failed.connect(self._failed)
        self._runner.cancelled.connect(self._cancelled)

    @property
    def export_format(self) -> ExportFormat:
        value = self.format_box.currentData()
        assert isinstance(value, ExportFormat)
        return value

    def _format_changed(self) -> None:
        self.contact_sheet_box.setEnabled(self.export_format is ExportFormat.PDF)
        self.target_edit.setText(
            str(suggested_target(self._folder, self._stem, self.export_format))
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self._runner.running
        self.export_button.setEnabled(not running and bool(self.target_edit.text().strip()))
        for widget in (self.format_box, self.target_edit, self.choose_button, self.fix_button):
            widget.setEnabled(not running)
        self.contact_sheet_box.setEnabled(not running and self.export_format is ExportFormat.PDF)

    def _choose(self) -> None:
        current = Path(self.target_edit.text().strip() or self._folder)
        chosen = self._choose_target(self, self.export_format, current)
        if chosen is not None:
            self.target_edit.setText(str(chosen))

    def _open(self) -> None:
        if self._last_result is not None:
            self._open_result(self._last_result)

    def _fix_first(self) -> None:
        self.fix_findings_requested.emit()
        self.reject()

    def request(self) -> ExportRequest:
        """The export the dialog's fields describe now."""
        with_sheet = self.export_format is ExportFormat.PDF and self.contact_sheet_box.isChecked()
        return ExportRequest(
            self._essay,
            self.export_format,
            Path(self.target_edit.text().strip()).expanduser(),
            contact_sheet_notes=self._notes if with_sheet else None,
        )

    def start_export(self) -> None:
        """Start exporting in the background (the Export button)."""
        if self._runner.running or not self.target_edit.text().strip():
            return
        self.warnings_list.clear()
        self.warnings_list.setVisible(False)
        self.open_button.setVisible(False)
        self.progress_bar.setRange(0, 0)  # busy until the first report gives a total
        self.progress_bar.setVisible(True)
        self.status_label.setText("Exporting…")
        self._runner.start(self.request())
        self._update_buttons()

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.status_label.setText(message)

    def _finished(self, result: ExportResult) -> None:
        self.progress_bar.setValue(self.progress_bar.maximum())
        self.status_label.setText(f"Exported to {result.path}")
        if result.warnings:
            self.warnings_list.addItems(list(result.warnings))
            self.warnings_list.setVisible(True)
        self.cancel_button.setText("Close")
        self._last_result = result_to_open(self.export_format, Path(result.path))
        self.open_button.setVisible(True)
        self._stopped()
        self.export_finished.emit(result)

    def _failed(self, message: str) -> None:
        self.progress_bar.setVisible(False)
        self.status_label.setText(f"The export failed: {message}")
        self._stopped()

    def _cancelled(self) -> None:
        self.progress_bar.setVisible(False)
        self.status_label.setText("Export cancelled; nothing was changed at the destination.")
        self._stopped()

    def _stopped(self) -> None:
        self._update_buttons()
        if self._close_when_stopped:
            super().reject()

    def reject(self) -> None:
        """Cancel stops a running export first (and closes once it has stopped)."""
        if self._runner.running:
            self.status_label.setText("Cancelling…")
            self.cancel_button.setEnabled(False)
            self._close_when_stopped = True
            self._runner.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        """Close for good: the runner outlives the dialog, so stop listening to it."""
        if self._listening:
            self._listening = False
            self._stop_listening()
        super().done(result)

    def _stop_listening(self) -> None:
        for signal, slot in (
            (self._runner.progressed, self._progressed),
            (self._runner.finished, self._finished),
            (self._runner.failed, self._failed),
            (self._runner.cancelled, self._cancelled),
        ):
            signal.disconnect(slot)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._runner.running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
