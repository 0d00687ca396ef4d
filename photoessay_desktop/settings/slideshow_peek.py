"""The two slideshow preferences the first frame needs, read without pydantic.

`photoessay present` paints its first frame before pydantic is imported, and that frame must
already be on the remembered screen with the chosen caption size. The rules here are the
Preferences model's for these two fields (the model takes its limits from this module), and a test
checks that both read any file the same way. Never writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from photoessay_desktop.settings.preferences_peek import read_preferences_json

# Caption text height in pixels on a 1080-line screen.
DEFAULT_CAPTION_SIZE = 30
MIN_CAPTION_SIZE = 16
MAX_CAPTION_SIZE = 64


@dataclass(frozen=True)
class SlideshowPeek:
    """The audience screen by name (empty: automatic) and the caption size."""

    screen: str = ""
    caption_size: int = DEFAULT_CAPTION_SIZE


def peek_slideshow_preferences(folder: Path) -> SlideshowPeek:
    """What PreferencesStore(folder).load() would say about the slideshow's screen and captions."""
    data = read_preferences_json(folder)
    if data is None:
        return SlideshowPeek()
    screen = data.get("slideshow_screen", "")
    size = data.get("slideshow_caption_size", DEFAULT_CAPTION_SIZE)
    return SlideshowPeek(
        screen=screen if isinstance(screen, str) else "",
        caption_size=_caption_size(size),
    )


def _caption_size(value: object) -> int:
    # pydantic's lax int: whole numbers, also as floats or numeric strings; booleans never.
    if isinstance(value, bool):
        return DEFAULT_CAPTION_SIZE
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            return DEFAULT_CAPTION_SIZE
    if not isinstance(value, int) or not MIN_CAPTION_SIZE <= value <= MAX_CAPTION_SIZE:
        return DEFAULT_CAPTION_SIZE
    return value
