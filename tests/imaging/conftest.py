"""Fixtures for the imaging tests: a temporary photo folder with a non-ASCII name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.imaging.photo_server import PhotoServer, running_photo_server


@pytest.fixture
def photo_dir(tmp_path: Path) -> Path:
    """A fresh folder whose name is not ASCII, as newsroom shares often are."""
    folder = tmp_path / "Фото été 写真"
    folder.mkdir()
    return folder


@pytest.fixture
def photo_server() -> Iterator[PhotoServer]:
    """A real HTTP server on 127.0.0.1 with the usual misbehaviours of photo hosts."""
    with running_photo_server() as server:
        yield server
