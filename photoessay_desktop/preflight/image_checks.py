"""Checks of each slide's photo from what imaging found: missing, unreadable, remote, too small.

A reference absent from the facts has not been checked yet and gives no finding about the file;
this module never opens a file or a URL itself.
"""

from __future__ import annotations

from collections.abc import Mapping

from photoessay_desktop.domain.essay import Slide
from photoessay_desktop.domain.image_facts import ImageFacts, ImageStatus
from photoessay_desktop.domain.image_ref import (
    ImageRefKind,
    UnsafeImageRefError,
    image_ref_kind,
    remote_host,
)
from photoessay_desktop.preflight.finding import Finding, Severity

SCREEN = (1920, 1080)


def image_findings(
    number: int, slide: Slide, image_facts: Mapping[str, ImageFacts]
) -> list[Finding]:
    """Findings about one slide's photo (none for a text slide: see slide_text_checks)."""
    ref = slide.image
    if ref is None:
        return []
    try:
        kind = image_ref_kind(ref)
    except UnsafeImageRefError as exc:
        return [_finding("image-unreadable", Severity.ERROR, number, f"Photo {ref!r}: {exc}.")]
    facts = image_facts.get(ref)
    if facts is None:
        if kind is ImageRefKind.REMOTE:
            return [_remote(number, ref)]
        return []
    return _from_facts(number, ref, facts)


def _from_facts(number: int, ref: str, facts: ImageFacts) -> list[Finding]:
    status = facts.status
    reason = f" ({facts.reason})" if facts.reason else ""
    if status is ImageStatus.NOT_FOUND:
        return [
            _finding(
                "image-not-found",
                Severity.ERROR,
                number,
                f"Photo file not found: {ref}{reason}. Relink the photo or remove the slide.",
            )
        ]
    if status is ImageStatus.UNREADABLE:
        return [
            _finding(
                "image-unreadable",
                Severity.ERROR,
                number,
                f"Photo cannot be read: {ref}{reason}. Replace it with a JPEG, PNG or WebP file.",
            )
        ]
    if status is ImageStatus.REMOTE:
        return [_remote(number, ref)]
    if status is ImageStatus.NOT_CHECKED:
        return [
            _finding(
                "image-not-checked",
                Severity.INFO,
                number,
                f"Photo is on a network share and was not checked: {ref}. "
                "Copy it next to the essay to have it checked.",
            )
        ]
    return _resolution(number, facts)


def _resolution(number: int, facts: ImageFacts) -> list[Finding]:
    width, height = facts.width, facts.height
    if not width or not height or width <= 0 or height <= 0:
        return []
    enlargement = min(SCREEN[0] / width, SCREEN[1] / height)
    if enlargement <= 1:
        return []
    return [
        _finding(
            "low-resolution",
            Severity.WARNING,
            number,
            f"Photo is only {width}x{height} pixels: on a {SCREEN[0]}x{SCREEN[1]} screen it is "
            f"enlarged {enlargement:.1f}x and looks soft. Use a larger original.",
        )
    ]


def _remote(number: int, ref: str) -> Finding:
    return _finding(
        "remote-image",
        Severity.INFO,
        number,
        f"Photo is on the web ({remote_host(ref) or ref}) and was not checked offline.",
    )


def _finding(code: str, severity: Severity, number: int, message: str) -> Finding:
    return Finding(code, severity, number, message, "image")
