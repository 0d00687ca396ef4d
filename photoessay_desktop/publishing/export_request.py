"""What to export, where, in which format: the plain request the CLI and the editor both build.

Light on purpose (domain types only), so the dialog can describe an export without importing
the exporters, Pillow or storage. Nothing here writes anything.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.publishing.photo_source import RemoteCache
from photoessay_desktop.publishing.review_note import ReviewNote


class ExportFormat(enum.Enum):
    """The three things an essay can become; values are the CLI's --format names."""

    HTML = "html"
    PDF = "pdf"
    MARKDOWN = "markdown"

    @property
    def label(self) -> str:
        """The name a user reads in a menu or dialog."""
        return _LABELS[self]

    @property
    def writes_folder(self) -> bool:
        """True when the target is a folder (the web page), False when it is one file."""
        return self is ExportFormat.HTML

    @property
    def suffix(self) -> str:
        """The file name ending of the target ("" for a folder)."""
        return _SUFFIXES[self]


_LABELS = {
    ExportFormat.HTML: "Web page (folder)",
    ExportFormat.PDF: "PDF for review",
    ExportFormat.MARKDOWN: "Article text (Markdown)",
}
_SUFFIXES = {ExportFormat.HTML: "", ExportFormat.PDF: ".pdf", ExportFormat.MARKDOWN: ".md"}


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """One export: the essay as it is now, the format and the target path.

    contact_sheet_notes: for a PDF, add a contact sheet listing these findings (None: no sheet).
    remote_cache: finds already-downloaded copies of remote photos (an export never fetches).
    """

    essay: Essay
    format: ExportFormat
    target: Path
    contact_sheet_notes: tuple[ReviewNote, ...] | None = None
    remote_cache: RemoteCache | None = None
    allow_network_paths: bool = False
