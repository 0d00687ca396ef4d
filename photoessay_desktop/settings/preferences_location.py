"""Where the preferences file lives and how big it may be, without pydantic.

Shared by the store and the slideshow's start-up peek (slideshow_peek.py). No reading or writing.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_config_path

APP_NAME = "photoessay"
FILE_NAME = "preferences.json"
# Far more than any real preferences file; a bigger one is not ours.
MAX_BYTES = 1024 * 1024


def default_config_folder() -> Path:
    """Where preferences live for this user (e.g. ~/.config/photoessay on Linux)."""
    return user_config_path(APP_NAME, appauthor=False)
