"""Everything the audience window shows at one moment, as one plain value the session builds.

Keeping it a value means the window only paints, and a test can read what the audience sees.
"""

from __future__ import annotations

from dataclasses import dataclass

from photoessay_desktop.document.slideshow_controller import Screen
from photoessay_desktop.ui.slideshow.frame_painter import FrameContent


@dataclass(frozen=True)
class OverviewScene:
    """The overview grid: every frame as a tile, the keyboard cursor and the frame showing."""

    tiles: tuple[FrameContent, ...]
    cursor: int
    current: int


@dataclass(frozen=True)
class AudienceScene:
    """The frame, the screen state and the layers over it."""

    content: FrameContent
    position: int
    screen: Screen = Screen.SHOW
    help_visible: bool = False
    jump_text: str = ""
    message: str = ""
    timer_text: str = ""  # empty while the timer is hidden
    paused: bool = False
    overview: OverviewScene | None = None
