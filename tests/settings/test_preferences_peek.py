"""The editor's start-up read of the window layout agrees with the store on any file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from photoessay_desktop.settings.preferences import Preferences
from photoessay_desktop.settings.preferences_peek import WindowPeek, peek_window_preferences
from photoessay_desktop.settings.preferences_store import FILE_NAME, MAX_BYTES, PreferencesStore

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False),
    st.sampled_from(["", "AdnQywADAAAAAAAA", "/home/anna/Бахмут.essay.json", "ü\u202e"]),
    st.text(max_size=8),
    st.lists(st.text(max_size=2), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)
FIELDS = ("window_geometry", "window_state", "splitter_state", "last_essay")


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, VALUES)))
def test_the_peek_reads_what_the_store_reads(tmp_path: Path, values: dict[str, Any]) -> None:
    (tmp_path / FILE_NAME).write_text(json.dumps(values), encoding="utf-8")
    stored = PreferencesStore(tmp_path).load()
    peek = peek_window_preferences(tmp_path)
    assert peek.geometry == stored.window_geometry
    assert peek.window_state == stored.window_state
    assert peek.splitter_state == stored.splitter_state
    assert peek.last_essay == stored.last_essay


@pytest.mark.parametrize(
    "content", [b"", b"{", b"[]", b"\xff\xfe", b"null", b"[" * 50_000, b'{"a": ' * 50_000]
)
def test_a_bad_file_gives_the_defaults_to_both(tmp_path: Path, content: bytes) -> None:
    (tmp_path / FILE_NAME).write_bytes(content)
    assert peek_window_preferences(tmp_path) == WindowPeek()
    # The store used to let a nesting too deep for json escape as RecursionError.
    assert PreferencesStore(tmp_path).load() == Preferences()
    assert peek_window_preferences(tmp_path / "missing") == WindowPeek()


def test_an_oversized_file_is_not_read(tmp_path: Path) -> None:
    with (tmp_path / FILE_NAME).open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: refused on its size
    assert peek_window_preferences(tmp_path) == WindowPeek()


def test_a_saved_layout_is_read_back(tmp_path: Path) -> None:
    store = PreferencesStore(tmp_path / "Настройки")
    update = {"window_geometry": "Zmlyc3Q=", "splitter_state": "c3BsaXQ=", "window_state": "ZA=="}
    store.save(store.load().model_copy(update=update).with_recent("/tmp/Бахмут.essay.json"))
    peek = peek_window_preferences(tmp_path / "Настройки")
    assert peek == WindowPeek("Zmlyc3Q=", "ZA==", "c3BsaXQ=", "/tmp/Бахмут.essay.json")
