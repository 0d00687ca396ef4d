"""Lays out plain text for PDF pages with QTextDocument: wrapping, bidi and fonts, never markup.

Text goes in through QTextCursor.insertText only, so a caption such as `<b>` prints as those
characters. Each paragraph finds its own direction, so Arabic and Hebrew read right to left.
QtGui only; never QtWidgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPaintDevice,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

Rgb = tuple[int, int, int]
INK: Rgb = (27, 27, 27)
MUTED: Rgb = (93, 93, 93)
WARNING: Rgb = (165, 29, 29)
SANS = "DejaVu Sans"
SERIF = "DejaVu Serif"


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How one kind of paragraph looks: font family, size in points, weight, colour, space after."""

    family: str = SANS
    points: float = 11.0
    bold: bool = False
    colour: Rgb = INK
    space_after: float = 0.35  # in lines of this size
    centred: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A run of plain text in one style (line breaks inside become separate paragraphs)."""

    text: str
    style: TextStyle


def _char_format(style: TextStyle) -> QTextCharFormat:
    font = QFont(style.family)
    font.setPointSizeF(style.points)
    font.setBold(style.bold)
    char = QTextCharFormat()
    char.setFont(font)
    char.setForeground(QColor(*style.colour))
    return char


def _block_format(style: TextStyle, resolution: int) -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setBottomMargin(style.points * style.space_after * resolution / 72)
    # Leading/trailing, not left/right: an Arabic paragraph starts at the right edge.
    block.setAlignment(
        Qt.AlignmentFlag.AlignHCenter if style.centred else Qt.AlignmentFlag.AlignLeading
    )
    block.setLayoutDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    return block


def text_document(
    paragraphs: Sequence[Paragraph], width: float, device: QPaintDevice
) -> QTextDocument:
    """A document of paragraphs laid out `width` device pixels wide for `device` (its dpi)."""
    resolution = device.logicalDpiY()
    document = QTextDocument()
    # Laid out for the PDF's resolution, so point sizes come out as points on paper.
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    document.setDefaultTextOption(option)
    cursor = QTextCursor(document)
    first = True
    for paragraph in paragraphs:
        for line in paragraph.text.replace("\r\n", "\n").split("\n"):
            if not line.strip():
                continue
            block, char = _block_format(paragraph.style, resolution), _char_format(paragraph.style)
            if first:
                cursor.setBlockFormat(block)
                cursor.setBlockCharFormat(char)
                first = False
            else:
                cursor.insertBlock(block, char)
            cursor.insertText(line.strip(), char)
    document.setTextWidth(width)
    return document


def draw_document(painter: QPainter, document: QTextDocument, left: float, top: float) -> None:
    """Paint document with its top-left corner at (left, top)."""
    painter.save()
    painter.translate(left, top)
    document.drawContents(painter, QRectF(0, 0, document.textWidth(), document.size().height()))
    painter.restore()
