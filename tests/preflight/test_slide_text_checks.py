"""Slides without their words (caption, credit, alt text, photo) and repeated captions."""

from __future__ import annotations

import pytest

from photoessay_desktop.preflight import Severity, check_essay
from tests.preflight.essays import essay, findings_of, slide


def test_a_clean_essay_has_no_findings() -> None:
    assert check_essay(essay(slide(), slide("A second, different caption.")), {}) == ()


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_missing_caption_on_photo_and_text_slides(blank: str) -> None:
    found = findings_of(essay(slide(blank), slide(blank, image=None)), "missing-caption")
    assert [(f.slide, f.field, f.severity) for f in found] == [
        (1, "caption", Severity.WARNING),
        (2, "caption", Severity.WARNING),
    ]


def test_missing_credit_only_on_photo_slides() -> None:
    found = findings_of(essay(slide(credit=" "), slide(credit="", image=None)), "missing-credit")
    assert [(f.slide, f.field) for f in found] == [(1, "credit")]


def test_missing_alt_text_only_on_photo_slides() -> None:
    found = findings_of(
        essay(slide(alt_text=""), slide(alt_text="", image=None)), "missing-alt-text"
    )
    assert [(f.slide, f.field) for f in found] == [(1, "alt_text")]


def test_missing_image_on_a_text_slide() -> None:
    found = findings_of(essay(slide(), slide(image=None)), "missing-image")
    assert [(f.slide, f.field, f.severity) for f in found] == [(2, "image", Severity.WARNING)]


def test_a_repeated_caption_points_at_the_first() -> None:
    first = "Soldiers rest in a basement."
    found = findings_of(
        essay(slide(first), slide("Other."), slide("  soldiers  rest in a BASEMENT. ")),
        "duplicate-caption",
    )
    assert [(f.slide, f.field) for f in found] == [(3, "caption")]
    assert "slide 1" in found[0].message


def test_empty_captions_are_not_duplicates_of_each_other() -> None:
    assert findings_of(essay(slide(""), slide("")), "duplicate-caption") == []


def test_distinct_paragraphs_are_fine() -> None:
    text = essay(slide(), standfirst="One.", body=("Two.", "Three.", ""))
    assert findings_of(text, "duplicate-paragraph") == []


def test_an_empty_essay_has_no_findings() -> None:
    assert check_essay(essay(title=""), {}) == ()
