"""Page geometry for the PDF export: A4 landscape, margins and the boxes each page is built from.

All values are device pixels for the writer's resolution, computed from millimetres, so changing
the resolution changes nothing on paper. Pure arithmetic over QRectF; no painting here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

RESOLUTION = 300  # dpi: sharp text; photos are decoded smaller (PHOTO_MAX_PIXELS)
PHOTO_MAX_PIXELS = 1800  # longest side of a photo in the PDF: ~150 dpi on A4, plenty for review
MARGIN_MM = 14.0
HEADER_MM = 9.0
GAP_MM = 4.0


@dataclass(frozen=True, slots=True)
class PageBoxes:
    """The page, its running header line and the content area below it (device pixels)."""

    page: QRectF
    header: QRectF
    content: QRectF
    gap: float

    @classmethod
    def for_page(cls, width: float, height: float, dpi: int) -> PageBoxes:
        mm = dpi / 25.4
        margin = MARGIN_MM * mm
        page = QRectF(0, 0, width, height)
        inner = page.adjusted(margin, margin, -margin, -margin)
        header = QRectF(inner.left(), inner.top(), inner.width(), HEADER_MM * mm)
        content = inner.adjusted(0, header.height(), 0, 0)
        return cls(page, header, content, GAP_MM * mm)

    def text_column(self, share: float = 0.62) -> QRectF:
        """A centred column `share` of the content width, for reading text."""
        width = self.content.width() * share
        left = self.content.left() + (self.content.width() - width) / 2
        return QRectF(left, self.content.top(), width, self.content.height())


def fit_inside(width: float, height: float, box: QRectF) -> QRectF:
    """The largest rectangle of this aspect ratio inside box, centred horizontally, at its top."""
    if width <= 0 or height <= 0:
        return QRectF(box.left(), box.top(), 0, 0)
    scale = min(box.width() / width, box.height() / height)
    fitted_w, fitted_h = width * scale, height * scale
    return QRectF(box.left() + (box.width() - fitted_w) / 2, box.top(), fitted_w, fitted_h)


def photo_fit(box: QRectF) -> tuple[int, int]:
    """The decode size for a photo shown in box: its pixels, capped at PHOTO_MAX_PIXELS."""
    scale = min(1.0, PHOTO_MAX_PIXELS / max(box.width(), box.height(), 1.0))
    return max(1, int(box.width() * scale)), max(1, int(box.height() * scale))
