"""Runs preflight over an essay and turns its findings into the contact sheet's ReviewNotes.

For callers without an editor session (the CLI); the editor passes the findings it already has.
Reads only image headers (imaging's facts reader), never decodes pixels, never uses Qt.
"""

from __future__ import annotations

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.imaging.image_facts_reader import read_image_facts
from photoessay_desktop.preflight.run_checks import check_essay
from photoessay_desktop.publishing.review_note import ReviewNote


def review_notes(essay: Essay) -> tuple[ReviewNote, ...]:
    """Every preflight finding about essay, as contact sheet notes."""
    refs = {slide.image for slide in essay.slides if slide.image is not None}
    facts = {ref: read_image_facts(ref) for ref in refs}
    return tuple(
        ReviewNote(finding.slide, finding.severity.value, finding.message)
        for finding in check_essay(essay, facts)
    )
