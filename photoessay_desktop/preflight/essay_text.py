"""The texts of an essay, each with the slide and field a finding about it should point at.

Walks the model only; it decides nothing about what is wrong with a text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from photoessay_desktop.domain.essay import Essay

_LABELS = {"alt_text": "alt text", "notes": "presenter notes"}


class EssayText(NamedTuple):
    """One text of the essay and where it lives (slide 1-based, None for the essay's own texts).

    A named tuple rather than a dataclass: check_essay makes thousands per keystroke.
    """

    slide: int | None
    field: str
    text: str

    @property
    def label(self) -> str:
        """The field as a reader says it: "caption", "alt text", "body paragraph 3" (1-based)."""
        if self.field.startswith("body["):
            return f"body paragraph {int(self.field[5:-1]) + 1}"
        return _LABELS.get(self.field, self.field)

    @property
    def place(self) -> str:
        """Where the text is, as a reader of a message would say it: "slide 3 caption", "title"."""
        return self.field if self.slide is None else f"slide {self.slide} {self.field}"


def essay_texts(essay: Essay) -> Iterator[EssayText]:
    """The published texts in reading order (presenter notes are not published: not here)."""
    yield EssayText(None, "title", essay.title)
    yield EssayText(None, "standfirst", essay.standfirst)
    for index, paragraph in enumerate(essay.body):
        yield EssayText(None, f"body[{index}]", paragraph)
    for number, slide in enumerate(essay.slides, start=1):
        yield EssayText(number, "caption", slide.caption)
        yield EssayText(number, "credit", slide.credit)
        yield EssayText(number, "alt_text", slide.alt_text)


def quote(text: str, limit: int = 60) -> str:
    """A text shortened for a message, in double quotes, with an ellipsis where it was cut."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "\u2026"
    return f'"{flat}"'
