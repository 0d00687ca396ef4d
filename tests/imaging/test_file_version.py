"""file_version: one stat says which version of a photo is on disk; nothing there is None."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from photoessay_desktop.imaging.file_version import file_version


def test_a_rewrite_is_a_new_version_even_with_size_and_mtime_restored(tmp_path: Path) -> None:
    photo = tmp_path / "ürün фото.jpg"
    photo.write_bytes(b"a" * 100)
    first = file_version(photo)
    assert first is not None and first.size == 100
    assert file_version(photo) == first  # nothing changed, nothing read
    before = photo.stat()
    time.sleep(0.03)  # file times come from a coarse clock (a few ms per tick on Linux)
    photo.write_bytes(b"b" * 100)
    os.utime(photo, ns=(before.st_atime_ns, before.st_mtime_ns))
    second = file_version(photo)
    assert second is not None
    assert (second.size, second.mtime_ns) == (first.size, first.mtime_ns)
    if os.name != "nt":  # st_ctime is the creation time on Windows
        assert second != first


@pytest.mark.parametrize("name", ["missing.jpg", "nul\0byte.jpg", ""])
def test_nothing_there_is_none(tmp_path: Path, name: str) -> None:
    assert file_version(tmp_path / name if name else "") is None
