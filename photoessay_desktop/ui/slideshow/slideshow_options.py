"""How the slideshow looks and where it shows: the user's preferences as the widgets need them.

A plain value built by the app from the saved preferences (or the command line); it never reads or
writes settings itself.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

# Caption text height in pixels on a 1080-line screen; the windows scale it to their own height.
from photoessay_desktop.settings.slideshow_peek import (
    DEFAULT_CAPTION_SIZE,
    MAX_CAPTION_SIZE,
    MIN_CAPTION_SIZE,
)

if TYPE_CHECKING:  # the first frame of `photoessay present` is painted before pydantic loads
    from photoessay_desktop.settings.preferences import Preferences


class Transition(enum.Enum):
    """How one slide gives way to the next."""

    NONE = "none"
    FADE = "fade"


@dataclass(frozen=True)
class SlideshowOptions:
    """Caption size, transition, and the screen the audience view goes on (by name)."""

    caption_size: int = DEFAULT_CAPTION_SIZE
    transition: Transition = Transition.NONE
    transition_seconds: float = 0.4
    audience_screen: str = ""

    def __post_init__(self) -> None:
        # Values come from a settings file a user may have edited: clamp rather than fail.
        size = min(max(self.caption_size, MIN_CAPTION_SIZE), MAX_CAPTION_SIZE)
        seconds = min(max(self.transition_seconds, 0.0), 1.0)
        object.__setattr__(self, "caption_size", size)
        object.__setattr__(self, "transition_seconds", seconds)

    @property
    def fade_ms(self) -> int:
        """The cross-fade length in milliseconds, 0 when there is none."""
        if self.transition is Transition.NONE:
            return 0
        return round(self.transition_seconds * 1000)


def options_from_preferences(preferences: Preferences) -> SlideshowOptions:
    """The slideshow's part of the saved preferences."""
    return SlideshowOptions(
        caption_size=preferences.slideshow_caption_size,
        transition=Transition(preferences.slideshow_transition),
        transition_seconds=preferences.slideshow_transition_seconds,
        audience_screen=preferences.slideshow_screen,
    )
