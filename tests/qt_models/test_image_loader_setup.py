"""image_loader_from_preferences: the user's pixel limit and memory bound reach the loader."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from photoessay_desktop.qt_models.image_loader_setup import (
    decode_limits,
    image_loader_from_preferences,
)
from photoessay_desktop.settings.preferences import Preferences


def test_defaults_match_the_documented_ones() -> None:
    prefs = Preferences()
    assert decode_limits(prefs).max_pixels == 200_000_000
    assert (prefs.image_memory_cache_mb, prefs.remote_photo_max_mb) == (512, 50)


def test_pixel_limit_from_preferences_refuses_a_larger_photo(qtbot: QtBot, tmp_path: Path) -> None:
    photo = tmp_path / "two-megapixels.png"
    Image.new("RGB", (2000, 1001)).save(photo)
    prefs = Preferences(photo_pixel_limit_mp=2, image_memory_cache_mb=16)
    loader = image_loader_from_preferences(None, prefs, thumbnail_folder=tmp_path / "thumbs")
    assert loader.memory_cache.max_bytes == 16 * 1024 * 1024
    with qtbot.waitSignal(loader.image_failed, timeout=10_000) as failed:
        loader.request("v", str(photo), QSize(100, 100))
    assert "limit of 2 megapixels" in failed.args[1]


def test_remote_fetching_only_when_a_folder_is_given(qtbot: QtBot, tmp_path: Path) -> None:
    ref = "https://photos.example.org/a.jpg"
    without = image_loader_from_preferences(None, Preferences(), thumbnail_folder=tmp_path / "t")
    with qtbot.waitSignal(without.image_failed) as failed:
        without.request("v", ref, QSize(10, 10))
    assert "not available" in failed.args[1]
    loader = image_loader_from_preferences(
        None, Preferences(), thumbnail_folder=tmp_path / "t", remote_folder=tmp_path / "r"
    )
    with qtbot.waitSignal(loader.image_failed) as failed:
        loader.request("v", ref, QSize(10, 10))
    assert "until you allow" in failed.args[1]
