"""Puts the show's first frame on screen before the essay model, the loader and the session load.

`photoessay present` spends most of its start-up importing (PySide6, then pydantic for the essay
model, the loader's imaging modules and the rest of the slideshow). This paints the opening frame
with Qt and the audience window alone, from a quick read of the file (storage/essay_peek.py), the
two preferences it needs (settings/slideshow_peek.py) and the photo the early decode
(early_decode.py) made on the other core meanwhile. The session then takes the same window over:
the frame does not change, and keys pressed in between are held for it. Any doubt (a rehearsal
without an audience window, a screen that is not there) returns None and the normal start runs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSize, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap, QTransform
from PySide6.QtWidgets import QApplication

from photoessay_desktop.document.slideshow_controller import Screen
from photoessay_desktop.document.slideshow_plan import Frame, FrameKind
from photoessay_desktop.domain.essay_name import UNTITLED_ESSAY
from photoessay_desktop.imaging.decode_limits import megapixels
from photoessay_desktop.settings.slideshow_peek import peek_slideshow_preferences
from photoessay_desktop.storage.essay_peek import OpeningFrame
from photoessay_desktop.ui.slideshow.audience_scene import AudienceScene
from photoessay_desktop.ui.slideshow.audience_window import AudienceWindow
from photoessay_desktop.ui.slideshow.frame_painter import FrameContent, prepare_text
from photoessay_desktop.ui.slideshow.screen_choice import (
    QtScreenList,
    ScreenChoiceError,
    choose_placement,
    show_full_screen,
)

if TYPE_CHECKING:
    from photoessay_desktop.app.early_decode import EarlyDecode, EarlyPixels

# How long the first frame waits for the early decode before the start-up goes on without it
# (the session then adopts the photo when it comes). A 24 MP JPEG takes about 150 ms.
PHOTO_WAIT_MS = 700


@dataclass(frozen=True)
class EarlyPhoto:
    """A photo decoded before Qt started: its reference, its pixels and the box it fits."""

    ref: str
    pixmap: QPixmap
    box: QSize


@dataclass
class OpeningShow:
    """The audience window showing the opening frame, and the early photo if it is in it."""

    window: AudienceWindow
    position: int
    photo: EarlyPhoto | None = None  # the early decode's photo, when it is on screen
    early_consumed: bool = False  # the early decode's result was read (photo or failure)


def show_opening_frame(
    opening: OpeningFrame,
    early: EarlyDecode | None,
    *,
    screen_number: int | None,
    presenter: bool,
    config_folder: Path,
) -> OpeningShow | None:
    """Show `opening` full screen where the session will show it, and return once it is painted
    (with its photo, if the early decode delivers within PHOTO_WAIT_MS)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PhotoEssay")
    preferences = peek_slideshow_preferences(config_folder)
    try:
        placement = choose_placement(
            QtScreenList().screens(),
            number=screen_number,
            remembered=preferences.screen,
            presenter=presenter,
        )
    except ScreenChoiceError:
        return None  # the normal start says which screens there are
    if placement.windowed:
        return None  # a rehearsal shows the presenter view, not this window

    def scene(pixmap: QPixmap | None, screen: Screen = Screen.SHOW) -> AudienceScene:
        content = FrameContent(
            frame=Frame(FrameKind(opening.kind), opening.slide_index, _slide_of(opening)),
            title=opening.title,
            standfirst=opening.standfirst,
            slide_count=opening.slide_count,
            pixmap=pixmap,
            caption_size=preferences.caption_size,
        )
        return AudienceScene(content=content, position=opening.position, screen=screen)

    # While the photo is due the window stays black: a frame of caption and credit without the
    # photo would flash up first, and painting its text (fonts load on first use) kept the event
    # loop from hearing that the photo was ready for up to 25 ms.
    window = AudienceWindow(scene(None, Screen.BLACK if early is not None else Screen.SHOW))
    window.hold_input()  # nobody listens until the session exists
    window.setWindowTitle(f"{opening.title.strip() or UNTITLED_ESSAY} - Slideshow")
    show = OpeningShow(window, opening.position)

    def adopt(image: QImage) -> None:
        if early is None:
            return
        show.early_consumed = True
        pixmap = None
        if not image.isNull():
            pixmap = QPixmap.fromImage(image)
            show.photo = EarlyPhoto(early.ref, pixmap, QSize(*early.box))
        window.show_scene(scene(pixmap))  # the photo, or the frame without it if it failed

    show_full_screen(window, placement.audience)
    _paint_first_frame(
        window,
        early,
        adopt,
        prepare=lambda: prepare_text(scene(None).content, window.size()),
        max_pixels=megapixels(preferences.photo_pixel_limit_mp),
    )
    if window.scene.screen is Screen.BLACK:  # the photo is late: the frame goes up without it
        window.show_scene(scene(None), now=True)
    # What comes next imports for a while without an event loop: the frame must be out by then.
    QApplication.sync()
    return show


def _slide_of(opening: OpeningFrame) -> OpeningFrame | None:
    # The peek has the fields the painter reads of a slide (ShownSlide); the title card has none.
    return None if opening.kind == "title" else opening


def early_image(early: EarlyDecode, max_pixels: int) -> QImage:
    """The early decode's pixels as a QImage: call once it said done. Null when it gave up, or
    when the photo is over the user's pixel limit (`max_pixels`): the loader then says so, as it
    does for that photo on any other slide."""
    result = early.result()
    if result is None or result.source[0] * result.source[1] > max_pixels:
        return QImage()
    return fit_early_pixels(result)


def fit_early_pixels(result: EarlyPixels) -> QImage:
    """The child's pixels fitted and upright, as a Format_RGB32 image owning its pixels."""
    decoded = QImage(
        result.pixels, result.width, result.height, result.stride, QImage.Format.Format_RGBX8888
    )
    # The child decodes at libjpeg's nearest scale; the last step is Qt's smooth (area-averaging)
    # scale, as in the loader's own Qt path, then the turn (cheaper on the smaller image).
    turned = result.orientation in (5, 6, 7, 8)
    stored = (result.fitted[1], result.fitted[0]) if turned else result.fitted
    if (result.width, result.height) == stored:
        fitted = decoded.copy()  # owns its pixels: the shared buffer is not ours to keep
    else:
        fitted = decoded.scaled(
            *stored,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    result.pixels.release()
    turn = _EXIF_TURNS.get(result.orientation)
    if turn is not None:
        fitted = fitted.transformed(turn)
    # In place: a converted copy is another 7 MB of fresh pages, 3-4 ms of the first frame.
    fitted.convertTo(QImage.Format.Format_RGB32)
    return fitted


# EXIF orientation to the transform that shows the photo upright (Qt's y axis points down, so a
# positive rotation is clockwise); 1, "as stored", has none.
_EXIF_TURNS = {
    2: QTransform(-1, 0, 0, 1, 0, 0),  # mirrored left to right
    3: QTransform().rotate(180),
    4: QTransform(1, 0, 0, -1, 0, 0),  # mirrored top to bottom
    5: QTransform(0, 1, 1, 0, 0, 0),  # transposed
    6: QTransform().rotate(90),
    7: QTransform(0, -1, -1, 0, 0, 0),  # transversed
    8: QTransform().rotate(270),
}


def _paint_first_frame(
    window: AudienceWindow,
    early: EarlyDecode | None,
    adopt: Callable[[QImage], None],
    *,
    prepare: Callable[[], None],
    max_pixels: int,
) -> None:
    """Run the event loop until the window has painted, with the early photo when one is due
    (at most PHOTO_WAIT_MS for it, and only within the user's pixel limit, `max_pixels`).
    `prepare` loads the caption's fonts while the photo is due."""
    loop = QEventLoop()
    photo_due = early is not None
    notifier: QSocketNotifier | None = None

    def painted() -> None:
        if not photo_due:
            loop.quit()

    window.frame_painted.connect(painted)
    if early is not None:
        notifier = QSocketNotifier(early.done_fd, QSocketNotifier.Type.Read)

        def decoded() -> None:
            nonlocal photo_due
            if notifier is not None:
                notifier.setEnabled(False)
            photo_due = False
            adopt(early_image(early, max_pixels))

        def prepare_then_look() -> None:
            prepare()
            # The event loop hears the child only after the window system's events: a photo
            # done while the fonts loaded waited behind the new window's expose paints (11-22 ms
            # traced). Done now, it is fitted before that paint, which then shows it.
            if photo_due and early.said_done():
                decoded()

        notifier.activated.connect(decoded)
        # While the window manager maps the window and the photo finishes, the text's fonts
        # load, so that the frame with the photo does not wait for them.
        QTimer.singleShot(0, prepare_then_look)
    QTimer.singleShot(PHOTO_WAIT_MS, loop.quit)
    loop.exec()
    if notifier is not None:
        notifier.setEnabled(False)
    window.frame_painted.disconnect(painted)
