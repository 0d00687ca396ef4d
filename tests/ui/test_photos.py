"""Photos through the real window: add by dialog or drop with metadata prefill, replace, relink a
folder of missing photos, thumbnails and the viewer with the real background loader."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.qt_models.slide_list_model import THUMBNAIL_SIZE
from photoessay_desktop.qt_models.slide_roles import SlideRole
from photoessay_desktop.storage.essay_file import save_essay
from tests.ui.conftest import LAKES, MakeEditor, drop_on

PHOTOS = LAKES / "photos"


def test_add_photos_by_dialog_prefills_caption_and_credit(
    make_editor: MakeEditor, lakes: Path
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    window.slide_list.select_rows([1])
    photos = lakes.parent / "photos"
    editor.dialogs.photos = [
        [photos / "colorful-cups.jpg", photos / "fallen-leaf.jpg", photos / "grey.jpg"]
    ]
    window.actions_.add_photos.trigger()
    slides = window.document.essay.slides
    cups, leaf, grey = slides[2], slides[3], slides[4]
    assert cups.caption.startswith("Colorful cups. Aarhus, Denmark.")  # IPTC/XMP description
    assert leaf.credit == "Martin Klapetek"  # the photographer from the metadata
    assert grey.caption == "" and grey.credit == ""  # nothing embedded: nothing suggested
    assert window.slide_list.selected_rows() == [2, 3, 4]
    assert window.undo_action.text() == "&Undo Add 3 Photos"
    window.undo_action.trigger()
    assert len(window.document.essay.slides) == 11
    # EXIF "OLYMPUS DIGITAL CAMERA" and a space-padded Artist are camera boilerplate, not text.
    editor.dialogs.photos = [[photos / "kite.jpg", photos / "cold-ripple.jpg"]]
    window.actions_.add_photos.trigger()
    kite, ripple = window.document.essay.slides[2:4]
    assert kite.image == str(photos / "kite.jpg")
    assert (kite.caption, kite.credit, ripple.caption, ripple.credit) == ("", "", "", "")


def test_non_photos_are_skipped_with_a_reason(
    make_editor: MakeEditor, lakes: Path, tmp_path: Path
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    text = tmp_path / "notes.jpg"
    text.write_text("not a photo")
    empty = tmp_path / "пусто.png"
    empty.write_bytes(b"")
    editor.dialogs.photos = [[text, empty, tmp_path / "gone.jpg", PHOTOS / "kite.jpg"]]
    window.actions_.add_photos.trigger()
    assert len(window.document.essay.slides) == 12
    title, message = editor.prompts.errors[0]
    assert title == "Some Files Were Not Added"
    assert "notes.jpg" in message and "пусто.png" in message and "gone.jpg" in message


def test_dropping_photos_on_the_list_inserts_them_where_dropped(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(PHOTOS / "fallen-leaf.jpg"))])
    rect = window.slide_list.visualRect(window.model.index(3))
    drop_on(
        window.slide_list.viewport(), rect.topLeft() + QPoint(20, 2), data, Qt.DropAction.CopyAction
    )
    added = window.document.essay.slides[3]
    assert added.image == str(PHOTOS / "fallen-leaf.jpg")
    assert added.credit == "Martin Klapetek"


def test_relink_a_folder_of_missing_photos_in_one_step(
    make_editor: MakeEditor, tmp_path: Path, qtbot: QtBot
) -> None:
    old = tmp_path / "old place"
    new = tmp_path / "новое место"
    new.mkdir()
    names = ["kite.jpg", "grey.jpg", "path.jpg"]
    for name in names:
        shutil.copy(PHOTOS / name, new / name)
    essay = Essay(
        title="Moved",
        slides=(
            *tuple(Slide(id=f"s{i}", image=str(old / n)) for i, n in enumerate(names)),
            Slide(id="elsewhere", image=str(tmp_path / "other" / "kite.jpg")),
        ),
    )
    path = tmp_path / "moved.essay.json"
    save_essay(essay, path)
    editor = make_editor()
    window = editor.window
    window.files.start(path)
    # Header facts are read in the background: the window shows "Loading…" until they arrive.
    qtbot.waitUntil(
        lambda: window.model.data(window.model.index(0), SlideRole.PLACEHOLDER) == "Photo missing"
    )
    assert "photo missing" in window.status.text()
    editor.dialogs.located = [new / "kite.jpg"]
    window.edit_panel.relink_button.click()
    images = [s.image for s in window.document.essay.slides]
    assert images[:3] == [str(new / n) for n in names]
    assert images[3] == str(tmp_path / "other" / "kite.jpg")  # another folder: left alone
    assert window.undo_action.text() == "&Undo Relink 3 Photos"
    assert window.model.data(window.model.index(1), SlideRole.PLACEHOLDER) != "Photo missing"
    window.undo_action.trigger()
    assert window.document.essay.slides[0].image == str(old / "kite.jpg")


def test_relink_only_the_one_when_the_user_says_no(make_editor: MakeEditor, tmp_path: Path) -> None:
    new = tmp_path / "new"
    new.mkdir()
    for name in ("kite.jpg", "grey.jpg"):
        shutil.copy(PHOTOS / name, new / name)
    essay = Essay(
        slides=tuple(Slide(id=n, image=str(tmp_path / "old" / n)) for n in ("kite.jpg", "grey.jpg"))
    )
    path = tmp_path / "e.essay.json"
    save_essay(essay, path)
    editor = make_editor()
    editor.window.files.start(path)
    editor.prompts.relink_others = False
    editor.dialogs.located = [new / "kite.jpg"]
    editor.window.actions_.relink.trigger()
    assert editor.window.undo_action.text() == "&Undo Relink Photo"
    assert editor.window.document.essay.slides[1].image == str(tmp_path / "old" / "grey.jpg")


def test_replace_photo_keeps_text_and_is_undoable(make_editor: MakeEditor, lakes: Path) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    before = window.document.essay.slides[0]
    editor.dialogs.photos = [[PHOTOS / "colorful-cups.jpg"]]
    window.edit_panel.replace_button.click()
    after = window.document.essay.slides[0]
    assert after.image == str(PHOTOS / "colorful-cups.jpg")
    assert after.caption == before.caption  # an existing caption is never overwritten
    assert window.edit_panel.image.text() == str(PHOTOS / "colorful-cups.jpg")
    window.undo_action.trigger()
    assert window.document.essay.slides[0] == before


def test_thumbnails_and_photo_arrive_in_the_background(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    editor = make_editor(images=True)
    window = editor.window
    window.files.start(lakes)
    # The window is usable at once; pixels follow by signal.
    qtbot.waitUntil(lambda: window.viewer.photo.has_image(), timeout=15000)
    thumb = window.model.data(window.model.index(0), SlideRole.THUMBNAIL)
    qtbot.waitUntil(
        lambda: isinstance(window.model.data(window.model.index(0), SlideRole.THUMBNAIL), QImage),
        timeout=15000,
    )
    thumb = window.model.data(window.model.index(0), SlideRole.THUMBNAIL)
    assert isinstance(thumb, QImage)
    # A thumbnail, not the photo: within the size the list asks for (sharp on 2x screens).
    assert thumb.width() <= THUMBNAIL_SIZE.width() and thumb.height() <= THUMBNAIL_SIZE.height()
    photo = window.viewer.photo
    photo.fit()
    fitted = photo.zoom
    photo.setFocus()
    window.actions_.zoom_in.trigger()
    assert photo.zoom > fitted and not photo.fitting
    window.actions_.zoom_out.trigger()
    window.actions_.zoom_out.trigger()
    assert photo.zoom < fitted
    window.actions_.zoom_fit.trigger()
    assert photo.fitting and abs(photo.zoom - fitted) < 1e-6


def test_ctrl_wheel_zooms_and_plain_wheel_does_not(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    editor = make_editor(images=True)
    window = editor.window
    window.files.start(lakes)
    photo = window.viewer.photo
    qtbot.waitUntil(photo.has_image, timeout=15000)
    fitted = photo.zoom
    viewport = photo.viewport()
    centre = QPointF(viewport.rect().center())

    def wheel(mods: Qt.KeyboardModifier) -> None:
        event = QWheelEvent(
            centre,
            viewport.mapToGlobal(centre),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            mods,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)

    wheel(Qt.KeyboardModifier.NoModifier)
    assert photo.zoom == fitted
    wheel(Qt.KeyboardModifier.ControlModifier)
    assert photo.zoom > fitted


def test_drag_pans_a_zoomed_photo(make_editor: MakeEditor, lakes: Path, qtbot: QtBot) -> None:
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    editor = make_editor(images=True)
    window = editor.window
    window.files.start(lakes)
    photo = window.viewer.photo
    qtbot.waitUntil(photo.has_image, timeout=15000)
    for _ in range(4):
        window.actions_.zoom_in.trigger()
    bar = photo.horizontalScrollBar()
    assert bar.maximum() > 0  # zoomed past the view: there is something to pan to
    before = bar.value()
    viewport = photo.viewport()
    start = QPointF(viewport.rect().center())

    def mouse(kind: QEvent.Type, at: QPointF, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(
            kind,
            at,
            viewport.mapToGlobal(at),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)

    mouse(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for step in range(1, 6):
        mouse(QEvent.Type.MouseMove, start + QPointF(-30 * step, 0), Qt.MouseButton.LeftButton)
    mouse(QEvent.Type.MouseButtonRelease, start + QPointF(-150, 0), Qt.MouseButton.NoButton)
    assert bar.value() > before  # dragging left shows more of the right of the photo


def test_a_long_essay_opens_and_every_row_is_there(
    make_editor: MakeEditor, tmp_path: Path, qtbot: QtBot
) -> None:
    slides = tuple(
        Slide(
            id=f"s{i}",
            image=str(PHOTOS / "kite.jpg") if i % 3 else None,
            caption=("Подпись " * 50) + str(i),
            credit="Агентство / AFP",
        )
        for i in range(400)
    )
    path = tmp_path / "long.essay.json"
    save_essay(Essay(title="Long", slides=slides), path)
    editor = make_editor()
    window = editor.window
    window.files.start(path)
    assert window.model.rowCount() == 400
    window.slide_list.setFocus()
    qtbot.keyClick(window.slide_list, Qt.Key.Key_End)
    assert window.slide_list.current_row() == 399
    assert window.edit_panel.slide_heading.text() == "Slide 400 of 400"
    window.slide_list.select_rows(list(range(0, 400, 2)))
    window.actions_.move_to.trigger()  # the scripted prompt answers None: nothing moves
    window.actions_.delete.trigger()
    assert window.model.rowCount() == 200
    window.undo_action.trigger()
    assert [s.id for s in window.document.essay.slides] == [s.id for s in slides]


def test_the_photo_field_reads_from_the_essay_folder(
    make_editor: MakeEditor, lakes: Path, tmp_path: Path
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    slide = window.document.essay.slides[0]
    assert slide.image is not None
    field = window.edit_panel.image
    assert field.text() == str(Path("photos") / Path(slide.image).name)
    assert field.toolTip() == slide.image  # the whole path on hover
    # Saved into another folder, the photos are no longer beside it: the full path again.
    elsewhere = tmp_path / "Другая папка" / "copy.essay.json"
    elsewhere.parent.mkdir()
    editor.dialogs.save_as = [elsewhere]
    window.actions_.save_as.trigger()
    assert window.document.path == elsewhere
    assert field.text() == slide.image
