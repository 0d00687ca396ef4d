"""Paints one frame of the show (photo with caption and credit, text card, title card) into a rect.

The audience window paints it full screen and the presenter view at preview size, so both show the
same thing. Sizes scale with the rect's height (designed on a 1080-line screen). It paints only:
no state, no decoding.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QLinearGradient, QPainter, QPixmap

from photoessay_desktop.document.slideshow_plan import Frame, FrameKind
from photoessay_desktop.domain.essay_name import UNTITLED_ESSAY

SERIF = ["Georgia", "Noto Serif", "Liberation Serif", "DejaVu Serif", "serif"]
SANS = ["Noto Sans", "Liberation Sans", "DejaVu Sans", "Arial", "sans-serif"]

_CARD_BACKGROUND = QColor(14, 14, 14)
_CAPTION_COLOUR = QColor(255, 255, 255)
_CREDIT_COLOUR = QColor(222, 222, 222)
_QUIET_COLOUR = QColor(150, 150, 150)
# The scrim under the text: light enough at its top edge to blend into the photo, dark enough
# under the letters that white text keeps a contrast above 7:1 even on a white sky.
_SCRIM_TOP_ALPHA = 0
_SCRIM_TEXT_ALPHA = 190
_SCRIM_BOTTOM_ALPHA = 215
_WRAP = int(Qt.TextFlag.TextWordWrap)


@dataclass(frozen=True)
class FrameContent:
    """Everything needed to paint one frame."""

    frame: Frame
    title: str
    standfirst: str
    slide_count: int
    pixmap: QPixmap | None = None
    status_text: str = ""  # shown instead of a photo that is missing or still on its way
    captions_visible: bool = True
    caption_size: int = 30
    text_layers: bool = True  # False for overview tiles, too small for readable text


def font(families: list[str], pixels: float, *, bold: bool = False) -> QFont:
    """A font of the given pixel size from the first installed family in `families`."""
    result = QFont()
    result.setFamilies(families)
    result.setPixelSize(max(6, round(pixels)))
    result.setBold(bold)
    return result


def fitted_size(image: QSize, box: QSize) -> QSize:
    """`image` scaled to fit inside `box`, never enlarged past the box, aspect kept."""
    if image.isEmpty() or box.isEmpty():
        return QSize(0, 0)
    return image.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)


def paint_frame(painter: QPainter, rect: QRect, content: FrameContent) -> None:
    """Paint `content` to fill `rect`."""
    painter.save()
    painter.setClipRect(rect)
    scale = rect.height() / 1080
    kind = content.frame.kind
    if kind is FrameKind.TITLE:
        _paint_title_card(painter, rect, content, scale)
    elif kind is FrameKind.TEXT:
        _paint_text_card(painter, rect, content, scale)
    else:
        text_area = rect
        if content.pixmap is not None and not content.pixmap.isNull():
            photo = paint_photo(painter, rect, content.pixmap)
            _fill_around(painter, rect, photo)
            # Captions sit on the photo, not in the black bars beside a portrait or 3:2 frame.
            if photo.width() >= rect.width() // 2:
                text_area = QRect(photo.x(), rect.y(), photo.width(), rect.height())
        elif content.status_text:
            _paint_status(painter, rect, content.status_text, scale)
        else:
            painter.fillRect(rect, Qt.GlobalColor.black)
        if content.text_layers:
            _paint_caption_layers(painter, text_area, content, scale)
    painter.restore()


def prepare_text(content: FrameContent, size: QSize) -> None:
    """Load the fonts and lay out the words `content` will paint at `size`, painting nothing.

    A process's first paint with text waits for its fonts to load (6 ms at the show's start,
    measured); done while waiting for something else, the first frame goes up that much sooner.
    """
    canvas = QImage(1, 1, QImage.Format.Format_RGB32)  # everything but one pixel is clipped
    painter = QPainter(canvas)
    paint_frame(painter, QRect(0, 0, size.width(), size.height()), replace(content, pixmap=None))
    painter.end()


def paint_photo(painter: QPainter, rect: QRect, pixmap: QPixmap) -> QRect:
    """The photo centred and fitted in `rect`; 1:1 (no scaling cost) when it was decoded to fit.

    Returns where it went; what is around it is the caller's to fill."""
    source = pixmap.deviceIndependentSize().toSize()
    target = fitted_size(source, rect.size())
    x = rect.x() + (rect.width() - target.width()) // 2
    y = rect.y() + (rect.height() - target.height()) // 2
    placed = QRect(x, y, target.width(), target.height())
    if pixmap.hasAlphaChannel():
        painter.fillRect(placed, Qt.GlobalColor.black)  # see-through parts show the show's black
    if abs(target.width() - source.width()) <= 1 and abs(target.height() - source.height()) <= 1:
        painter.drawPixmap(x, y, pixmap)
        return placed
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawPixmap(placed, pixmap)
    return placed


def _fill_around(painter: QPainter, rect: QRect, photo: QRect) -> None:
    # Black only where the photo is not: a fill under it would write most of a full-screen
    # frame twice, and a step's paint is bound by memory (the new photo is cold in the cache).
    black = Qt.GlobalColor.black
    painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), photo.top() - rect.top()), black)
    painter.fillRect(
        QRect(rect.left(), photo.bottom() + 1, rect.width(), rect.bottom() - photo.bottom()), black
    )
    painter.fillRect(
        QRect(rect.left(), photo.top(), photo.left() - rect.left(), photo.height()), black
    )
    painter.fillRect(
        QRect(photo.right() + 1, photo.top(), rect.right() - photo.right(), photo.height()), black
    )


def _paint_caption_layers(
    painter: QPainter, rect: QRect, content: FrameContent, scale: float
) -> None:
    slide = content.frame.slide
    if slide is None:
        return
    caption = slide.caption.strip() if content.captions_visible else ""
    credit = slide.credit.strip()
    if not caption and not credit:
        return
    margin = round(rect.width() * 0.035)
    bottom = rect.bottom() - round(rect.height() * 0.045)
    caption_px = content.caption_size * scale
    credit_font = font(SANS, max(caption_px * 0.72, 12 * scale))
    credit_metrics = QFontMetrics(credit_font)
    credit_width = min(round(rect.width() * 0.3), credit_metrics.horizontalAdvance(credit) + 2)
    credit_box = credit_metrics.boundingRect(
        QRect(0, 0, max(credit_width, 1), 10_000), _WRAP, credit
    )

    caption_box = QRect()
    caption_font = font(SANS, caption_px)
    if caption:
        gap = margin if credit else 0
        width = rect.width() - 2 * margin - (credit_box.width() + gap if credit else 0)
        width = min(width, round(caption_px * 34))  # about 75 characters: a readable line
        caption_font, caption_box = _fit_caption(caption, caption_px, width, rect.height() * 0.36)

    text_height = max(caption_box.height(), credit_box.height())
    band_top = bottom - text_height - round(rect.height() * 0.035)
    _paint_scrim(painter, rect, band_top, round(rect.height() * 0.09))

    if caption:
        painter.setFont(caption_font)
        painter.setPen(_CAPTION_COLOUR)
        target = QRect(
            rect.x() + margin,
            bottom - caption_box.height(),
            caption_box.width(),
            caption_box.height(),
        )
        painter.drawText(target, _WRAP | int(Qt.AlignmentFlag.AlignLeft), caption)
    if credit:
        painter.setFont(credit_font)
        painter.setPen(_CREDIT_COLOUR)
        target = QRect(
            rect.right() - margin - credit_box.width(),
            bottom - credit_box.height(),
            credit_box.width(),
            credit_box.height(),
        )
        painter.drawText(target, _WRAP | int(Qt.AlignmentFlag.AlignRight), credit)


def _fit_caption(text: str, pixels: float, width: int, max_height: float) -> tuple[QFont, QRect]:
    # A long caption gets smaller type, down to 60 %, before it may cover more of the photo.
    caption_font, box = _shrink_to_fit(text, SANS, pixels, pixels * 0.6, width, max_height)
    return caption_font, QRect(0, 0, width, min(box.height(), round(max_height)))


def _shrink_to_fit(
    text: str, families: list[str], pixels: float, floor: float, width: int, max_height: float
) -> tuple[QFont, QRect]:
    """The largest type from `pixels` down to `floor`, a tenth smaller each try, at which `text`
    wrapped to `width` is at most `max_height` tall (else the type at `floor`, or the smallest
    there is, which `font` stops at: below it the text would never fit and the loop never end).

    Returns the font and the wrapped text's box."""
    size = pixels
    while True:
        chosen = font(families, size)
        box = QFontMetrics(chosen).boundingRect(QRect(0, 0, max(width, 1), 100_000), _WRAP, text)
        smaller = size * 0.9
        if (
            box.height() <= max_height
            or size <= floor
            or font(families, smaller).pixelSize() >= chosen.pixelSize()
        ):
            return chosen, box
        size = smaller


def _paint_scrim(painter: QPainter, rect: QRect, band_top: int, feather: int) -> None:
    top = max(rect.top(), band_top - feather)
    gradient = QLinearGradient(0, top, 0, rect.bottom())
    span = max(1, rect.bottom() - top)
    gradient.setColorAt(0.0, QColor(0, 0, 0, _SCRIM_TOP_ALPHA))
    gradient.setColorAt(min(0.99, (band_top - top) / span), QColor(0, 0, 0, _SCRIM_TEXT_ALPHA))
    gradient.setColorAt(1.0, QColor(0, 0, 0, _SCRIM_BOTTOM_ALPHA))
    painter.fillRect(QRect(rect.left(), top, rect.width(), rect.bottom() - top + 1), gradient)


def _paint_status(painter: QPainter, rect: QRect, text: str, scale: float) -> None:
    painter.fillRect(rect, QColor(26, 26, 26))
    painter.setFont(font(SANS, 28 * scale))
    painter.setPen(_QUIET_COLOUR)
    box = rect.adjusted(rect.width() // 6, 0, -rect.width() // 6, -rect.height() // 5)
    painter.drawText(box, _WRAP | int(Qt.AlignmentFlag.AlignCenter), text)


def _paint_title_card(painter: QPainter, rect: QRect, content: FrameContent, scale: float) -> None:
    painter.fillRect(rect, _CARD_BACKGROUND)
    width = round(rect.width() * 0.7)
    left = rect.x() + (rect.width() - width) // 2
    title = content.title.strip() or UNTITLED_ESSAY
    title_font = font(SERIF, 76 * scale, bold=True)
    stand_font = font(SERIF, 34 * scale)
    title_box = QFontMetrics(title_font).boundingRect(QRect(0, 0, width, 100_000), _WRAP, title)
    standfirst = content.standfirst.strip()
    stand_box = (
        QFontMetrics(stand_font).boundingRect(QRect(0, 0, width, 100_000), _WRAP, standfirst)
        if standfirst
        else QRect()
    )
    gap = round(36 * scale) if standfirst else 0
    top = rect.y() + (rect.height() - title_box.height() - gap - stand_box.height()) // 2
    top = max(top, rect.y() + round(40 * scale))
    centred = _WRAP | int(Qt.AlignmentFlag.AlignHCenter)
    painter.setPen(_CAPTION_COLOUR)
    painter.setFont(title_font)
    painter.drawText(QRect(left, top, width, title_box.height()), centred, title)
    if standfirst:
        painter.setPen(QColor(208, 208, 208))
        painter.setFont(stand_font)
        stand_top = top + title_box.height() + gap
        painter.drawText(QRect(left, stand_top, width, stand_box.height()), centred, standfirst)
    count = content.slide_count
    if count:
        painter.setPen(_QUIET_COLOUR)
        painter.setFont(font(SANS, 22 * scale))
        note = f"{count} slide{'s' if count != 1 else ''}"
        footer = QRectF(rect.x(), rect.bottom() - 90 * scale, rect.width(), 40 * scale)
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignCenter), note)


def _paint_text_card(painter: QPainter, rect: QRect, content: FrameContent, scale: float) -> None:
    painter.fillRect(rect, _CARD_BACKGROUND)
    slide = content.frame.slide
    if slide is None:
        return
    width = round(rect.width() * 0.62)
    left = rect.x() + (rect.width() - width) // 2
    text = slide.caption.strip()
    credit = slide.credit.strip()
    # Very long text cards get smaller type rather than running off the screen.
    text_font, text_box = _shrink_to_fit(
        text, SERIF, 46 * scale, 20 * scale, width, rect.height() * 0.72
    )
    credit_font = font(SANS, 22 * scale)
    credit_box = QFontMetrics(credit_font).boundingRect(QRect(0, 0, width, 10_000), _WRAP, credit)
    gap = round(30 * scale) if credit and text else 0
    height = text_box.height() + gap + (credit_box.height() if credit else 0)
    top = max(rect.y(), rect.y() + (rect.height() - height) // 2)
    centred = _WRAP | int(Qt.AlignmentFlag.AlignHCenter)
    if text:
        painter.setPen(_CAPTION_COLOUR)
        painter.setFont(text_font)
        painter.drawText(QRect(left, top, width, text_box.height()), centred, text)
    if credit:
        painter.setPen(_CREDIT_COLOUR)
        painter.setFont(credit_font)
        painter.drawText(
            QRect(left, top + text_box.height() + gap, width, credit_box.height()), centred, credit
        )
