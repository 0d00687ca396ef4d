"""Paints the PDF's pages: the cover, one page per slide (photo, caption, credit), the header line.

Every string is drawn as plain text (never as markup), each paragraph in its own direction.
Pixels come in as QImages made by pdf_photo; this module never opens files. QtGui only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPaintDevice, QPainter, QPen

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.publishing.pdf_layout import PageBoxes, fit_inside
from photoessay_desktop.publishing.pdf_text import (
    MUTED,
    SANS,
    SERIF,
    Paragraph,
    TextStyle,
    draw_document,
    text_document,
)
from photoessay_desktop.publishing.photo_source import MissingPhoto

TITLE = TextStyle(SANS, 28, bold=True, space_after=0.4)
STANDFIRST = TextStyle(SERIF, 15, colour=MUTED, space_after=0.9)
BODY = TextStyle(SERIF, 11, space_after=0.6)
CAPTION = TextStyle(SANS, 11.5, space_after=0.25)
CREDIT = TextStyle(SANS, 8.5, colour=MUTED)
TEXT_SLIDE = TextStyle(SERIF, 20, space_after=0.5, centred=True)
TEXT_SLIDE_CREDIT = TextStyle(SANS, 10, colour=MUTED, centred=True)
NOTE = TextStyle(SANS, 12, colour=(63, 59, 51), centred=True)
HEADER_POINTS = 8.0
PLACEHOLDER_FILL = QColor(241, 238, 231)
PLACEHOLDER_LINE = QColor(168, 163, 152)

NewPage = Callable[[], None]


def essay_title(essay: Essay) -> str:
    """The title a reader sees (a placeholder for an untitled essay)."""
    return essay.title.strip() or "Untitled photo essay"


def _font(points: float, device: QPaintDevice) -> QFont:
    font = QFont(SANS)
    font.setPointSizeF(points)
    return QFont(font, device)


def paint_header(
    painter: QPainter, boxes: PageBoxes, title: str, where: str, *, rtl: bool = False
) -> None:
    """The small running line at the top: the essay title at its start, where this page is at
    its end (mirrored for a right-to-left essay)."""
    painter.save()
    font = _font(HEADER_POINTS, painter.device())
    painter.setFont(font)
    painter.setPen(QColor(*MUTED))
    metrics = QFontMetricsF(font)
    room = boxes.header.width() - metrics.horizontalAdvance(where) - boxes.gap
    elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
    start, end = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
    if rtl:
        start, end = end, start
    top = Qt.AlignmentFlag.AlignTop
    painter.drawText(boxes.header, top | start, elided)
    painter.drawText(boxes.header, top | end, where)
    painter.restore()


def paint_cover(painter: QPainter, boxes: PageBoxes, essay: Essay, new_page: NewPage) -> None:
    """Title, standfirst and body on the first page(s), continued on as many pages as they need."""
    paragraphs = [Paragraph(essay_title(essay), TITLE)]
    if essay.standfirst.strip():
        paragraphs.append(Paragraph(essay.standfirst, STANDFIRST))
    paragraphs += [Paragraph(text, BODY) for text in essay.body]
    count = len(essay.slides)
    paragraphs.append(Paragraph(f"{count} slide{'s' if count != 1 else ''}", CREDIT))
    column = boxes.text_column()
    document = text_document(paragraphs, column.width(), painter.device())
    # The layout then moves whole lines to the next page instead of cutting them in half.
    document.setPageSize(column.size())
    for page in range(document.pageCount()):
        if page:
            new_page()
        painter.save()
        painter.setClipRect(column)
        painter.translate(column.left(), column.top() - page * column.height())
        document.drawContents(
            painter, QRectF(0, page * column.height(), column.width(), column.height())
        )
        painter.restore()


def _caption_paragraphs(slide: Slide) -> list[Paragraph]:
    paragraphs = [Paragraph(slide.caption, CAPTION)] if slide.caption.strip() else []
    if slide.credit.strip():
        paragraphs.append(Paragraph(slide.credit, CREDIT))
    return paragraphs


def paint_text_slide(painter: QPainter, boxes: PageBoxes, slide: Slide) -> None:
    """A slide without a photo: its text large and centred in the reading column."""
    column = boxes.text_column(0.7)
    paragraphs = [Paragraph(slide.caption, TEXT_SLIDE)] if slide.caption.strip() else []
    if slide.credit.strip():
        paragraphs.append(Paragraph(slide.credit, TEXT_SLIDE_CREDIT))
    document = text_document(paragraphs, column.width(), painter.device())
    height = document.size().height()
    top = column.top() + max(0.0, (column.height() - height) / 2)
    draw_document(painter, document, column.left(), top)


def paint_photo_slide(
    painter: QPainter, boxes: PageBoxes, slide: Slide, photo: QImage | MissingPhoto
) -> None:
    """The photo as large as the page allows, its caption and credit right under it."""
    content = boxes.content
    device = painter.device()
    caption = text_document(_caption_paragraphs(slide), content.width(), device)
    caption_height = min(caption.size().height(), content.height() * 0.4)
    area = QRectF(
        content.left(),
        content.top(),
        content.width(),
        content.height() - caption_height - boxes.gap,
    )
    if isinstance(photo, QImage):
        shown = fit_inside(photo.width(), photo.height(), area)
        painter.drawImage(shown, photo)
    else:
        shown = fit_inside(3, 2, area)
        _paint_placeholder(painter, shown, photo.note)
    # The caption keeps the photo's left edge (and at least a readable width under a tall photo).
    width = max(shown.width(), content.width() * 0.55)
    left = max(content.left(), min(shown.left(), content.right() - width))
    caption.setTextWidth(width)
    painter.save()
    painter.setClipRect(boxes.page)
    draw_document(painter, caption, left, shown.bottom() + boxes.gap)
    painter.restore()


def _paint_placeholder(painter: QPainter, box: QRectF, note: str) -> None:
    painter.save()
    painter.fillRect(box, PLACEHOLDER_FILL)
    pen = QPen(PLACEHOLDER_LINE)
    pen.setWidthF(painter.device().logicalDpiX() / 72 * 1.5)
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawRect(box)
    inner = box.adjusted(box.width() * 0.15, 0, -box.width() * 0.15, 0)
    document = text_document([Paragraph(note, NOTE)], inner.width(), painter.device())
    draw_document(painter, document, inner.left(), box.center().y() - document.size().height() / 2)
    painter.restore()
