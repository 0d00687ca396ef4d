"""check_essay: every editorial check over one essay, findings sorted by slide then severity.

The single entry point the CLI and the editor call, on every edit; pure and fast (no file access,
no Qt). Image facts come in from imaging, keyed by the slide's image reference string.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.image_facts import ImageFacts
from photoessay_desktop.preflight.control_characters import control_character_findings
from photoessay_desktop.preflight.credit_format import credit_format_findings
from photoessay_desktop.preflight.essay_text import essay_texts
from photoessay_desktop.preflight.finding import Finding, finding_order
from photoessay_desktop.preflight.image_checks import image_findings
from photoessay_desktop.preflight.mixed_script import mixed_script_findings
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

    texts = list(essay_texts(essay, with_notes=True))
    published = [item for item in texts if item.field != "notes"]

    @cache
    def alphabet() -> frozenset[str]:
        return frozenset("".join(item.text for item in published))

    for item in texts:
        findings.extend(control_character_findings(item, UNICODE_TABLE))
    for item in published:
        findings.extend(mixed_script_findings(item, UNICODE_TABLE, alphabet))
    findings.extend(similar_name_findings(published))
    findings.sort(key=finding_order)
    return tuple(findings)
