"""Commands under test keep their caches and remembered choices in the test's own folders; an
essay of four slides in a non-ASCII folder for the show's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoessay_desktop.storage.essay_file import save_essay
from tests.ui.slideshow_support import make_essay


@pytest.fixture(autouse=True)
def own_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The show and the editor keep thumbnails and read remembered choices where the user's own
    # would be (platformdirs reads these on every call): never in the real home folder.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def essay_file(tmp_path: Path) -> Path:
    """Four slides (photos p0.jpg to p2.jpg, the fourth a text slide) after a title card."""
    folder = tmp_path / "Фото essay"
    folder.mkdir()
    path = folder / "lakes.essay.json"
    save_essay(make_essay(folder, 4), path)
    return path
