"""One frame of the show painted into a rect: black wherever the photo is not, whatever was there.

The painter fills only around the photo (a fill under it would write most of the frame twice),
so these paint over a white canvas: any pixel the frame forgets to cover stays white.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from pytestqt.qtbot import QtBot

from photoessay_desktop.document.slideshow_plan import Frame, FrameKind
from photoessay_desktop.domain.essay import Slide
from photoessay_desktop.ui.slideshow.frame_painter import FrameContent, paint_frame, prepare_text

CANVAS = QSize(400, 200)


def slide(caption: str = "", credit: str = "") -> Slide:
    return Slide(id="s1", image="photo.jpg", caption=caption, credit=credit)


def painted(pixmap: QPixmap | None, *, rect: QRect | None = None, **slide_text: str) -> QImage:
    canvas = QImage(CANVAS, QImage.Format.Format_RGB32)
    canvas.fill(QColor("white"))
    content = FrameContent(
        frame=Frame(FrameKind.PHOTO, 0, slide(**slide_text)),
        title="",
        standfirst="",
        slide_count=1,
        pixmap=pixmap,
    )
    painter = QPainter(canvas)
    paint_frame(painter, rect or canvas.rect(), content)
    painter.end()
    return canvas


def solid(width: int, height: int, colour: QColor) -> QPixmap:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(colour)
    return QPixmap.fromImage(image)


def is_black(image: QImage, x: int, y: int) -> bool:
    return image.pixelColor(x, y).lightness() < 8


@pytest.mark.parametrize(
    ("size", "bars"),
    [
        (QSize(100, 100), [(5, 100), (394, 100)]),  # square in a wide frame: bars left and right
        (QSize(800, 100), [(200, 5), (200, 194)]),  # a panorama: bars above and below
        (QSize(400, 200), []),  # exactly the frame: no bars at all
    ],
)
def test_everything_around_the_photo_is_black(
    qtbot: QtBot, size: QSize, bars: list[tuple[int, int]]
) -> None:
    image = painted(solid(size.width(), size.height(), QColor(200, 30, 30)))
    centre = image.pixelColor(200, 100)
    assert (centre.red(), centre.green()) == (200, 30)
    for x, y in bars:
        assert is_black(image, x, y), (x, y)
    # Not one pixel is left as it was.
    assert all(
        image.pixelColor(x, y) != QColor("white")
        for x in range(0, 400, 7)
        for y in range(0, 200, 7)
    )


def test_the_frame_stays_inside_its_rect(qtbot: QtBot) -> None:
    # The presenter paints previews into part of its window: nothing spills out of the rect.
    image = painted(solid(100, 100, QColor(200, 30, 30)), rect=QRect(100, 50, 200, 100))
    assert image.pixelColor(50, 100) == QColor("white")
    assert image.pixelColor(350, 20) == QColor("white")
    assert is_black(image, 110, 100)  # the preview's own bar
    assert image.pixelColor(200, 100).red() == 200


def test_see_through_parts_of_a_photo_show_black_not_what_was_there(qtbot: QtBot) -> None:
    image = painted(solid(400, 200, QColor(0, 0, 0, 0)))
    assert is_black(image, 200, 100)


def test_a_frame_without_a_photo_or_a_reason_is_black(qtbot: QtBot) -> None:
    image = painted(None)
    assert is_black(image, 200, 100) and is_black(image, 3, 3)


def test_caption_and_credit_are_painted_over_the_photo(qtbot: QtBot) -> None:
    plain = painted(solid(400, 200, QColor(90, 90, 90)))
    worded = painted(
        solid(400, 200, QColor(90, 90, 90)), caption="Бахмут at dawn", credit="Aris Messinis / AFP"
    )
    assert plain.pixelColor(200, 20) == worded.pixelColor(200, 20)  # the top is untouched
    assert plain != worded


@pytest.mark.parametrize(
    "caption",
    [
        "",
        "Бахмут " * 2000,
        "\u202eevil\u202c credit",
        "\u0627\u0644\u0639\u0631\u0628\u064a\u0629 🙂",
    ],
)
def test_preparing_the_text_paints_nothing_and_takes_any_words(qtbot: QtBot, caption: str) -> None:
    # The opening frame lays its words out while it waits for the photo (fonts load then, not
    # in the first paint); whatever the words, that is all it does.
    content = FrameContent(
        frame=Frame(FrameKind.PHOTO, 0, slide(caption=caption, credit="Aris Messinis / AFP")),
        title="",
        standfirst="",
        slide_count=1,
        pixmap=solid(40, 40, QColor(200, 30, 30)),
    )
    prepare_text(content, QSize(1920, 1080))
    assert content.pixmap is not None and not content.pixmap.isNull()  # left as it was
    for kind in (FrameKind.TITLE, FrameKind.TEXT):
        prepare_text(
            FrameContent(
                frame=Frame(kind, 0, slide(caption=caption)),
                title=caption,
                standfirst=caption,
                slide_count=3,
            ),
            QSize(0, 0),
        )


def test_a_long_text_card_in_an_overview_tile_is_painted_and_clipped(qtbot: QtBot) -> None:
    # The type shrinks to the smallest there is, which still does not hold 2,000 words in a
    # tile: the card is painted clipped to its tile (this once looped for ever, freezing the
    # show when O was pressed).
    canvas = QImage(CANVAS, QImage.Format.Format_RGB32)
    canvas.fill(QColor("white"))
    content = FrameContent(
        frame=Frame(FrameKind.TEXT, 0, slide(caption="Бахмут words " * 1000)),
        title="",
        standfirst="",
        slide_count=1,
        text_layers=False,
    )
    painter = QPainter(canvas)
    paint_frame(painter, QRect(10, 10, 120, 68), content)
    painter.end()
    assert canvas.pixelColor(5, 5) == QColor("white")  # outside the tile
    assert canvas.pixelColor(12, 75).lightness() < 40  # the card's dark ground, to its edge
