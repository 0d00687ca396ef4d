"""The editor's opening frame (app/editor_launch.py): the essay's outline in the editor's own panes,
then the editor built in the same window with nothing moving, whatever the file holds."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget
from pytestqt.qtbot import QtBot

from photoessay_desktop.app.editor_app import install_parts
from photoessay_desktop.app.editor_launch import _install_editor, show_opening_window
from photoessay_desktop.qt_models.slide_roles import SlideRole, caption_preview
from photoessay_desktop.settings.preferences_store import PreferencesStore
from photoessay_desktop.storage.essay_peek import OutlineSlide
from photoessay_desktop.ui.essay_outline_view import EssayOutlineView
from photoessay_desktop.ui.main_window import MainWindow
from tests.ui.conftest import MakeEditor, ScriptedDialogs, ScriptedPrompts, scripted_services


@pytest.fixture
def opened(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    """Windows a test opened with show_opening_window, closed without prompts afterwards."""
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        if window.installed:
            window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()


def open_outline(
    qtbot: QtBot, opened: list[MainWindow], path: Path | None, config: Path
) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = show_opening_window(app, path, config)
    opened.append(window)
    qtbot.waitExposed(window)
    return window


def install(window: MainWindow, config: Path, path: Path | None) -> ScriptedPrompts:
    prompts = ScriptedPrompts()
    install_parts(window, scripted_services(config, ScriptedDialogs(), prompts))
    window.files.start(path)
    return prompts


def left_editor(
    make_editor: MakeEditor, config: Path, essay: Path, arrange: Callable[[MainWindow], object]
) -> MainWindow:
    """An earlier session: the editor on `essay`, arranged by the user, then closed (which saves
    its layout in `config`)."""
    before = make_editor(config=config).window
    before.files.start(essay)
    arrange(before)
    before.close()
    return before


def outline_of(window: MainWindow) -> EssayOutlineView:
    view = window.centralWidget()
    assert isinstance(view, EssayOutlineView)
    return view


def card_texts(view: EssayOutlineView) -> list[tuple[int, str, str]]:
    model = view.cards.model()
    return [
        (
            model.index(row, 0).data(SlideRole.NUMBER),
            model.index(row, 0).data(Qt.ItemDataRole.DisplayRole),
            model.index(row, 0).data(SlideRole.PLACEHOLDER_SHORT),
        )
        for row in range(model.rowCount())
    ]


def place(widget: QWidget) -> QRect:
    """Where `widget` sits in its window."""
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def test_the_outline_shows_the_essay_before_the_editor_is_built(
    qtbot: QtBot, opened: list[MainWindow], lakes: Path, tmp_path: Path
) -> None:
    window = open_outline(qtbot, opened, lakes, tmp_path / "config")
    assert not window.installed
    assert window.windowTitle() == "lakes[*] — PhotoEssay"
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Slide", "&View"]  # the bar will not grow or move
    assert window.statusBar().currentMessage() == "Opening…"
    view = outline_of(window)
    slides = json.loads(lakes.read_text(encoding="utf-8"))["slides"]
    texts = card_texts(view)
    assert len(texts) == len(slides) == 11
    assert texts[0][:2] == (1, "One o'clock on a summer night: the sky…")
    assert texts[5] == (6, "Away from the water", "Text slide")  # the lakes' text slide
    assert view.cards.currentIndex().row() == 0
    assert view.photo_page.isVisible()
    assert view.photo_page.caption.text() == slides[0]["caption"]
    assert view.photo_page.credit.text() == "Risto Saukonpää / KDE Plasma wallpapers"
    # No layout saved yet: the findings panel's place is kept all the same, so it does not push
    # the panes up when the editor's own panel comes.
    dock = window.findChild(QDockWidget, "preflightDock")
    assert dock is not None and dock.isVisible()


def test_the_editor_takes_the_window_over_where_the_user_left_its_panes(
    qtbot: QtBot, make_editor: MakeEditor, opened: list[MainWindow], lakes: Path, tmp_path: Path
) -> None:
    config = tmp_path / "настройки"
    # A previous session: panes dragged, the findings panel taller, the window smaller.

    def arrange(before: MainWindow) -> None:
        before.resize(780, 560)  # within the offscreen screen's 800x600: restoreGeometry keeps it
        before.splitter.setSizes([250, 300, 230])
        before.resizeDocks([before.preflight_dock], [170], Qt.Orientation.Vertical)
        qtbot.wait(20)

    before = left_editor(make_editor, config, lakes, arrange)

    window = open_outline(qtbot, opened, lakes, config)
    view = outline_of(window)
    dock = window.findChild(QDockWidget, "preflightDock")
    assert dock is not None and dock.isVisible()
    opening = (window.size(), view.sizes(), place(view), place(dock))
    assert opening[0] == before.size()

    install(window, config, lakes)
    qtbot.waitUntil(lambda: window.editor_page.isVisible())
    qtbot.wait(20)  # the layout settles
    assert window.installed
    assert window.windowTitle() == "lakes[*] — PhotoEssay"
    assert window.statusBar().currentMessage() == ""  # not "Opening…" any more
    after = (
        window.size(),
        window.splitter.sizes(),
        place(window.splitter),
        place(window.preflight_dock),
    )
    assert after == opening  # nothing moved
    assert window.findChildren(QDockWidget, "preflightDock") == [window.preflight_dock]
    assert window.model.rowCount() == 11
    assert window.edit_panel.field_widget("title").text() == (  # type: ignore[union-attr]
        "Northern Lakes, From Midnight Sun to Fog"
    )


def test_a_hidden_findings_panel_stays_hidden_through_the_opening(
    qtbot: QtBot, make_editor: MakeEditor, opened: list[MainWindow], lakes: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    left_editor(make_editor, config, lakes, lambda before: before.preflight_dock.hide())
    window = open_outline(qtbot, opened, lakes, config)
    dock = window.findChild(QDockWidget, "preflightDock")
    assert dock is not None and not dock.isVisible()
    install(window, config, lakes)
    qtbot.wait(20)
    assert not window.preflight_dock.isVisible()


def test_a_bad_file_opens_on_an_empty_outline_then_says_why(
    qtbot: QtBot, opened: list[MainWindow], tmp_path: Path
) -> None:
    bad = tmp_path / "Разбитый.essay.json"
    bad.write_bytes(b'{"format": "photoessay", "version": 1, "slides": [{"id": ')
    config = tmp_path / "config"
    window = open_outline(qtbot, opened, bad, config)
    assert window.windowTitle() == "Разбитый[*] — PhotoEssay"
    assert card_texts(outline_of(window)) == []
    assert not outline_of(window).photo_page.isVisible()
    prompts = install(window, config, bad)
    assert len(prompts.errors) == 1  # the loader's own message, as File > Open gives it
    assert "Разбитый.essay.json" in "".join(prompts.errors[0])
    assert window.pages.currentWidget() is window.start_page
    assert bad.read_bytes().endswith(b'"id": ')  # untouched


def test_without_a_file_the_last_essay_is_outlined(
    qtbot: QtBot, opened: list[MainWindow], lakes: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    store = PreferencesStore(config)
    store.save(store.load().with_recent(str(lakes)))
    window = open_outline(qtbot, opened, None, config)
    assert window.windowTitle() == "lakes[*] — PhotoEssay"
    assert len(card_texts(outline_of(window))) == 11
    install(window, config, None)
    assert window.document.path == lakes


def test_without_any_essay_the_frame_is_the_start_pages_until_it_comes(
    qtbot: QtBot, opened: list[MainWindow], tmp_path: Path
) -> None:
    config = tmp_path / "config"
    window = open_outline(qtbot, opened, None, config)
    assert window.windowTitle() == "Untitled essay[*] — PhotoEssay"
    assert not isinstance(window.centralWidget(), EssayOutlineView)
    assert window.findChild(QDockWidget, "preflightDock") is None  # the start page has none
    install(window, config, None)
    assert window.pages.currentWidget() is window.start_page
    assert window.windowTitle() == "Untitled essay[*] — PhotoEssay"
    assert not window.preflight_dock.isVisible()


def test_a_window_moved_while_opening_stays_where_the_user_put_it(
    qtbot: QtBot, make_editor: MakeEditor, opened: list[MainWindow], lakes: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    left_editor(make_editor, config, lakes, lambda before: before.resize(700, 480))
    window = open_outline(qtbot, opened, lakes, config)
    # The user is quicker than the editor (and stays above its minimum size, about 680 wide).
    window.resize(770, 540)
    qtbot.wait(20)
    install(window, config, lakes)
    qtbot.wait(20)
    assert (window.size().width(), window.size().height()) == (770, 540)


def test_closing_while_opening_closes_at_once_and_opens_nothing(
    qtbot: QtBot, opened: list[MainWindow], lakes: Path, tmp_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locks_before = set(lakes.parent.glob(".~lock*"))
    window = open_outline(qtbot, opened, lakes, tmp_path / "config")
    assert window.close()
    assert not window.isVisible()
    # The install queued behind the first paint then finds the window gone and builds nothing,
    # so no lock is left beside the essay.
    _install_editor(app, window, lakes)
    assert not window.installed
    assert set(lakes.parent.glob(".~lock*")) == locks_before
    assert not (tmp_path / "config").exists()  # nothing was edited, so nothing was saved


@pytest.mark.parametrize(
    "cards",
    [
        [],
        [OutlineSlide("", "", has_photo=False)],
        [OutlineSlide("Бахмут " * 400 + "\u202e", "Aris Messinis / AFP", has_photo=True)],
        [OutlineSlide(f"Slide {n}", "", has_photo=n % 2 == 0) for n in range(2000)],
    ],
    ids=["empty", "one text slide", "long hostile caption", "2000 slides"],
)
def test_the_outline_view_shows_any_cards(qtbot: QtBot, cards: list[OutlineSlide]) -> None:
    view = EssayOutlineView(cards)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    texts = card_texts(view)
    assert len(texts) == len(cards)
    if cards:
        assert view.cards.currentIndex().row() == 0
        assert texts[0][2] == ("" if cards[0].has_photo else "Text slide")
        assert texts[0][1] == caption_preview(cards[0].caption)  # as the editor's list
        view.cards.scrollToBottom()
    assert view.photo_page.isVisible() == bool(cards and cards[0].has_photo)
    assert not view.grab().isNull()
