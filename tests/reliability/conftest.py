"""Fixtures for the reliability tests: real places where saving fails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.editor_support import lock_holder, make_safe_editor
from tests.reliability.failing_places import read_only_folder_at, tiny_disk_at

# Fixtures shared by the editor-level reliability tests (imported to register them here).
__all__ = ["lock_holder", "make_safe_editor"]


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    with tiny_disk_at(tmp_path) as folder:
        yield folder


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    with read_only_folder_at(tmp_path) as folder:
        yield folder
