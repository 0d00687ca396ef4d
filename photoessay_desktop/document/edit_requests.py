"""What widgets call to change the essay: each function builds the right undo command and pushes it.

The functions validate first and do nothing for a no-op, so an edit that changes nothing never lands
on the undo stack. They never touch files: photo metadata comes in already read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from photoessay_desktop.document.content_command import ContentCommand
from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.slide_commands import (
    InsertSlidesCommand,
    MoveSlidesCommand,
    RemoveSlidesCommand,
    ReplaceEssayCommand,
)
from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.domain.slide_edits import (
    fresh_copies,
    new_slide_id,
    replace_slide_fields,
)

SLIDE_TEXT_LABELS = {
    "caption": "Caption",
    "credit": "Credit",
    "alt_text": "Alt Text",
    "notes": "Presenter Notes",
}
ESSAY_FIELD_LABELS = {
    "title": "Title",
    "standfirst": "Standfirst",
    "body": "Body",
    "language": "Language",
}


def _push_content(
    document: EssayDocument, after: Essay, text: str, merge_key: object = None
) -> None:
    command = ContentCommand(document, after, text, merge_key)
    if command.changes_anything:
        document.push(command)


def edit_slide_text(document: EssayDocument, row: int, field: str, text: str) -> None:
    """Set one text field of one slide; keystrokes in the same field merge into one step."""
    if field not in SLIDE_TEXT_LABELS:
        raise KeyError(field)
    slides = replace_slide_fields(document.essay.slides, row, **{field: text})
    key = ("slide", document.essay.slides[row].id, field, document.typing_burst)
    after = document.essay.model_copy(update={"slides": slides})
    _push_content(document, after, f"Edit {SLIDE_TEXT_LABELS[field]}", key)


def edit_essay_field(document: EssayDocument, field: str, value: Any) -> None:
    """Set title, standfirst, body (a sequence of paragraphs) or language (None or a tag)."""
    if field not in ESSAY_FIELD_LABELS:
        raise KeyError(field)
    if field == "body":
        value = tuple(value)
    after = Essay.model_validate({**document.essay.model_dump(), field: value})
    key = ("essay", field, document.typing_burst)
    _push_content(document, after, f"Edit {ESSAY_FIELD_LABELS[field]}", key)


def replace_image(
    document: EssayDocument, row: int, image: str, *, caption: str = "", credit: str = ""
) -> None:
    """Give a slide another photo; suggested caption/credit fill only fields that are empty."""
    slide = document.essay.slides[row]
    fields: dict[str, Any] = {"image": image}
    if caption and not slide.caption.strip():
        fields["caption"] = caption
    if credit and not slide.credit.strip():
        fields["credit"] = credit
    slides = replace_slide_fields(document.essay.slides, row, **fields)
    _push_content(document, document.essay.model_copy(update={"slides": slides}), "Replace Photo")


def relink(document: EssayDocument, new_refs: Mapping[int, str]) -> None:
    """Point several slides at their photos' new places in one undo step."""
    slides = document.essay.slides
    for row, ref in sorted(new_refs.items()):
        slides = replace_slide_fields(slides, row, image=ref)
    count = len(new_refs)
    text = "Relink Photo" if count == 1 else f"Relink {count} Photos"
    _push_content(document, document.essay.model_copy(update={"slides": slides}), text)


def replace_all(document: EssayDocument, after: Essay, count: int) -> None:
    """Apply a find-and-replace result (same slides, same order) as one undo step."""
    text = "Replace 1 Match" if count == 1 else f"Replace {count} Matches"
    _push_content(document, after, text)


def insert_slides(document: EssayDocument, row: int, slides: Sequence[Slide], text: str) -> None:
    """Insert ready-made slides (their ids must be new to the essay) before `row`."""
    if slides:
        document.push(InsertSlidesCommand(document, row, slides, text))


def new_photo_slides(
    document: EssayDocument, photos: Sequence[tuple[str, str, str]]
) -> tuple[Slide, ...]:
    """Slides for (image, caption, credit) triples, with ids new to the essay."""
    taken = {slide.id for slide in document.essay.slides}
    made = []
    for image, caption, credit in photos:
        slide_id = new_slide_id(taken)
        taken.add(slide_id)
        made.append(Slide(id=slide_id, image=image, caption=caption, credit=credit))
    return tuple(made)


def add_photos(document: EssayDocument, row: int, photos: Sequence[tuple[str, str, str]]) -> None:
    """Insert one slide per (image, caption, credit) before `row`."""
    count = len(photos)
    text = "Add Photo" if count == 1 else f"Add {count} Photos"
    insert_slides(document, row, new_photo_slides(document, photos), text)


def add_text_slide(document: EssayDocument, row: int) -> None:
    """Insert an empty slide without a photo before `row`."""
    slide = Slide(id=new_slide_id(s.id for s in document.essay.slides))
    insert_slides(document, row, [slide], "Add Text Slide")


def duplicate_slides(document: EssayDocument, rows: Iterable[int]) -> int:
    """Insert copies of the slides at `rows` right after the last of them; returns where."""
    chosen = sorted(set(rows))
    if not chosen:
        return -1
    originals = [document.essay.slides[row] for row in chosen]
    copies = fresh_copies(document.essay, originals)
    text = "Duplicate Slide" if len(copies) == 1 else f"Duplicate {len(copies)} Slides"
    insert_slides(document, chosen[-1] + 1, copies, text)
    return chosen[-1] + 1


def remove_slides(document: EssayDocument, rows: Iterable[int]) -> None:
    """Delete the slides at `rows`."""
    chosen = sorted(set(rows))
    if chosen:
        document.push(RemoveSlidesCommand(document, chosen))


def move_slides(document: EssayDocument, rows: Iterable[int], position: int) -> None:
    """Move the slides at `rows` together to `position` (counted without them)."""
    chosen = sorted(set(rows))
    if not chosen:
        return
    command = MoveSlidesCommand(document, chosen, position)
    if command.changes_anything:
        document.push(command)


def replace_essay(document: EssayDocument, essay: Essay, text: str) -> None:
    """Put a whole new essay in the window (Import Article) as one undo step."""
    if essay != document.essay:
        document.push(ReplaceEssayCommand(document, essay, text))
