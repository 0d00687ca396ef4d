"""The slideshow as a state machine: position, blank screens, jumps, overview, help and timing.

Widgets translate keys and clicks into `Command`s and draw whatever this state says; the clock is
passed in (`now`, monotonic seconds) so every rule is testable without Qt or waiting. It must not
import Qt or touch files.
"""

from __future__ import annotations

import enum

from photoessay_desktop.document.slideshow_plan import Frame, SlideshowPlan

# Four digits reach slide 9999; more is a stuck key, not a slide number.
_MAX_JUMP_DIGITS = 4


class Command(enum.Enum):
    """What the presenter asked for, whatever key, click or wheel turn it came from."""

    NEXT = "next"
    PREVIOUS = "previous"
    NEXT_ROW = "next row"  # Down: next slide, or one row down in the overview
    PREVIOUS_ROW = "previous row"  # Up: previous slide, or one row up in the overview
    FIRST = "first"
    LAST = "last"
    CONFIRM = "confirm"  # Enter: jump to the typed number, pick in the overview, else next
    ERASE = "erase"  # Backspace: delete a typed digit, else previous
    GO = "go"  # G: jump to the typed number, or start typing one
    BLACK = "black"
    WHITE = "white"
    OVERVIEW = "overview"
    TIMER = "timer"
    RESET_TIMER = "reset timer"
    HELP = "help"
    CAPTIONS = "captions"
    PAUSE = "pause"
    SWAP_SCREENS = "swap screens"
    LEAVE = "leave"


class Screen(enum.Enum):
    """What the audience sees: the show, or a blank screen while the presenter talks."""

    SHOW = "show"
    BLACK = "black"
    WHITE = "white"


class Request(enum.Enum):
    """What the controller asks of the windows around it."""

    LEAVE = "leave"
    SWAP_SCREENS = "swap screens"


class SlideshowController:
    """Everything the audience and presenter windows show, changed only through its methods."""

    def __init__(
        self, plan: SlideshowPlan, *, now: float, start: int = 0, loop: bool | None = None
    ) -> None:
        """`start` is a frame position; `loop` overrides the essay's own setting when given."""
        self.plan = plan
        self.loop = plan.essay.presentation.loop if loop is None else loop
        self.position = min(max(start, 0), len(plan) - 1)
        self.screen = Screen.SHOW
        self.captions_visible = True
        self.help_visible = False
        self.timer_visible = False
        self.overview_open = False
        self.overview_cursor = self.position
        self.overview_columns = 4
        self.paused = False
        self.message = ""
        self._jump_digits = ""
        self._jump_entry = False
        self._timer_started = now
        self._frame_shown_at = now
        self._deadline: float | None = None
        self._remaining: float | None = None
        self._arm(now)

    # -- what to show ---------------------------------------------------------------------------
    @property
    def frame(self) -> Frame:
        return self.plan.frames[self.position]

    @property
    def next_frame(self) -> Frame | None:
        """The frame Next would show (the first one again when looping), None at the end."""
        following = self.step_target(self.position, 1)
        return None if following is None else self.plan.frames[following]

    @property
    def jump_text(self) -> str:
        """The prompt for a jump being typed, empty when none is."""
        if not (self._jump_entry or self._jump_digits):
            return ""
        return f"Go to slide {self._jump_digits}_"

    @property
    def at_end(self) -> bool:
        return self.position == len(self.plan) - 1

    def elapsed(self, now: float) -> float:
        """Seconds since the show started or the timer was last reset."""
        return max(0.0, now - self._timer_started)

    @property
    def schedule_offset(self) -> float | None:
        """Seconds behind (positive) or ahead (negative) of the plan when this frame came up.

        Measured when the frame came up, so the figure holds still while it is shown."""
        if self.plan.planned_total() is None:
            return None
        shown = max(0.0, self._frame_shown_at - self._timer_started)
        return shown - self.plan.planned_start(self.position)

    @property
    def deadline(self) -> float | None:
        """When the current frame advances by itself (monotonic seconds), None if it does not."""
        return self._deadline

    @property
    def auto_advance_remaining(self) -> float | None:
        """Seconds left on a held (paused, blanked) auto-advance, None when running or off."""
        return self._remaining

    # -- input ----------------------------------------------------------------------------------
    def handle(self, command: Command, now: float) -> Request | None:
        """Apply one command; return what the windows must do beyond redrawing, if anything."""
        self.message = ""
        if self.screen is not Screen.SHOW:
            # Any key brings the show back and does nothing else: a clicker press in the dark must
            # not skip a slide the room has not seen.
            self.screen = Screen.SHOW
            self._sync(now)
            return None
        request = self._dispatch(command, now)
        self._sync(now)
        return request

    def type_digit(self, digit: int, now: float) -> None:
        """Add a digit to the slide number being typed."""
        if self.screen is not Screen.SHOW:
            self.handle(Command.CONFIRM, now)
            return
        self.message = ""
        if len(self._jump_digits) < _MAX_JUMP_DIGITS:
            self._jump_digits += str(digit)

    def wake(self, now: float) -> bool:
        """Bring back a blanked screen (any key that means nothing else); True if it was blank."""
        if self.screen is Screen.SHOW:
            return False
        self.handle(Command.CONFIRM, now)
        return True

    def pick(self, position: int, now: float) -> None:
        """Show the frame at `position` (a click on an overview tile)."""
        self.message = ""
        self.overview_open = False
        self.screen = Screen.SHOW
        self._go(position, now)
        self._sync(now)

    def set_overview_columns(self, columns: int) -> None:
        """The overview grid's width in tiles, so Up and Down move by one row."""
        self.overview_columns = max(1, columns)

    def advance_if_due(self, now: float) -> bool:
        """Move on when the current frame's time is up; True when the frame changed."""
        if self._deadline is None or now < self._deadline:
            return False
        target = self.step_target(self.position, 1)
        if target is None:
            self._deadline = None
            return False
        self._go(target, now)
        self._sync(now)
        return True

    # -- the rules ------------------------------------------------------------------------------
    def _dispatch(self, command: Command, now: float) -> Request | None:
        if command is Command.LEAVE:
            return self._leave()
        if self._jump_digits or self._jump_entry:
            handled = self._jump_command(command, now)
            if handled:
                return None
        if command is Command.HELP:
            self.help_visible = not self.help_visible
            return None
        self.help_visible = False
        if self.overview_open and self._overview_command(command, now):
            return None
        return self._show_command(command, now)

    def _leave(self) -> Request | None:
        # Esc closes whatever is on top first, so it never ends the show by surprise.
        if self._jump_digits or self._jump_entry:
            self._clear_jump()
        elif self.help_visible:
            self.help_visible = False
        elif self.overview_open:
            self.overview_open = False
        else:
            return Request.LEAVE
        return None

    def _jump_command(self, command: Command, now: float) -> bool:
        if command in (Command.CONFIRM, Command.GO):
            self._jump_to_typed(now)
            return True
        if command is Command.ERASE:
            if self._jump_digits:
                self._jump_digits = self._jump_digits[:-1]
            else:
                self._jump_entry = False
            return True
        # Any other key abandons the number, then acts as usual.
        self._clear_jump()
        return False

    def _jump_to_typed(self, now: float) -> None:
        digits = self._jump_digits
        self._clear_jump()
        if not digits:
            return
        number = int(digits)
        target = self.plan.position_of_slide(number)
        if target is None:
            count = self.plan.slide_count
            self.message = (
                f"There is no slide {number}: this essay has slides 1 to {count}"
                if count
                else "This essay has no slides"
            )
            return
        self.overview_open = False
        self._go(target, now)

    def _clear_jump(self) -> None:
        self._jump_digits = ""
        self._jump_entry = False

    def _overview_command(self, command: Command, now: float) -> bool:
        last = len(self.plan) - 1
        moves = {
            Command.NEXT: 1,
            Command.PREVIOUS: -1,
            Command.NEXT_ROW: self.overview_columns,
            Command.PREVIOUS_ROW: -self.overview_columns,
        }
        if command in moves:
            self.overview_cursor = min(max(self.overview_cursor + moves[command], 0), last)
        elif command is Command.FIRST:
            self.overview_cursor = 0
        elif command is Command.LAST:
            self.overview_cursor = last
        elif command is Command.CONFIRM:
            self.overview_open = False
            self._go(self.overview_cursor, now)
        elif command is Command.OVERVIEW:
            self.overview_open = False
        else:
            return False
        return True

    def _show_command(self, command: Command, now: float) -> Request | None:
        if command in (Command.NEXT, Command.NEXT_ROW, Command.CONFIRM):
            self._step(1, now)
        elif command in (Command.PREVIOUS, Command.PREVIOUS_ROW, Command.ERASE):
            self._step(-1, now)
        elif command is Command.FIRST:
            self._go(0, now)
        elif command is Command.LAST:
            self._go(len(self.plan) - 1, now)
        elif command is Command.GO:
            self._jump_entry = True
        elif command is Command.BLACK:
            self.screen = Screen.BLACK
        elif command is Command.WHITE:
            self.screen = Screen.WHITE
        elif command is Command.OVERVIEW:
            self.overview_open = True
            self.overview_cursor = self.position
        elif command is Command.TIMER:
            self.timer_visible = not self.timer_visible
        elif command is Command.RESET_TIMER:
            self._timer_started = now
        elif command is Command.CAPTIONS:
            self.captions_visible = not self.captions_visible
        elif command is Command.PAUSE:
            self.paused = not self.paused
        elif command is Command.SWAP_SCREENS:
            return Request.SWAP_SCREENS
        return None

    def _step(self, delta: int, now: float) -> None:
        target = self.step_target(self.position, delta)
        if target is not None:
            self._go(target, now)

    def step_target(self, position: int, delta: int) -> int | None:
        """The position `delta` frames away, wrapping when looping, None past either end."""
        target = position + delta
        if 0 <= target < len(self.plan):
            return target
        if self.loop and len(self.plan) > 1:
            return target % len(self.plan)
        return None

    def _go(self, position: int, now: float) -> None:
        self.position = min(max(position, 0), len(self.plan) - 1)
        self.overview_cursor = self.position
        self._frame_shown_at = now
        self._arm(now)

    # -- auto-advance clock ---------------------------------------------------------------------
    @property
    def _running(self) -> bool:
        # The show holds its breath while paused, blanked or browsing the overview.
        return not self.paused and self.screen is Screen.SHOW and not self.overview_open

    def _arm(self, now: float) -> None:
        duration = self.plan.duration_of(self.position)
        if self.at_end and not self.loop:
            duration = None  # the last frame stays up: the show ends there, not on a blank
        self._deadline = None
        self._remaining = duration
        self._sync(now)

    def _sync(self, now: float) -> None:
        if self._running and self._remaining is not None:
            self._deadline = now + self._remaining
            self._remaining = None
        elif not self._running and self._deadline is not None:
            self._remaining = max(0.0, self._deadline - now)
            self._deadline = None
