"""A preflight finding as the contact sheet prints it: plain data, so publishing needs no checker.

The caller (the app or the editor) turns its preflight findings into these; nothing here checks.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReviewNote:
    """One finding: the 1-based slide it is about (None: the essay itself), severity and message."""

    slide: int | None
    severity: str
    message: str
