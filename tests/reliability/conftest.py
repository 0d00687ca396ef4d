"""Fixtures for the reliability tests: real places where saving fails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.failing_places import read_only_folder_at, tiny_disk_at


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    with tiny_disk_at(tmp_path) as folder:
        yield folder


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    with read_only_folder_at(tmp_path) as folder:
        yield folder
