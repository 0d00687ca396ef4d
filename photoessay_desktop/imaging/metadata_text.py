"""Clean one metadata string and decide whether it is worth suggesting at all.

Cameras and editors fill caption and credit fields with boilerplate ("OLYMPUS DIGITAL CAMERA",
digiKam's "x-default", space-padded blanks); none of that may reach a caption. Pure functions.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
# Whole values that cameras and software write by themselves; compared case-insensitively.
_BOILERPLATE = re.compile(
    r"^(?:"
    r"(?:olympus|minolta|kodak|samsung|nikon|sony|canon|fujifilm|pentax|ricoh|konica minolta)?"
    r"\s*digital\s*(?:still\s*)?camera"
    r"|sony dsc|exif_jpeg_picture|x-default|default|untitled|image description|no description"
    r"|description|photo|picture|image|none|null|n/a|-+|\.+|\?+|copyright|\(c\)|©"
    r"|created with gimp|lead technologies inc\.? v1\.01|acd systems digital imaging"
    r"|digital image|camera|(?:sony|olympus|nikon|canon) dsc"
    r")$",
    re.IGNORECASE,
)


def clean_text(raw: str) -> str:
    """Collapse whitespace runs (fields are often space- or NUL-padded) and trim the ends."""
    return _SPACES.sub(" ", raw.replace("\x00", " ")).strip()


def is_meaningful(value: str) -> bool:
    """False for blanks and camera or software boilerplate."""
    return bool(value) and _BOILERPLATE.match(value) is None


def same_text(a: str, b: str) -> bool:
    """Two values say the same thing if they differ only in case, spacing or final full stop."""
    return _comparable(a) == _comparable(b)


def _comparable(value: str) -> str:
    return clean_text(value).rstrip(".").casefold()


def repair_mojibake(value: str) -> str:
    """Undo UTF-8 read as Latin-1 ("SaukonpÃ¤Ã¤"), the usual fate of non-ASCII EXIF strings."""
    try:
        repaired = value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value
    return repaired
