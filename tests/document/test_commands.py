"""Every kind of edit: redo changes the essay, undo gives an equal essay back, redo repeats it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError
from pytestqt.qtbot import QtBot

from photoessay_desktop.document import edit_requests as edits
from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.domain.essay import Essay

Edit = Callable[[EssayDocument], None]

EDITS: dict[str, tuple[Edit, str]] = {
    "caption": (lambda d: edits.edit_slide_text(d, 1, "caption", "Новая подпись"), "Edit Caption"),
    "credit": (lambda d: edits.edit_slide_text(d, 0, "credit", ""), "Edit Credit"),
    "title": (lambda d: edits.edit_essay_field(d, "title", "New title"), "Edit Title"),
    "body": (lambda d: edits.edit_essay_field(d, "body", ["One", "Two", "Three"]), "Edit Body"),
    "language": (lambda d: edits.edit_essay_field(d, "language", "pt-BR"), "Edit Language"),
    "move": (lambda d: edits.move_slides(d, [0, 3], 2), "Move 2 Slides"),
    "move-one": (lambda d: edits.move_slides(d, [4], 0), "Move Slide"),
    "add": (
        lambda d: edits.add_photos(d, 2, [("/a.jpg", "c", "cr"), ("/b.jpg", "", "")]),
        "Add 2 Photos",
    ),
    "text-slide": (lambda d: edits.add_text_slide(d, 5), "Add Text Slide"),
    "duplicate": (lambda d: edits.duplicate_slides(d, [1, 2]), "Duplicate 2 Slides"),
    "delete": (lambda d: edits.remove_slides(d, [0, 2, 3]), "Delete 3 Slides"),
    "replace-photo": (
        lambda d: edits.replace_image(d, 1, "/new.jpg", caption="x"),
        "Replace Photo",
    ),
    "replace-essay": (
        lambda d: edits.replace_essay(d, Essay(title="Imported"), "Import Article"),
        "Import Article",
    ),
    "relink": (
        lambda d: edits.relink(d, {0: "/moved/p0.jpg", 2: "/moved/p2.jpg"}),
        "Relink 2 Photos",
    ),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_redo_undo_redo(document: EssayDocument, name: str) -> None:
    edit, text = EDITS[name]
    before = document.essay
    edit(document)
    after = document.essay
    assert after != before
    assert document.is_modified
    assert document.undo_stack.undoText() == text
    document.undo_stack.undo()
    assert document.essay == before
    assert not document.is_modified
    document.undo_stack.redo()
    assert document.essay == after


def test_typing_burst_is_one_step(document: EssayDocument) -> None:
    for text in ("H", "He", "Hel", "Hello"):
        edits.edit_slide_text(document, 0, "caption", text)
    assert document.undo_stack.count() == 1
    document.end_typing_burst()
    edits.edit_slide_text(document, 0, "caption", "Hello!")
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.essay.slides[0].caption == "Hello"
    document.undo_stack.undo()
    assert document.essay.slides[0].caption == "Caption 0 <b>not bold</b>"


def test_typing_in_another_field_or_slide_is_a_new_step(document: EssayDocument) -> None:
    edits.edit_slide_text(document, 0, "caption", "a")
    edits.edit_slide_text(document, 0, "credit", "b")
    edits.edit_slide_text(document, 1, "credit", "c")
    edits.edit_essay_field(document, "title", "d")
    assert document.undo_stack.count() == 4


def test_typing_back_to_the_original_leaves_nothing_to_undo(document: EssayDocument) -> None:
    original = document.essay.slides[0].caption
    edits.edit_slide_text(document, 0, "caption", original + "x")
    edits.edit_slide_text(document, 0, "caption", original)
    assert document.undo_stack.count() == 0
    assert not document.is_modified


def test_no_op_edits_do_not_reach_the_stack(document: EssayDocument) -> None:
    edits.edit_slide_text(document, 0, "caption", document.essay.slides[0].caption)
    edits.move_slides(document, [1], 1)
    edits.remove_slides(document, [])
    edits.add_photos(document, 0, [])
    assert document.undo_stack.count() == 0


def test_typing_does_not_merge_into_the_saved_state(
    document: EssayDocument, tmp_path: Path
) -> None:
    edits.edit_slide_text(document, 0, "caption", "saved")
    document.mark_saved(tmp_path / "a.essay.json")
    assert not document.is_modified
    edits.edit_slide_text(document, 0, "caption", "saved and more")
    assert document.is_modified
    document.undo_stack.undo()
    assert document.essay.slides[0].caption == "saved"
    assert not document.is_modified


def test_invalid_values_are_refused_and_change_nothing(document: EssayDocument) -> None:
    before = document.essay
    with pytest.raises(ValidationError):
        edits.edit_essay_field(document, "language", "not a tag!")
    with pytest.raises(ValueError, match="not allowed"):
        edits.replace_image(document, 0, "file:///etc/passwd")
    assert document.essay == before
    assert document.undo_stack.count() == 0


def test_replace_photo_prefills_only_empty_fields(document: EssayDocument) -> None:
    edits.edit_slide_text(document, 1, "credit", "")
    edits.replace_image(document, 1, "/n.jpg", caption="Meta caption", credit="Meta credit")
    slide = document.essay.slides[1]
    assert slide.caption == "Caption 1 <b>not bold</b>"
    assert slide.credit == "Meta credit"


def test_signals_say_what_changed(document: EssayDocument, qtbot: QtBot) -> None:
    with qtbot.waitSignal(document.slides_moved) as moved:
        edits.move_slides(document, [0, 1], 3)
    assert moved.args == [[3, 4]]
    with qtbot.waitSignal(document.slides_moved) as moved:
        document.undo_stack.undo()
    assert moved.args == [[0, 1]]
    with qtbot.waitSignal(document.slides_removed) as removed:
        edits.remove_slides(document, [4, 1])
    assert removed.args == [[1, 4]]
    with qtbot.waitSignal(document.slide_changed) as changed:
        edits.edit_slide_text(document, 2, "notes", "Say this")
    assert changed.args == [2]
    with qtbot.waitSignal(document.essay_changed):
        edits.edit_essay_field(document, "standfirst", "")


def test_huge_text_and_many_slides(document: EssayDocument) -> None:
    huge = "Ж" * 200_000
    edits.edit_slide_text(document, 0, "caption", huge)
    edits.add_photos(document, 0, [(f"/p/{i}.jpg", "", "") for i in range(500)])
    assert len(document.essay.slides) == 505
    assert len({s.id for s in document.essay.slides}) == 505
    edits.move_slides(document, range(0, 505, 2), 0)
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert len(document.essay.slides) == 5
    assert document.essay.slides[0].caption == huge


def test_facts_are_read_in_the_background(qtbot: QtBot) -> None:
    from photoessay_desktop.document.image_facts_cache import ImageFactsCache, is_pending
    from photoessay_desktop.domain.image_facts import ImageFacts, ImageStatus

    reads: list[str] = []

    def reader(ref: str) -> ImageFacts:
        reads.append(ref)
        if ref.endswith("bad"):
            raise OSError("disk on fire")
        return ImageFacts(ImageStatus.READABLE, 3, 2)

    cache = ImageFactsCache(reader)
    assert is_pending(cache.facts("/a.jpg"))
    assert is_pending(cache.facts("/a.jpg"))  # asked twice, read once
    with qtbot.waitSignal(cache.facts_arrived):
        pass
    assert cache.facts("/a.jpg").width == 3
    assert cache.facts_now("/x.bad").status is ImageStatus.UNREADABLE
    assert reads == ["/a.jpg", "/x.bad"]
    with qtbot.waitSignal(cache.facts_changed):
        cache.invalidate()
    assert is_pending(cache.facts("/a.jpg"))
