"""Comparing an autosave with the file: the differences an editor needs to decide."""

from __future__ import annotations

from photoessay_desktop.domain.essay import Essay, Presentation, Slide
from photoessay_desktop.domain.essay_differences import describe_differences


def essay(*slides: Slide, title: str = "T") -> Essay:
    return Essay(title=title, slides=slides)


A, B, C = Slide(id="a", caption="one"), Slide(id="b", caption="two"), Slide(id="c")


def test_equal_essays_have_no_differences() -> None:
    assert describe_differences(essay(A, B), essay(A, B)) == []


def test_every_kind_of_difference_is_named() -> None:
    before = essay(A, B, C, title="Old")
    after = Essay(
        title="New",
        body=("added paragraph",),
        slides=(C, B.model_copy(update={"caption": "2", "credit": "AFP"}), Slide(id="d")),
        presentation=Presentation(loop=True),
    )
    assert describe_differences(before, after) == [
        "Title changed",
        "Body text changed",
        "1 slide added",
        "1 slide removed",
        "Slides reordered",
        "Slide 2: caption, credit changed",
        "Slideshow settings changed",
    ]


def test_long_lists_are_cut_with_a_count() -> None:
    before = essay(*(Slide(id=str(i)) for i in range(60)))
    after = essay(*(Slide(id=str(i), caption="x") for i in range(60)))
    lines = describe_differences(before, after, limit=10)
    assert len(lines) == 11
    assert lines[-1] == "… and 50 more"
