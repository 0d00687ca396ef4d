"""The overview grid: where each slide's tile goes, and painting the page of tiles at the cursor.

Layout is arithmetic the audience window (for clicks) and the session (for tile image sizes) share;
painting reuses the frame painter at tile size. It neither loads images nor changes the slide.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from photoessay_desktop.ui.slideshow.frame_painter import SANS, FrameContent, font, paint_frame

_MAX_COLUMNS = 8
_MAX_ROWS = 6


@dataclass(frozen=True)
class OverviewLayout:
    """A page of at most columns x rows tiles; long essays page with the cursor."""

    columns: int
    rows: int
    tile: QSize
    origin_x: int
    origin_y: int
    gap: int
    label_height: int

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def page_start(self, cursor: int) -> int:
        return (cursor // self.per_page) * self.per_page

    def tile_rect(self, slot: int) -> QRect:
        """The picture area of the `slot`-th tile on the page."""
        row, column = divmod(slot, self.columns)
        x = self.origin_x + column * (self.tile.width() + self.gap)
        y = self.origin_y + row * (self.tile.height() + self.label_height + self.gap)
        return QRect(x, y, self.tile.width(), self.tile.height())

    def hit(self, x: int, y: int, cursor: int, count: int) -> int | None:
        """The frame position under the point, None between tiles."""
        start = self.page_start(cursor)
        for slot in range(min(self.per_page, count - start)):
            area = self.tile_rect(slot).adjusted(0, 0, 0, self.label_height)
            if area.contains(x, y):
                return start + slot
        return None


def overview_layout(count: int, area: QSize) -> OverviewLayout:
    """Tiles of 16:9 sized so the page fills `area` with a margin."""
    count = max(count, 1)
    width, height = max(area.width(), 160), max(area.height(), 90)
    columns = math.ceil(math.sqrt(count * (width * 9) / (height * 16)))
    columns = min(max(columns, 1), _MAX_COLUMNS)
    rows = min(math.ceil(count / columns), _MAX_ROWS)
    margin = round(height * 0.06)
    gap = round(height * 0.02)
    label = round(height * 0.035)
    tile_w = (width - 2 * margin - (columns - 1) * gap) // columns
    tile_h = (height - 2 * margin - rows * label - (rows - 1) * gap) // rows
    tile_width = max(16, min(tile_w, round(tile_h * 16 / 9)))
    tile = QSize(tile_width, round(tile_width * 9 / 16))
    used_w = columns * tile.width() + (columns - 1) * gap
    used_h = rows * (tile.height() + label) + (rows - 1) * gap
    return OverviewLayout(
        columns, rows, tile, (width - used_w) // 2, (height - used_h) // 2, gap, label
    )


def paint_overview(
    painter: QPainter,
    rect: QRect,
    layout: OverviewLayout,
    tiles: tuple[FrameContent, ...],
    cursor: int,
    current: int,
) -> None:
    """Cover the show with the page of tiles holding the cursor, the cursor outlined."""
    painter.fillRect(rect, QColor(8, 8, 8))  # opaque: the slide behind must not show through
    start = layout.page_start(cursor)
    label_font = font(SANS, layout.label_height * 0.62)
    for slot, content in enumerate(tiles[start : start + layout.per_page]):
        position = start + slot
        area = layout.tile_rect(slot).translated(rect.topLeft())
        paint_frame(painter, area, content)
        label = content.frame.slide_number
        text = "Title" if label is None else str(label)
        if position == current:
            text += "  (showing)"
        painter.setFont(label_font)
        painter.setPen(QColor(230, 230, 230))
        painter.drawText(
            QRect(area.left(), area.bottom() + 2, area.width(), layout.label_height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        if position == cursor:
            pen = QPen(QColor(255, 196, 0))
            pen.setWidth(max(3, layout.gap // 3))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(area.adjusted(-2, -2, 2, 2))
    pages = math.ceil(len(tiles) / layout.per_page)
    if pages > 1:
        painter.setPen(QColor(200, 200, 200))
        painter.drawText(
            QRect(
                rect.left(), rect.bottom() - layout.origin_y + 4, rect.width(), layout.label_height
            ),
            int(Qt.AlignmentFlag.AlignCenter),
            f"Page {start // layout.per_page + 1} of {pages}",
        )
