"""Fixtures for the imaging tests: a temporary photo folder with a non-ASCII name."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def photo_dir(tmp_path: Path) -> Path:
    """A fresh folder whose name is not ASCII, as newsroom shares often are."""
    folder = tmp_path / "Фото été 写真"
    folder.mkdir()
    return folder
