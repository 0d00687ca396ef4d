"""The centre of the window: the current slide as readers will see it.

A photo slide shows the fitted photo, its caption and, set apart, its credit; a slide without a
photo shows a text card. Pixels come from the injected image source; all text is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QStackedWidget, QVBoxLayout, QWidget

from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.qt_models.image_source import ImageSource
from photoessay_desktop.qt_models.slide_list_model import SlideListModel
from photoessay_desktop.qt_models.slide_roles import LOADING, UNREADABLE_PHOTO, SlideRole
from photoessay_desktop.ui.photo_page import PhotoPage, plain_label

# Decode for a large screen once, so zooming in stays sharp without another decode.
VIEW_DECODE_SIZE = QSize(2560, 2560)
KEY_PREFIX = "viewer:"


class SlideViewer(QWidget):
    """Shows the slide at `row` and keeps it up to date as it is edited."""

    def __init__(
        self,
        document: EssayDocument,
        model: SlideListModel,
        images: ImageSource | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("slideViewer")
        self.setAccessibleName("Current slide")
        self._document = document
        self._model = model
        self._images = images
        self._row = -1
        self._ref: str | None = None
        self._pending = False  # a decode for _ref is under way
        # What the file's facts said against the photo when it was last shown or asked for
        # ("" for nothing): the photo is asked for again when that changes, not on every edit.
        self._objection = ""
        # Why the loader could not decode _ref, in its own words: more use to the user than the
        # list's short "Unreadable photo", which the same failure puts on the row.
        self._failure = ""
        self._photos_paused = False  # start-up: the first paint goes before any decode

        photo_page = PhotoPage(self)
        self.photo, self.caption, self.credit = (
            photo_page.photo,
            photo_page.caption,
            photo_page.credit,
        )

        self.card = QFrame(self)
        self.card.setObjectName("textCard")
        self.card.setStyleSheet(
            "#textCard { background: #f4f0e6; border-radius: 8px; }"
            "#textCard QLabel { color: #222; }"
        )
        self.card_text = plain_label("textCardText", self.card)
        self.card_text.setAccessibleName("Text slide")
        self.card_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.card_text.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.card_text.setFont(font)
        self.card_credit = plain_label("textCardCredit", self.card)
        self.card_credit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(48, 48, 48, 48)
        card_layout.addStretch(1)
        card_layout.addWidget(self.card_text)
        card_layout.addWidget(self.card_credit)
        card_layout.addStretch(1)
        card_page = QWidget(self)
        card_page_layout = QVBoxLayout(card_page)
        card_page_layout.setContentsMargins(24, 24, 24, 24)
        card_page_layout.addWidget(self.card)

        self.empty = plain_label("viewerEmpty", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setText(
            "No slide selected.\nAdd photos with Slide ▸ Add Photos… or drop them on the list."
        )

        self._pages = QStackedWidget(self)
        for page in (photo_page, card_page, self.empty):
            self._pages.addWidget(page)
        self._photo_page, self._card_page = photo_page, card_page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages)

        document.slide_changed.connect(self._on_slide_changed)
        model.dataChanged.connect(self._on_model_data_changed)
        if images is not None:
            images.image_ready.connect(self._on_image_ready)
            images.image_failed.connect(self._on_image_failed)
            images.photo_changed.connect(self._on_photo_changed)

    @property
    def row(self) -> int:
        return self._row

    def show_slide(self, row: int) -> None:
        """Show the slide at `row` (-1: nothing)."""
        self._row = row
        slides = self._document.essay.slides
        if not 0 <= row < len(slides):
            self._set_ref(None)
            self._pages.setCurrentWidget(self.empty)
            return
        slide = slides[row]
        if slide.image is None:
            self._set_ref(None)
            self.card_text.setText(slide.caption or "(empty text slide)")
            self.card_credit.setText(slide.credit)
            self.card_credit.setVisible(bool(slide.credit))
            self._pages.setCurrentWidget(self._card_page)
            return
        self.caption.setText(slide.caption)
        self.caption.setVisible(bool(slide.caption))
        self.credit.setText(slide.credit)
        self.credit.setVisible(bool(slide.credit))
        self._pages.setCurrentWidget(self._photo_page)
        if slide.image != self._ref:
            self._set_ref(slide.image)
            self._load()

    def pause_photos(self) -> None:
        """Ask for no photo until resume_photos(): a decode started while the editor starts
        competes with its first paint, which shows "Loading…" either way."""
        self._photos_paused = True

    def resume_photos(self) -> None:
        """Ask for the photo of the slide shown, if pause_photos() held it back."""
        self._photos_paused = False
        if self._ref is not None and not self._pending and not self.photo.has_image():
            self._load()

    def _set_ref(self, ref: str | None) -> None:
        if self._ref is not None and self._images is not None and self._pending:
            self._images.cancel(KEY_PREFIX + self._ref)
        self._pending = False
        self._ref = ref
        self._failure = ""

    def _placeholder(self) -> str:
        text = self._model.data(self._model.index(self._row), SlideRole.PLACEHOLDER)
        return str(text or "")

    def _load(self) -> None:
        reason = self._placeholder()
        if self._ref is None:
            return
        self._objection = _objection(reason)
        if self._failure and self._objection == UNREADABLE_PHOTO:
            self.photo.set_image(None, self._failure)
            return
        if self._images is None or self._objection:
            self.photo.set_image(None, f"{reason}\n{self._ref}" if reason else self._ref)
            return
        self.photo.set_image(None, LOADING)
        self._request()

    def _request(self) -> None:
        if self._images is None or self._ref is None or self._photos_paused:
            return
        self._pending = True
        ratio = self.devicePixelRatioF()
        size = QSize(int(VIEW_DECODE_SIZE.width() * ratio), int(VIEW_DECODE_SIZE.height() * ratio))
        self._images.request(KEY_PREFIX + self._ref, self._ref, size, priority=10)

    def _on_image_ready(self, key: str, image: QImage) -> None:
        if self._ref is not None and key == KEY_PREFIX + self._ref:
            self._pending = False
            self._failure = ""
            self.photo.set_image(image)

    def _on_image_failed(self, key: str, reason: str) -> None:
        if self._ref is not None and key == KEY_PREFIX + self._ref:
            self._pending = False
            self._failure = f"Cannot show this photo: {reason}\n{self._ref}"
            self.photo.set_image(None, self._failure)

    def _on_photo_changed(self, ref: str) -> None:
        # Edited in another program: the old pixels stay until the new ones replace them.
        if ref == self._ref:
            self._request()

    def _on_slide_changed(self, row: int) -> None:
        if row == self._row:
            self.show_slide(row)

    def _on_model_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles: object
    ) -> None:
        # Rows change for many reasons: a caption typed, a thumbnail in, facts re-read. Only new
        # facts about this photo (a restored file, a host allowed) are a reason to show it anew.
        # A photo that failed to decode is asked for again when its file changes
        # (_on_photo_changed), not on each keystroke in its caption, which flickered
        # "Loading…" and decoded the broken file again every time.
        if self._ref is None or self._pending or self.photo.has_image():
            return
        if not top_left.row() <= self._row <= bottom_right.row():
            return
        if _objection(self._placeholder()) != self._objection:
            self._load()


def _objection(reason: str) -> str:
    """What a slide's placeholder says against showing its photo: "" when nothing (the file is
    fine, or its facts are still being read)."""
    return "" if reason in ("", LOADING) else reason
