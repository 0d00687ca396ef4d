"""File safety in the real editor window: locks, outside changes, failed saves, autosave, recovery.

The window is the real one with the real guarded file layer and autosave store in temporary
folders; only the dialogs answer from a script. Colleagues are real processes or real file writes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from photoessay_desktop.document import edit_requests
from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.settings.preferences import Preferences
from photoessay_desktop.settings.preferences_store import PreferencesStore
from photoessay_desktop.storage.atomic_file import backup_path_for
from photoessay_desktop.storage.autosave_store import AutosaveStore
from photoessay_desktop.storage.essay_file import load_essay, save_essay
from photoessay_desktop.storage.essay_lock import read_lock_owner
from photoessay_desktop.ui.reliability_prompts import RecoveryAction
from tests.reliability.editor_support import MakeSafeEditor, ScriptedQuestions

LAKES = Path(__file__).resolve().parents[2] / "sample_essays" / "lakes"


def lakes_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "эссе Ø"
    shutil.copytree(LAKES, folder)
    return folder / "lakes.essay.json"


def colleague_saves(path: Path, title: str) -> None:
    """Another program replaces the file (write elsewhere, rename over it), as sync clients do."""
    essay = load_essay(path).model_copy(update={"title": title})
    temp = path.with_name("sync.tmp")
    save_essay(essay, temp)
    os.replace(temp, path)


def test_opening_takes_the_lock_and_closing_releases_it(
    make_safe_editor: MakeSafeEditor, tmp_path: Path
) -> None:
    path = lakes_copy(tmp_path)
    window = make_safe_editor().window
    window.files.start(path)
    owner = read_lock_owner(path)
    assert owner is not None and owner.pid == os.getpid()
    window.actions_.close_essay.trigger()
    assert read_lock_owner(path) is None


def test_an_essay_open_elsewhere_offers_read_only(
    make_safe_editor: MakeSafeEditor,
    lock_holder: Callable[[Path], subprocess.Popen[str]],
    tmp_path: Path,
) -> None:
    path = lakes_copy(tmp_path)
    holder = lock_holder(path)
    editor = make_safe_editor(ScriptedQuestions(read_only=True))
    window = editor.window
    editor.dialogs.essays.append(path)
    window.actions_.open.trigger()
    [question] = editor.questions.asked
    assert question.startswith(f"read_only:{path} is already open in PhotoEssay by Марія on ")
    assert f"(process {holder.pid})" in question
    assert window.document.path == path.absolute()
    assert "read-only" in window.statusBar().currentMessage()
    edit_requests.edit_essay_field(window.document, "title", "Mine")
    window.actions_.save.trigger()
    assert editor.prompts.errors[-1][0] == "Cannot Save Essay"
    assert "opened read-only; use Save As" in editor.prompts.errors[-1][1]
    assert window.isWindowModified()
    assert load_essay(path).title != "Mine"
    copy = path.with_name("my copy.essay.json")
    editor.dialogs.save_as.append(copy)
    window.actions_.save_as.trigger()
    assert load_essay(copy).title == "Mine"
    assert not window.isWindowModified()
    owner = read_lock_owner(path)
    assert owner is not None and owner.pid == holder.pid  # the colleague's lock is untouched


def test_declining_read_only_leaves_everything_as_it_was(
    make_safe_editor: MakeSafeEditor,
    lock_holder: Callable[[Path], subprocess.Popen[str]],
    tmp_path: Path,
) -> None:
    path = lakes_copy(tmp_path)
    lock_holder(path)
    editor = make_safe_editor(ScriptedQuestions(read_only=False))
    editor.window.files.new_essay()
    editor.dialogs.essays.append(path)
    editor.window.actions_.open.trigger()
    assert editor.window.document.path is None
    assert editor.prompts.errors == []  # the question was the message; no second box


def test_save_asks_before_overwriting_an_outside_change(
    make_safe_editor: MakeSafeEditor, tmp_path: Path
) -> None:
    path = lakes_copy(tmp_path)
    editor = make_safe_editor(ScriptedQuestions(overwrite=False, reload=False))
    window = editor.window
    window.files.start(path)
    edit_requests.edit_essay_field(window.document, "title", "Mine")
    colleague_saves(path, "Theirs")
    window.actions_.save.trigger()
    assert editor.questions.asked[-1] == "overwrite:lakes.essay.json"
    title, message = editor.prompts.errors[-1]
    assert title == "Cannot Save Essay"
    assert "was not saved, because it changed on disk" in message
    assert window.isWindowModified()
    assert load_essay(path).title == "Theirs"
    editor.questions.overwrite = True
    window.actions_.save.trigger()
    assert load_essay(path).title == "Mine"
    assert load_essay(backup_path_for(path)).title == "Theirs"  # their version is kept
    assert not window.isWindowModified()


def test_an_outside_change_is_noticed_and_can_be_reloaded(
    make_safe_editor: MakeSafeEditor, tmp_path: Path, qtbot: QtBot
) -> None:
    path = lakes_copy(tmp_path)
    editor = make_safe_editor(ScriptedQuestions(reload=True))
    window = editor.window
    window.files.start(path)
    colleague_saves(path, "Changed by a colleague")
    qtbot.waitUntil(lambda: bool(editor.questions.asked), timeout=20_000)
    assert editor.questions.asked == ["reload:lakes.essay.json:clean"]
    assert window.document.essay.title == "Changed by a colleague"
    assert window.edit_panel.title.text() == "Changed by a colleague"
    assert not window.isWindowModified()


def test_keeping_my_version_after_a_notice_still_protects_theirs(
    make_safe_editor: MakeSafeEditor, tmp_path: Path, qtbot: QtBot
) -> None:
    path = lakes_copy(tmp_path)
    editor = make_safe_editor(ScriptedQuestions(reload=False, overwrite=False))
    window = editor.window
    window.files.start(path)
    edit_requests.edit_essay_field(window.document, "title", "Mine")
    colleague_saves(path, "Theirs")
    qtbot.waitUntil(lambda: bool(editor.questions.asked), timeout=20_000)
    assert editor.questions.asked == ["reload:lakes.essay.json:modified"]
    assert window.document.essay.title == "Mine"
    window.actions_.save.trigger()
    assert load_essay(path).title == "Theirs"


def test_a_failed_save_shows_why_and_keeps_the_essay_modified(
    make_safe_editor: MakeSafeEditor, tmp_path: Path
) -> None:
    path = lakes_copy(tmp_path)
    editor = make_safe_editor()
    window = editor.window
    window.files.start(path)
    path.chmod(0o444)
    edit_requests.edit_essay_field(window.document, "title", "Mine")
    window.actions_.save.trigger()
    assert editor.prompts.errors == [
        (
            "Cannot Save Essay",
            f"{path.absolute()}: is read-only, so it was not replaced; use Save As to keep your "
            "changes",
        )
    ]
    assert window.isWindowModified()
    assert window.document.essay.title == "Mine"
    path.chmod(0o644)
    window.actions_.save.trigger()
    assert load_essay(path).title == "Mine"


def test_autosave_interval_comes_from_the_preferences(
    make_safe_editor: MakeSafeEditor, tmp_path: Path
) -> None:
    assert make_safe_editor().window.reliability.autosave is not None
    assert Preferences().autosave_seconds == 30
    PreferencesStore(tmp_path / "config").save(Preferences(autosave_seconds=7))
    autosave = make_safe_editor().window.reliability.autosave
    assert autosave is not None and autosave.interval_seconds == 7


def test_autosave_writes_only_unsaved_work_and_never_the_users_file(
    make_safe_editor: MakeSafeEditor, tmp_path: Path
) -> None:
    path = lakes_copy(tmp_path)
    before = path.read_bytes()
    editor = make_safe_editor()
    window = editor.window
    window.files.start(path)
    autosave = window.reliability.autosave
    assert autosave is not None
    assert not autosave.autosave_now()  # nothing unsaved: nothing written
    edit_requests.edit_essay_field(window.document, "title", "Unsaved")
    assert autosave.autosave_now()
    [written] = list(editor.autosaves.iterdir())
    assert json.loads(written.read_text(encoding="utf-8"))["essay"]["title"] == "Unsaved"
    assert path.read_bytes() == before
    window.actions_.save.trigger()
    assert list(editor.autosaves.iterdir()) == []  # saved: nothing left to recover


def test_untitled_work_is_autosaved_and_a_clean_close_leaves_nothing(
    make_safe_editor: MakeSafeEditor,
) -> None:
    editor = make_safe_editor()
    window = editor.window
    window.files.new_essay()
    edit_requests.add_text_slide(window.document, 0)
    autosave = window.reliability.autosave
    assert autosave is not None and autosave.autosave_now()
    assert len(list(editor.autosaves.iterdir())) == 1
    window.document.undo_stack.setClean()
    window.close()
    assert list(editor.autosaves.iterdir()) == []


def crashed_autosave(folder: Path, essay_path: Path | None, essay: Essay) -> Path:
    """An autosave as a crashed process leaves it (its pid belongs to nobody alive)."""
    store = AutosaveStore(folder)
    written = store.write(store.slot_for(essay_path), essay)
    envelope = json.loads(written.read_text(encoding="utf-8"))
    envelope["pid"] = 2**22 + 12345  # above any pid this machine hands out
    written.write_text(json.dumps(envelope), encoding="utf-8")
    return written


def test_recovery_offers_compares_and_restores_a_crashed_session(
    make_safe_editor: MakeSafeEditor, tmp_path: Path
) -> None:
    path = lakes_copy(tmp_path)
    saved = load_essay(path)
    unsaved = saved.model_copy(
        update={
            "title": "Recovered title",
            "slides": (*saved.slides[1:], Slide(id="new-one", caption="Written before the crash")),
        }
    )
    questions = ScriptedQuestions(recovery=[RecoveryAction.RESTORE])
    editor = make_safe_editor(questions)
    old = crashed_autosave(editor.autosaves, path, unsaved)
    window = editor.window
    assert window.reliability.offer_recovery()
    assert questions.asked == ["recovery:1"]
    assert questions.compared == [["Title changed", "1 slide added", "1 slide removed"]]
    assert window.document.path == path.absolute()
    assert window.document.essay == unsaved
    assert window.isWindowModified()
    assert window.undo_action.text() == "&Undo Restore Autosave"
    assert not old.exists()
    assert len(list(editor.autosaves.iterdir())) == 1  # this session's copy of the work
    window.actions_.save.trigger()
    assert load_essay(path) == unsaved


def test_recovery_of_an_untitled_essay_and_discard(
    make_safe_editor: MakeSafeEditor,
) -> None:
    questions = ScriptedQuestions(recovery=[RecoveryAction.DISCARD, RecoveryAction.RESTORE])
    editor = make_safe_editor(questions)
    crashed_autosave(editor.autosaves, None, Essay(title="Untitled A"))
    crashed_autosave(editor.autosaves, None, Essay(title="Untitled B"))
    window = editor.window
    assert window.reliability.offer_recovery()
    assert questions.asked == ["recovery:2", "recovery:1"]
    assert questions.compared[0] == [
        "There is no saved file to compare with: restoring is the only copy."
    ]
    assert window.document.path is None
    assert window.document.essay.title in ("Untitled A", "Untitled B")
    assert window.isWindowModified()


def test_decide_later_keeps_the_autosave_for_next_time(make_safe_editor: MakeSafeEditor) -> None:
    editor = make_safe_editor(ScriptedQuestions(recovery=[None]))
    old = crashed_autosave(editor.autosaves, None, Essay(title="Keep me"))
    assert not editor.window.reliability.offer_recovery()
    assert old.exists()


def test_reopening_the_open_essay_is_not_blocked_by_its_own_lock(
    make_safe_editor: MakeSafeEditor, tmp_path: Path
) -> None:
    path = lakes_copy(tmp_path)
    editor = make_safe_editor()
    editor.window.files.start(path)
    editor.dialogs.essays.append(path)
    editor.window.actions_.open.trigger()
    assert editor.questions.asked == []
    assert editor.prompts.errors == []
    owner = read_lock_owner(path)
    assert owner is not None and owner.pid == os.getpid()


def test_a_folder_renamed_under_the_open_essay_is_noticed_and_save_as_keeps_the_work(
    make_safe_editor: MakeSafeEditor, tmp_path: Path, qtbot: QtBot
) -> None:
    path = lakes_copy(tmp_path)
    editor = make_safe_editor()
    window = editor.window
    window.files.start(path)
    edit_requests.edit_essay_field(window.document, "title", "Mine")
    moved = path.parent.with_name("renamed by a colleague")
    path.parent.rename(moved)
    qtbot.waitUntil(
        lambda: "renamed or removed" in window.statusBar().currentMessage(), timeout=20_000
    )
    window.actions_.save.trigger()
    assert "the folder no longer exists" in editor.prompts.errors[-1][1]
    assert window.isWindowModified()
    editor.dialogs.save_as.append(moved / "lakes.essay.json")
    window.actions_.save_as.trigger()
    assert load_essay(moved / "lakes.essay.json").title == "Mine"
    assert not window.isWindowModified()


def test_a_photo_outside_the_essays_folder_is_shown_as_such(
    make_safe_editor: MakeSafeEditor, tmp_path: Path, qtbot: QtBot
) -> None:
    path = lakes_copy(tmp_path)
    essay = load_essay(path)
    inside = essay.slides[0]
    outside = inside.model_copy(update={"id": "far", "image": "/etc/hostname"})
    share = inside.model_copy(update={"id": "share", "image": "/\\attacker\\share\\a.jpg"})
    save_essay(essay.model_copy(update={"slides": (inside, outside, share)}), path)
    window = make_safe_editor().window
    window.files.start(path)
    assert "outside the essay's folder" not in window.status.text()
    qtbot.keyClick(window.slide_list, Qt.Key.Key_Down)
    assert window.status.text().startswith("Slide 2 of 3")
    assert window.status.text().endswith(" · outside the essay's folder")
    qtbot.keyClick(window.slide_list, Qt.Key.Key_Down)
    assert window.status.text() == "Slide 3 of 3 · network photo"
