"""The small layers drawn over the show: help map, jump prompt, messages, timer and pause marker.

Painting only, sized from the window's height; the key list comes from key_map so the help can
never disagree with the keys.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter

from photoessay_desktop.ui.slideshow.frame_painter import SANS, font
from photoessay_desktop.ui.slideshow.key_map import HELP_ROWS

_PANEL = QColor(0, 0, 0, 215)
_TEXT = QColor(245, 245, 245)
_ACCENT = QColor(255, 196, 0)


def paint_help(painter: QPainter, rect: QRect) -> None:
    """The key map as a centred two-column table."""
    scale = rect.height() / 1080
    key_font = font(SANS, 24 * scale, bold=True)
    text_font = font(SANS, 24 * scale)
    line = round(40 * scale)
    key_metrics, text_metrics = QFontMetrics(key_font), QFontMetrics(text_font)
    key_width = max(key_metrics.horizontalAdvance(keys) for keys, _ in HELP_ROWS)
    text_width = max(text_metrics.horizontalAdvance(what) for _, what in HELP_ROWS)
    pad = round(36 * scale)
    width = min(rect.width() - 2 * pad, key_width + text_width + 3 * pad)
    height = line * (len(HELP_ROWS) + 2) + 2 * pad
    panel = QRect(
        rect.x() + (rect.width() - width) // 2,
        rect.y() + (rect.height() - height) // 2,
        width,
        height,
    )
    painter.fillRect(panel, _PANEL)
    painter.setPen(_ACCENT)
    painter.setFont(font(SANS, 30 * scale, bold=True))
    painter.drawText(
        QRect(panel.x() + pad, panel.y() + pad, width - 2 * pad, line),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        "Keys",
    )
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for row, (keys, what) in enumerate(HELP_ROWS, start=2):
        y = panel.y() + pad + row * line - line // 2
        painter.setPen(_TEXT)
        painter.setFont(key_font)
        painter.drawText(QRect(panel.x() + pad, y, key_width, line), left, keys)
        painter.setFont(text_font)
        text_x = panel.x() + 2 * pad + key_width
        painter.drawText(QRect(text_x, y, panel.right() - pad - text_x, line), left, what)


def paint_banner(painter: QPainter, rect: QRect, text: str, *, near_bottom: bool) -> None:
    """A one-line message in a dark box, centred near the bottom (prompts) or the middle."""
    scale = rect.height() / 1080
    text_font = font(SANS, 34 * scale, bold=near_bottom)
    metrics = QFontMetrics(text_font)
    pad = round(24 * scale)
    width = min(rect.width() - 2 * pad, metrics.horizontalAdvance(text) + 2 * pad)
    height = metrics.height() + pad
    y = rect.bottom() - round(rect.height() * 0.2) if near_bottom else rect.center().y()
    box = QRect(rect.x() + (rect.width() - width) // 2, y - height // 2, width, height)
    painter.fillRect(box, _PANEL)
    painter.setFont(text_font)
    painter.setPen(_ACCENT if near_bottom else _TEXT)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)


def paint_corner(painter: QPainter, rect: QRect, text: str, *, right: bool) -> None:
    """A small label in a top corner (the timer on the right, "Paused" on the left)."""
    scale = rect.height() / 1080
    text_font = font(SANS, 26 * scale, bold=True)
    metrics = QFontMetrics(text_font)
    pad = round(14 * scale)
    width = metrics.horizontalAdvance(text) + 2 * pad
    height = metrics.height() + pad
    margin = round(24 * scale)
    x = rect.right() - margin - width if right else rect.x() + margin
    box = QRect(x, rect.y() + margin, width, height)
    painter.fillRect(box, _PANEL)
    painter.setFont(text_font)
    painter.setPen(_TEXT)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
