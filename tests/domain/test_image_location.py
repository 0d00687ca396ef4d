"""Where a photo is, seen from its essay: inside, outside, on a network share, on the web."""

from __future__ import annotations

import pytest

from photoessay_desktop.domain.image_location import (
    ImageLocation,
    image_location,
    is_network_path,
    may_open_without_asking,
    network_host,
)

FOLDER = "/home/maria/Essays/Бахмут"


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        (f"{FOLDER}/photos/a.jpg", ImageLocation.INSIDE_FOLDER),
        (f"{FOLDER}/a.jpg", ImageLocation.INSIDE_FOLDER),
        (f"{FOLDER}/photos/../a.jpg", ImageLocation.INSIDE_FOLDER),
        (f"{FOLDER}/../other/a.jpg", ImageLocation.OUTSIDE_FOLDER),
        (f"{FOLDER}2/a.jpg", ImageLocation.OUTSIDE_FOLDER),  # a sibling sharing the prefix
        ("/etc/passwd", ImageLocation.OUTSIDE_FOLDER),
        ("relative/never/resolved.jpg", ImageLocation.OUTSIDE_FOLDER),
        ("//fileserver/photos/a.jpg", ImageLocation.NETWORK),
        ("\\\\fileserver\\photos\\a.jpg", ImageLocation.NETWORK),
        ("\\/fileserver/photos/a.jpg", ImageLocation.NETWORK),
        ("/\\fileserver\\photos\\a.jpg", ImageLocation.NETWORK),
        ("https://example.org/a.jpg", ImageLocation.REMOTE),
        ("file:///etc/passwd", ImageLocation.UNSAFE),
        ("", ImageLocation.UNSAFE),
    ],
)
def test_locations(ref: str, expected: ImageLocation) -> None:
    assert image_location(ref, FOLDER) is expected


def test_without_a_folder_local_photos_are_outside() -> None:
    assert image_location(f"{FOLDER}/a.jpg", None) is ImageLocation.OUTSIDE_FOLDER


@pytest.mark.parametrize(
    ("ref", "host"),
    [
        ("//FileServer/photos/a.jpg", "fileserver"),
        ("\\\\fileserver\\photos", "fileserver"),
        ("\\\\?\\UNC\\fileserver\\photos\\a.jpg", "fileserver"),
        ("\\\\?\\C:\\photos\\a.jpg", None),
        ("\\\\.\\pipe\\x", None),
        ("/local/a.jpg", None),
        ("//", None),
    ],
)
def test_network_host(ref: str, host: str | None) -> None:
    assert network_host(ref) == host


def test_network_paths_are_never_opened_unasked() -> None:
    assert is_network_path("//h/s")
    assert not is_network_path("/h/s")
    assert not may_open_without_asking("//attacker/share/a.jpg", FOLDER)
    assert not may_open_without_asking("\\\\attacker\\share\\a.jpg", None)
    assert not may_open_without_asking("https://example.org/a.jpg", FOLDER)
    assert not may_open_without_asking("javascript:alert(1)", FOLDER)
    assert may_open_without_asking(f"{FOLDER}/a.jpg", FOLDER)
    assert may_open_without_asking("/elsewhere/a.jpg", FOLDER)


def test_a_photo_on_the_share_the_essay_came_from_may_be_opened() -> None:
    share = "//newsdesk/essays/lakes"
    assert image_location(f"{share}/photos/a.jpg", share) is ImageLocation.INSIDE_FOLDER
    assert may_open_without_asking(f"{share}/photos/a.jpg", share)
    assert may_open_without_asking("//NEWSDESK/other/a.jpg", share)
    assert not may_open_without_asking("//attacker/other/a.jpg", share)


def test_mixed_slash_unc_paths_are_network_references_in_the_model_too() -> None:
    from photoessay_desktop.domain.image_ref import ImageRefKind, image_ref_kind

    # Windows opens both as \\host\share: classified LOCAL, they would leak credentials there.
    for ref in ("/\\attacker\\share\\a.jpg", "\\/attacker/share/a.jpg", "//a/b", "\\\\a\\b"):
        assert image_ref_kind(ref) is ImageRefKind.NETWORK
    assert image_ref_kind("/photos/a.jpg") is ImageRefKind.LOCAL
