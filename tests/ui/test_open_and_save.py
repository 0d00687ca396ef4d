"""Opening, saving and closing through the real window: titles, prompts, bad files, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from pytestqt.qtbot import QtBot

from photoessay_desktop.settings.preferences_store import PreferencesStore
from photoessay_desktop.storage.essay_file import load_essay
from photoessay_desktop.ui.prompts import SaveChoice
from tests.ui.conftest import MakeEditor, drop_on, type_text


def test_start_page_without_a_last_essay(make_editor: MakeEditor) -> None:
    editor = make_editor()
    editor.window.files.start(None)
    assert editor.window.pages.currentWidget() is editor.window.start_page
    assert not editor.window.actions_.save.isEnabled()
    editor.window.start_page.new_button.click()
    assert editor.window.pages.currentWidget() is editor.window.editor_page
    assert editor.window.windowTitle() == "Untitled essay[*] — PhotoEssay"


def test_open_shows_the_essay(make_editor: MakeEditor, lakes: Path, qtbot: QtBot) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    assert window.windowTitle() == "lakes[*] — PhotoEssay"
    assert not window.isWindowModified()
    assert window.model.rowCount() == len(load_essay(lakes).slides)
    assert window.slide_list.current_row() == 0
    assert window.edit_panel.caption.toPlainText().startswith("One o'clock on a summer night")
    assert window.edit_panel.title.text() == "Northern Lakes, From Midnight Sun to Fog"
    assert window.viewer.caption.text().startswith("One o'clock")
    assert window.status.text().startswith("Slide 1 of")
    qtbot.waitUntil(lambda: "px" in window.status.text())


def test_typing_marks_modified_and_save_clears_it(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    credit = window.edit_panel.credit
    credit.setFocus()
    credit.selectAll()
    type_text(credit, "Ана Петрова / AFP")
    assert window.isWindowModified()
    assert window.viewer.credit.text() == "Ана Петрова / AFP"
    assert window.undo_action.text() == "&Undo Edit Credit"
    assert window.document.undo_stack.count() == 1  # the burst of typing is one step
    window.actions_.save.trigger()
    assert not window.isWindowModified()
    assert load_essay(lakes).slides[0].credit == "Ана Петрова / AFP"


def test_close_with_changes_asks_and_cancel_keeps_everything(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    qtbot.keyClicks(window.edit_panel.title, " (draft)")
    editor.prompts.save_choices = [SaveChoice.CANCEL]
    assert not window.close()
    assert editor.prompts.asked_save == ["lakes"]
    assert window.isVisible()
    assert window.document.essay.title.endswith("(draft)")
    editor.prompts.save_choices = [SaveChoice.DISCARD]
    assert window.close()
    assert not load_essay(lakes).title.endswith("(draft)")


def test_close_with_save_writes_the_file(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    qtbot.keyClicks(window.edit_panel.title, "!")
    editor.prompts.save_choices = [SaveChoice.SAVE]
    assert window.close()
    assert load_essay(lakes).title.endswith("!")


def test_new_essay_save_as_asks_for_a_name(
    make_editor: MakeEditor, tmp_path: Path, qtbot: QtBot
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(None)
    window.actions_.new.trigger()
    type_text(window.edit_panel.title, "Мой репортаж")
    target = tmp_path / "out" / "новый.essay.json"
    target.parent.mkdir()
    editor.dialogs.save_as = [target]
    window.actions_.save.trigger()
    assert editor.dialogs.asked == ["save_as:Мой репортаж.essay.json"]
    assert load_essay(target).title == "Мой репортаж"
    assert window.windowTitle() == "новый[*] — PhotoEssay"


def test_bad_file_shows_the_loaders_message_and_keeps_the_essay(
    make_editor: MakeEditor, lakes: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    qtbot.keyClicks(window.edit_panel.title, " edited")
    before = window.document.essay
    bad = tmp_path / "broken.essay.json"
    bad.write_text('{"format": "photoessay", "version": 1, "slides": [', encoding="utf-8")
    editor.prompts.save_choices = [SaveChoice.DISCARD]
    editor.dialogs.essays = [bad]
    window.actions_.open.trigger()
    assert len(editor.prompts.errors) == 1
    title, message = editor.prompts.errors[0]
    assert title == "Cannot Open Essay"
    assert "broken.essay.json" in message
    assert window.document.essay == before
    assert window.document.path == lakes
    assert window.isWindowModified()


def test_open_of_missing_and_huge_and_binary_files(
    make_editor: MakeEditor, lakes: Path, tmp_path: Path
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    binary = tmp_path / "photo.essay.json"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    for path in (tmp_path / "nothing.essay.json", binary, tmp_path):
        assert not window.files.open_essay(path)
    assert len(editor.prompts.errors) == 3
    assert all(message for _title, message in editor.prompts.errors)
    assert window.document.path == lakes


def test_recent_files_and_last_essay_persist(
    make_editor: MakeEditor, lakes: Path, tmp_path: Path
) -> None:
    first = make_editor()
    first.window.files.start(lakes)
    recent_menu = first.window.menus["recent"]
    assert recent_menu.actions()[0].text() == "&1 lakes.essay.json"
    first.window.close()
    again = make_editor(config=first.config)
    again.window.files.start(None)  # no argument: the last essay opens
    assert again.window.document.path == lakes
    again.window.actions_.close_essay.trigger()
    assert again.window.pages.currentWidget() is again.window.start_page
    assert PreferencesStore(first.config).load().last_essay is None
    assert again.window.start_page.recent.count() == 1


def test_window_geometry_and_panels_are_restored(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    first = make_editor()
    first.window.files.start(lakes)
    # The offscreen screen is 800x600: stay inside it, or Qt rightly clamps the restored size.
    first.window.resize(731, 487)
    first.window.splitter.setSizes([240, 200, 291])
    sizes = first.window.splitter.sizes()
    first.window.preflight_dock.hide()
    first.window.close()
    again = make_editor(config=first.config)
    again.window.files.start(None)
    assert (again.window.width(), again.window.height()) == (731, 487)
    qtbot.waitUntil(lambda: again.window.splitter.sizes() == sizes)
    assert not again.window.preflight_dock.isVisible()


def test_dropping_an_essay_file_opens_it_after_asking(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(None)
    window.actions_.new.trigger()
    qtbot.keyClicks(window.edit_panel.title, "unsaved")
    editor.prompts.save_choices = [SaveChoice.DISCARD]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(lakes))])
    target = window.viewer.photo.viewport()
    drop_on(target, target.rect().center(), data, Qt.DropAction.CopyAction)
    qtbot.waitUntil(lambda: window.document.path == lakes)
    assert editor.prompts.asked_save == ["unsaved"]


SEED = Path(__file__).resolve().parents[1] / "data" / "seed_article.txt"


def test_import_article_is_unsaved_work_and_undoable(
    make_editor: MakeEditor, lakes: Path, tmp_path: Path
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(None)
    editor.dialogs.articles = [SEED]
    window.start_page.import_button.click()
    essay = window.document.essay
    assert essay.title.startswith("In Photos: Russian Forces Inch Forward in Bakhmut")
    assert len(essay.slides) >= 5
    assert window.pages.currentWidget() is window.editor_page
    assert window.isWindowModified()  # the close prompt protects the import
    assert window.undo_action.text() == "&Undo Import Article"
    editor.prompts.save_choices = [SaveChoice.CANCEL]
    assert not window.close()


def test_import_of_a_bad_article_keeps_the_open_essay(
    make_editor: MakeEditor, lakes: Path, tmp_path: Path
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    before = window.document.essay
    for content in (b"", b"\x00\xff\xfe binary", b"\n\n\n"):
        article = tmp_path / "article.txt"
        article.write_bytes(content)
        editor.dialogs.articles = [article]
        window.actions_.import_article.trigger()
    assert len(editor.prompts.errors) == 3
    assert all(title == "Cannot Import Article" for title, _ in editor.prompts.errors)
    assert window.document.essay == before
    assert window.document.path == lakes


def test_open_recent_entry_opens_it(make_editor: MakeEditor, lakes: Path, tmp_path: Path) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    window.actions_.new.trigger()
    assert window.document.path is None
    window.menus["recent"].actions()[0].trigger()
    assert window.document.path == lakes
    window.actions_.clear_recent.trigger()
    assert [a for a in window.menus["recent"].actions() if not a.isSeparator()] == [
        window.actions_.clear_recent
    ]


def test_start_page_lists_samples_and_opens_one_with_enter(
    make_editor: MakeEditor, lakes: Path, qtbot: QtBot
) -> None:
    from photoessay_desktop.app.editor_app import bundled_samples

    samples = bundled_samples()
    assert any(p.name == "lakes.essay.json" for p in samples)
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    window.actions_.close_essay.trigger()  # back to the start page, which lists it as recent
    assert window.pages.currentWidget() is window.start_page
    recent = window.start_page.recent
    recent.setFocus()
    recent.setCurrentRow(0)
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert window.document.path == lakes


def test_a_failed_save_says_why_and_keeps_the_changes(
    make_editor: MakeEditor, lakes: Path, tmp_path: Path
) -> None:
    editor = make_editor()
    window = editor.window
    window.files.start(lakes)
    type_text(window.edit_panel.title, " — черновик")
    editor.dialogs.save_as = [tmp_path / "no such folder" / "x.essay.json"]
    window.actions_.save_as.trigger()
    title, message = editor.prompts.errors[0]
    assert title == "Cannot Save Essay"
    assert "x.essay.json" in message
    assert window.isWindowModified()
    assert window.document.path == lakes  # still the file it came from
    # A Save from the unsaved-changes prompt that fails must not drop the essay either:
    # here the essay's folder was moved away while it was open.
    lakes.parent.rename(tmp_path / "moved away")
    editor.prompts.save_choices = [SaveChoice.SAVE]
    window.actions_.new.trigger()
    assert window.document.path == lakes
    assert window.document.essay.title.endswith("черновик")
    assert len(editor.prompts.errors) == 2
    assert "no longer exists" in editor.prompts.errors[1][1]
