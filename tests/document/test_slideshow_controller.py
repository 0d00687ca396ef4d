"""The slideshow state machine: stepping, jumps, blank screens, overview, help and auto-advance."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from photoessay_desktop.document.slideshow_controller import (
    Command,
    Request,
    Screen,
    SlideshowController,
)
from photoessay_desktop.document.slideshow_plan import FrameKind, SlideshowPlan
from photoessay_desktop.domain.essay import Essay, Presentation, Slide


def make_essay(
    count: int = 5,
    *,
    title: str = "Lakes",
    durations: dict[int, float] | None = None,
    auto: float | None = None,
    loop: bool = False,
) -> Essay:
    durations = durations or {}
    slides = tuple(
        Slide(
            id=f"s{i}",
            image=None if i == 2 else f"/photos/{i}.jpg",
            caption=f"Caption {i + 1}",
            duration_seconds=durations.get(i),
        )
        for i in range(count)
    )
    return Essay(
        title=title,
        slides=slides,
        presentation=Presentation(auto_advance_seconds=auto, loop=loop),
    )


def make(count: int = 5, *, now: float = 0.0, start: int = 0, **kw: object) -> SlideshowController:
    loop = kw.pop("loop_override", None)
    essay = make_essay(count, **kw)  # type: ignore[arg-type]
    return SlideshowController(SlideshowPlan(essay), now=now, start=start, loop=loop)  # type: ignore[arg-type]


def test_title_card_comes_before_slide_one_and_text_slides_are_cards() -> None:
    plan = SlideshowPlan(make_essay(3))
    assert [f.kind for f in plan.frames] == [
        FrameKind.TITLE,
        FrameKind.PHOTO,
        FrameKind.PHOTO,
        FrameKind.TEXT,
    ]
    assert [f.slide_number for f in plan.frames] == [None, 1, 2, 3]
    assert plan.position_of_slide(0) == 0
    assert plan.position_of_slide(3) == 3
    assert plan.position_of_slide(4) is None


def test_an_untitled_essay_opens_on_slide_one_and_an_empty_one_on_its_title_card() -> None:
    untitled = SlideshowPlan(make_essay(2, title=""))
    assert untitled.frames[0].slide_number == 1
    assert untitled.position_of_slide(0) is None
    assert untitled.position_of_slide(1) == 0
    empty = SlideshowPlan(Essay())
    assert [f.kind for f in empty.frames] == [FrameKind.TITLE]
    controller = SlideshowController(empty, now=0)
    for command in Command:
        controller.handle(command, 0)
    assert controller.position == 0


def test_next_and_previous_stop_at_the_ends_without_loop() -> None:
    c = make(2)
    c.handle(Command.PREVIOUS, 0)
    assert c.position == 0
    for command in (Command.NEXT, Command.NEXT_ROW, Command.CONFIRM, Command.NEXT):
        c.handle(command, 0)
    assert c.position == 2 and c.at_end
    assert c.next_frame is None
    c.handle(Command.ERASE, 0)
    c.handle(Command.PREVIOUS_ROW, 0)
    assert c.position == 0


def test_loop_wraps_both_ways_and_home_end_jump() -> None:
    c = make(3, loop=True)
    c.handle(Command.PREVIOUS, 0)
    assert c.at_end
    assert c.next_frame is not None and c.next_frame.kind is FrameKind.TITLE
    c.handle(Command.NEXT, 0)
    assert c.position == 0
    c.handle(Command.LAST, 0)
    assert c.position == 3
    c.handle(Command.FIRST, 0)
    assert c.position == 0


def test_digits_then_enter_or_g_jump_to_the_slide_number() -> None:
    c = make(12)
    c.type_digit(1, 0)
    c.type_digit(0, 0)
    assert c.jump_text == "Go to slide 10_"
    c.handle(Command.CONFIRM, 0)
    assert c.frame.slide_number == 10
    assert c.jump_text == ""
    c.type_digit(3, 0)
    c.handle(Command.GO, 0)
    assert c.frame.slide_number == 3
    c.type_digit(0, 0)
    c.handle(Command.CONFIRM, 0)
    assert c.frame.kind is FrameKind.TITLE


def test_g_alone_opens_the_prompt_and_backspace_edits_it() -> None:
    c = make(12, start=5)
    c.handle(Command.GO, 0)
    assert c.jump_text == "Go to slide _"
    c.type_digit(1, 0)
    c.type_digit(2, 0)
    c.handle(Command.ERASE, 0)
    assert c.jump_text == "Go to slide 1_"
    assert c.position == 5  # Backspace edited the number, it did not step back
    c.handle(Command.CONFIRM, 0)
    assert c.frame.slide_number == 1


def test_an_impossible_number_says_so_and_stays() -> None:
    c = make(4, start=2)
    for digit in (9, 9, 9, 9, 9, 9):
        c.type_digit(digit, 0)
    assert c.jump_text == "Go to slide 9999_"
    c.handle(Command.CONFIRM, 0)
    assert c.position == 2
    assert "no slide 9999" in c.message and "1 to 4" in c.message
    c.handle(Command.NEXT, 0)
    assert c.message == ""


def test_escape_clears_a_typed_number_before_it_leaves() -> None:
    c = make(4)
    c.type_digit(2, 0)
    assert c.handle(Command.LEAVE, 0) is None
    assert c.jump_text == ""
    assert c.handle(Command.LEAVE, 0) is Request.LEAVE


def test_another_key_abandons_the_number_and_acts() -> None:
    c = make(4)
    c.type_digit(3, 0)
    c.handle(Command.NEXT, 0)
    assert c.position == 1 and c.jump_text == ""


@pytest.mark.parametrize(
    ("command", "screen"), [(Command.BLACK, Screen.BLACK), (Command.WHITE, Screen.WHITE)]
)
@pytest.mark.parametrize(
    "return_with", [Command.NEXT, Command.BLACK, Command.LEAVE, Command.PREVIOUS]
)
def test_blank_screens_return_on_any_key_without_acting(
    command: Command, screen: Screen, return_with: Command
) -> None:
    c = make(4, start=2)
    c.handle(command, 0)
    assert c.screen is screen
    assert c.handle(return_with, 0) is None
    assert c.screen is Screen.SHOW
    assert c.position == 2


def test_a_digit_also_brings_back_a_blank_screen() -> None:
    c = make(4, start=2)
    c.handle(Command.WHITE, 0)
    c.type_digit(1, 0)
    assert c.screen is Screen.SHOW and c.jump_text == ""


def test_overview_moves_by_tile_and_row_and_picks() -> None:
    c = make(11, start=1)
    c.handle(Command.OVERVIEW, 0)
    c.set_overview_columns(4)
    assert c.overview_open and c.overview_cursor == 1
    c.handle(Command.NEXT_ROW, 0)
    c.handle(Command.NEXT, 0)
    assert c.overview_cursor == 6 and c.position == 1
    c.handle(Command.PREVIOUS_ROW, 0)
    c.handle(Command.PREVIOUS_ROW, 0)
    assert c.overview_cursor == 0
    c.handle(Command.LAST, 0)
    assert c.overview_cursor == 11
    c.handle(Command.CONFIRM, 0)
    assert not c.overview_open and c.position == 11


def test_overview_closes_with_o_or_escape_and_keeps_the_slide() -> None:
    c = make(6, start=3)
    c.handle(Command.OVERVIEW, 0)
    c.handle(Command.NEXT, 0)
    c.handle(Command.OVERVIEW, 0)
    assert not c.overview_open and c.position == 3
    c.handle(Command.OVERVIEW, 0)
    assert c.handle(Command.LEAVE, 0) is None
    assert not c.overview_open
    c.handle(Command.OVERVIEW, 0)
    c.pick(5, 0)
    assert c.position == 5 and not c.overview_open


def test_help_toggles_closes_with_escape_and_other_keys_still_work() -> None:
    c = make(4)
    c.handle(Command.HELP, 0)
    assert c.help_visible
    assert c.handle(Command.LEAVE, 0) is None
    assert not c.help_visible
    c.handle(Command.HELP, 0)
    c.handle(Command.NEXT, 0)
    assert not c.help_visible and c.position == 1
    c.handle(Command.HELP, 0)
    c.handle(Command.HELP, 0)
    assert not c.help_visible


def test_toggles_for_captions_timer_and_the_swap_request() -> None:
    c = make(3)
    c.handle(Command.CAPTIONS, 0)
    c.handle(Command.TIMER, 0)
    assert not c.captions_visible and c.timer_visible
    assert c.handle(Command.SWAP_SCREENS, 0) is Request.SWAP_SCREENS


def test_timer_counts_from_the_start_and_resets() -> None:
    c = make(3, now=100.0)
    assert c.elapsed(160.0) == 60.0
    c.handle(Command.RESET_TIMER, 150.0)
    assert c.elapsed(160.0) == 10.0


def test_no_auto_advance_without_durations() -> None:
    c = make(3)
    assert c.deadline is None
    assert not c.advance_if_due(1e6)
    assert c.plan.planned_total() is None


def test_per_slide_duration_overrides_the_essay_interval() -> None:
    c = make(3, auto=5.0, durations={0: 2.0}, title="")
    assert c.deadline == 2.0
    assert not c.advance_if_due(1.9)
    assert c.advance_if_due(2.0)
    assert c.position == 1 and c.deadline == 7.0
    assert c.plan.planned_total() == 12.0
    assert c.plan.planned_start(2) == 7.0


def test_auto_override_replaces_the_essay_interval() -> None:
    plan = SlideshowPlan(make_essay(3, auto=30.0), default_seconds=1.5)
    c = SlideshowController(plan, now=10.0)
    assert c.deadline == 11.5


def test_auto_advance_stops_on_the_last_frame_unless_looping() -> None:
    c = make(2, auto=1.0)
    now = 0.0
    for _ in range(5):
        now += 1.0
        c.advance_if_due(now)
    assert c.at_end and c.deadline is None
    looping = make(2, auto=1.0, loop_override=True)
    for step in range(1, 4):
        assert looping.advance_if_due(float(step))
    assert looping.position == 0


def test_pause_holds_the_remaining_time_and_resume_continues_it() -> None:
    c = make(3, auto=10.0)
    c.handle(Command.PAUSE, 4.0)
    assert c.paused and c.deadline is None and c.auto_advance_remaining == 6.0
    assert not c.advance_if_due(100.0)
    c.handle(Command.PAUSE, 50.0)
    assert c.deadline == 56.0


def test_blank_screen_and_overview_hold_auto_advance() -> None:
    c = make(3, auto=10.0)
    c.handle(Command.BLACK, 2.0)
    assert c.deadline is None
    c.handle(Command.NEXT, 20.0)  # only brings the show back
    assert c.position == 0 and c.deadline == 28.0
    c.handle(Command.OVERVIEW, 21.0)
    assert c.deadline is None
    c.handle(Command.OVERVIEW, 30.0)
    assert c.deadline == 37.0


def test_stepping_while_paused_keeps_the_pause_with_a_fresh_interval() -> None:
    c = make(3, auto=10.0)
    c.handle(Command.PAUSE, 1.0)
    c.handle(Command.NEXT, 2.0)
    assert c.deadline is None and c.auto_advance_remaining == 10.0


@settings(max_examples=60, deadline=None)
@given(
    count=st.integers(min_value=0, max_value=8),
    loop=st.booleans(),
    steps=st.lists(
        st.one_of(st.sampled_from(list(Command)), st.integers(min_value=0, max_value=9)),
        max_size=40,
    ),
)
def test_any_sequence_keeps_the_position_inside_the_show(
    count: int, loop: bool, steps: list[Command | int]
) -> None:
    essay = make_essay(count, loop=loop, auto=1.0) if count else Essay()
    c = SlideshowController(SlideshowPlan(essay), now=0.0)
    now = 0.0
    for step in steps:
        now += 0.7
        if isinstance(step, int):
            c.type_digit(step, now)
        else:
            c.handle(step, now)
        c.advance_if_due(now)
        assert 0 <= c.position < len(c.plan)
        assert 0 <= c.overview_cursor < len(c.plan)
        assert not (c.deadline is not None and c.auto_advance_remaining is not None)
