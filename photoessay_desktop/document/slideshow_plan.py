"""The running order of a slideshow: which frames it shows and how long each one stays up.

A frame is the opening title card or one slide. Pure arithmetic over an Essay: no Qt, no clock,
no state; the slideshow controller and the presenter view both read it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # plain attribute reads: the show's first frame is painted before pydantic loads
    from photoessay_desktop.domain.essay import Essay


class FrameKind(enum.Enum):
    """What a frame shows."""

    TITLE = "title"  # the opening card: title and standfirst
    PHOTO = "photo"  # a slide with a photo
    TEXT = "text"  # a slide without a photo: its caption as a text card


class ShownSlide(Protocol):
    """What the show reads of a slide: a domain Slide, or the opening frame's quick read of one."""

    @property
    def image(self) -> str | None: ...
    @property
    def caption(self) -> str: ...
    @property
    def credit(self) -> str: ...
    @property
    def notes(self) -> str: ...
    @property
    def duration_seconds(self) -> float | None: ...


@dataclass(frozen=True)
class Frame:
    """One screenful of the show; `slide_index` is None for the title card."""

    kind: FrameKind
    slide_index: int | None
    slide: ShownSlide | None

    @property
    def slide_number(self) -> int | None:
        """The number the editor shows for this slide (1-based), None for the title card."""
        return None if self.slide_index is None else self.slide_index + 1


class SlideshowPlan:
    """The frames of one essay in order, with their auto-advance durations."""

    def __init__(self, essay: Essay, *, default_seconds: float | None = None) -> None:
        """`default_seconds` overrides the essay's own auto-advance interval (the --auto option)."""
        self.essay = essay
        self.default_seconds = (
            default_seconds
            if default_seconds is not None
            else essay.presentation.auto_advance_seconds
        )
        frames: list[Frame] = []
        # An essay with neither title nor standfirst opens straight on slide 1; an empty essay
        # still gets its title card so there is always something to show.
        if essay.title.strip() or essay.standfirst.strip() or not essay.slides:
            frames.append(Frame(FrameKind.TITLE, None, None))
        for index, slide in enumerate(essay.slides):
            kind = FrameKind.PHOTO if slide.image is not None else FrameKind.TEXT
            frames.append(Frame(kind, index, slide))
        self.frames: tuple[Frame, ...] = tuple(frames)
        self.has_title_card = frames[0].kind is FrameKind.TITLE

    def __len__(self) -> int:
        return len(self.frames)

    @property
    def slide_count(self) -> int:
        return len(self.essay.slides)

    def position_of_slide(self, number: int) -> int | None:
        """The frame position of slide `number` (1-based, 0 = the title card), None if absent."""
        if number == 0:
            return 0 if self.has_title_card else None
        if not 1 <= number <= self.slide_count:
            return None
        return number - 1 + (1 if self.has_title_card else 0)

    def position_of_index(self, slide_index: int) -> int:
        """The frame position of the slide at `slide_index` (clamped into the essay)."""
        if not self.essay.slides:
            return 0
        clamped = min(max(slide_index, 0), self.slide_count - 1)
        return clamped + (1 if self.has_title_card else 0)

    def duration_of(self, position: int) -> float | None:
        """Seconds the frame stays up under auto-advance, None when it waits for the presenter."""
        slide = self.frames[position].slide
        if slide is not None and slide.duration_seconds is not None:
            return slide.duration_seconds
        return self.default_seconds

    @property
    def auto_advances(self) -> bool:
        """True when at least one frame advances by itself."""
        return any(self.duration_of(p) is not None for p in range(len(self.frames)))

    def planned_total(self) -> float | None:
        """Planned running time (frames waiting for the presenter count 0), None without a plan."""
        if not self.auto_advances:
            return None
        return sum(self.duration_of(p) or 0.0 for p in range(len(self.frames)))

    def planned_start(self, position: int) -> float:
        """Seconds into the plan at which the frame at `position` should come up."""
        return sum(self.duration_of(p) or 0.0 for p in range(position))
