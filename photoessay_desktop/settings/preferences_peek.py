"""The preferences file read without pydantic: the raw JSON object, and the window layout the
editor's first frame needs before the Preferences model has loaded.

Never writes. The rules for each field here are the Preferences model's (text, or nothing), and
tests check that this and PreferencesStore.load() read any file the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from photoessay_desktop.settings.preferences_location import FILE_NAME, MAX_BYTES


def read_preferences_json(folder: Path) -> dict[str, Any] | None:
    """The JSON object in `folder`'s preferences file; None when it is missing, too big or not
    an object of JSON."""
    path = folder / FILE_NAME
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True)
class WindowPeek:
    """Where the editor window was, its docks and panel widths (Qt's blobs, base64) and the
    last essay."""

    geometry: str = ""
    window_state: str = ""
    splitter_state: str = ""
    last_essay: str | None = None


def peek_window_preferences(folder: Path) -> WindowPeek:
    """What PreferencesStore(folder).load() would say about the window and the last essay."""
    data = read_preferences_json(folder) or {}
    texts = {
        name: value if isinstance(value := data.get(name, ""), str) else ""
        for name in ("window_geometry", "window_state", "splitter_state")
    }
    last = data.get("last_essay")
    return WindowPeek(
        geometry=texts["window_geometry"],
        window_state=texts["window_state"],
        splitter_state=texts["splitter_state"],
        last_essay=last if isinstance(last, str) else None,
    )
