"""Runs one ExportRequest with the right exporter; the single entry point for the CLI and editor.

Exporters are imported only when their format runs, so a web or text export never loads Qt.
"""

from __future__ import annotations

from dataclasses import replace

from photoessay_desktop.publishing.export_control import ExportControl, ExportError, ExportResult
from photoessay_desktop.publishing.export_request import ExportFormat, ExportRequest

# An existing file is replaced only when it is of the kind being written: `-o essay.essay.json` or
# `-o photo.jpg` by mistake must not destroy the project or a photo.
_REPLACEABLE = {
    ExportFormat.PDF: frozenset({".pdf"}),
    ExportFormat.MARKDOWN: frozenset({".md", ".markdown", ".txt"}),
}


def _refuse_foreign_file(request: ExportRequest) -> None:
    allowed = _REPLACEABLE.get(request.format)
    target = request.target
    if allowed and target.is_file() and target.suffix.lower() not in allowed:
        kinds = " or ".join(sorted(allowed))
        raise ExportError(f"{target} already exists and is not a {kinds} file; choose another name")


def run_export(request: ExportRequest, control: ExportControl | None = None) -> ExportResult:
    """Export as asked; raises ExportError or ExportCancelledError (the target then untouched)."""
    control = control or ExportControl()
    _refuse_foreign_file(request)
    if request.format is ExportFormat.HTML:
        from photoessay_desktop.publishing.web_export import export_web_page

        return export_web_page(
            request.essay,
            request.target,
            control=control,
            remote_cache=request.remote_cache,
            allow_network_paths=request.allow_network_paths,
        )
    if request.format is ExportFormat.PDF:
        from photoessay_desktop.publishing.pdf_document import export_pdf

        return export_pdf(
            request.essay,
            request.target,
            control=control,
            remote_cache=request.remote_cache,
            allow_network_paths=request.allow_network_paths,
            contact_sheet_notes=request.contact_sheet_notes,
        )
    from photoessay_desktop.publishing.text_export import export_text

    return export_text(request.essay, request.target, control=control)


def run_export_with_downloads(
    request: ExportRequest, control: ExportControl | None = None
) -> ExportResult:
    """run_export, with remote photos the app already downloaded (unless the request has a cache).

    What the CLI and the editor use: a remote photo seen in the editor is in the export too, and
    one never downloaded becomes a note, as before.
    """
    if request.remote_cache is None:
        from photoessay_desktop.publishing.downloaded_photos import downloaded_photos

        request = replace(request, remote_cache=downloaded_photos())
    return run_export(request, control)
