"""Find and replace over every text of the essay, including hostile and non-ASCII needles."""

from __future__ import annotations

from photoessay_desktop.document import edit_requests as edits
from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.text_search import (
    Match,
    body_paragraphs,
    body_text,
    find_matches,
    replace_everywhere,
)
from photoessay_desktop.domain.essay import Essay, Slide


def _essay() -> Essay:
    return Essay(
        title="Lakes of Karelia",
        standfirst="Karelia in summer",
        body=("In KARELIA the lakes", "are many."),
        slides=(
            Slide(id="a", caption="A lake in karelia", credit="AFP", alt_text="karelia.*"),
            Slide(id="b", caption="Nothing here", credit="Reuters"),
        ),
    )


def test_finds_in_every_field_in_reading_order() -> None:
    matches = find_matches(_essay(), "karelia")
    assert [(m.row, m.field) for m in matches] == [
        (None, "title"),
        (None, "standfirst"),
        (None, "body"),
        (0, "caption"),
        (0, "alt_text"),
    ]
    assert matches[0] == Match(None, "title", 9, 16)
    assert len(find_matches(_essay(), "karelia", match_case=True)) == 2


def test_regex_characters_are_literal() -> None:
    assert [m.field for m in find_matches(_essay(), ".*")] == ["alt_text"]
    assert find_matches(_essay(), "") == []


def test_replace_all_counts_and_keeps_structure() -> None:
    new, count = replace_everywhere(_essay(), "karelia", r"Карелия \1")
    assert count == 5
    assert new.title == r"Lakes of Карелия \1"
    assert new.body == (r"In Карелия \1 the lakes", "are many.")
    assert [s.id for s in new.slides] == ["a", "b"]
    assert new.slides[1] == _essay().slides[1]


def test_replace_all_is_one_undo_step(document: EssayDocument) -> None:
    before = document.essay
    after, count = replace_everywhere(before, "caption", "Подпись")
    edits.replace_all(document, after, count)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Replace 5 Matches"
    assert document.essay.slides[3].caption.startswith("Подпись 3")
    document.undo_stack.undo()
    assert document.essay == before


def test_body_round_trip() -> None:
    paragraphs = ("One", "Two\nlines", "Three")
    assert body_paragraphs(body_text(paragraphs)) == paragraphs
    assert body_paragraphs("\n\n  \n\nA\n \nB\n\n\n") == ("A", "B")
    assert body_paragraphs("") == ()
