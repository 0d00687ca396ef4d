"""check_essay: every editorial check over one essay, findings sorted by slide then severity.

The single entry point the CLI and the editor call, on every edit; pure and fast (no file access,
no Qt). Image facts come in from imaging, keyed by the slide's image reference string.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.image_facts import ImageFacts
from photoessay_desktop.preflight.control_characters import (
    control_character_findings,
    may_hide_characters,
)
from photoessay_desktop.preflight.credit_format import credit_format_findings
from photoessay_desktop.preflight.essay_text import EssayText, essay_texts
from photoessay_desktop.preflight.finding import Finding, finding_order
from photoessay_desktop.preflight.image_checks import image_findings
from photoessay_desktop.preflight.mixed_script import MixedScriptCheck, may_mix_scripts
from photoessay_desktop.preflight.similar_names import similar_name_findings
from photoessay_desktop.preflight.slide_text_checks import (
    duplicate_caption_findings,
    duplicate_paragraph_findings,
    slide_text_findings,
)
from photoessay_desktop.preflight.unicode_table import UNICODE_TABLE


def check_essay(essay: Essay, image_facts: Mapping[str, ImageFacts]) -> tuple[Finding, ...]:
    """All findings for the essay: essay-level first, then by slide, errors before warnings."""
    findings: list[Finding] = []
    findings.extend(duplicate_paragraph_findings(essay.standfirst, essay.body))
    for number, slide in enumerate(essay.slides, start=1):
        findings.extend(image_findings(number, slide, image_facts))
        findings.extend(slide_text_findings(number, slide))
    findings.extend(duplicate_caption_findings(essay.slides))
    findings.extend(credit_format_findings(essay.slides))

    published = list(essay_texts(essay))
    notes = [EssayText(number, "notes", s.notes) for number, s in enumerate(essay.slides, start=1)]
    # One pass over all the text at once answers "anything to look at?" for most essays, so
    # the per-text checks below run only where they can find something.
    all_published = "\n".join(item.text for item in published)
    all_notes = "\n".join(item.text for item in notes)
    if may_hide_characters(all_published) or may_hide_characters(all_notes):
        for item in (*published, *notes):
            findings.extend(control_character_findings(item, UNICODE_TABLE))
    if may_mix_scripts(all_published, UNICODE_TABLE):

        @cache
        def essay_uses(ch: str) -> bool:
            return ch in all_published

        mixed_scripts = MixedScriptCheck(UNICODE_TABLE, essay_uses, published)
        for item in published:
            findings.extend(mixed_scripts.findings(item))
    findings.extend(similar_name_findings(published, all_published))
    findings.sort(key=finding_order)
    return tuple(findings)
