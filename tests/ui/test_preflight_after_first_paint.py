"""The checks held back while the editor starts (PreflightRunner.pause/resume, after_next_paint):
nothing is checked before the first paint, and nothing asked for in the meantime is lost.
The slide viewer holds its photo back the same way (pause_photos/resume_photos)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from photoessay_desktop.app.editor_files import preflight_check
from photoessay_desktop.app.first_paint import after_next_paint
from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.image_facts import ImageFacts
from photoessay_desktop.qt_models.image_loader import ImageLoader
from tests.ui.conftest import MakeEditor


class CountingCheck:
    def __init__(self) -> None:
        self.essays: list[Essay] = []

    def __call__(self, essay: Essay, facts: Mapping[str, ImageFacts]) -> tuple[object, ...]:
        self.essays.append(essay)
        return tuple(preflight_check(essay, facts))


def test_paused_checks_run_once_on_resume_with_the_latest_essay(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    check = CountingCheck()
    window = make_editor(check=check).window  # type: ignore[arg-type]
    window.preflight.pause()
    window.files.start(lakes)
    window.edit_panel.field_widget("title").setFocus()  # type: ignore[union-attr]
    qtbot.keyClicks(window.edit_panel.field_widget("title"), "!")
    window.preflight.run_now()
    assert check.essays == []
    assert window.preflight.findings == ()
    window.preflight.resume()
    assert len(check.essays) == 1
    assert check.essays[0].title.endswith("!")
    assert [(f.code, f.slide) for f in window.preflight.findings] == [("missing-image", 6)]
    window.preflight.resume()  # nothing owed: no second run
    assert len(check.essays) == 1


class _Paints(QObject):
    """Counts the paint events Qt delivers to any widget while installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _watch_paints() -> tuple[QApplication, _Paints]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paints = _Paints()
    app.installEventFilter(paints)
    return app, paints


def test_after_next_paint_waits_for_a_new_window_to_paint(
    make_editor: MakeEditor, qtbot: QtBot
) -> None:
    window = make_editor(show=False).window
    app, paints = _watch_paints()
    try:
        calls: list[int] = []
        after_next_paint(window, lambda: calls.append(paints.count))
        qtbot.wait(50)
        assert calls == []  # not shown, never painted: still waiting
        window.show()
        qtbot.waitUntil(lambda: bool(calls))
        assert calls[0] > 0
        window.update()
        qtbot.wait(50)
        assert len(calls) == 1  # once only
    finally:
        app.removeEventFilter(paints)


def test_after_next_paint_on_a_shown_window_waits_for_a_paint_it_asks_for(
    make_editor: MakeEditor, qtbot: QtBot
) -> None:
    window = make_editor().window
    qtbot.waitExposed(window)
    qtbot.wait(50)  # whatever the first show painted is done
    app, paints = _watch_paints()
    try:
        calls: list[int] = []
        after_next_paint(window, lambda: calls.append(paints.count))
        assert calls == []
        qtbot.waitUntil(lambda: bool(calls))  # nothing else changed: its own update() paints
        assert calls[0] > 0
    finally:
        app.removeEventFilter(paints)


def test_paused_viewer_decodes_nothing_until_resumed(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    window = make_editor(images=True).window
    loader = window._services.images
    assert isinstance(loader, ImageLoader)
    window.viewer.pause_photos()
    window.files.start(lakes)
    window.slide_list.select_rows([1])
    assert window.viewer.row == 1
    assert window.viewer.photo.message == "Loading…"
    assert not loader.pending_count and not loader.decodes_started
    window.viewer.resume_photos()
    qtbot.waitUntil(window.viewer.photo.has_image, timeout=15000)
    assert window.viewer.photo.message == ""
    shown = window.viewer.photo.grab().toImage()
    window.viewer.resume_photos()  # nothing held back any more: the photo stays as it is
    assert window.viewer.photo.has_image()
    assert window.viewer.photo.grab().toImage() == shown
