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
    limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None  # a size, not a bomb: the reader reads no pixels
    try:
        # Pillow's own complaints about damage (it reads Exif while opening)
        with warnings.catch_warnings(action="ignore"), Image.open(io.BytesIO(data)) as image:
            if image.format != "JPEG" or image.mode not in ("L", "RGB"):
                return None
            orientation = image.getexif().get(ORIENTATION, 1)
            components = 1 if image.mode == "L" else 3
            return (*image.size, components, orientation, image.info.get("icc_profile"))
    except Exception:
        return None
    finally:
        Image.MAX_IMAGE_PIXELS = limit


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


def test_fill_bytes_count_against_the_header_cap() -> None:
    # Application segments that bring the first scan to exactly 4 MiB into the file: within the
    # cap. Fill bytes before each (as many as allowed) take it past.
    plain = jpeg()
    own = plain.index(b"\xff\xda") - 2  # the photo's own segments, between SOI and the scan
    last = 4 * 1024 * 1024 - 2 - own - 63 * (4 + 65533) - 4
    segments = [segment(0xE5, bytes(65533))] * 63 + [segment(0xE5, bytes(last))]
    within = plain[:2] + b"".join(segments) + plain[2:]
    assert within.index(b"\xff\xda") == 4 * 1024 * 1024
    assert header_of(within) is not None
    filled = plain[:2] + b"".join(b"\xff" * 64 + part for part in segments) + plain[2:]
    assert header_of(filled) is None


def test_a_few_fill_bytes_before_a_marker_are_allowed() -> None:
    plain = jpeg()
    header = assert_agrees_with_pillow(plain[:2] + b"\xff" * 5 + plain[2:])
    assert header == header_of(plain) and header is not None


XMP = b"http://ns.adobe.com/xap/1.0/\x00"


def exif_block(entries: list[tuple[int, int, int, bytes]], order: str = "<") -> bytes:
    """An Exif APP1 payload with one directory of (tag, type, count, value or offset) entries."""
    prefix = b"II*\x00" if order == "<" else b"MM\x00*"
    body = b"".join(
        struct.pack(order + "HHI", tag, kind, count) + value.ljust(4, b"\x00")
        for tag, kind, count, value in entries
    )
    return b"Exif\x00\x00" + prefix + struct.pack(order + "IH", 8, len(entries)) + body + bytes(4)


def test_each_thing_pillow_reads_its_own_way_is_declined() -> None:
    plain = jpeg()
    frame = plain.index(b"\xff\xc0")
    six, far = struct.pack("<H", 6), struct.pack("<I", 5000)
    declined = {
        # Pillow takes the orientation from XMP when Exif has none, in either form.
        "an orientation in XMP only": with_segment(
            plain, segment(0xE1, XMP + b'<x tiff:Orientation="6"/>')
        ),
        "an orientation in an XMP element": with_segment(
            plain, segment(0xE1, XMP + b"<tiff:Orientation>8</tiff:Orientation>")
        ),
        "a profile after the frame header": plain[:frame]
        + plain[frame : frame + 19]
        + segment(0xE2, b"ICC_PROFILE\x00\x01\x01abc")
        + plain[frame + 19 :],
        "a quantisation table cut short": with_segment(plain, segment(0xDB, b"\x00" + bytes(30))),
        # Pillow stops at an entry whose data lies past the block, and loses the orientation.
        "an entry whose data is not there": with_segment(
            plain,
            segment(0xE1, exif_block([(0x011A, 5, 1, far), (ORIENTATION, 3, 1, six)])),
        ),
        "two thousand empty comments": with_segment(plain, segment(0xFE, b"") * 2000),
    }
    for what, data in declined.items():
        assert header_of(data) is None, what
        assert_agrees_with_pillow(data)
    # Exif has the last word over XMP, as in Pillow.
    both = with_segment(jpeg(orientation=3), segment(0xE1, XMP + b'<x tiff:Orientation="6"/>'))
    header = assert_agrees_with_pillow(both)
    assert header is not None and header.orientation == 3


BASE = jpeg((16, 8))
FRAME_TO_SCAN = BASE[BASE.index(b"\xff\xdb") :]  # tables, frame, scan: what every file keeps


@st.composite
def tiff_entries(draw: st.DrawFn) -> bytes:
    order = draw(st.sampled_from(["<", ">"]))
    entries = draw(
        st.lists(
            st.tuples(
                st.sampled_from([ORIENTATION, ORIENTATION, 0x010F, 0x8769, 0x011A]),
                st.sampled_from([1, 2, 3, 3, 3, 4, 5, 7, 9, 13, 16, 0, 17]),
                st.sampled_from([0, 1, 1, 1, 2, 5, 300, 2**32 - 1]),
                st.binary(min_size=4, max_size=4) | st.just(struct.pack("<H", 6)),
            ),
            max_size=5,
        )
    )
    block = exif_block(entries, order)
    cut = draw(st.none() | st.integers(6, len(block)))
    return block[:cut]


@st.composite
def header_segments(draw: st.DrawFn) -> bytes:
    """Segments a photo's header may hold, good and bad, in any order and number."""
    icc_piece = st.builds(
        lambda number, total, data: b"ICC_PROFILE\x00" + bytes([number, total]) + data,
        st.integers(0, 3),
        st.integers(0, 3),
        st.binary(max_size=20),
    )
    one = st.one_of(
        tiff_entries().map(lambda block: segment(0xE1, block)),
        st.sampled_from([b'tiff:Orientation="6"', b"<tiff:Orientation>3<", b"nothing"]).map(
            lambda form: segment(0xE1, XMP + b"<x>" + form + b"</x>")
        ),
        icc_piece.map(lambda piece: segment(0xE2, piece)),
        st.builds(
            segment,
            st.sampled_from([0xFE, 0xE0, 0xED, 0xEF, 0xDD, 0xDB, 0xC4, 0xC0, 0xC3, 0xCC, 0xDE]),
            st.binary(max_size=20),
        ),
        st.integers(1, 70).map(lambda count: b"\xff" * count),  # fill bytes
    )
    return b"".join(draw(st.lists(one, max_size=6)))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=header_segments(), tables=header_segments())
def test_hostile_headers_are_read_as_pillow_reads_them_or_declined(
    before: bytes, tables: bytes
) -> None:
    # Segments go before the tables (where cameras put Exif and profiles) and between the
    # tables and the frame header, where Pillow reads some of them differently.
    frame = FRAME_TO_SCAN.index(b"\xff\xc0")
    data = b"\xff\xd8" + before + FRAME_TO_SCAN[:frame] + tables + FRAME_TO_SCAN[frame:]
    assert_agrees_with_pillow(data)
