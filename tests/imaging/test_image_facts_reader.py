"""read_image_facts: header-only facts for every kind of reference and every bad file."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from photoessay_desktop.domain.image_facts import ImageStatus
from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.image_facts_reader import read_image_facts
from tests.imaging.photo_files import png_header_claiming, quadrants, save_jpeg, truncated_copy


def test_readable_jpeg_reports_upright_size_format_and_bytes(photo_dir: Path) -> None:
    path = save_jpeg(photo_dir / "side.jpg", quadrants((300, 200)), orientation=6)
    facts = read_image_facts(str(path))
    assert facts.status is ImageStatus.READABLE
    assert (facts.width, facts.height, facts.format) == (200, 300, "JPEG")
    assert facts.file_size == path.stat().st_size
    assert facts.reason == ""


def test_png_and_webp(photo_dir: Path) -> None:
    for fmt in ("PNG", "WEBP"):
        path = photo_dir / f"a.{fmt.lower()}"
        Image.new("RGB", (7, 5)).save(path, fmt)
        facts = read_image_facts(str(path))
        assert (facts.status, facts.width, facts.height, facts.format) == (
            ImageStatus.READABLE,
            7,
            5,
            fmt,
        )


def test_missing_file(photo_dir: Path) -> None:
    assert read_image_facts(str(photo_dir / "gone.jpg")).status is ImageStatus.NOT_FOUND


def test_remote_and_network_refs_are_not_touched() -> None:
    assert read_image_facts("https://example.org/a.jpg").status is ImageStatus.REMOTE
    facts = read_image_facts(r"\\fileserver\photos\a.jpg")
    assert facts.status is ImageStatus.NOT_CHECKED and facts.reason


def test_unsafe_refs_are_unreadable_with_a_reason() -> None:
    for ref in ("file:///etc/passwd", "", "javascript:alert(1)"):
        facts = read_image_facts(ref)
        assert facts.status is ImageStatus.UNREADABLE and facts.reason


def test_bad_files_are_unreadable_with_a_reason(photo_dir: Path) -> None:
    empty = photo_dir / "empty.jpg"
    empty.write_bytes(b"")
    text = photo_dir / "text.png"
    text.write_text("hello", encoding="utf-8")
    eps = photo_dir / "d.eps"
    eps.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n")
    bomb = png_header_claiming(photo_dir / "bomb.png", (20000, 20000))
    for path, word in ((empty, "empty"), (text, "not a photo"), (eps, "EPS"), (bomb, "limit")):
        facts = read_image_facts(str(path), limits=DecodeLimits(max_pixels=100_000_000))
        assert facts.status is ImageStatus.UNREADABLE, path
        assert word in facts.reason, facts.reason
        assert facts.file_size == path.stat().st_size


def test_truncated_file_still_has_header_facts(photo_dir: Path) -> None:
    # Header only, by design: the decoder reports the truncation when pixels are needed.
    full = save_jpeg(photo_dir / "full.jpg", quadrants((100, 80)))
    facts = read_image_facts(str(truncated_copy(full, photo_dir / "cut.jpg")))
    assert (facts.status, facts.width, facts.height) == (ImageStatus.READABLE, 100, 80)
