"""Preferences survive a round trip, and a bad preferences file never stops the app starting."""

from __future__ import annotations

from pathlib import Path

import pytest

from photoessay_desktop.settings.preferences import MAX_RECENT_FILES, Preferences
from photoessay_desktop.settings.preferences_store import PreferencesStore, default_config_folder


@pytest.fixture
def store(tmp_path: Path) -> PreferencesStore:
    return PreferencesStore(tmp_path / "настройки" / "photoessay")


def test_round_trip(store: PreferencesStore) -> None:
    prefs = Preferences(window_geometry="AAAA", window_state="BBBB").with_recent("/ö/a.essay.json")
    store.save(prefs)
    assert store.load() == prefs
    assert not list(store.path.parent.glob(".preferences-*"))


def test_missing_file_gives_defaults(store: PreferencesStore) -> None:
    assert store.load() == Preferences()


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[1, 2]", b"\xff\xfe\x00", b'{"recent_files": 5}', b"{" * 10000],
)
def test_corrupt_file_gives_defaults(store: PreferencesStore, content: bytes) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    assert store.load().recent_files == ()


def test_one_bad_field_keeps_the_others(store: PreferencesStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"recent_files": 5, "window_geometry": "QUJD", "future": 1}')
    assert store.load() == Preferences(window_geometry="QUJD")


def test_recent_files_keep_ten_most_recent_without_duplicates() -> None:
    prefs = Preferences()
    for i in range(15):
        prefs = prefs.with_recent(f"/e/{i}.essay.json")
    prefs = prefs.with_recent("/e/12.essay.json")
    assert len(prefs.recent_files) == MAX_RECENT_FILES
    assert prefs.recent_files[:2] == ("/e/12.essay.json", "/e/14.essay.json")
    assert prefs.last_essay == "/e/12.essay.json"
    forgotten = prefs.without_recent("/e/12.essay.json")
    assert "/e/12.essay.json" not in forgotten.recent_files
    assert forgotten.last_essay is None


def test_default_folder_is_per_user() -> None:
    assert default_config_folder().name == "photoessay"
