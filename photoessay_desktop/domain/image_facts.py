"""What is known about one image reference, as imaging reports it and preflight reads it.

Plain data so preflight stays a pure function: whoever can touch files (imaging) fills it in,
whoever checks the essay (preflight) only reads it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ImageStatus(enum.Enum):
    READABLE = "readable"  # a local file that opened as an allowed image format
    NOT_FOUND = "not-found"  # a local path with no file behind it
    UNREADABLE = (
        "unreadable"  # a file that exists but is not an image we can show (reason says why)
    )
    REMOTE = "remote"  # an http(s) address: not checked offline
    NOT_CHECKED = "not-checked"  # a network (UNC) path the user has not allowed us to touch


@dataclass(frozen=True, slots=True)
class ImageFacts:
    """Header facts of one image: size as displayed (EXIF orientation applied), format, bytes."""

    status: ImageStatus
    width: int | None = None
    height: int | None = None
    format: str | None = None
    file_size: int | None = None
    reason: str = ""
