"""The JPEG header reader of the show's early decode: it agrees with Pillow wherever it answers,
answers for the photos cameras and agencies send, and declines anything else without raising."""

from __future__ import annotations

import io
import struct
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageCms

from photoessay_desktop.imaging.jpeg_header import JpegHeader, read_jpeg_header
from tests.imaging.photo_files import adobe_rgb_profile, iptc_segment, quadrants

ORIENTATION = 0x0112


def header_of(data: bytes) -> JpegHeader | None:
    return read_jpeg_header(io.BytesIO(data))


def pillows_reading(data: bytes) -> tuple[int, int, int, int, bytes | None] | None:
    """What Pillow says of the same bytes, in the reader's terms; None where Pillow fails or the
    file is not one the reader answers for (not a JPEG to Pillow, or not grey or colour)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "JPEG" or image.mode not in ("L", "RGB"):
                return None
            orientation = image.getexif().get(ORIENTATION, 1)
            components = 1 if image.mode == "L" else 3
            return (*image.size, components, orientation, image.info.get("icc_profile"))
    except Exception:
        return None


def assert_agrees_with_pillow(data: bytes) -> JpegHeader | None:
    header = header_of(data)
    if header is not None:
        seen = (header.width, header.height, header.components, header.orientation)
        assert pillows_reading(data) == (*seen, header.icc_profile)
    return header


def jpeg(
    size: tuple[int, int] = (64, 48),
    mode: str = "RGB",
    *,
    orientation: int | None = None,
    **params: object,
) -> bytes:
    image = quadrants(size).convert(mode)
    if orientation is not None:
        exif = Image.Exif()
        exif[ORIENTATION] = orientation
        params["exif"] = exif.tobytes()
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, **params)
    return out.getvalue()


SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    size=st.tuples(st.integers(1, 300), st.integers(1, 300)),
    mode=st.sampled_from(["RGB", "L", "CMYK"]),
    orientation=st.none() | st.integers(0, 65535),
    progressive=st.booleans(),
    profile=st.none() | st.binary(min_size=1, max_size=3000) | st.just(SRGB),
    comment=st.binary(max_size=200),
)
def test_a_photo_pillow_writes_is_read_as_pillow_reads_it(
    size: tuple[int, int],
    mode: str,
    orientation: int | None,
    progressive: bool,
    profile: bytes | None,
    comment: bytes,
) -> None:
    extra: dict[str, object] = {"progressive": progressive, "comment": comment}
    if profile is not None:
        extra["icc_profile"] = profile
    data = jpeg(size, mode, orientation=orientation, **extra)
    header = assert_agrees_with_pillow(data)
    # Not a reader that declines everything: grey and colour photos are read, CMYK is not.
    assert (header is None) == (mode == "CMYK")


def test_a_profile_in_many_pieces_is_put_together() -> None:
    profile = bytes(range(256)) * 700  # 179 kB: three APP2 segments
    header = assert_agrees_with_pillow(jpeg(icc_profile=profile))
    assert header is not None and header.icc_profile == profile


def test_a_camera_photo_with_a_thumbnail_xmp_and_iptc_is_read() -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = 8
    exif[0x010F] = "Nikon"  # make: a directory with more than one entry
    exif[0x0110] = "Z 9 — Прага"
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>'
    data = jpeg((120, 80), exif=exif.tobytes(), xmp=xmp, icc_profile=adobe_rgb_profile())
    data = data[:2] + iptc_segment([(2, 80, "Aris Messinis, Бахмут".encode())]) + data[2:]
    header = assert_agrees_with_pillow(data)
    assert header == JpegHeader(120, 80, 3, 8, adobe_rgb_profile())


def test_the_sample_photos_are_read_as_pillow_reads_them() -> None:
    photos = sorted((Path(__file__).parents[2] / "sample_essays").rglob("*.jpg"))
    assert photos
    for photo in photos:
        assert assert_agrees_with_pillow(photo.read_bytes()) is not None, photo.name


def camera_like_jpeg() -> bytes:
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "Canon"  # a second entry, its data out of line
    return jpeg(exif=exif.tobytes(), icc_profile=b"p" * 300, comment="Бахмут".encode())


DAMAGEABLE = camera_like_jpeg()
HEADER_END = DAMAGEABLE.index(b"\xff\xda") + 14  # the scan's own header included


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    keep=st.none() | st.integers(0, HEADER_END),  # the whole file, or its header cut short
    flips=st.lists(st.tuples(st.integers(0, HEADER_END - 1), st.integers(0, 255)), max_size=4),
)
def test_damaged_headers_never_raise_and_never_disagree(
    keep: int | None, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(DAMAGEABLE)
    for at, value in flips:
        data[at] = value
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's own complaints about the damage
        assert_agrees_with_pillow(bytes(data[:keep]))


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def with_segment(data: bytes, extra: bytes) -> bytes:
    return data[:2] + extra + data[2:]


def test_files_that_are_not_plain_jpegs_are_declined() -> None:
    plain = jpeg()
    png = io.BytesIO()
    Image.new("RGB", (8, 8)).save(png, "PNG")
    exif = Image.Exif()
    exif[ORIENTATION] = 3
    second_exif = segment(0xE1, b"Exif\x00\x00" + exif.tobytes())
    mpo = io.BytesIO()
    Image.new("RGB", (32, 32)).save(
        mpo, "MPO", save_all=True, append_images=[Image.new("RGB", (32, 32), (9, 9, 9))]
    )
    declined = {
        "empty": b"",
        "a PNG": png.getvalue(),
        "text": "Фото: Aris Messinis / AFP".encode(),
        "no frame before the scan": plain[:2] + plain[plain.index(b"\xff\xda") :],
        "CMYK": jpeg(mode="CMYK"),
        "two Exif blocks": with_segment(jpeg(orientation=1), second_exif),
        "a multi-picture file": mpo.getvalue(),
        "a header longer than any camera's": with_segment(plain, segment(0xE5, bytes(65533)) * 70),
        "fill bytes without end": b"\xff\xd8" + b"\xff" * 5_000_000,
        "a lossless frame": plain.replace(b"\xff\xc0", b"\xff\xc3", 1),
        "a 12-bit frame": plain.replace(b"\xff\xc0\x00\x11\x08", b"\xff\xc0\x00\x11\x0c", 1),
        "a profile in pieces numbered wrongly": with_segment(
            jpeg(), segment(0xE2, b"ICC_PROFILE\x00\x02\x01" + b"x" * 10)
        ),
    }
    for what, data in declined.items():
        assert header_of(data) is None, what
        assert_agrees_with_pillow(data)


def test_an_orientation_stored_as_anything_but_one_short_is_declined() -> None:
    def tiff(kind: int, count: int, value: bytes) -> bytes:
        entry = struct.pack("<HHI", ORIENTATION, kind, count) + value.ljust(4, b"\x00")
        return b"II*\x00" + struct.pack("<IH", 8, 1) + entry + b"\x00\x00\x00\x00"

    def with_exif(block: bytes) -> bytes:
        return with_segment(jpeg(), segment(0xE1, b"Exif\x00\x00" + block))

    assert header_of(with_exif(tiff(3, 1, struct.pack("<H", 6)))) == JpegHeader(64, 48, 3, 6, None)
    for block in (
        tiff(4, 1, struct.pack("<I", 6)),  # LONG
        tiff(3, 2, struct.pack("<HH", 6, 6)),  # two values
        b"II*\x00" + struct.pack("<IH", 8, 500),  # more entries than the block holds
        b"II*\x00" + struct.pack("<I", 4),  # a directory inside the header
        b"not TIFF at all",
    ):
        assert header_of(with_exif(block)) is None, block
        assert_agrees_with_pillow(with_exif(block))


def test_a_huge_claimed_size_is_read_without_reading_any_pixels() -> None:
    data = bytearray(jpeg())
    frame = data.index(b"\xff\xc0")
    data[frame + 5 : frame + 9] = struct.pack(">HH", 65000, 65000)
    header = header_of(bytes(data))
    assert header is not None and (header.width, header.height) == (65000, 65000)


def test_a_few_fill_bytes_before_a_marker_are_allowed() -> None:
    plain = jpeg()
    header = assert_agrees_with_pillow(plain[:2] + b"\xff" * 5 + plain[2:])
    assert header == header_of(plain) and header is not None
