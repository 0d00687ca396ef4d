"""Photo checks from image facts: not found, unreadable, too small, remote, unchecked."""

from __future__ import annotations

import pytest

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.domain.image_facts import ImageFacts, ImageStatus
from photoessay_desktop.preflight import Severity, check_essay
from tests.preflight.essays import PHOTO, essay, slide

REMOTE = "https://example.org/photo.jpg"


def _image_findings(facts: dict[str, ImageFacts], image: str = PHOTO) -> list[tuple[str, Severity]]:
    found = check_essay(essay(slide(image=image)), facts)
    return [(f.code, f.severity) for f in found if f.field == "image"]


def test_a_missing_file_is_an_error_that_names_it() -> None:
    facts = {PHOTO: ImageFacts(ImageStatus.NOT_FOUND)}
    assert _image_findings(facts) == [("image-not-found", Severity.ERROR)]
    (finding,) = check_essay(essay(slide()), facts)
    assert PHOTO in finding.message and finding.slide == 1


def test_an_unreadable_file_is_an_error_with_its_reason() -> None:
    facts = {PHOTO: ImageFacts(ImageStatus.UNREADABLE, reason="not an image (HTML text)")}
    assert _image_findings(facts) == [("image-unreadable", Severity.ERROR)]
    assert "HTML text" in check_essay(essay(slide()), facts)[0].message


@pytest.mark.parametrize(
    ("width", "height", "small"),
    [
        (800, 600, True),
        (1919, 1079, True),
        (1920, 1080, False),
        (1920, 1000, False),  # fills the width: shown at 1:1
        (1000, 1080, False),  # fills the height (a portrait)
        (1200, 1800, False),
        (6000, 4000, False),
        (1, 1, True),
    ],
)
def test_low_resolution_when_the_photo_cannot_fill_a_1080p_screen(
    width: int, height: int, small: bool
) -> None:
    facts = {PHOTO: ImageFacts(ImageStatus.READABLE, width, height, "JPEG", 1000)}
    expected = [("low-resolution", Severity.WARNING)] if small else []
    assert _image_findings(facts) == expected


def test_low_resolution_message_gives_size_and_enlargement() -> None:
    facts = {PHOTO: ImageFacts(ImageStatus.READABLE, 960, 540, "JPEG", 1000)}
    (finding,) = check_essay(essay(slide()), facts)
    assert "960x540" in finding.message and "2.0x" in finding.message


@pytest.mark.parametrize(("width", "height"), [(None, None), (0, 0), (0, 500), (-5, 10)])
def test_unknown_or_nonsense_sizes_give_no_finding(width: int | None, height: int | None) -> None:
    facts = {PHOTO: ImageFacts(ImageStatus.READABLE, width, height)}
    assert _image_findings(facts) == []


def test_a_photo_not_in_the_facts_has_not_been_checked_yet() -> None:
    assert _image_findings({}) == []
    assert _image_findings({"/other.jpg": ImageFacts(ImageStatus.NOT_FOUND)}) == []


def test_a_web_photo_is_a_hint_whether_or_not_imaging_saw_it() -> None:
    assert _image_findings({}, REMOTE) == [("remote-image", Severity.INFO)]
    remote = {REMOTE: ImageFacts(ImageStatus.REMOTE)}
    assert _image_findings(remote, REMOTE) == [("remote-image", Severity.INFO)]
    assert "example.org" in check_essay(essay(slide(image=REMOTE)), remote)[0].message


def test_a_fetched_web_photo_is_checked_like_a_file() -> None:
    facts = {REMOTE: ImageFacts(ImageStatus.READABLE, 640, 480)}
    assert _image_findings(facts, REMOTE) == [("low-resolution", Severity.WARNING)]
    gone = {REMOTE: ImageFacts(ImageStatus.NOT_FOUND, reason="HTTP 404")}
    assert _image_findings(gone, REMOTE) == [("image-not-found", Severity.ERROR)]


def test_a_network_share_not_checked_is_a_hint() -> None:
    unc = "\\\\server\\share\\photo.jpg"
    facts = {unc: ImageFacts(ImageStatus.NOT_CHECKED)}
    assert _image_findings(facts, unc) == [("image-not-checked", Severity.INFO)]
    assert _image_findings({}, unc) == []


def test_non_ascii_paths_are_quoted_as_they_are() -> None:
    path = "/фото/Київ 1.jpg"
    facts = {path: ImageFacts(ImageStatus.NOT_FOUND)}
    (finding,) = check_essay(essay(slide(image=path)), facts)
    assert path in finding.message


def test_a_text_slide_gets_no_image_finding_but_missing_image() -> None:
    found = check_essay(essay(slide(image=None)), {PHOTO: ImageFacts(ImageStatus.NOT_FOUND)})
    assert [f.code for f in found] == ["missing-image"]


def test_a_reference_that_slipped_past_validation_is_refused_not_opened() -> None:
    # model_construct skips validation, as a buggy caller might: the check still says no.
    bad = Slide.model_construct(id="x", image="javascript:alert(1)", caption="c", credit="d")
    found = [f for f in check_essay(Essay(slides=(bad,)), {}) if f.field == "image"]
    assert [(f.code, f.severity) for f in found] == [("image-unreadable", Severity.ERROR)]
