"""What the presenter view shows at one moment, as one plain value the session builds."""

from __future__ import annotations

from dataclasses import dataclass

from photoessay_desktop.ui.slideshow.frame_painter import FrameContent


@dataclass(frozen=True)
class PresenterScene:
    """Current and next frame, their texts, the notes and the clocks, already formatted."""

    current: FrameContent
    next: FrameContent | None
    caption: str
    credit: str
    next_caption: str
    notes: str
    position_text: str  # "Slide 3 of 12"
    elapsed_text: str  # "12:04"
    clock_text: str  # "16:45"
    plan_text: str  # "3:20 left of 10:00 plan, 0:12 behind"; empty without a plan
    status_text: str  # "Paused", "Black screen", the jump prompt...
    screen_names: tuple[str, ...] = ()
    audience_screen: int = -1
