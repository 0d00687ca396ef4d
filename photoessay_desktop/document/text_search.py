"""Find and replace across the essay's texts: title, standfirst, body, captions, credits, alt text.

Pure functions over an Essay (no Qt): the find bar steps through `find_matches`, and Replace All
builds one new essay the document applies as a single undo step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from photoessay_desktop.domain.essay import Essay

ESSAY_FIELDS = ("title", "standfirst")
SLIDE_FIELDS = ("caption", "credit", "alt_text")


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence: in the essay's own fields (row is None) or in the slide at `row`."""

    row: int | None
    field: str  # "title", "standfirst", "body", "caption", "credit", "alt_text"
    start: int  # character offset in the field's text (the body joined with blank lines)
    end: int


def body_text(paragraphs: tuple[str, ...]) -> str:
    """The body as the edit panel shows it: paragraphs separated by a blank line."""
    return "\n\n".join(paragraphs)


def body_paragraphs(text: str) -> tuple[str, ...]:
    """The inverse of body_text: blank lines separate paragraphs; empty ones are dropped."""
    return tuple(part.strip() for part in re.split(r"\n\s*\n", text) if part.strip())


def _pattern(needle: str, match_case: bool) -> re.Pattern[str]:
    return re.compile(re.escape(needle), 0 if match_case else re.IGNORECASE)


def _texts(essay: Essay) -> list[tuple[int | None, str, str]]:
    texts: list[tuple[int | None, str, str]] = [(None, f, getattr(essay, f)) for f in ESSAY_FIELDS]
    texts.append((None, "body", body_text(essay.body)))
    for row, slide in enumerate(essay.slides):
        texts.extend((row, f, getattr(slide, f)) for f in SLIDE_FIELDS)
    return texts


def find_matches(essay: Essay, needle: str, *, match_case: bool = False) -> list[Match]:
    """Every occurrence of `needle`, essay fields first, then slide by slide."""
    if not needle:
        return []
    pattern = _pattern(needle, match_case)
    return [
        Match(row, field, found.start(), found.end())
        for row, field, text in _texts(essay)
        for found in pattern.finditer(text)
    ]


def replace_everywhere(
    essay: Essay, needle: str, replacement: str, *, match_case: bool = False
) -> tuple[Essay, int]:
    """The essay with every occurrence replaced, and how many there were."""
    if not needle:
        return essay, 0
    pattern = _pattern(needle, match_case)
    total = 0

    def swap(text: str) -> str:
        nonlocal total
        # A function, not a template: a replacement such as "\\1" must stay literal.
        new, count = pattern.subn(lambda _m: replacement, text)
        total += count
        return new

    update: dict[str, object] = {f: swap(getattr(essay, f)) for f in ESSAY_FIELDS}
    update["body"] = tuple(swap(paragraph) for paragraph in essay.body)
    update["slides"] = tuple(
        slide.model_copy(update={f: swap(getattr(slide, f)) for f in SLIDE_FIELDS})
        for slide in essay.slides
    )
    return essay.model_copy(update=update), total
