"""Factory fixtures for the editor window: the real window, the real file layer, a temporary
settings folder, and scripted stand-ins for the file dialogs and message boxes."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from photoessay_desktop.app.editor_app import build_main_window
from photoessay_desktop.app.editor_files import StorageEssayFiles, photo_text
from photoessay_desktop.document.preflight_runner import Check
from photoessay_desktop.imaging.image_facts_reader import read_image_facts
from photoessay_desktop.imaging.remote_fetch import RemoteFetcher
from photoessay_desktop.imaging.remote_permissions import RemotePhotoPermissions
from photoessay_desktop.qt_models.image_loader import ImageLoader
from photoessay_desktop.settings.preferences_store import PreferencesStore
from photoessay_desktop.ui.editor_services import EditorServices
from photoessay_desktop.ui.main_window import MainWindow
from photoessay_desktop.ui.prompts import SaveChoice

REPO = Path(__file__).resolve().parents[2]
LAKES = REPO / "sample_essays" / "lakes"


@dataclass
class ScriptedDialogs:
    """File dialogs answering from queues; an empty queue means the user cancelled."""

    essays: list[Path] = field(default_factory=list)
    save_as: list[Path] = field(default_factory=list)
    photos: list[list[Path]] = field(default_factory=list)
    articles: list[Path] = field(default_factory=list)
    located: list[Path] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def open_essay(self, parent: QWidget, folder: Path | None) -> Path | None:
        self.asked.append("open_essay")
        return self.essays.pop(0) if self.essays else None

    def save_essay_as(self, parent: QWidget, suggested: Path) -> Path | None:
        self.asked.append(f"save_as:{suggested.name}")
        return self.save_as.pop(0) if self.save_as else None

    def open_photos(self, parent: QWidget, folder: Path | None) -> list[Path]:
        self.asked.append("open_photos")
        return self.photos.pop(0) if self.photos else []

    def open_article(self, parent: QWidget, folder: Path | None) -> Path | None:
        self.asked.append("open_article")
        return self.articles.pop(0) if self.articles else None

    def locate_photo(self, parent: QWidget, missing: str) -> Path | None:
        self.asked.append(f"locate:{Path(missing).name}")
        return self.located.pop(0) if self.located else None


@dataclass
class ScriptedPrompts:
    """Message boxes that record what they were asked and answer as scripted."""

    save_choices: list[SaveChoice] = field(default_factory=list)
    relink_others: bool = True
    position: int | None = None
    errors: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)
    asked_save: list[str] = field(default_factory=list)

    def ask_save_changes(self, parent: QWidget, name: str) -> SaveChoice:
        self.asked_save.append(name)
        return self.save_choices.pop(0) if self.save_choices else SaveChoice.CANCEL

    def show_error(self, parent: QWidget, title: str, message: str) -> None:
        self.errors.append((title, message))

    def show_info(self, parent: QWidget, title: str, message: str) -> None:
        self.infos.append((title, message))

    def ask_relink_others(self, parent: QWidget, count: int, folder: str) -> bool:
        return self.relink_others

    def ask_position(self, parent: QWidget, current: int, last: int) -> int | None:
        return self.position


def no_findings(essay: object, facts: object) -> tuple[()]:
    return ()


def scripted_services(
    config: Path,
    dialogs: ScriptedDialogs,
    prompts: ScriptedPrompts,
    check: Check = no_findings,
    **more: Any,
) -> EditorServices:
    """The real file layer with scripted dialogs and prompts, preferences in `config`, and any
    further EditorServices fields in `more`."""
    return EditorServices(
        files=StorageEssayFiles(),
        read_facts=read_image_facts,
        check=check,
        photo_text=photo_text,
        dialogs=dialogs,
        prompts=prompts,
        preferences=PreferencesStore(config),
        **more,
    )


@dataclass
class Editor:
    """One window and its scripted collaborators."""

    window: MainWindow
    dialogs: ScriptedDialogs
    prompts: ScriptedPrompts
    config: Path
    images: ImageLoader | None = None  # the real background loader, when asked for


MakeEditor = Callable[..., Editor]


@pytest.fixture
def lakes(tmp_path: Path) -> Path:
    """A private copy of the lakes sample in a folder with a non-ASCII name."""
    folder = tmp_path / "эссе Ø"
    shutil.copytree(LAKES, folder)
    return folder / "lakes.essay.json"


@pytest.fixture
def make_editor(qtbot: QtBot, tmp_path: Path) -> Iterator[MakeEditor]:
    windows: list[MainWindow] = []
    loaders: list[ImageLoader] = []

    def make(
        check: Check = no_findings,
        config: Path | None = None,
        show: bool = True,
        images: bool = False,
        remote_folder: Path | None = None,
    ) -> Editor:
        dialogs, prompts = ScriptedDialogs(), ScriptedPrompts()
        folder = config or tmp_path / "config"
        fetcher = RemoteFetcher(remote_folder / "fetched") if remote_folder else None
        loader = ImageLoader(thread_count=2, remote=fetcher) if images else None
        if loader is not None:
            loaders.append(loader)
        permissions = (
            RemotePhotoPermissions(remote_folder / "allowed.json") if remote_folder else None
        )
        services = scripted_services(
            folder,
            dialogs,
            prompts,
            check=check,
            images=loader,
            remote_permissions=permissions,
            allow_remote_hosts=loader.set_allowed_hosts if loader and remote_folder else None,
        )
        window = build_main_window(services)
        qtbot.addWidget(window)
        windows.append(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
            window.activateWindow()
            # Shortcuts only reach the active window: wait until Qt says it is.
            qtbot.waitUntil(window.isActiveWindow)
        return Editor(window, dialogs, prompts, folder, loader)

    yield make
    for window in windows:
        # Nothing may prompt during teardown: drop unsaved state first.
        window.document.undo_stack.setClean()
    for loader in loaders:
        loader.shutdown()  # no decode or photo check outlives the test (the app: on quit)


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` key by key, as a keyboard would (QTest only knows ASCII keys)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        typed = "\r" if char == "\n" else char
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, typed)
            )


def drop_on(widget: QWidget, pos: QPoint, data: QMimeData, action: Qt.DropAction) -> bool:
    """Drag `data` over `widget` and drop it at `pos`, the event sequence a real drag delivers."""
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():
        # PySide flags these constructors deprecated, yet Qt 6 has no other way to make them.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(pos, action, data, buttons, mods)
        move = QDragMoveEvent(pos, action, data, buttons, mods)
    QApplication.sendEvent(widget, enter)
    QApplication.sendEvent(widget, move)
    drop = QDropEvent(pos.toPointF(), action, data, buttons, mods)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()
