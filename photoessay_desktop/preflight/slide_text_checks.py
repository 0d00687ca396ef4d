"""Checks that each slide carries its words: caption, credit, alt text, and no repeated caption.

Pure functions over the slides; the text of a caption is judged elsewhere (mixed scripts, etc.).
"""

from __future__ import annotations

from collections.abc import Sequence

from photoessay_desktop.domain.essay import Slide
from photoessay_desktop.preflight.essay_text import quote
from photoessay_desktop.preflight.finding import Finding, Severity


def slide_text_findings(number: int, slide: Slide) -> list[Finding]:
    """Missing photo, caption, credit or alt text on one slide."""
    findings = []
    has_photo = slide.image is not None
    if not has_photo:
        findings.append(
            Finding(
                "missing-image",
                Severity.WARNING,
                number,
                "Slide has no photo. Add one, or move the text into the essay's body.",
                "image",
            )
        )
    if not slide.caption.strip():
        findings.append(
            Finding("missing-caption", Severity.WARNING, number, "Slide has no caption.", "caption")
        )
    if has_photo and not slide.credit.strip():
        findings.append(
            Finding(
                "missing-credit",
                Severity.WARNING,
                number,
                'Photo has no credit. Add the photographer and agency ("Name / Agency").',
                "credit",
            )
        )
    if has_photo and not slide.alt_text.strip():
        findings.append(
            Finding(
                "missing-alt-text",
                Severity.WARNING,
                number,
                "Photo has no alt text. Describe what it shows for readers who cannot see it.",
                "alt_text",
            )
        )
    return findings


def duplicate_caption_findings(slides: Sequence[Slide]) -> list[Finding]:
    """A caption that repeats an earlier slide's caption (spacing and case aside)."""
    first_seen: dict[str, int] = {}
    findings = []
    for number, slide in enumerate(slides, start=1):
        key = _normalised(slide.caption)
        if not key:
            continue
        earlier = first_seen.setdefault(key, number)
        if earlier != number:
            findings.append(
                Finding(
                    "duplicate-caption",
                    Severity.WARNING,
                    number,
                    f"Caption repeats slide {earlier}'s caption: {quote(slide.caption)}.",
                    "caption",
                )
            )
    return findings


def duplicate_paragraph_findings(standfirst: str, body: Sequence[str]) -> list[Finding]:
    """A body paragraph that repeats the standfirst or an earlier paragraph."""
    first_seen: dict[str, str] = {}
    if _normalised(standfirst):
        first_seen[_normalised(standfirst)] = "the standfirst"
    findings = []
    for index, paragraph in enumerate(body):
        key = _normalised(paragraph)
        if not key:
            continue
        # Messages count paragraphs from 1, as a reader does; the field keeps the 0-based index.
        earlier = first_seen.setdefault(key, f"paragraph {index + 1}")
        if earlier != f"paragraph {index + 1}":
            findings.append(
                Finding(
                    "duplicate-paragraph",
                    Severity.WARNING,
                    None,
                    f"Body paragraph {index + 1} repeats {earlier}: {quote(paragraph)}. "
                    "Delete one.",
                    f"body[{index}]",
                )
            )
    return findings


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()
