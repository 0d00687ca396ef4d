"""What differs between two versions of an essay, in words an editor reads at a glance.

Used to compare an autosave with the file on disk before restoring it. Pure: no Qt, no files.
"""

from __future__ import annotations

from photoessay_desktop.domain.essay import Essay, Slide

_ESSAY_FIELDS = {
    "title": "Title",
    "standfirst": "Standfirst",
    "body": "Body text",
    "language": "Language",
}
_SLIDE_FIELDS = {
    "image": "photo",
    "caption": "caption",
    "credit": "credit",
    "alt_text": "alt text",
    "notes": "presenter notes",
}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _slide_changes(number: int, before: Slide, after: Slide) -> str | None:
    changed = [
        label
        for name, label in _SLIDE_FIELDS.items()
        if getattr(before, name) != getattr(after, name)
    ]
    if before.duration_seconds != after.duration_seconds:
        changed.append("duration")
    return f"Slide {number}: {', '.join(changed)} changed" if changed else None


def describe_differences(before: Essay, after: Essay, *, limit: int = 40) -> list[str]:
    """Lines saying how `after` differs from `before` (empty when they are equal)."""
    lines = [
        f"{label} changed"
        for name, label in _ESSAY_FIELDS.items()
        if getattr(before, name) != getattr(after, name)
    ]
    old_ids = {slide.id: slide for slide in before.slides}
    new_ids = {slide.id for slide in after.slides}
    added = [slide for slide in after.slides if slide.id not in old_ids]
    removed = [slide for slide in before.slides if slide.id not in new_ids]
    if added:
        lines.append(f"{_plural(len(added), 'slide')} added")
    if removed:
        lines.append(f"{_plural(len(removed), 'slide')} removed")
    kept_before = [slide.id for slide in before.slides if slide.id in new_ids]
    kept_after = [slide.id for slide in after.slides if slide.id in old_ids]
    if kept_before != kept_after:
        lines.append("Slides reordered")
    for number, slide in enumerate(after.slides, start=1):
        old = old_ids.get(slide.id)
        change = None if old is None else _slide_changes(number, old, slide)
        if change is not None:
            lines.append(change)
    if before.presentation != after.presentation:
        lines.append("Slideshow settings changed")
    if len(lines) > limit:
        lines = [*lines[:limit], f"… and {len(lines) - limit} more"]
    return lines
