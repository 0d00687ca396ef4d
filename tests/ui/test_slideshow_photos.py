"""What the audience sees: photos fitted on black, neighbours ready before they are asked for,
captions and credits on a scrim that stays legible, cards, placeholders and the cross-fade."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.ui.slideshow.slide_pixmaps import pixmap_key
from photoessay_desktop.ui.slideshow.slideshow_options import SlideshowOptions, Transition
from photoessay_desktop.ui.slideshow.slideshow_session import SlideshowSession
from tests.ui.slideshow_support import (
    FakeScreens,
    ReaderSource,
    make_essay,
    start_session,
    write_photo,
)

Key = Qt.Key


def ready(session: SlideshowSession, position: int) -> bool:
    slide = session.controller.plan.frames[position].slide
    assert slide is not None and slide.image is not None
    return session.content(position).pixmap is not None


def test_the_photo_is_fitted_to_the_screen_on_black(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 3, title=""))
    qtbot.waitUntil(lambda: ready(session, 0))
    pixmap = session.content(0).pixmap
    assert pixmap is not None
    # 320x200 fitted into 1280x720: the decoder was asked for the screen size.
    assert session.photo_box() == QSize(1280, 720)
    image = session.audience.grab().toImage()
    # The offscreen test screen is square, so the 16:10 photo has bars above and below.
    assert image.pixelColor(image.width() // 2, 5).lightness() < 10
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre.red() > 180 and centre.green() < 60  # the red photo


def test_both_neighbours_are_decoded_before_they_are_asked_for(
    qtbot: QtBot, tmp_path: Path
) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 6, text_slide=None, title=""), loop=True)
    qtbot.waitUntil(lambda: ready(session, 0) and ready(session, 1) and ready(session, 5))
    qtbot.keyClick(session.audience, Key.Key_Right)
    # No waiting: the next photo is a pixmap already, painted in the same turn.
    assert session.audience.scene.content.pixmap is not None
    qtbot.keyClick(session.audience, Key.Key_Left)
    qtbot.waitUntil(lambda: ready(session, 5))  # back on slide 1: slide 6 is its neighbour (loop)
    qtbot.keyClick(session.audience, Key.Key_Left)
    assert session.audience.scene.content.frame.slide_number == 6
    assert session.audience.scene.content.pixmap is not None


def test_a_step_to_a_ready_photo_paints_before_the_next_decode_is_asked_for(
    qtbot: QtBot, tmp_path: Path
) -> None:
    source = ReaderSource()
    session = start_session(
        qtbot, make_essay(tmp_path, 6, text_slide=None, title=""), source=source
    )
    qtbot.waitUntil(lambda: ready(session, 0) and ready(session, 1))
    qtbot.waitUntil(lambda: len(source.requests) == 2)  # slide 1, then slide 2; nothing before 1
    asked_at_paint: list[int] = []
    session.audience.frame_painted.connect(lambda: asked_at_paint.append(len(source.requests)))
    qtbot.keyClick(session.audience, Key.Key_Right)
    # Slide 2 was painted before the key handler returned, while slide 3 was not asked for yet:
    # its decode starting with the paint made steps late (see _PREFETCH_DELAY_MS).
    assert asked_at_paint[:1] == [2]
    assert session.audience.scene.content.pixmap is not None
    qtbot.waitUntil(lambda: len(source.requests) == 3)
    assert source.requests[-1][0] == pixmap_key(str(tmp_path / "p2.jpg"), session.photo_box())


def test_an_auto_advance_to_a_ready_photo_paints_before_the_next_decode_is_asked_for(
    qtbot: QtBot, tmp_path: Path
) -> None:
    source = ReaderSource()
    session = start_session(
        qtbot,
        make_essay(tmp_path, 6, text_slide=None, title=""),
        source=source,
        auto_seconds=0.4,
    )
    qtbot.waitUntil(lambda: ready(session, 0) and ready(session, 1))
    qtbot.waitUntil(lambda: len(source.requests) == 2)
    asked_at_paint: list[int] = []

    def painted() -> None:
        if session.audience.scene.content.frame.slide_number == 2:
            asked_at_paint.append(len(source.requests))

    session.audience.frame_painted.connect(painted)
    qtbot.waitUntil(lambda: len(asked_at_paint) > 0, timeout=5000)
    # The fade's first frame of slide 2 came before slide 3's decode was asked for, as on a key.
    assert asked_at_paint[0] == 2
    qtbot.waitUntil(lambda: len(source.requests) == 3)
    assert source.requests[-1][0] == pixmap_key(str(tmp_path / "p2.jpg"), session.photo_box())


def test_a_step_to_a_photo_not_yet_decoded_asks_for_it_at_once(
    qtbot: QtBot, tmp_path: Path
) -> None:
    source = ReaderSource(hold=True)
    session = start_session(
        qtbot, make_essay(tmp_path, 6, text_slide=None, title=""), source=source
    )
    qtbot.keyClick(session.audience, Key.Key_Right)
    # Nothing to paint yet, so nothing to wait for: the photo on screen is asked for in the
    # same turn as the key (a photo the loader holds in memory then comes in time for the paint).
    assert source.requests[-1][0] == pixmap_key(str(tmp_path / "p1.jpg"), session.photo_box())


def test_slides_flicked_past_are_cancelled(qtbot: QtBot, tmp_path: Path) -> None:
    source = ReaderSource(hold=True)
    session = start_session(
        qtbot, make_essay(tmp_path, 8, text_slide=None, title=""), source=source
    )
    for _ in range(5):
        qtbot.keyClick(session.audience, Key.Key_Right)
    box = session.photo_box()
    first = pixmap_key(str(tmp_path / "p0.jpg"), box)
    assert first in source.cancelled
    wanted = {key for key, _, _ in source.requests} - set(source.cancelled)
    # Only the slide on screen is being decoded: on two cores its neighbours would slow it down.
    assert wanted == {pixmap_key(str(tmp_path / "p5.jpg"), box)}
    asked = len(source.requests)
    source.release()
    qtbot.waitUntil(lambda: session.audience.scene.content.pixmap is not None)
    # Now its neighbours follow.
    later = {key for key, _, _ in source.requests[asked:]}
    assert later == {pixmap_key(str(tmp_path / f"p{i}.jpg"), box) for i in (4, 6)}


def test_a_missing_photo_says_why_and_the_show_goes_on(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 3, missing=1, title=""))
    qtbot.keyClick(session.audience, Key.Key_Right)
    qtbot.waitUntil(lambda: "Photo unavailable" in session.audience.scene.content.status_text)
    assert "gone.jpg" in session.audience.scene.content.status_text
    qtbot.keyClick(session.audience, Key.Key_Right)
    assert session.audience.scene.content.frame.slide_number == 3


def test_a_remote_photo_shows_a_placeholder_naming_the_host(qtbot: QtBot, tmp_path: Path) -> None:
    essay = Essay(slides=(Slide(id="a", image="https://photos.example.org/a.jpg", credit="AFP"),))
    session = start_session(qtbot, essay, source=ReaderSource(hold=True))
    assert "photos.example.org" in session.audience.scene.content.status_text


def bright_photo_with_long_caption(tmp_path: Path) -> Essay:
    white = write_photo(tmp_path / "sky.jpg", "#ffffff", QSize(1200, 1200))
    caption = (
        "Fishermen haul their nets at first light on the frozen lake, where the ice has grown "
        "thinner every winter for a decade and the season now starts three weeks later than it "
        "did when their fathers fished here; the catch is smaller, but the village still turns out."
    )
    slides = (Slide(id="a", image=str(white), caption=caption, credit="Aris Messinis / AFP"),)
    return Essay(slides=slides)


def text_pixels(image: QImage, top: int, bottom: int, left: int, right: int) -> tuple[int, int]:
    """(light pixels, dark pixels) in the band: text is light on a dark scrim."""
    light = dark = 0
    for y in range(top, bottom, 3):
        for x in range(left, right, 3):
            value = QColor(image.pixel(x, y)).lightness()
            light += value > 200
            dark += value < 90
    return light, dark


def test_caption_and_credit_stay_legible_on_a_white_photo(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, bright_photo_with_long_caption(tmp_path))
    qtbot.waitUntil(lambda: session.audience.scene.content.pixmap is not None)
    image = session.audience.grab().toImage()
    width, height = image.width(), image.height()
    # Above the scrim the photo is white; under the caption the scrim is dark with light letters.
    assert QColor(image.pixel(width // 2, height // 5)).lightness() > 240
    light, dark = text_pixels(image, int(height * 0.8), int(height * 0.95), 40, int(width * 0.6))
    assert dark > light > 20
    light, dark = text_pixels(
        image, int(height * 0.85), int(height * 0.96), int(width * 0.75), width - 20
    )
    assert dark > light > 5  # the credit, its own layer at the right


def test_the_credit_stays_when_captions_are_hidden(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, bright_photo_with_long_caption(tmp_path))
    qtbot.waitUntil(lambda: session.audience.scene.content.pixmap is not None)
    qtbot.keyClick(session.audience, Key.Key_C)
    image = session.audience.grab().toImage()
    width, height = image.width(), image.height()
    light, dark = text_pixels(image, int(height * 0.91), int(height * 0.95), 40, int(width * 0.6))
    assert light == 0 and dark > 0  # the scrim is there, the caption text is not
    light, dark = text_pixels(
        image, int(height * 0.85), int(height * 0.96), int(width * 0.75), width - 20
    )
    assert dark > light > 5


def test_title_card_and_text_card_show_their_words(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 4, text_slide=0))
    title = session.audience.grab().toImage()
    width, height = title.width(), title.height()
    assert text_pixels(title, height // 4, height * 3 // 4, width // 6, width * 5 // 6)[0] > 50
    qtbot.keyClick(session.audience, Key.Key_Right)
    card = session.audience.grab().toImage()
    assert session.audience.scene.content.pixmap is None
    assert text_pixels(card, height // 4, height * 3 // 4, width // 6, width * 5 // 6)[0] > 20


def test_the_cross_fade_starts_with_the_new_slide_and_ends(qtbot: QtBot, tmp_path: Path) -> None:
    options = SlideshowOptions(transition=Transition.FADE, transition_seconds=0.2)
    session = start_session(qtbot, make_essay(tmp_path, 3), options=options)
    qtbot.keyClick(session.audience, Key.Key_Right)
    assert session.audience.scene.content.frame.slide_number == 1
    assert session.audience.fading
    qtbot.keyClick(session.audience, Key.Key_Right)  # stepping mid-fade is never held back
    assert session.audience.scene.content.frame.slide_number == 2
    qtbot.waitUntil(lambda: not session.audience.fading)


def test_options_from_a_hand_edited_settings_file_are_clamped() -> None:
    options = SlideshowOptions(caption_size=500, transition=Transition.FADE, transition_seconds=9)
    assert options.caption_size == 64 and options.fade_ms == 1000
    assert SlideshowOptions(caption_size=-3, transition_seconds=-1).fade_ms == 0


def test_mouse_clicks_and_wheel_step(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 5))
    centre = session.audience.rect().center()
    qtbot.mouseClick(session.audience, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseClick(session.audience, Qt.MouseButton.LeftButton, pos=centre)
    assert session.audience.scene.position == 2
    qtbot.mouseClick(session.audience, Qt.MouseButton.RightButton, pos=centre)
    assert session.audience.scene.position == 1
    wheel(session, -120)
    assert session.audience.scene.position == 2
    wheel(session, 60)
    assert session.audience.scene.position == 2  # half a notch of a touchpad: not yet
    wheel(session, 60)
    assert session.audience.scene.position == 1


def wheel(session: SlideshowSession, delta: int) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    event = QWheelEvent(
        QPointF(100, 100),
        QPointF(100, 100),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(session.audience, event)


def test_clicking_an_overview_tile_shows_that_slide(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 5))
    qtbot.keyClick(session.audience, Key.Key_O)
    from photoessay_desktop.ui.slideshow.overview_grid import overview_layout

    layout = overview_layout(6, session.audience.size())
    target = layout.tile_rect(4).center()
    qtbot.mouseClick(session.audience, Qt.MouseButton.LeftButton, pos=target)
    assert session.audience.scene.overview is None
    assert session.audience.scene.position == 4


def test_the_overview_opens_over_a_text_card_too_long_for_its_tile(
    qtbot: QtBot, tmp_path: Path
) -> None:
    essay = make_essay(tmp_path, 4, text_slide=2)
    long_card = essay.slides[2].model_copy(update={"caption": "Бахмут, the long read. " * 800})
    essay = essay.model_copy(update={"slides": (*essay.slides[:2], long_card, essay.slides[3])})
    session = start_session(qtbot, essay)
    qtbot.keyClick(session.audience, Key.Key_O)
    assert session.audience.scene.overview is not None
    shown = session.audience.grab().toImage()  # painting the tiles once never finished
    assert not shown.isNull()
    qtbot.keyClick(session.audience, Key.Key_Escape)


def test_the_pointer_hides_when_still_and_returns_when_moved(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 2))
    qtbot.waitUntil(lambda: session.audience.pointer_hidden, timeout=4000)
    qtbot.mouseMove(session.audience, QPoint(100, 100))
    qtbot.mouseMove(session.audience, QPoint(120, 110))
    assert not session.audience.pointer_hidden


def test_an_early_decoded_first_photo_is_used_and_not_decoded_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    source = ReaderSource(hold=True)
    essay = make_essay(tmp_path, 3, title="")
    ref = str(tmp_path / "p0.jpg")
    session = SlideshowSession(essay, source=source, screens=FakeScreens(("Projector", 1280, 720)))
    qtbot.addWidget(session.audience)
    session.expect_early_image(ref, QSize(1280, 720))
    session.start()
    assert source.requests == []  # the early decode is on its way: nothing asked twice
    image = QImage(QSize(1152, 720), QImage.Format.Format_RGB888)
    image.fill(QColor("#d02020"))
    session.adopt_early_image(ref, image, QSize(1280, 720))
    assert session.audience.scene.content.pixmap is not None
    assert pixmap_key(ref, QSize(1280, 720)) not in {key for key, _, _ in source.requests}


def test_a_failed_or_other_size_early_decode_hands_over_to_the_loader(
    qtbot: QtBot, tmp_path: Path
) -> None:
    source = ReaderSource(hold=True)
    essay = make_essay(tmp_path, 3, title="")
    ref = str(tmp_path / "p0.jpg")
    session = SlideshowSession(essay, source=source, screens=FakeScreens(("TV", 3840, 2160)))
    qtbot.addWidget(session.audience)
    session.expect_early_image(ref, QSize(1920, 1080))  # guessed the wrong screen size
    session.start()
    assert [key for key, _, _ in source.requests] == [pixmap_key(ref, QSize(3840, 2160))]
    stand_in = QImage(QSize(1620, 1080), QImage.Format.Format_RGB888)
    session.adopt_early_image(ref, stand_in, QSize(1920, 1080))
    assert session.audience.scene.content.pixmap is not None  # shown until the sharp one comes
    other = SlideshowSession(essay, source=source, screens=FakeScreens(("HD", 1920, 1080)))
    qtbot.addWidget(other.audience)
    other.expect_early_image(ref, QSize(1920, 1080))
    other.start()
    asked = len(source.requests)
    other.early_image_failed()
    assert [key for key, _, _ in source.requests[asked:]] == [pixmap_key(ref, QSize(1920, 1080))]
