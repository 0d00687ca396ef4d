"""Paints the contact sheet for editors' review: numbered thumbnails with credit and findings.

A grid of slides per page, each with its number, the start of its caption, its credit and the
preflight findings about it (red), and the findings about the essay itself on the first page. It
only paints what it is given; checking is preflight's job, decoding imaging's. QtGui only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.publishing.pdf_layout import PageBoxes, fit_inside
from photoessay_desktop.publishing.pdf_pages import (
    PLACEHOLDER_FILL,
    PLACEHOLDER_LINE,
    NewPage,
    paint_header,
)
from photoessay_desktop.publishing.pdf_text import INK, MUTED, SANS, WARNING, Rgb
from photoessay_desktop.publishing.photo_source import MissingPhoto
from photoessay_desktop.publishing.review_note import ReviewNote

COLUMNS = 4
ROWS = 3
PER_PAGE = COLUMNS * ROWS
NOTES_PER_CELL = 3
# One thumbnail per slide, decoded by the caller; None for a text slide.
Thumbnail = QImage | MissingPhoto | None
ThumbnailFor = Callable[[int, tuple[int, int]], Thumbnail]


def page_count(slides: int) -> int:
    """How many contact sheet pages an essay with this many slides needs (at least one)."""
    return max(1, -(-slides // PER_PAGE))


class _Writer:
    """Draws single elided lines downwards from a starting point, in one font at a time."""

    def __init__(self, painter: QPainter, left: float, top: float, width: float) -> None:
        self._painter = painter
        self._left = left
        self.top = top
        self._width = width

    def line(self, text: str, points: float, colour: Rgb, *, bold: bool = False) -> None:
        font = QFont(SANS)
        font.setPointSizeF(points)
        font.setBold(bold)
        font = QFont(font, self._painter.device())
        metrics = QFontMetricsF(font)
        flat = " ".join(text.split())
        elided = metrics.elidedText(flat, Qt.TextElideMode.ElideRight, self._width)
        self._painter.setFont(font)
        self._painter.setPen(QColor(*colour))
        box = QRectF(self._left, self.top, self._width, metrics.height())
        self._painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, elided)
        self.top += metrics.lineSpacing()


def _notes_by_slide(notes: Sequence[ReviewNote]) -> dict[int | None, list[ReviewNote]]:
    grouped: dict[int | None, list[ReviewNote]] = {}
    for note in notes:
        grouped.setdefault(note.slide, []).append(note)
    return grouped


def _paint_cell(
    painter: QPainter,
    cell: QRectF,
    number: int,
    essay: Essay,
    thumb: Thumbnail,
    notes: list[ReviewNote],
) -> None:
    slide = essay.slides[number - 1]
    pad = cell.width() * 0.04
    inner = cell.adjusted(pad, pad, -pad, -pad)
    photo_box = QRectF(inner.left(), inner.top(), inner.width(), inner.height() * 0.56)
    painter.save()
    if isinstance(thumb, QImage):
        painter.drawImage(fit_inside(thumb.width(), thumb.height(), photo_box), thumb)
    else:
        box = fit_inside(3, 2, photo_box)
        painter.fillRect(box, PLACEHOLDER_FILL)
        pen = QPen(PLACEHOLDER_LINE)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(box)
        label = "Text slide" if thumb is None else "Photo not included"
        painter.setPen(QColor(*MUTED))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
    writer = _Writer(painter, inner.left(), photo_box.bottom() + pad / 2, inner.width())
    writer.line(f"{number}", 11, INK, bold=True)
    writer.line(slide.caption or "(no caption)", 7.5, INK)
    if slide.credit.strip() or slide.image is not None:
        writer.line(slide.credit or "(no credit)", 7, MUTED)
    for note in notes[:NOTES_PER_CELL]:
        writer.line(f"{note.severity}: {note.message}", 7, WARNING)
    if len(notes) > NOTES_PER_CELL:
        writer.line(f"and {len(notes) - NOTES_PER_CELL} more", 7, WARNING)
    painter.restore()


def cell_photo_fit(boxes: PageBoxes) -> tuple[int, int]:
    """The decode size for one thumbnail (device pixels of its box)."""
    return int(boxes.content.width() / COLUMNS), int(boxes.content.height() / ROWS * 0.56)


def paint_contact_sheet(
    painter: QPainter,
    boxes: PageBoxes,
    essay: Essay,
    notes: Sequence[ReviewNote],
    thumbnail_for: ThumbnailFor,
    new_page: NewPage,
    on_slide: Callable[[int], None],
) -> None:
    """Paint every contact sheet page (call new_page before each but the first).

    thumbnail_for(number, fit) gives each slide's picture; on_slide(number) reports progress and may
    raise to cancel.
    """
    grouped = _notes_by_slide(notes)
    pages = page_count(len(essay.slides))
    fit = cell_photo_fit(boxes)
    for page in range(pages):
        if page:
            new_page()
        paint_header(
            painter, boxes, f"Contact sheet: {essay.title}", f"Sheet {page + 1} of {pages}"
        )
        grid = QRectF(boxes.content)
        if page == 0:
            grid.setTop(_paint_essay_notes(painter, boxes, grouped.get(None, []), len(notes)))
        cell_w, cell_h = grid.width() / COLUMNS, grid.height() / ROWS
        first = page * PER_PAGE
        for index in range(first, min(first + PER_PAGE, len(essay.slides))):
            row, column = divmod(index - first, COLUMNS)
            cell = QRectF(grid.left() + column * cell_w, grid.top() + row * cell_h, cell_w, cell_h)
            number = index + 1
            _paint_cell(
                painter, cell, number, essay, thumbnail_for(number, fit), grouped.get(number, [])
            )
            on_slide(number)


def _paint_essay_notes(
    painter: QPainter, boxes: PageBoxes, essay_notes: list[ReviewNote], total: int
) -> float:
    writer = _Writer(painter, boxes.content.left(), boxes.content.top(), boxes.content.width())
    summary = (
        "No preflight findings"
        if total == 0
        else f"{total} preflight finding{'s' if total != 1 else ''}"
    )
    painter.save()
    writer.line(summary, 10, INK, bold=True)
    for note in essay_notes[:4]:
        writer.line(f"Essay: {note.severity}: {note.message}", 8, WARNING)
    if len(essay_notes) > 4:
        writer.line(f"and {len(essay_notes) - 4} more about the essay", 8, WARNING)
    painter.restore()
    return writer.top + boxes.gap
