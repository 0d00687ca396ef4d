"""The presenter view: current and next slide, notes, clocks, n of N, plan, keys from its window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from photoessay_desktop.ui.slideshow.presenter_window import PresenterWindow
from photoessay_desktop.ui.slideshow.slideshow_session import SlideshowSession
from tests.ui.slideshow_support import FakeClock, FakeScreens, make_essay, start_session

Key = Qt.Key


def presenter_of(session: SlideshowSession) -> PresenterWindow:
    assert session.presenter is not None
    return session.presenter


def settled(qtbot: QtBot, session: SlideshowSession, text: str) -> PresenterWindow:
    window = presenter_of(session)
    qtbot.waitUntil(lambda: window.position.text() == text)
    return window


def test_two_screens_bring_the_presenter_view_with_everything(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock()
    session = start_session(
        qtbot,
        make_essay(tmp_path, 5),
        screens=FakeScreens(("eDP-1", 1920, 1200), ("HDMI-1", 1920, 1080)),
        editor_screen="eDP-1",
        clock=clock,
    )
    window = settled(qtbot, session, "Title card (5 slides)")
    assert window.caption.text() == "A year on the water"
    assert window.next_caption.text() == "Caption 1: fishermen at dawn"
    clock.now += 65
    qtbot.keyClick(window, Key.Key_Right)  # keys work from the presenter window too
    window = settled(qtbot, session, "Slide 1 of 5")
    assert session.audience.scene.content.frame.slide_number == 1
    assert window.caption.text() == "Caption 1: fishermen at dawn"
    assert window.credit.text() == "Photographer 1 / Agency"
    assert window.next_caption.text() == "Caption 2: fishermen at dawn"
    assert window.notes.text() == "Notes for slide 1"
    assert window.elapsed.text() == "1:05"
    assert window.clock.text() == "16:45"
    assert window.plan.text() == ""  # no durations, no plan
    assert window.current.content is not None and window.current.content.frame.slide_number == 1
    assert window.next.content is not None and window.next.content.frame.slide_number == 2


def test_the_last_slide_says_the_essay_ends_and_the_empty_notes_say_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 2), presenter=True)
    qtbot.keyClick(session.audience, Key.Key_End)
    window = settled(qtbot, session, "Slide 2 of 2")
    assert window.next_caption.text() == "End of the essay"
    assert window.next.content is None


def test_time_left_against_the_plan(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FakeClock()
    essay = make_essay(tmp_path, 3, title="", durations={0: 60.0, 1: 60.0, 2: 120.0})
    session = start_session(qtbot, essay, presenter=True, clock=clock)
    window = settled(qtbot, session, "Slide 1 of 3")
    assert window.plan.text() == "4:00 left of 4:00 plan, on time"
    clock.now += 90  # a long story on slide 1
    qtbot.keyClick(window, Key.Key_Right)
    window = settled(qtbot, session, "Slide 2 of 3")
    qtbot.waitUntil(lambda: window.plan.text() == "2:30 left of 4:00 plan, 0:30 behind")
    assert "Next slide in 1:00" in window.status.text()
    qtbot.keyClick(window, Key.Key_A)
    qtbot.waitUntil(lambda: "Auto-advance paused" in window.status.text())
    clock.now += 300
    qtbot.keyClick(window, Key.Key_R)
    qtbot.waitUntil(lambda: window.elapsed.text() == "0:00")


def test_the_status_line_tells_the_speaker_what_the_room_sees(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 3), presenter=True)
    window = presenter_of(session)
    qtbot.keyClick(window, Key.Key_B)
    qtbot.waitUntil(lambda: "black screen" in window.status.text())
    qtbot.keyClick(window, Key.Key_Space)
    qtbot.waitUntil(lambda: window.status.text() == "")
    qtbot.keyClick(window, Key.Key_C)
    qtbot.waitUntil(lambda: "Captions hidden" in window.status.text())
    qtbot.keyClick(window, Key.Key_4)
    qtbot.waitUntil(lambda: "Go to slide 4_" in window.status.text())


def test_escape_from_the_presenter_window_ends_the_show(qtbot: QtBot, tmp_path: Path) -> None:
    session = start_session(qtbot, make_essay(tmp_path, 3), presenter=True)
    window = presenter_of(session)
    qtbot.keyClick(window, Key.Key_Right)
    with qtbot.waitSignal(session.finished) as finished:
        qtbot.keyClick(window, Key.Key_Escape)
    assert finished.args == [0]
    assert not window.isVisible() and not session.audience.isVisible()


def test_long_hostile_and_non_ascii_text_is_shown_as_plain_text(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from photoessay_desktop.domain.essay import Essay, Slide

    notes = "<b>not bold</b> " + "Київ — 東京 — العربية " * 200
    essay = Essay(
        title="<script>x</script>", slides=(Slide(id="a", caption="<i>x</i>", notes=notes),)
    )
    session = start_session(qtbot, essay, presenter=True)
    qtbot.keyClick(session.audience, Key.Key_Right)
    window = settled(qtbot, session, "Slide 1 of 1")
    assert window.notes.text() == notes
    assert window.notes.textFormat() == Qt.TextFormat.PlainText
    assert window.caption.text() == "<i>x</i>"
