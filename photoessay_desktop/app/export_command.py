"""`photoessay export ESSAY --format {html,pdf,markdown} -o OUT [--contact-sheet]`.

Exit 0 when the export is in place, 2 when the essay cannot be read (or the options do not fit
together), 1 when the export failed; every message goes to stderr, never a traceback. Only the PDF
format starts Qt (a windowless QGuiApplication for fonts); html and markdown never import it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_UNREADABLE = 2


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """The export subcommand's arguments (cli.py registers the subcommand)."""
    parser.add_argument("essay", help="the *.essay.json file to export")
    parser.add_argument(
        "--format",
        required=True,
        choices=("html", "pdf", "markdown"),
        help="html: a web page folder; pdf: a PDF for review; markdown: article text for the CMS",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help="the folder (html) or file (pdf, markdown) to write; an earlier export is replaced "
        "only once the new one is complete",
    )
    parser.add_argument(
        "--contact-sheet",
        action="store_true",
        help="pdf only: add a contact sheet with slide numbers and preflight findings",
    )


def _fail(message: str, code: int) -> int:
    print(f"photoessay: {message}", file=sys.stderr)
    return code


def _start_qt_for_pdf() -> Any:
    # The offscreen platform needs no display, so a PDF can be made on a server or in CI.
    from PySide6.QtGui import QGuiApplication

    existing = QGuiApplication.instance()
    return existing or QGuiApplication(["photoessay", "-platform", "offscreen"])


def run_export(args: argparse.Namespace) -> int:
    """Load the essay, export it, print warnings; returns the exit code."""
    from photoessay_desktop.publishing.export_control import ExportError
    from photoessay_desktop.publishing.export_job import run_export_with_downloads as export
    from photoessay_desktop.publishing.export_request import ExportFormat, ExportRequest
    from photoessay_desktop.storage.essay_file import EssayFileError, load_essay

    export_format = ExportFormat(args.format)
    if args.contact_sheet and export_format is not ExportFormat.PDF:
        return _fail("--contact-sheet works with --format pdf only", EXIT_UNREADABLE)
    try:
        essay = load_essay(Path(args.essay))
    except EssayFileError as exc:
        return _fail(str(exc), EXIT_UNREADABLE)
    notes = None
    if args.contact_sheet:
        from photoessay_desktop.publishing.review_findings import review_notes

        notes = review_notes(essay)
    request = ExportRequest(essay, export_format, Path(args.output), contact_sheet_notes=notes)
    # Held in a variable: the application must outlive the painting of the PDF.
    _qt = _start_qt_for_pdf() if export_format is ExportFormat.PDF else None
    try:
        result = export(request)
    except ExportError as exc:
        return _fail(f"export failed: {exc}", EXIT_FAILED)
    except Exception as exc:  # an exporter bug must still end as a message, not a traceback
        return _fail(f"export failed unexpectedly ({type(exc).__name__}: {exc})", EXIT_FAILED)
    for warning in result.warnings:
        print(f"photoessay: warning: {warning}", file=sys.stderr)
    print(result.path)
    return EXIT_OK
