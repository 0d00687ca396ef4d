"""Exports an essay as a PDF for review with Qt's own PDF writer: cover, one page per slide.

Optionally a contact sheet (numbered thumbnails with preflight findings) follows the cover. The file
is written beside the target and moved into place only when complete. Needs a QGuiApplication (for
fonts); never imports QtWidgets, so it runs headless with the offscreen platform.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.imaging.errors import ImageDecodeError
from photoessay_desktop.publishing import contact_sheet
from photoessay_desktop.publishing.export_control import ExportControl, ExportError, ExportResult
from photoessay_desktop.publishing.pdf_layout import RESOLUTION, PageBoxes, photo_fit
from photoessay_desktop.publishing.pdf_pages import (
    essay_title,
    paint_cover,
    paint_header,
    paint_photo_slide,
    paint_text_slide,
)
from photoessay_desktop.publishing.pdf_photo import decode_for_pdf
from photoessay_desktop.publishing.photo_source import MissingPhoto, PhotoSources, RemoteCache
from photoessay_desktop.publishing.review_note import ReviewNote
from photoessay_desktop.publishing.staged_output import staged_file
from photoessay_desktop.publishing.text_direction import is_right_to_left


class _Photos:
    """Decodes slide photos for pages and thumbnails, reporting each problem once."""

    def __init__(self, essay: Essay, sources: PhotoSources) -> None:
        self._essay = essay
        self._sources = sources
        self._resolved: dict[int, Path | MissingPhoto | None] = {}

    def picture(self, number: int, fit: tuple[int, int]) -> QImage | MissingPhoto | None:
        if number not in self._resolved:
            self._resolved[number] = self._sources.source(number, self._essay.slides[number - 1])
        source = self._resolved[number]
        if not isinstance(source, Path):
            return source
        try:
            return decode_for_pdf(source, fit)
        except ImageDecodeError as exc:
            missing = self._sources.unreadable(number, source, str(exc))
            self._resolved[number] = missing
            return missing


def _open_writer(path: Path, essay: Essay) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(essay_title(essay))
    writer.setCreator("PhotoEssay")
    return writer


def export_pdf(
    essay: Essay,
    target: Path,
    *,
    control: ExportControl | None = None,
    remote_cache: RemoteCache | None = None,
    allow_network_paths: bool = False,
    contact_sheet_notes: Sequence[ReviewNote] | None = None,
) -> ExportResult:
    """Write essay as a PDF at target; with contact_sheet_notes, a contact sheet after the cover.

    Raises ExportError (clear message) or ExportCancelledError; the target is then left as it was.
    """
    if QGuiApplication.instance() is None:
        raise ExportError("the PDF export needs Qt's GUI application; start it before exporting")
    control = control or ExportControl()
    slides = len(essay.slides)
    with_sheet = contact_sheet_notes is not None
    total = 1 + slides + (slides if with_sheet else 0)
    control.report(0, total, "Preparing the PDF")
    sources = PhotoSources(remote_cache, allow_network_paths=allow_network_paths)
    photos = _Photos(essay, sources)
    with staged_file(target) as temp:
        writer = _open_writer(temp, essay)
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportError(f"cannot write the PDF {target}")
        try:
            _paint_all(painter, writer, essay, photos, contact_sheet_notes, control, total)
        finally:
            painter.end()
    return ExportResult(str(target), tuple(sources.warnings))


def _paint_all(
    painter: QPainter,
    writer: QPdfWriter,
    essay: Essay,
    photos: _Photos,
    notes: Sequence[ReviewNote] | None,
    control: ExportControl,
    total: int,
) -> None:
    rect = painter.viewport()
    boxes = PageBoxes.for_page(rect.width(), rect.height(), writer.resolution())
    done = 0

    def new_page() -> None:
        if not writer.newPage():
            raise ExportError("the PDF writer could not start a new page (is the disk full?)")

    def step(message: str) -> None:
        nonlocal done
        done += 1
        control.report(done, total, message)

    paint_cover(painter, boxes, essay, new_page)
    step("Cover page")
    if notes is not None:
        new_page()
        contact_sheet.paint_contact_sheet(
            painter,
            boxes,
            essay,
            notes,
            photos.picture,
            new_page,
            lambda number: step(f"Contact sheet: slide {number}"),
        )
    title = essay_title(essay)
    count = len(essay.slides)
    rtl = is_right_to_left(essay.language)
    for number, slide in enumerate(essay.slides, start=1):
        new_page()
        paint_header(painter, boxes, title, f"Slide {number} of {count}", rtl=rtl)
        picture = photos.picture(number, photo_fit(boxes.content))
        if picture is None:
            paint_text_slide(painter, boxes, slide)
        else:
            paint_photo_slide(painter, boxes, slide, picture)
        step(f"Slide {number} of {count}")
