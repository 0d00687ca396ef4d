"""File > Export...: opens the export dialog on a snapshot of the open essay and its findings.

Beside the essay file by default (the home folder for an unsaved one). "Fix findings first" hands
over to the window's preflight panel. The export itself runs in the injected ExportRunner; nothing
here touches files or pixels.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.preflight_runner import FindingLike, PreflightRunner
from photoessay_desktop.ui.export_target import TargetChooser, ask_export_target

if TYPE_CHECKING:  # the rest is imported on the first export: start-up does not need it
    from photoessay_desktop.publishing.export_control import ExportResult
    from photoessay_desktop.publishing.export_request import ExportFormat
    from photoessay_desktop.publishing.review_note import ReviewNote
    from photoessay_desktop.qt_models.export_runner import ExportFunction, ExportRunner
    from photoessay_desktop.ui.export_dialog import ExportDialog


def review_note(finding: FindingLike) -> ReviewNote:
    """A preflight finding as the export dialog and the contact sheet list it."""
    from photoessay_desktop.publishing.review_note import ReviewNote

    severity = getattr(finding.severity, "value", finding.severity)
    return ReviewNote(finding.slide, str(severity), finding.message)


class ExportWorkflow(QObject):
    """Opens one export dialog at a time for the window's document."""

    def __init__(
        self,
        window: QWidget,
        document: EssayDocument,
        preflight: PreflightRunner,
        export: ExportFunction,
        show_findings: Callable[[], None],
        choose_target: TargetChooser = ask_export_target,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._preflight = preflight
        self._export = export
        self._runner: ExportRunner | None = None  # made on the first export
        self._show_findings = show_findings
        self._choose_target = choose_target
        self.dialog: ExportDialog | None = None
        # Remembered for this session: the next export starts where the last one went (the web
        # page first).
        self._last_format: ExportFormat | None = None
        self._last_folder: Path | None = None

    def export(self) -> None:
        """Show the export dialog (or bring the open one forward)."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        self._preflight.run_now()  # findings as of this keystroke, not 150 ms ago
        from photoessay_desktop.publishing.export_request import ExportFormat
        from photoessay_desktop.qt_models.export_runner import ExportRunner
        from photoessay_desktop.ui.export_dialog import ExportDialog

        if self._runner is None:
            self._runner = ExportRunner(self._export, parent=self)
        path = self._document.path
        essay_folder = path.parent if path is not None else Path.home()
        dialog = ExportDialog(
            self._document.essay,
            self._runner,
            notes=[review_note(f) for f in self._preflight.findings],
            folder=self._last_folder or essay_folder,
            stem=self._document.display_name,
            export_format=ExportFormat.HTML if self._last_format is None else self._last_format,
            choose_target=self._choose_target,
            parent=self._window,
        )
        dialog.fix_findings_requested.connect(self._show_findings)
        dialog.export_finished.connect(self._remember)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    def _remember(self, result: ExportResult) -> None:
        if self.dialog is not None:
            self._last_format = self.dialog.export_format
            self._last_folder = Path(result.path).parent

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
