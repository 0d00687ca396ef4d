"""The slideshow's start-up read of the preferences agrees with the store on any file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from photoessay_desktop.settings.preferences_store import FILE_NAME, PreferencesStore
from photoessay_desktop.settings.slideshow_peek import SlideshowPeek, peek_slideshow_preferences

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 100),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([15.0, 16.0, 30.0, 64.0, 64.5, 30.5]),
    st.sampled_from(["30", " 40 ", "64", "sixty", "", "HDMI-1", "Écran 2"]),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=2),
)


LIMITS = st.one_of(
    VALUES,
    st.sampled_from([0, 1, 2, 150, 2000, 2001, 150.0, 1999.5, "150", " 2000 ", "1e3", -1]),
    # Text pydantic reads its own way, not as Python's int() does.
    st.sampled_from(
        ["150.0", "48.00", " 0150.000 ", "1_50.0", "１５０", "٣٠", "\x1c150", "\u3000150"]
    ),
    st.sampled_from(["0" * 4299 + "30", "+40", "4_0", "40_", "40.5", "\xa048\xa0", "16.0"]),
    st.integers(-10, 3000),
)
FIELDS = ("slideshow_screen", "slideshow_caption_size", "photo_pixel_limit_mp")


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    screen=VALUES,
    size=LIMITS,  # the same rules for both numbers
    limit=LIMITS,
    drop=st.sets(st.sampled_from(FIELDS)),
)
def test_the_peek_reads_what_the_store_reads(
    tmp_path: Path, screen: object, size: object, limit: object, drop: set[str]
) -> None:
    data: dict[str, Any] = dict(zip(FIELDS, (screen, size, limit), strict=True))
    for name in drop:
        del data[name]
    (tmp_path / FILE_NAME).write_text(json.dumps(data), encoding="utf-8")
    stored = PreferencesStore(tmp_path).load()
    peek = peek_slideshow_preferences(tmp_path)
    assert peek.screen == stored.slideshow_screen
    assert peek.caption_size == stored.slideshow_caption_size
    assert peek.photo_pixel_limit_mp == stored.photo_pixel_limit_mp


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b"\xff\xfe", b"null", b"[" * 50_000])
def test_a_bad_file_gives_the_defaults(tmp_path: Path, content: bytes) -> None:
    (tmp_path / FILE_NAME).write_bytes(content)
    assert peek_slideshow_preferences(tmp_path) == SlideshowPeek()
    assert peek_slideshow_preferences(tmp_path / "missing") == SlideshowPeek()


def test_a_saved_choice_is_read_back(tmp_path: Path) -> None:
    store = PreferencesStore(tmp_path)
    update = {
        "slideshow_screen": "HDMI-1 «projector»",
        "slideshow_caption_size": 48,
        "photo_pixel_limit_mp": 60,
    }
    store.save(store.load().model_copy(update=update))
    assert peek_slideshow_preferences(tmp_path) == SlideshowPeek("HDMI-1 «projector»", 48, 60)
