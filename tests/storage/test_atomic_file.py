"""Atomic replace: one backup generation, read-only files, links and awkward names.

Real write failures (full disk, read-only folder, permission denied) are in
tests/reliability/test_save_failures.py.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from photoessay_desktop.storage.atomic_file import (
    ReadOnlyFileError,
    backup_path_for,
    remove_leftover_temporaries,
    write_atomically,
)
from photoessay_desktop.storage.sibling_names import NAME_MAX_BYTES, sibling_name


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "Бахмут фото – ελληνικά"
    path.mkdir()
    return path


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_first_save_has_no_backup_and_later_saves_keep_one_generation(folder: Path) -> None:
    path = folder / "essay.essay.json"
    write_atomically(path, b"one", keep_backup=True)
    assert names(folder) == ["essay.essay.json"]
    write_atomically(path, b"two", keep_backup=True)
    write_atomically(path, b"three", keep_backup=True)
    assert path.read_bytes() == b"three"
    assert backup_path_for(path) == folder / "essay.essay.json.bak"
    assert backup_path_for(path).read_bytes() == b"two"
    assert names(folder) == ["essay.essay.json", "essay.essay.json.bak"]


def test_backup_keeps_the_old_mode_and_the_new_file_keeps_it_too(folder: Path) -> None:
    path = folder / "essay.essay.json"
    write_atomically(path, b"one")
    path.chmod(0o640)
    write_atomically(path, b"two", keep_backup=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert stat.S_IMODE(backup_path_for(path).stat().st_mode) == 0o640


def test_without_keep_backup_nothing_is_left_beside_the_file(folder: Path) -> None:
    path = folder / "essay.essay.json"
    write_atomically(path, b"one")
    write_atomically(path, b"two")
    assert names(folder) == ["essay.essay.json"]


def test_a_read_only_file_is_never_replaced_even_by_root(folder: Path) -> None:
    path = folder / "essay.essay.json"
    write_atomically(path, b"original")
    path.chmod(0o444)
    with pytest.raises(ReadOnlyFileError):
        write_atomically(path, b"new", keep_backup=True)
    assert path.read_bytes() == b"original"
    assert names(folder) == ["essay.essay.json"]


def test_saving_through_a_chain_of_relative_links_replaces_the_end(folder: Path) -> None:
    real_folder = folder / "real"
    real_folder.mkdir()
    real = real_folder / "essay.essay.json"
    write_atomically(real, b"one")
    (folder / "hop.essay.json").symlink_to("real/essay.essay.json")
    link = folder / "link.essay.json"
    link.symlink_to("hop.essay.json")
    write_atomically(link, b"two", keep_backup=True)
    assert link.is_symlink()
    assert (folder / "hop.essay.json").is_symlink()
    assert real.read_bytes() == b"two"
    # The backup sits beside the file that was replaced, not beside the link.
    assert (real_folder / "essay.essay.json.bak").read_bytes() == b"one"
    assert not (folder / "link.essay.json.bak").exists()


def test_a_dangling_link_creates_its_target(folder: Path) -> None:
    link = folder / "link.essay.json"
    link.symlink_to(folder / "target.essay.json")
    write_atomically(link, b"data")
    assert link.is_symlink()
    assert (folder / "target.essay.json").read_bytes() == b"data"


@pytest.mark.parametrize(
    "name",
    [
        "д" * 121 + ".essay.json",  # 253 bytes: legal, but NAME.bak and the temp file are not
        "a" * 244 + ".essay.json",
        "new\nline.essay.json",
        "  leading and trailing  .essay.json",
        "emoji 📷 🇺🇦.essay.json",
    ],
)
def test_awkward_names_save_with_backup(folder: Path, name: str) -> None:
    path = folder / name
    assert len(os.fsencode(name)) <= NAME_MAX_BYTES
    write_atomically(path, b"one", keep_backup=True)
    write_atomically(path, b"two", keep_backup=True)
    assert path.read_bytes() == b"two"
    backup = backup_path_for(path)
    assert backup.read_bytes() == b"one"
    assert len(os.fsencode(backup.name)) <= NAME_MAX_BYTES
    assert sorted(names(folder)) == sorted([name, backup.name])


def test_shortened_sibling_names_of_similar_long_names_differ() -> None:
    first = Path("д" * 121 + "1.essay.json")
    second = Path("д" * 121 + "2.essay.json")
    a = sibling_name(first, suffix=".bak")
    b = sibling_name(second, suffix=".bak")
    assert a != b
    assert a.endswith(".bak")
    assert a.startswith("д" * 100)
    assert len(a.encode()) <= NAME_MAX_BYTES


def test_leftover_temporaries_of_this_file_only_are_removed(folder: Path) -> None:
    path = folder / "essay.essay.json"
    write_atomically(path, b"one")
    debris = [
        folder / ".essay.essay.json.ab_12xyz.tmp",
        folder / ".essay.essay.json.bak.q1w2e3r4.tmp",
    ]
    keep = [
        folder / ".other.essay.json.ab_12xyz.tmp",
        folder / ".essay.essay.json.short.tmp",
        folder / "essay.essay.json.bak",
    ]
    for file in (*debris, *keep):
        file.write_bytes(b"x")
    assert sorted(remove_leftover_temporaries(path)) == sorted(debris)
    assert names(folder) == sorted(p.name for p in (path, *keep))
