"""An open essay: its lock, noticing outside changes, and a save that never overwrites them unasked.

Outside changes are made the ways they happen: another program replacing the file atomically (a
sync client), an editor writing in place, a rewrite with the same bytes, and the file deleted.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.storage.atomic_file import backup_path_for
from photoessay_desktop.storage.essay_file import (
    EssayFileError,
    essay_to_json,
    load_essay,
    save_essay,
)
from photoessay_desktop.storage.essay_lock import EssayLockedError, LockOwner, read_lock_owner
from photoessay_desktop.storage.file_identity import changed_since, identity_of
from photoessay_desktop.storage.open_essay_file import ExternalChangeError, OpenEssayFile
from tests.reliability.failing_places import read_only_folder_at


@pytest.fixture
def path(tmp_path: Path) -> Path:
    folder = tmp_path / "Фото есе"
    folder.mkdir()
    target = folder / "essay.essay.json"
    save_essay(Essay(title="on disk", slides=(Slide(id="a", caption="one"),)), target)
    return target


def edited(title: str) -> Essay:
    return Essay(title=title, slides=(Slide(id="a", caption="edited"),))


def test_open_locks_and_close_unlocks(path: Path) -> None:
    opened, essay = OpenEssayFile.open(path, owner=LockOwner.current("Maria"))
    assert essay.title == "on disk"
    assert opened.holds_lock
    owner = read_lock_owner(path)
    assert owner is not None and owner.holder == "Maria"
    opened.close()
    assert read_lock_owner(path) is None


def test_a_second_open_is_refused_but_read_only_works(path: Path) -> None:
    first, _ = OpenEssayFile.open(path)
    with pytest.raises(EssayLockedError):
        OpenEssayFile.open(path)
    second, essay = OpenEssayFile.open(path, read_only=True)
    assert essay.title == "on disk"
    assert not second.holds_lock
    with pytest.raises(EssayFileError, match="opened read-only; use Save As"):
        second.save(edited("mine"))
    assert load_essay(path).title == "on disk"
    first.close()


def test_a_bad_file_releases_the_lock(tmp_path: Path) -> None:
    bad = tmp_path / "bad.essay.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(EssayFileError):
        OpenEssayFile.open(bad)
    assert read_lock_owner(bad) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.essay.json"]


def test_own_saves_are_not_outside_changes_and_keep_a_backup(path: Path) -> None:
    opened, _ = OpenEssayFile.open(path)
    opened.save(edited("first"))
    assert not opened.changed_on_disk()
    opened.save(edited("second"))
    assert load_essay(path).title == "second"
    assert load_essay(backup_path_for(path)).title == "first"
    opened.close()


def replace_like_a_sync_client(path: Path, title: str) -> None:
    temp = path.with_name("sync-temp")
    save_essay(edited(title), temp)
    os.replace(temp, path)


def write_in_place(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8").replace('"on disk"', f'"{title}"')
    with path.open("r+", encoding="utf-8") as handle:
        handle.write(text)
        handle.truncate()


@pytest.mark.parametrize("change", [replace_like_a_sync_client, write_in_place])
def test_an_outside_change_is_noticed_and_never_silently_overwritten(
    path: Path, change: Callable[[Path, str], None]
) -> None:
    opened, _ = OpenEssayFile.open(path)
    change(path, "colleague")
    assert opened.changed_on_disk()
    with pytest.raises(ExternalChangeError, match="changed on disk by another program"):
        opened.save(edited("mine"))
    assert load_essay(path).title == "colleague"
    opened.save(edited("mine"), overwrite_changes=True)
    assert load_essay(path).title == "mine"
    assert load_essay(backup_path_for(path)).title == "colleague"
    assert not opened.changed_on_disk()
    opened.close()


def test_rewriting_the_same_bytes_is_not_a_change(path: Path) -> None:
    opened, _ = OpenEssayFile.open(path)
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)  # a new inode and time, the same content
    assert not opened.changed_on_disk()
    opened.close()


def test_a_deleted_file_is_a_change_and_saving_recreates_it_when_asked(path: Path) -> None:
    opened, _ = OpenEssayFile.open(path)
    path.unlink()
    assert opened.changed_on_disk()
    with pytest.raises(ExternalChangeError):
        opened.save(edited("mine"))
    opened.save(edited("mine"), overwrite_changes=True)
    assert load_essay(path).title == "mine"
    opened.close()


def test_reload_takes_the_outside_version(path: Path) -> None:
    opened, _ = OpenEssayFile.open(path)
    replace_like_a_sync_client(path, "colleague")
    assert opened.reload().title == "colleague"
    assert not opened.changed_on_disk()
    opened.save(edited("mine"))
    opened.close()


def test_save_new_locks_the_new_file(tmp_path: Path) -> None:
    target = tmp_path / "новий.essay.json"
    opened = OpenEssayFile.save_new(edited("untitled no more"), target)
    assert opened.holds_lock
    assert load_essay(target).title == "untitled no more"
    with pytest.raises(EssayLockedError):
        OpenEssayFile.save_new(edited("other"), target)
    assert load_essay(target).title == "untitled no more"
    opened.close()


def test_a_folder_renamed_under_an_open_essay(path: Path) -> None:
    opened, _ = OpenEssayFile.open(path)
    moved = path.parent.with_name("renamed")
    path.parent.rename(moved)
    assert opened.changed_on_disk()
    with pytest.raises(EssayFileError, match="folder no longer exists"):
        opened.save(edited("mine"), overwrite_changes=True)
    opened.close()
    # Save As into the renamed folder works, and the old lock is recognised as ours-and-gone.
    again = OpenEssayFile.save_new(edited("mine"), moved / path.name)
    assert load_essay(moved / path.name).title == "mine"
    again.close()


def test_a_lock_in_a_read_only_folder_is_reported_not_fatal(tmp_path: Path) -> None:
    essay = Essay(title="readable")
    content = essay_to_json(essay, tmp_path).encode("utf-8")
    with read_only_folder_at(tmp_path, content) as folder:
        opened, loaded = OpenEssayFile.open(folder / "essay.essay.json")
        assert loaded == essay
        assert not opened.holds_lock
        assert opened.lock_problem is not None
        assert opened.lock_problem.startswith("no lock file could be written beside it")
        with pytest.raises(EssayFileError, match="cannot be saved"):
            opened.save(edited("mine"))
        opened.close()
        assert loaded == load_essay(folder / "essay.essay.json")


def test_identity_of_a_missing_file_and_change_detection(tmp_path: Path) -> None:
    missing = tmp_path / "none.essay.json"
    assert identity_of(missing) is None
    assert not changed_since(missing, None)
    missing.write_text("x", encoding="utf-8")
    assert changed_since(missing, None)
    known = identity_of(missing)
    assert not changed_since(missing, known)
    missing.write_text("y", encoding="utf-8")
    assert changed_since(missing, known)
