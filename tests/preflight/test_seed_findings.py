"""The seed article's findings, exactly: what is really wrong with it and nothing else."""

from __future__ import annotations

from photoessay_desktop.domain.image_facts import ImageFacts, ImageStatus
from photoessay_desktop.preflight import Finding, Severity, check_essay
from tests.preflight.seed_essay import BODY, STANDFIRST, seed_essay

PHOTO_SLIDES = (1, 3, 4, 5, 6, 7, 9, 10)


def _summary(findings: tuple[Finding, ...]) -> list[tuple[int | None, str, str, str | None]]:
    return [(f.slide, f.severity.value, f.code, f.field) for f in findings]


def test_the_seed_gives_exactly_its_real_findings() -> None:
    expected: list[tuple[int | None, str, str, str | None]] = []
    for number in range(1, 11):
        if number in PHOTO_SLIDES:
            expected.append((number, "warning", "missing-alt-text", "alt_text"))
        else:
            expected.append((number, "warning", "missing-image", "image"))
        if number == 3:
            expected += [
                (3, "warning", "mixed-script", "caption"),
                (3, "warning", "mixed-script", "caption"),
            ]
        if number in PHOTO_SLIDES:
            expected.append((number, "info", "remote-image", "image"))
        if number == 8:
            expected.append((8, "info", "similar-names", "caption"))
    assert _summary(check_essay(seed_essay(), {})) == expected


def test_both_cyrillic_letters_in_slide_3_are_named_with_their_word() -> None:
    messages = [f.message for f in check_essay(seed_essay(), {}) if f.code == "mixed-script"]
    assert len(messages) == 2
    lone, inside = messages
    assert '"\u0410"' in lone and "U+0410 CYRILLIC CAPITAL LETTER A" in lone
    assert '"servicem\u0430n"' in inside and "U+0430 CYRILLIC SMALL LETTER A" in inside
    assert "Latin" in lone and "Latin" in inside


def test_the_seed_names_bovshiv_and_borshiv_once() -> None:
    (finding,) = [f for f in check_essay(seed_essay(), {}) if f.code == "similar-names"]
    assert "Bovshiv" in finding.message and "Borshiv" in finding.message
    assert finding.severity is Severity.INFO


def test_the_seed_as_pasted_repeats_two_paragraphs() -> None:
    # The article repeats its two body paragraphs; the importer drops them, the editor may not.
    essay = seed_essay().model_copy(update={"body": (*BODY, *BODY)})
    duplicates = [f for f in check_essay(essay, {}) if f.code == "duplicate-paragraph"]
    assert [(f.slide, f.field) for f in duplicates] == [(None, "body[2]"), (None, "body[3]")]
    assert duplicates[0].message.startswith("Body paragraph 3 repeats paragraph 1:")
    assert duplicates[1].message.startswith("Body paragraph 4 repeats paragraph 2:")


def test_a_paragraph_repeating_the_standfirst_is_named() -> None:
    essay = seed_essay().model_copy(update={"body": (BODY[0], f"  {STANDFIRST} ")})
    (finding,) = [f for f in check_essay(essay, {}) if f.code == "duplicate-paragraph"]
    assert finding.field == "body[1]" and "standfirst" in finding.message


def test_checked_photos_replace_the_remote_hint() -> None:
    essay = seed_essay()
    facts = {
        slide.image: ImageFacts(ImageStatus.READABLE, 1360, 907, "JPEG", 200_000)
        for slide in essay.slides
        if slide.image is not None
    }
    findings = check_essay(essay, facts)
    assert "remote-image" not in [f.code for f in findings]
    assert [f.slide for f in findings if f.code == "low-resolution"] == list(PHOTO_SLIDES)
