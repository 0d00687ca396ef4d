"""Reads and writes Preferences as JSON in the user's config folder (platformdirs), atomically.

The folder is injected so tests never touch the real one. A missing, unreadable or corrupt file
gives the defaults instead of an error: losing window sizes must never stop the app starting.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from photoessay_desktop.settings.preferences import Preferences
from photoessay_desktop.settings.preferences_location import (
    FILE_NAME,
    MAX_BYTES,
    default_config_folder,
)
from photoessay_desktop.settings.preferences_peek import read_preferences_json

__all__ = ["FILE_NAME", "MAX_BYTES", "PreferencesStore", "default_config_folder"]


class PreferencesStore:
    """Load and save one Preferences file in `folder`."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder

    @property
    def path(self) -> Path:
        return self._folder / FILE_NAME

    def load(self) -> Preferences:
        """The stored preferences, or the defaults when there are none or they are unreadable."""
        data = read_preferences_json(self._folder)
        if data is None:
            return Preferences()
        try:
            return Preferences.model_validate(data)
        except ValidationError:
            # Keep what is still good field by field rather than forgetting everything.
            good = {}
            for key, value in data.items():
                try:
                    Preferences.model_validate({key: value})
                except ValidationError:
                    continue
                good[key] = value
            return Preferences.model_validate(good)

    def save(self, preferences: Preferences) -> None:
        """Write atomically: a crash mid-write leaves the previous file, never half of one."""
        self._folder.mkdir(parents=True, exist_ok=True)
        data = preferences.model_dump_json(indent=2).encode("utf-8")
        handle, temporary = tempfile.mkstemp(dir=self._folder, prefix=".preferences-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
