"""A save that fails says why in plain words and leaves the file (and its backup) as they were.

Every failure here is real: a tmpfs that fills up, a read-only mount or immutable folder, a child
process running as `nobody`, a file-size limit, a folder deleted or renamed under the essay.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.storage.atomic_file import backup_path_for, write_atomically
from photoessay_desktop.storage.essay_file import EssayFileError, load_essay, save_essay
from tests.reliability.failing_places import run_as_nobody, write_with_file_size_limit


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def big_essay(slides: int) -> Essay:
    return Essay(
        title="Big",
        slides=tuple(Slide(id=f"s{i}", caption="Caption " * 20) for i in range(slides)),
    )


def test_full_disk_write_fails_and_keeps_file_and_backup(tiny_disk: Path) -> None:
    path = tiny_disk / "essay.essay.json"
    write_atomically(path, b"v1" * 1000)
    write_atomically(path, b"v2" * 1000, keep_backup=True)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(path, b"x" * 400_000, keep_backup=True)
    assert path.read_bytes() == b"v2" * 1000
    assert backup_path_for(path).read_bytes() == b"v1" * 1000
    assert names(tiny_disk) == ["essay.essay.json", "essay.essay.json.bak"]


def test_full_disk_save_says_the_disk_is_full(tiny_disk: Path) -> None:
    path = tiny_disk / "Бахмут.essay.json"
    small = Essay(title="Small", slides=(Slide(id="a", caption="one"),))
    save_essay(small, path, keep_backup=True)
    with pytest.raises(EssayFileError) as caught:
        save_essay(big_essay(2000), path, keep_backup=True)
    assert str(caught.value) == f"{path}: cannot be saved: the disk is full"
    assert load_essay(path) == small
    assert names(tiny_disk) == ["Бахмут.essay.json"]


def test_read_only_folder_write_fails_and_leaves_it_alone(read_only_folder: Path) -> None:
    path = read_only_folder / "essay.essay.json"
    with pytest.raises(OSError):
        write_atomically(path, b"new", keep_backup=True)
    assert path.read_bytes() == b"before"
    assert names(read_only_folder) == ["essay.essay.json"]


def test_read_only_folder_save_says_why(read_only_folder: Path) -> None:
    path = read_only_folder / "essay.essay.json"
    with pytest.raises(EssayFileError) as caught:
        save_essay(Essay(title="new"), path, keep_backup=True)
    message = str(caught.value)
    assert message.startswith(f"{path}: cannot be saved: ")
    assert any(
        reason in message for reason in ("the disk or share is read-only", "permission denied")
    )
    assert path.read_bytes() == b"before"


def test_permission_denied_write_as_an_ordinary_user(tmp_path: Path) -> None:
    assert run_as_nobody(tmp_path, "write").startswith("PermissionError")


def test_permission_denied_save_as_an_ordinary_user(tmp_path: Path) -> None:
    outcome = run_as_nobody(tmp_path, "save")
    assert "EssayFileError" in outcome
    assert "cannot be saved: permission denied" in outcome


def test_file_size_limit_write_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "essay.essay.json"
    write_atomically(path, b"small and old")
    outcome = write_with_file_size_limit(path, size=200_000, limit=50_000)
    assert outcome.startswith("OSError") and "File too large" in outcome
    assert path.read_bytes() == b"small and old"
    assert names(tmp_path) == ["essay.essay.json"]


def test_file_size_limit_save_names_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "essay.essay.json"
    save_essay(Essay(title="old"), path)
    outcome = write_with_file_size_limit(path, size=2000, limit=50_000, mode="save")
    assert "cannot be saved: the file is larger than this disk or account allows" in outcome
    assert load_essay(path).title == "old"
    assert names(tmp_path) == ["essay.essay.json"]


def test_an_immutable_file_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "essay.essay.json"
    save_essay(Essay(title="old"), path)
    if os.system(f"chattr +i '{path}' 2>/dev/null") != 0:
        pytest.skip("chattr +i is not available on this file system")
    try:
        with pytest.raises(EssayFileError, match="cannot be saved: permission denied"):
            save_essay(Essay(title="new"), path, keep_backup=True)
    finally:
        os.system(f"chattr -i '{path}'")
    assert load_essay(path).title == "old"
    assert names(tmp_path) == ["essay.essay.json"]


def test_read_only_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "essay.essay.json"
    save_essay(Essay(title="old"), path)
    path.chmod(0o444)
    with pytest.raises(EssayFileError) as caught:
        save_essay(Essay(title="new"), path, keep_backup=True)
    assert str(caught.value) == (
        f"{path}: is read-only, so it was not replaced; use Save As to keep your changes"
    )
    assert load_essay(path).title == "old"


def test_folder_deleted_under_the_essay(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    path = folder / "essay.essay.json"
    save_essay(Essay(title="old"), path)
    path.unlink()
    folder.rmdir()
    with pytest.raises(EssayFileError, match="the folder no longer exists"):
        save_essay(Essay(title="new"), path, keep_backup=True)


def test_a_folder_where_the_file_should_be(tmp_path: Path) -> None:
    path = tmp_path / "essay.essay.json"
    path.mkdir()
    with pytest.raises(EssayFileError, match="cannot be saved: a folder has that name"):
        save_essay(Essay(title="new"), path, keep_backup=True)
    assert path.is_dir()


def test_a_folder_squatting_on_the_backup_name_does_not_stop_the_save(tmp_path: Path) -> None:
    path = tmp_path / "essay.essay.json"
    save_essay(Essay(title="old"), path)
    (tmp_path / "essay.essay.json.bak").mkdir()
    save_essay(Essay(title="new"), path, keep_backup=True)
    assert load_essay(path).title == "new"
    assert (tmp_path / "essay.essay.json.bak").is_dir()
    assert names(tmp_path) == ["essay.essay.json", "essay.essay.json.bak"]


def test_a_failed_save_keeps_the_earlier_backup_generation(tiny_disk: Path) -> None:
    path = tiny_disk / "essay.essay.json"
    for title in ("first", "second"):
        save_essay(Essay(title=title), path, keep_backup=True)
    with pytest.raises(EssayFileError, match="the disk is full"):
        save_essay(big_essay(2000), path, keep_backup=True)
    assert load_essay(backup_path_for(path)).title == "first"
    assert load_essay(path).title == "second"
