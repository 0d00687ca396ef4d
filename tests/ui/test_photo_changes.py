"""A photo edited in another program while the essay is open: the list card and the centre view
show the new pixels, however the program saved it. Real files, the real window and loader."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.qt_models.slide_roles import SlideRole
from photoessay_desktop.storage.essay_file import save_essay
from photoessay_desktop.ui.main_window import MainWindow
from tests.ui.conftest import MakeEditor, type_text

RED, GREEN, BLUE, YELLOW = (220, 30, 30), (30, 200, 60), (30, 40, 220), (230, 210, 20)


def write_photo(path: Path, colour: tuple[int, int, int], *, pad_to: int = 0) -> None:
    Image.new("RGB", (640, 480), colour).save(path, "JPEG", quality=92)
    if pad_to:  # cameras pad after the end marker; here it keeps every version the same size
        data = path.read_bytes()
        assert len(data) <= pad_to
        path.write_bytes(data + bytes(pad_to - len(data)))


def near(colour: tuple[int, int, int], wanted: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 24 for a, b in zip(colour, wanted, strict=True))


def colour_at(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    pixel = image.pixelColor(x, y)
    return pixel.red(), pixel.green(), pixel.blue()


def viewer_shows(window: MainWindow, colour: tuple[int, int, int]) -> bool:
    """What the centre view puts on screen, at its middle."""
    view = window.viewer.photo.viewport()
    shot = view.grab().toImage()
    return near(colour_at(shot, shot.width() // 2, shot.height() // 2), colour)


def card_shows(window: MainWindow, row: int, colour: tuple[int, int, int]) -> bool:
    """What the list draws for the row: enough of its pixels in the colour to be the thumbnail."""
    thumb = window.model.data(window.model.index(row), SlideRole.THUMBNAIL)
    if not isinstance(thumb, QImage) or not near(colour_at(thumb, 10, 10), colour):
        return False
    rect: QRect = window.slide_list.visualRect(window.model.index(row))
    shot = window.slide_list.viewport().grab(rect).toImage()
    hits = sum(
        near(colour_at(shot, x, y), colour)
        for x in range(0, shot.width(), 4)
        for y in range(0, shot.height(), 4)
    )
    return hits >= 40  # about a 96x72 thumbnail's worth at this sampling


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    folder = tmp_path / "Фото ésszé"
    folder.mkdir()
    write_photo(folder / "harbour.jpg", RED, pad_to=8000)
    write_photo(folder / "market.jpg", GREEN)
    slides = (
        Slide(id="a", image=str(folder / "harbour.jpg"), caption="Harbour", credit="A / AFP"),
        Slide(id="b", image=str(folder / "market.jpg"), caption="Market", credit="B / AP"),
    )
    path = folder / "edits.essay.json"
    save_essay(Essay(title="Edits", slides=slides), path)
    return path


def open_shown(make_editor: MakeEditor, essay: Path, qtbot: QtBot) -> MainWindow:
    window = make_editor(images=True).window
    window.files.start(essay)
    window.slide_list.select_rows([0])
    qtbot.waitUntil(lambda: viewer_shows(window, RED), timeout=15_000)
    qtbot.waitUntil(lambda: card_shows(window, 0, RED), timeout=15_000)
    qtbot.waitUntil(lambda: card_shows(window, 1, GREEN), timeout=15_000)
    # File times come from a coarse clock (a few ms per tick): let the next save get a new one.
    time.sleep(0.03)
    return window


def test_a_photo_saved_over_in_place_shows_its_new_pixels(
    make_editor: MakeEditor, essay: Path, qtbot: QtBot
) -> None:
    window = open_shown(make_editor, essay, qtbot)
    write_photo(essay.parent / "harbour.jpg", BLUE)  # the editor saves into the same file
    qtbot.waitUntil(lambda: viewer_shows(window, BLUE), timeout=15_000)
    qtbot.waitUntil(lambda: card_shows(window, 0, BLUE), timeout=15_000)
    assert card_shows(window, 1, GREEN)  # the other photo is left alone
    assert window.document.undo_stack.isClean()  # the essay itself did not change


def test_a_save_that_replaces_the_file_is_seen_and_watched_again(
    make_editor: MakeEditor, essay: Path, qtbot: QtBot
) -> None:
    window = open_shown(make_editor, essay, qtbot)
    photo = essay.parent / "harbour.jpg"
    temporary = essay.parent / ".harbour.jpg.tmp"
    write_photo(temporary, BLUE)
    os.replace(temporary, photo)  # how careful programs save: a new file renamed over the old
    qtbot.waitUntil(lambda: viewer_shows(window, BLUE), timeout=15_000)
    qtbot.waitUntil(lambda: card_shows(window, 0, BLUE), timeout=15_000)
    time.sleep(0.03)
    write_photo(photo, YELLOW)  # and the next save into the new file is seen too
    qtbot.waitUntil(lambda: viewer_shows(window, YELLOW), timeout=15_000)
    qtbot.waitUntil(lambda: card_shows(window, 0, YELLOW), timeout=15_000)


@pytest.mark.skipif(os.name == "nt", reason="st_ctime is the creation time on Windows")
def test_a_rewrite_with_the_same_size_and_the_old_mtime_is_seen(
    make_editor: MakeEditor, essay: Path, qtbot: QtBot
) -> None:
    window = open_shown(make_editor, essay, qtbot)
    photo = essay.parent / "harbour.jpg"
    before = photo.stat()
    write_photo(photo, BLUE, pad_to=8000)
    os.utime(photo, ns=(before.st_atime_ns, before.st_mtime_ns))  # `touch -r`, `exiftool -P`
    after = photo.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    qtbot.waitUntil(lambda: viewer_shows(window, BLUE), timeout=15_000)
    qtbot.waitUntil(lambda: card_shows(window, 0, BLUE), timeout=15_000)


def test_a_photo_deleted_meanwhile_says_so(
    make_editor: MakeEditor, essay: Path, qtbot: QtBot
) -> None:
    window = open_shown(make_editor, essay, qtbot)
    (essay.parent / "harbour.jpg").unlink()
    index = window.model.index(0)
    qtbot.waitUntil(
        lambda: window.model.data(index, SlideRole.PLACEHOLDER) == "Photo missing",
        timeout=15_000,
    )
    assert window.model.data(index, SlideRole.THUMBNAIL) is None

    def says_missing() -> bool:
        # The view may pass through "Loading…" (a retry while the file's facts are re-read)
        # before it settles: wait for what it settles on, not its first change.
        said = window.viewer.photo.accessibleDescription()
        return "harbour.jpg" in said and ("Photo missing" in said or "not found" in said)

    qtbot.waitUntil(says_missing, timeout=15_000)
    assert not window.viewer.photo.has_image()
    # Put back (a sync client restoring it): it shows again.
    write_photo(essay.parent / "harbour.jpg", YELLOW)
    qtbot.waitUntil(lambda: viewer_shows(window, YELLOW), timeout=15_000)
    qtbot.waitUntil(lambda: card_shows(window, 0, YELLOW), timeout=15_000)


def cut_short_essay(tmp_path: Path) -> tuple[Path, Path]:
    """An essay of one photo whose header is whole (its facts read fine) and whose scan is cut
    short: only decoding it fails."""
    folder = tmp_path / "Фото"
    folder.mkdir()
    photo = folder / "обрезано.jpg"
    Image.effect_noise((640, 480), 60).convert("RGB").save(photo, "JPEG", quality=92)
    photo.write_bytes(photo.read_bytes()[:4000])
    path = folder / "broken.essay.json"
    save_essay(Essay(title="Broken", slides=(Slide(id="a", image=str(photo), credit="AFP"),)), path)
    return path, photo


def test_the_centre_view_keeps_the_loaders_reason_for_a_broken_photo(
    make_editor: MakeEditor, tmp_path: Path, qtbot: QtBot
) -> None:
    path, _photo = cut_short_essay(tmp_path)
    # Shown only once the centre view has failed, so the list's own thumbnail fails after it.
    window = make_editor(images=True, show=False).window
    window.files.start(path)
    window.slide_list.select_rows([0])
    qtbot.waitUntil(
        lambda: window.viewer.photo.accessibleDescription().startswith("Cannot show this photo"),
        timeout=15_000,
    )
    window.show()
    qtbot.waitExposed(window)
    index = window.model.index(0)
    # The list's thumbnail fails too, and the row says so in two words...
    qtbot.waitUntil(
        lambda: window.model.data(index, SlideRole.PLACEHOLDER) == "Unreadable photo",
        timeout=15_000,
    )
    # ...while the centre view keeps what the loader said (it used to take the row's words).
    said = window.viewer.photo.accessibleDescription()
    assert said.startswith("Cannot show this photo: ") and "truncated" in said, said
    assert "обрезано.jpg" in said


def test_typing_a_caption_leaves_a_photo_that_cannot_be_decoded_alone(
    make_editor: MakeEditor, tmp_path: Path, qtbot: QtBot
) -> None:
    # The window is not shown, so the list has asked for no thumbnail: the row says only what the
    # facts say ("Loading…"), as it does for a row not yet painted.
    path, _photo = cut_short_essay(tmp_path)
    editor = make_editor(images=True, show=False)
    window = editor.window
    assert editor.images is not None
    failed: list[str] = []
    editor.images.image_failed.connect(lambda key, _reason: failed.append(key))
    window.files.start(path)
    window.slide_list.select_rows([0])
    qtbot.waitUntil(
        lambda: "Cannot show this photo" in window.viewer.photo.accessibleDescription(),
        timeout=15_000,
    )
    decodes = len(failed)
    shown: list[str] = []
    for letter in "Бахмут":
        type_text(window.edit_panel.caption, letter)
        shown.append(window.viewer.photo.accessibleDescription())
    qtbot.waitUntil(lambda: window.document.essay.slides[0].caption == "Бахмут")
    # Any change to a row used to ask for the photo again: "Loading…" on each keystroke, and
    # the broken file decoded again each time.
    assert all("Cannot show this photo" in said for said in shown), shown
    editor.images.wait_for_idle(15_000)  # a decode asked for would be over, and its
    QCoreApplication.processEvents()  # failure delivered
    assert len(failed) == decodes
    assert "Cannot show this photo" in window.viewer.photo.accessibleDescription()
