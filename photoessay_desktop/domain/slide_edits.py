"""Pure edits of an essay's run of slides: move several, insert, remove, replace fields, new ids.

Each helper returns a new tuple (the models are frozen) and checks its indices, so undo commands can
call them blindly. No Qt, no files: the document layer wraps these in undo commands.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from photoessay_desktop.domain.essay import Essay, Slide

SLIDE_FIELDS = ("image", "caption", "credit", "alt_text", "notes", "duration_seconds")
ESSAY_TEXT_FIELDS = ("title", "standfirst", "language", "source_url")


def _checked_rows(rows: Iterable[int], count: int) -> list[int]:
    result = sorted(set(rows))
    for row in result:
        if not 0 <= row < count:
            raise IndexError(f"slide index {row} is outside 0..{count - 1}")
    return result


def move_slides(slides: Sequence[Slide], rows: Iterable[int], position: int) -> tuple[Slide, ...]:
    """Move the slides at `rows` (any order) to sit together, in their old order, at `position`.

    `position` counts in the list *without* the moved slides (0 = first, len - moved = last), which
    is what "Move to position" and an undo both need.
    """
    chosen = _checked_rows(rows, len(slides))
    chosen_set = set(chosen)
    rest = [slide for index, slide in enumerate(slides) if index not in chosen_set]
    if not 0 <= position <= len(rest):
        raise IndexError(f"position {position} is outside 0..{len(rest)}")
    moving = [slides[index] for index in chosen]
    return (*rest[:position], *moving, *rest[position:])


def drop_position(count: int, rows: Iterable[int], drop_row: int) -> int:
    """Turn a drop before `drop_row` (0..count, in the full list) into a `move_slides` position."""
    chosen = _checked_rows(rows, count)
    drop_row = max(0, min(drop_row, count))
    return drop_row - sum(1 for row in chosen if row < drop_row)


def moved_rows(count_moved: int, position: int) -> list[int]:
    """Where the moved slides sit after `move_slides(..., position)`."""
    return list(range(position, position + count_moved))


def insert_slides(slides: Sequence[Slide], row: int, new: Sequence[Slide]) -> tuple[Slide, ...]:
    """Insert `new` before `row` (0..len)."""
    if not 0 <= row <= len(slides):
        raise IndexError(f"insert position {row} is outside 0..{len(slides)}")
    return (*slides[:row], *new, *slides[row:])


def remove_slides(slides: Sequence[Slide], rows: Iterable[int]) -> tuple[Slide, ...]:
    """Remove the slides at `rows`."""
    chosen = set(_checked_rows(rows, len(slides)))
    return tuple(slide for index, slide in enumerate(slides) if index not in chosen)


def replace_slide_fields(slides: Sequence[Slide], row: int, **fields: Any) -> tuple[Slide, ...]:
    """Give the slide at `row` new field values (validated like a loaded slide)."""
    if not 0 <= row < len(slides):
        raise IndexError(f"slide index {row} is outside 0..{len(slides) - 1}")
    unknown = set(fields) - set(SLIDE_FIELDS)
    if unknown:
        raise KeyError(f"not a slide field: {', '.join(sorted(unknown))}")
    changed = Slide.model_validate({**slides[row].model_dump(), **fields})
    return (*slides[:row], changed, *slides[row + 1 :])


def new_slide_id(taken: Iterable[str]) -> str:
    """A fresh slide id that no slide in `taken` uses."""
    used = set(taken)
    while True:
        candidate = f"s-{uuid.uuid4().hex[:10]}"
        if candidate not in used:
            return candidate


def fresh_copies(essay: Essay, originals: Sequence[Slide]) -> tuple[Slide, ...]:
    """Copies of `originals` with new ids unique within `essay` and among themselves (Duplicate)."""
    taken = {slide.id for slide in essay.slides}
    copies = []
    for slide in originals:
        new_id = new_slide_id(taken)
        taken.add(new_id)
        copies.append(slide.model_copy(update={"id": new_id}))
    return tuple(copies)
