"""Web photos in the editor: nothing is fetched until the user allows the hosts on the banner; then
thumbnails and the photo come from a real HTTP server on 127.0.0.1, and the choice is remembered."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.qt_models.slide_roles import SlideRole
from photoessay_desktop.storage.essay_file import save_essay
from tests.ui.conftest import LAKES, MakeEditor


class _CountingHandler(SimpleHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def photo_server() -> Iterator[tuple[str, list[str]]]:
    _CountingHandler.requests = []
    handler = partial(_CountingHandler, directory=str(LAKES / "photos"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _CountingHandler.requests
    server.shutdown()
    server.server_close()


def test_nothing_is_fetched_until_allowed_then_it_is_remembered(
    make_editor: MakeEditor, tmp_path: Path, qtbot: QtBot, photo_server: tuple[str, list[str]]
) -> None:
    base, requests = photo_server
    essay = Essay(
        title="Web photos",
        slides=(
            Slide(id="a", image=f"{base}/kite.jpg", caption="Kite"),
            Slide(id="b", caption="Text"),
        ),
    )
    path = tmp_path / "web.essay.json"
    save_essay(essay, path)
    editor = make_editor(images=True, remote_folder=tmp_path / "remote")
    window = editor.window
    window.files.start(path)
    banner = window.remote_banner
    assert banner.isVisible()
    assert "127.0.0.1" in banner.message()
    placeholder = window.model.data(window.model.index(0), SlideRole.PLACEHOLDER)
    assert placeholder == "Web photo (127.0.0.1), not fetched"
    qtbot.wait(200)
    assert requests == []  # opening the essay told the host nothing
    window.remote_photos.allow_all()
    assert not banner.isVisible()
    qtbot.waitUntil(window.viewer.photo.has_image, timeout=15000)
    qtbot.waitUntil(
        lambda: isinstance(window.model.data(window.model.index(0), SlideRole.THUMBNAIL), QImage),
        timeout=15000,
    )
    assert requests and all(r == "/kite.jpg" for r in requests)
    window.close()

    again = make_editor(images=True, remote_folder=tmp_path / "remote", config=editor.config)
    again.window.files.start(path)
    assert not again.window.remote_banner.isVisible()  # remembered for this essay file
    qtbot.waitUntil(again.window.viewer.photo.has_image, timeout=15000)


def test_not_now_keeps_the_placeholders(
    make_editor: MakeEditor, tmp_path: Path, qtbot: QtBot, photo_server: tuple[str, list[str]]
) -> None:
    base, requests = photo_server
    path = tmp_path / "web.essay.json"
    save_essay(Essay(slides=(Slide(id="a", image=f"{base}/grey.jpg"),)), path)
    editor = make_editor(images=True, remote_folder=tmp_path / "remote")
    editor.window.files.start(path)
    banner = editor.window.remote_banner
    not_now = next(b for b in banner.findChildren(QPushButton) if b.text() == "Not Now")
    not_now.click()
    assert not banner.isVisible()
    qtbot.wait(200)
    assert requests == []
    assert "not fetched" in editor.window.viewer.photo.message


def test_an_imported_article_fetches_its_photos_and_remembers_them_once_saved(
    make_editor: MakeEditor, tmp_path: Path, qtbot: QtBot, photo_server: tuple[str, list[str]]
) -> None:
    base, requests = photo_server
    article = tmp_path / "статья.txt"
    article.write_text(
        f"# Lakes on the wire\nA standfirst.\n![A kite]({base}/kite.jpg)\nA kite.\nRisto / KDE\n",
        encoding="utf-8",
    )
    editor = make_editor(images=True, remote_folder=tmp_path / "remote")
    window = editor.window
    window.files.start(None)
    editor.dialogs.articles = [article]
    window.actions_.import_article.trigger()
    # The user chose this text: its photos are fetched without asking, as the issue promises.
    assert not window.remote_banner.isVisible()
    qtbot.waitUntil(window.viewer.photo.has_image, timeout=15000)
    assert requests and all(r == "/kite.jpg" for r in requests)

    saved = tmp_path / "wire.essay.json"
    editor.dialogs.save_as = [saved]
    window.actions_.save.trigger()
    assert window.document.path == saved.absolute()
    window.close()

    again = make_editor(images=True, remote_folder=tmp_path / "remote", config=editor.config)
    again.window.files.start(saved)
    assert not again.window.remote_banner.isVisible()  # remembered for the saved file
