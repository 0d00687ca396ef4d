"""Properties of the pure slide edits: moves keep every slide once, undo positions round-trip."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.domain.slide_edits import (
    drop_position,
    fresh_copies,
    insert_slides,
    move_slides,
    moved_rows,
    new_slide_id,
    remove_slides,
    replace_slide_fields,
)


def _slides(count: int) -> tuple[Slide, ...]:
    return tuple(Slide(id=f"id{i}", caption=f"caption {i}") for i in range(count))


@st.composite
def _move_case(draw: st.DrawFn) -> tuple[tuple[Slide, ...], list[int], int]:
    count = draw(st.integers(min_value=1, max_value=12))
    rows = draw(st.lists(st.integers(0, count - 1), min_size=1, max_size=count, unique=True))
    position = draw(st.integers(0, count - len(rows)))
    return _slides(count), rows, position


@settings(max_examples=80, deadline=None)
@given(_move_case())
def test_move_keeps_every_slide_and_lands_them_together(
    case: tuple[tuple[Slide, ...], list[int], int],
) -> None:
    slides, rows, position = case
    moved = move_slides(slides, rows, position)
    assert sorted(s.id for s in moved) == sorted(s.id for s in slides)
    landed = [moved[r] for r in moved_rows(len(rows), position)]
    assert landed == [slides[r] for r in sorted(rows)]


@settings(max_examples=80, deadline=None)
@given(_move_case())
def test_move_is_undone_by_moving_back_one_by_one(
    case: tuple[tuple[Slide, ...], list[int], int],
) -> None:
    slides, rows, position = case
    moved = move_slides(slides, rows, position)
    # Undo: remove the moved block and put each slide back at its old index, lowest first.
    restored = list(remove_slides(moved, moved_rows(len(rows), position)))
    for row in sorted(rows):
        restored.insert(row, slides[row])
    assert tuple(restored) == slides


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 10), st.data())
def test_drop_position_puts_block_before_drop_row(count: int, data: st.DataObject) -> None:
    slides = _slides(count)
    rows = data.draw(st.lists(st.integers(0, count - 1), min_size=1, unique=True))
    drop_row = data.draw(st.integers(0, count))
    moved = move_slides(slides, rows, drop_position(count, rows, drop_row))
    if drop_row < count and drop_row not in rows:
        # The slide the user dropped in front of comes right after the moved block.
        after = moved.index(slides[drop_row])
        assert moved[after - len(rows) : after] == tuple(slides[r] for r in sorted(rows))


def test_move_rejects_bad_indices() -> None:
    with pytest.raises(IndexError):
        move_slides(_slides(3), [3], 0)
    with pytest.raises(IndexError):
        move_slides(_slides(3), [0], 3)
    assert move_slides((), [], 0) == ()


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 8), st.integers(0, 4), st.data())
def test_insert_then_remove_is_identity(count: int, extra: int, data: st.DataObject) -> None:
    slides = _slides(count)
    new = tuple(Slide(id=f"new{i}") for i in range(extra))
    row = data.draw(st.integers(0, count))
    inserted = insert_slides(slides, row, new)
    assert inserted[row : row + extra] == new
    assert remove_slides(inserted, range(row, row + extra)) == slides


def test_insert_out_of_range() -> None:
    with pytest.raises(IndexError):
        insert_slides(_slides(2), 3, [Slide(id="x")])


def test_replace_fields_validates_and_keeps_others() -> None:
    slides = _slides(3)
    changed = replace_slide_fields(slides, 1, caption="Ρωσία <b>", credit="Aris Messinis / AFP")
    assert changed[1].caption == "Ρωσία <b>"
    assert changed[1].credit == "Aris Messinis / AFP"
    assert changed[0] is slides[0] and changed[2] is slides[2]
    with pytest.raises(KeyError):
        replace_slide_fields(slides, 0, id="other")
    with pytest.raises(ValueError, match="not allowed"):
        replace_slide_fields(slides, 0, image="javascript:alert(1)")
    with pytest.raises(IndexError):
        replace_slide_fields(slides, 5, caption="x")


def test_new_ids_are_unique() -> None:
    essay = Essay(slides=_slides(4))
    copies = fresh_copies(essay, essay.slides)
    ids = {s.id for s in essay.slides} | {s.id for s in copies}
    assert len(ids) == 8
    assert new_slide_id(ids) not in ids
    Essay(slides=essay.slides + copies)  # validates: no duplicate ids
