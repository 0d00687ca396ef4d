"""Paints one slide in the list: its number, the thumbnail or a placeholder card, the first words of
its caption and a badge with the number of preflight findings.

It only paints what the model gives it (thumbnails arrive later as QImages); it loads nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from photoessay_desktop.qt_models.slide_roles import SlideRole

THUMB = QSize(96, 72)
PADDING = 6
ROW_HEIGHT = THUMB.height() + 2 * PADDING


class SlideCardDelegate(QStyledItemDelegate):
    """A fixed-height card per slide, readable at 1280x720 and at 2x device pixel ratio."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(240, max(ROW_HEIGHT, option.fontMetrics.height() * 3 + 2 * PADDING))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        # Let the style paint the selection and focus background the user expects.
        style_option = QStyleOptionViewItem(option)
        self.initStyleOption(style_option, index)
        style_option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, style_option, painter, widget)
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        metrics = option.fontMetrics

        number = str(index.data(SlideRole.NUMBER))
        number_width = metrics.horizontalAdvance("000") + PADDING
        number_rect = QRect(rect.left() + PADDING, rect.top(), number_width, rect.height())
        painter.setPen(palette.color(text_role))
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(
            number_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, number
        )

        thumb_rect = QRect(
            number_rect.right() + 1,
            rect.top() + (rect.height() - THUMB.height()) // 2,
            THUMB.width(),
            THUMB.height(),
        )
        image = index.data(SlideRole.THUMBNAIL)
        if isinstance(image, QImage) and not image.isNull():
            scaled = image.size().scaled(thumb_rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(thumb_rect.center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
        else:
            short = str(index.data(SlideRole.PLACEHOLDER_SHORT))
            self._paint_placeholder(painter, thumb_rect, short)

        text_left = thumb_rect.right() + PADDING + 1
        badge = int(index.data(SlideRole.FINDINGS) or 0)
        badge_width = metrics.horizontalAdvance(" 99 ") + PADDING if badge else 0
        text_rect = QRect(
            text_left,
            rect.top() + PADDING,
            rect.right() - text_left - badge_width - PADDING,
            rect.height() - 2 * PADDING,
        )
        painter.setFont(option.font)
        painter.setPen(palette.color(text_role))
        preview = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        # Elide by hand: drawText with word wrap would clip the third line mid-glyph.
        lines = self._wrap(
            preview, metrics, text_rect.width(), max(1, text_rect.height() // metrics.height())
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "\n".join(lines)
        )

        if badge:
            self._paint_badge(painter, rect, badge, metrics.height())
        painter.restore()

    @staticmethod
    def _wrap(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
        words = text.split()
        lines: list[str] = []
        current = ""
        for word in words:
            trial = f"{current} {word}".strip()
            # A pixel of slack: elidedText measures a hair wider than horizontalAdvance.
            if metrics.horizontalAdvance(trial) <= width - 2 or not current:
                current = trial
            else:
                lines.append(current)
                current = word
        if current:
            lines.append(current)
        if len(lines) > max_lines:
            lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
        return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]

    @staticmethod
    def _paint_placeholder(painter: QPainter, rect: QRect, reason: str) -> None:
        painter.setPen(QColor("#8a8f98"))
        painter.setBrush(QColor("#2b2f36") if reason != "Text slide" else QColor("#e9e4d8"))
        painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 4, 4)
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        painter.setPen(QColor("#f0f0f0") if reason != "Text slide" else QColor("#333333"))
        painter.drawText(
            rect.adjusted(4, 4, -4, -4),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            reason,
        )

    @staticmethod
    def _paint_badge(painter: QPainter, rect: QRect, count: int, height: int) -> None:
        text = str(count) if count < 100 else "99+"
        size = max(height + 4, 18)
        badge = QRect(rect.right() - size - PADDING, rect.top() + PADDING, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#c0392b"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawEllipse(badge)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
