"""Where File > Export... writes: the standard save dialog, behind a callable the tests replace.

Apart from the export dialog so the editor window can hold the default chooser without importing
the dialog, or publishing, at start-up. It asks the user; it never touches the chosen path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

if TYPE_CHECKING:
    from photoessay_desktop.publishing.export_request import ExportFormat

# Asks the user where to export (format, suggested path) -> chosen path, or None when cancelled.
TargetChooser = Callable[[QWidget, "ExportFormat", Path], Path | None]


def ask_export_target(parent: QWidget, export_format: ExportFormat, suggested: Path) -> Path | None:
    """The standard save dialog; for a web page, the name chosen becomes the page's folder."""
    from photoessay_desktop.publishing.export_request import ExportFormat

    filters = {
        ExportFormat.HTML: "Web page folder (*)",
        ExportFormat.PDF: "PDF documents (*.pdf)",
        ExportFormat.MARKDOWN: "Markdown text (*.md)",
    }
    name, _filter = QFileDialog.getSaveFileName(
        parent, f"Export as {export_format.label}", str(suggested), filters[export_format]
    )
    if not name:
        return None
    path = Path(name)
    if export_format.suffix and path.suffix.lower() != export_format.suffix:
        path = path.with_name(path.name + export_format.suffix)
    return path
