"""Every kind of bad photo, through the real editor and the real slideshow, with the real image
loader: each slide says why it shows no photo, the window keeps answering the keyboard, and a good
photo after all the bad ones still arrives (no decoder thread was lost to them).

Bad kinds: empty, text named .jpg, truncated JPEG, a PNG header claiming 100,000 x 100,000 pixels,
a folder named .jpg, a missing file, a named pipe (opening one for reading would wait forever)
and /dev/zero (endless).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.qt_models.image_loader import ImageLoader
from photoessay_desktop.storage.essay_file import save_essay
from photoessay_desktop.ui.slideshow.slideshow_session import SlideshowSession
from tests.imaging.photo_files import png_header_claiming, truncated_copy
from tests.reliability.editor_support import MakeSafeEditor
from tests.ui.slideshow_support import FakeScreens, wall_clock, write_photo


def bad_photos(folder: Path) -> list[str]:
    good = write_photo(folder / "good source.jpg", "#cc2222", QSize(640, 400))
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "text.jpg").write_text("not a photo at all\n", encoding="utf-8")
    truncated_copy(good, folder / "truncated.jpg", keep=0.3)
    png_header_claiming(folder / "bomb.png", (100_000, 100_000))
    (folder / "folder.jpg").mkdir()
    os.mkfifo(folder / "pipe.jpg")
    names = ["empty.jpg", "text.jpg", "truncated.jpg", "bomb.png", "folder.jpg", "gone.jpg"]
    return [*(str(folder / name) for name in names), str(folder / "pipe.jpg"), "/dev/zero"]


def essay_of(folder: Path) -> Essay:
    refs = [*bad_photos(folder), str(folder / "good source.jpg")]
    return Essay(
        title="Bad photos",
        slides=tuple(
            Slide(id=f"s{i}", image=ref, caption=f"Slide {i + 1}") for i, ref in enumerate(refs)
        ),
    )


def test_the_editor_stays_responsive_through_every_bad_photo(
    make_safe_editor: MakeSafeEditor, tmp_path: Path, qtbot: QtBot
) -> None:
    folder = tmp_path / "плохие фото"
    folder.mkdir()
    path = folder / "bad.essay.json"
    essay = essay_of(folder)
    save_essay(essay, path)
    window = make_safe_editor(images=True).window
    window.files.start(path)
    view = window.viewer.photo
    last = len(essay.slides) - 1
    for row in range(last):
        assert window.slide_list.current_row() == row
        qtbot.waitUntil(lambda: view.message not in ("", "Loading…"), timeout=20_000)
        assert not view.has_image()
        assert essay.slides[row].image in view.message  # the placeholder names the file
        qtbot.keyClick(window.slide_list, Qt.Key.Key_Down)
    qtbot.waitUntil(view.has_image, timeout=20_000)  # the good photo after all the bad ones
    window.edit_panel.title.setFocus()
    qtbot.keyClicks(window.edit_panel.title, " still typing")
    assert window.document.essay.title == "Bad photos still typing"


def test_the_slideshow_stays_responsive_through_every_bad_photo(
    qtbot: QtBot, tmp_path: Path
) -> None:
    essay = essay_of(tmp_path).model_copy(update={"title": ""})  # no title frame: slide 1 first
    loader = ImageLoader(thread_count=2)
    session = SlideshowSession(
        essay, source=loader, screens=FakeScreens(("Laptop", 1280, 720)), wall_clock=wall_clock
    )
    qtbot.addWidget(session.audience)
    if session.presenter is not None:
        qtbot.addWidget(session.presenter)
    session.start()
    audience = session.audience  # its scene is a new value after every change: read it afresh
    last = len(essay.slides)
    for number in range(1, last):
        assert audience.scene.content.frame.slide_number == number
        qtbot.waitUntil(lambda: bool(audience.scene.content.status_text), timeout=20_000)
        assert audience.scene.content.status_text.startswith("Photo unavailable\n")
        assert audience.scene.content.pixmap is None
        qtbot.keyClick(audience, Qt.Key.Key_Right)
    assert audience.scene.content.frame.slide_number == last
    qtbot.waitUntil(lambda: audience.scene.content.pixmap is not None, timeout=20_000)
