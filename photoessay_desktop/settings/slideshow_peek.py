"""The preferences the slideshow's first frame needs, read without pydantic.

`photoessay present` paints its first frame before pydantic is imported, and that frame must
already be on the remembered screen with the chosen caption size, and show its photo only if it
is within the user's pixel limit. The rules here are the Preferences model's for these fields (the
model takes its limits from this module), and a test checks that both read any file the same way.
Never writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from photoessay_desktop.settings.preferences_peek import read_preferences_json

# Caption text height in pixels on a 1080-line screen.
DEFAULT_CAPTION_SIZE = 30
MIN_CAPTION_SIZE = 16
MAX_CAPTION_SIZE = 64
# Photos over this many megapixels are refused (decompression bombs).
DEFAULT_PHOTO_PIXEL_LIMIT_MP = 200
MIN_PHOTO_PIXEL_LIMIT_MP = 1
MAX_PHOTO_PIXEL_LIMIT_MP = 2000


@dataclass(frozen=True)
class SlideshowPeek:
    """The audience screen by name (empty: automatic), the caption size and the pixel limit."""

    screen: str = ""
    caption_size: int = DEFAULT_CAPTION_SIZE
    photo_pixel_limit_mp: int = DEFAULT_PHOTO_PIXEL_LIMIT_MP


def peek_slideshow_preferences(folder: Path) -> SlideshowPeek:
    """What PreferencesStore(folder).load() would say about the slideshow's screen and captions."""
    data = read_preferences_json(folder)
    if data is None:
        return SlideshowPeek()
    screen = data.get("slideshow_screen", "")
    return SlideshowPeek(
        screen=screen if isinstance(screen, str) else "",
        caption_size=_lax_int(
            data.get("slideshow_caption_size"),
            MIN_CAPTION_SIZE,
            MAX_CAPTION_SIZE,
            DEFAULT_CAPTION_SIZE,
        ),
        photo_pixel_limit_mp=_lax_int(
            data.get("photo_pixel_limit_mp"),
            MIN_PHOTO_PIXEL_LIMIT_MP,
            MAX_PHOTO_PIXEL_LIMIT_MP,
            DEFAULT_PHOTO_PIXEL_LIMIT_MP,
        ),
    )


def _lax_int(value: object, low: int, high: int, default: int) -> int:
    """`value` as the model reads an int field from `low` to `high`, else `default`: pydantic's
    lax int takes whole numbers, also as floats or numeric strings, and booleans as 0 and 1."""
    if isinstance(value, bool) or (isinstance(value, float) and value.is_integer()):
        value = int(value)
    elif isinstance(value, str):
        value = _int_text(value)
    if not isinstance(value, int) or not low <= value <= high:
        return default
    return value


# pydantic-core's rules for an int written as text, not Python's int(): ASCII digits only (with
# single underscores between them), any number of leading zeros, a decimal point followed by
# zeros only, and around it only Unicode White_Space (Python's strip() also takes \x1c-\x1f).
_WHITE_SPACE_CHARS = (
    "".join(
        chr(code) for code in (*range(0x09, 0x0E), 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B))
    )
    + "\u2028\u2029\u202f\u205f\u3000"
)
_INT_TEXT = re.compile(r"([+-]?)(?:0[0_]*)?([0-9]+(?:_[0-9]+)*)(?:\.0+)?", re.ASCII)
_MOST_DIGITS = 18  # far beyond any limit here; Python's int() refuses 4,300 digits, pydantic not


def _int_text(text: str) -> int | None:
    match = _INT_TEXT.fullmatch(text.strip(_WHITE_SPACE_CHARS))
    if match is None:
        return None
    digits = match.group(2).replace("_", "").lstrip("0") or "0"
    if len(digits) > _MOST_DIGITS:
        return None
    number = int(digits)
    return -number if match.group(1) == "-" else number
