"""The slide list's data roles and the texts its cards show, apart from the model.

The editor's opening outline (ui/essay_outline_view.py) fills the same cards from a quick read of
the file before the essay model loads, so these must not import the document or pydantic.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt

PREVIEW_WORDS = 8
# The placeholder reason, and card text, of a slide without a photo.
TEXT_SLIDE = "Text slide"


class SlideRole(enum.IntEnum):
    """Data roles beyond Qt's own."""

    NUMBER = Qt.ItemDataRole.UserRole + 1  # 1-based position
    PREVIEW = Qt.ItemDataRole.UserRole + 2  # first words of the caption
    PLACEHOLDER = Qt.ItemDataRole.UserRole + 3  # why there is no thumbnail ("" when there is one)
    FINDINGS = Qt.ItemDataRole.UserRole + 4  # number of preflight findings on the slide
    SLIDE_ID = Qt.ItemDataRole.UserRole + 5
    THUMBNAIL = Qt.ItemDataRole.UserRole + 6  # QImage or None
    PLACEHOLDER_SHORT = Qt.ItemDataRole.UserRole + 7  # the same reason, short enough for a card


# The placeholder of a photo whose header or pixels could not be read, and of one on its way.
UNREADABLE_PHOTO = "Unreadable photo"
LOADING = "Loading…"


def short_placeholder(reason: str) -> str:
    """A placeholder reason in two short lines for a thumbnail-sized card."""
    if reason.startswith("Web photo ("):
        return "Web photo\nnot fetched"
    return {
        "Photo missing": "Photo\nmissing",
        UNREADABLE_PHOTO: "Unreadable\nphoto",
        "Network photo, not opened": "Network\nphoto",
        "Web photo could not be loaded": "Web photo\nnot loaded",
    }.get(reason, reason)


def caption_preview(caption: str, words: int = PREVIEW_WORDS) -> str:
    """The first words of a caption on one line, with an ellipsis when there is more."""
    parts = caption.split()
    if not parts:
        return "(no caption)"
    text = " ".join(parts[:words])
    return text + "…" if len(parts) > words else text
