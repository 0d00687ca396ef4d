"""The words and numbers of the presenter view: positions, durations, the plan and the status line.

Pure formatting over the controller's state, kept apart so it is tested without windows.
"""

from __future__ import annotations

from photoessay_desktop.document.slideshow_controller import Screen, SlideshowController
from photoessay_desktop.document.slideshow_plan import Frame

# Closer than this to the plan counts as on time: nobody paces a talk to the second.
_ON_TIME_SECONDS = 5.0


def format_duration(seconds: float) -> str:
    """'4:05' or '1:02:09'; negative values get a minus sign."""
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def position_text(frame: Frame, slide_count: int) -> str:
    """'Slide 3 of 12', or 'Title card (12 slides)'."""
    if frame.slide_number is None:
        return f"Title card ({slide_count} slide{'s' if slide_count != 1 else ''})"
    return f"Slide {frame.slide_number} of {slide_count}"


def plan_text(controller: SlideshowController, now: float) -> str:
    """'3:20 left of 10:00 plan, 0:12 behind'; empty when no slide has a duration."""
    total = controller.plan.planned_total()
    offset = controller.schedule_offset
    if total is None or offset is None:
        return ""
    left = total - controller.elapsed(now)
    head = (
        f"{format_duration(left)} left of {format_duration(total)} plan"
        if left >= 0
        else f"{format_duration(-left)} over the {format_duration(total)} plan"
    )
    if abs(offset) < _ON_TIME_SECONDS:
        return f"{head}, on time"
    word = "behind" if offset > 0 else "ahead"
    return f"{head}, {format_duration(abs(offset))} {word}"


def status_text(controller: SlideshowController, now: float) -> str:
    """What the speaker must know that the audience view does not say."""
    parts: list[str] = []
    if controller.screen is Screen.BLACK:
        parts.append("Audience sees a black screen (any key returns)")
    elif controller.screen is Screen.WHITE:
        parts.append("Audience sees a white screen (any key returns)")
    if controller.overview_open:
        parts.append("Overview: arrows choose, Enter shows")
    if controller.jump_text:
        parts.append(controller.jump_text)
    if controller.message:
        parts.append(controller.message)
    if controller.plan.auto_advances:
        if controller.paused:
            parts.append("Auto-advance paused (A resumes)")
        elif controller.deadline is not None:
            parts.append(
                f"Next slide in {format_duration(max(0.0, controller.deadline - now) + 0.999)}"
            )
    if not controller.captions_visible:
        parts.append("Captions hidden (C shows them)")
    return " · ".join(parts)
