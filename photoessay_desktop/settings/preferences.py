"""The user's preferences and window state as one pydantic model (others add their own fields).

Plain data only: preferences_store.py reads and writes it. Every field has a default, so a file
from an older or newer version still loads; unknown fields are ignored, bad values fall back.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from photoessay_desktop.settings.slideshow_peek import (
    DEFAULT_CAPTION_SIZE,
    DEFAULT_PHOTO_PIXEL_LIMIT_MP,
    MAX_CAPTION_SIZE,
    MAX_PHOTO_PIXEL_LIMIT_MP,
    MIN_CAPTION_SIZE,
    MIN_PHOTO_PIXEL_LIMIT_MP,
)

MAX_RECENT_FILES = 10


class Preferences(BaseModel):
    """What PhotoEssay remembers between runs."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    recent_files: tuple[str, ...] = Field(default=(), description="most recent first, at most 10")
    last_essay: str | None = Field(default=None, description="reopened when started without one")
    # File safety: how often unsaved changes are autosaved (ui/reliability_controller.py).
    autosave_seconds: int = Field(
        default=30, ge=5, le=3600, description="how often unsaved changes are autosaved"
    )
    window_geometry: str = Field(default="", description="QMainWindow.saveGeometry(), base64")
    window_state: str = Field(default="", description="QMainWindow.saveState() (docks), base64")
    splitter_state: str = Field(default="", description="list | photo | edit panel widths, base64")
    # Imaging: photos over this many megapixels are refused (decompression bombs).
    photo_pixel_limit_mp: int = Field(
        default=DEFAULT_PHOTO_PIXEL_LIMIT_MP,
        ge=MIN_PHOTO_PIXEL_LIMIT_MP,
        le=MAX_PHOTO_PIXEL_LIMIT_MP,
        description="largest photo, MP",
    )
    image_memory_cache_mb: int = Field(
        default=512, ge=16, le=65536, description="decoded photos kept in memory, MB"
    )
    remote_photo_max_mb: int = Field(
        default=50, ge=1, le=2048, description="largest remote photo downloaded, MB"
    )
    # The slideshow's: the audience screen by name (names survive replugging, numbers do not),
    # caption text height in pixels on a 1080-line screen, and the transition between slides.
    slideshow_screen: str = Field(default="", description="audience screen name, empty: automatic")
    slideshow_caption_size: int = Field(
        default=DEFAULT_CAPTION_SIZE, ge=MIN_CAPTION_SIZE, le=MAX_CAPTION_SIZE
    )
    slideshow_transition: Literal["none", "fade"] = "none"
    slideshow_transition_seconds: float = Field(default=0.4, ge=0.0, le=1.0)

    def with_recent(self, path: str) -> Preferences:
        """Put `path` first in the recent files, dropping its older entry and the eleventh."""
        recent = (path, *(p for p in self.recent_files if p != path))[:MAX_RECENT_FILES]
        return self.model_copy(update={"recent_files": recent, "last_essay": path})

    def without_recent(self, path: str) -> Preferences:
        """Forget `path` (it could not be opened any more)."""
        recent = tuple(p for p in self.recent_files if p != path)
        last = None if self.last_essay == path else self.last_essay
        return self.model_copy(update={"recent_files": recent, "last_essay": last})
