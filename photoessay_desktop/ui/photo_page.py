"""The photo with its caption and, set apart, its credit: the viewer's photo page, also shown by the
editor's opening outline so that the first frame is laid out as the editor will be.

Shows the texts and the image it is given; loads nothing. Imports nothing beyond Qt.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from photoessay_desktop.ui.zoomable_image_view import ZoomableImageView


def plain_label(name: str, parent: QWidget | None = None) -> QLabel:
    """A label for essay text: plain text always (a caption starting with <b> shows "<b>")."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PhotoPage(QWidget):
    """A zoomable photo above its caption and its credit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo = ZoomableImageView(self)
        self.caption = plain_label("viewerCaption", self)
        self.caption.setAccessibleName("Caption")
        self.credit = plain_label("viewerCredit", self)
        self.credit.setAccessibleName("Credit")
        self.credit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.credit.setStyleSheet("color: palette(placeholder-text); font-size: 90%;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.photo, 1)
        text_box = QVBoxLayout()
        text_box.setContentsMargins(12, 6, 12, 8)
        text_box.addWidget(self.caption)
        text_box.addWidget(self.credit)
        layout.addLayout(text_box)
