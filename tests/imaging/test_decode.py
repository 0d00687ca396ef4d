"""decode_image: orientation, colour, every odd format, DCT scaling and every bad file."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageOps

from photoessay_desktop.imaging.decode import decode_image
from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.errors import ImageDecodeError
from tests.imaging.photo_files import (
    adobe_rgb_profile,
    png_header_claiming,
    quadrants,
    save_jpeg,
    truncated_copy,
)


def close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def corner_colours(image: Image.Image) -> list[tuple[int, ...]]:
    w, h = image.size
    points = [
        (w // 4, h // 4),
        (3 * w // 4, h // 4),
        (w // 4, 3 * h // 4),
        (3 * w // 4, 3 * h // 4),
    ]
    return [tuple(image.getpixel(p)) for p in points]  # type: ignore[arg-type]


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(photo_dir: Path, orientation: int) -> None:
    path = save_jpeg(
        photo_dir / f"o{orientation}.jpg", quadrants((80, 40)), orientation=orientation
    )
    expected = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
    result = decode_image(path, fit=None)
    assert result.mode == "RGB"
    assert result.size == expected.size
    assert result.size == ((40, 80) if orientation >= 5 else (80, 40))
    for got, want in zip(corner_colours(result), corner_colours(expected), strict=True):
        assert close(got, want), (orientation, got, want)


def test_rotated_photo_fits_the_box_in_display_orientation(photo_dir: Path) -> None:
    # Stored 400x200 on its side (orientation 6) shows as 200x400; fitting 100x100 gives 50x100.
    path = save_jpeg(photo_dir / "side.jpg", quadrants((400, 200)), orientation=6)
    result = decode_image(path, fit=(100, 100))
    assert result.size == (50, 100)
    assert close(corner_colours(result)[0], (0, 0, 255), 40)  # blue was bottom-left, now top-left


def test_jpeg_uses_dct_scaling_then_one_downscale_to_the_exact_fit(photo_dir: Path) -> None:
    path = save_jpeg(photo_dir / "big.jpg", quadrants((1600, 1200)))
    result = decode_image(path, fit=(300, 300))
    assert result.size == (300, 225)
    with Image.open(path) as probe:
        probe.draft(None, (300, 225))
        assert probe.size == (400, 300)  # the decoder gets 1/4 scale, not the full 1600x1200
    expected = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)]
    for got, want in zip(corner_colours(result), expected, strict=True):
        assert close(got, want), (got, want)


def test_never_upscales(photo_dir: Path) -> None:
    path = save_jpeg(photo_dir / "small.jpg", quadrants((64, 48)))
    assert decode_image(path, fit=(1920, 1080)).size == (64, 48)


def test_adobe_rgb_profile_is_converted_to_srgb(photo_dir: Path) -> None:
    flat = Image.new("RGB", (32, 32), (200, 50, 50))
    tagged = save_jpeg(photo_dir / "adobe.jpg", flat, icc_profile=adobe_rgb_profile())
    plain = save_jpeg(photo_dir / "plain.jpg", flat)
    converted = decode_image(tagged, fit=None).getpixel((16, 16))
    untouched = decode_image(plain, fit=None).getpixel((16, 16))
    assert close(untouched, (200, 50, 50), 4)  # type: ignore[arg-type]
    # Adobe RGB's red is more saturated than sRGB's: shown as sRGB it must get redder.
    assert close(converted, (232, 46, 46), 5), converted  # type: ignore[arg-type]


def test_a_broken_profile_still_shows_the_photo(photo_dir: Path) -> None:
    path = save_jpeg(
        photo_dir / "badicc.jpg",
        Image.new("RGB", (16, 16), (10, 200, 30)),
        icc_profile=b"junk" * 40,
    )
    assert close(decode_image(path, fit=None).getpixel((8, 8)), (10, 200, 30), 6)  # type: ignore[arg-type]


def test_cmyk_jpeg(photo_dir: Path) -> None:
    path = photo_dir / "cmyk.jpg"
    Image.new("CMYK", (32, 32), (0, 255, 255, 0)).save(path, "JPEG", quality=95)
    result = decode_image(path, fit=(16, 16))
    assert result.mode == "RGB" and result.size == (16, 16)
    assert close(result.getpixel((8, 8)), (255, 0, 0), 10)  # type: ignore[arg-type]


def test_greyscale_jpeg(photo_dir: Path) -> None:
    path = photo_dir / "grey.jpg"
    Image.new("L", (40, 20), 100).save(path, "JPEG")
    result = decode_image(path, fit=None)
    assert result.mode == "RGB" and close(result.getpixel((5, 5)), (100, 100, 100), 3)  # type: ignore[arg-type]


def test_sixteen_bit_greyscale_png_keeps_its_tones(photo_dir: Path) -> None:
    path = photo_dir / "deep.png"
    Image.new("I;16", (20, 20), 32768).save(path, "PNG")  # half of 16-bit full scale
    result = decode_image(path, fit=None)
    assert close(result.getpixel((3, 3)), (128, 128, 128), 2)  # type: ignore[arg-type]


def test_paletted_png_with_transparency_lies_on_the_background(photo_dir: Path) -> None:
    image = Image.new("P", (20, 20), 0)
    image.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    image.paste(1, (10, 0, 20, 20))
    path = photo_dir / "pal.png"
    image.save(path, "PNG", transparency=0)
    result = decode_image(path, fit=None, background=(0, 128, 0))
    assert result.getpixel((2, 2)) == (0, 128, 0)
    assert result.getpixel((15, 2)) == (0, 0, 255)


def test_rgba_png_half_transparent_blends_with_background(photo_dir: Path) -> None:
    path = photo_dir / "alpha.png"
    Image.new("RGBA", (20, 20), (255, 255, 255, 128)).save(path, "PNG")
    result = decode_image(path, fit=(10, 10), background=(0, 0, 0))
    assert result.size == (10, 10)
    assert close(result.getpixel((5, 5)), (128, 128, 128), 2)  # type: ignore[arg-type]


def test_first_frame_of_an_animated_gif(photo_dir: Path) -> None:
    frames = [Image.new("RGB", (20, 20), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    path = photo_dir / "anim.gif"
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert close(decode_image(path, fit=None).getpixel((5, 5)), (255, 0, 0), 3)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["WEBP", "TIFF", "BMP", "AVIF", "PNG"])
def test_other_formats(photo_dir: Path, fmt: str) -> None:
    path = photo_dir / f"photo.{fmt.lower()}"
    quadrants((60, 40)).save(path, fmt, **({"quality": 95} if fmt in ("WEBP", "AVIF") else {}))
    result = decode_image(path, fit=(30, 30))
    assert result.size == (30, 20)
    assert close(corner_colours(result)[1], (0, 255, 0), 40)


def test_webp_with_orientation_in_exif(photo_dir: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 8
    path = photo_dir / "turned.webp"
    quadrants((60, 40)).save(path, "WEBP", lossless=True, exif=exif.tobytes())
    assert decode_image(path, fit=None).size == (40, 60)


# --- bad files: each ends as ImageDecodeError with a reason a person can act on -------------


def reason(path: Path, limits: DecodeLimits | None = None) -> str:
    with pytest.raises(ImageDecodeError) as caught:
        decode_image(path, fit=(200, 200), limits=limits)
    assert str(caught.value) == caught.value.reason
    return str(caught.value)


def test_missing_file(photo_dir: Path) -> None:
    assert "not found" in reason(photo_dir / "nowhere.jpg")


def test_zero_byte_file(photo_dir: Path) -> None:
    path = photo_dir / "empty.jpg"
    path.write_bytes(b"")
    assert "empty" in reason(path)


def test_folder_is_not_a_photo(photo_dir: Path) -> None:
    assert "folder" in reason(photo_dir)


def test_not_an_image(photo_dir: Path) -> None:
    path = photo_dir / "notes.jpg"
    path.write_text("Caption: Bakhmut, 2023 — не фото", encoding="utf-8")
    assert "not a photo" in reason(path)


def test_eps_is_refused_by_the_allow_list(photo_dir: Path) -> None:
    path = photo_dir / "drawing.eps"
    path.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n")
    assert "EPS" in reason(path)


def test_fits_is_refused_by_the_allow_list(photo_dir: Path) -> None:
    header = "".join(
        card.ljust(80)
        for card in (
            "SIMPLE  = T",
            "BITPIX  = 8",
            "NAXIS   = 2",
            "NAXIS1  = 4",
            "NAXIS2  = 4",
            "END",
        )
    )
    path = photo_dir / "sky.fits"
    path.write_bytes(header.ljust(2880).encode() + bytes(2880))
    with Image.open(path) as proof:  # Pillow itself would open it: only our allow-list refuses it
        assert proof.format == "FITS"
    assert "FITS" in reason(path)


def test_truncated_jpeg(photo_dir: Path) -> None:
    full = save_jpeg(photo_dir / "full.jpg", quadrants((400, 300)))
    assert "truncated" in reason(truncated_copy(full, photo_dir / "cut.jpg"))


def test_truncated_png(photo_dir: Path) -> None:
    full = photo_dir / "full.png"
    quadrants((200, 100)).save(full, "PNG")
    message = reason(truncated_copy(full, photo_dir / "cut.png", 0.6))
    assert "truncated" in message or "damaged" in message


def test_corrupt_jpeg_data(photo_dir: Path) -> None:
    full = save_jpeg(photo_dir / "full.jpg", quadrants((200, 100)))
    data = bytearray(full.read_bytes())
    start = data.index(b"\xff\xda")  # scrawl over everything after the start-of-scan marker
    data[start + 2 :] = b"\xff" * (len(data) - start - 2)
    path = photo_dir / "corrupt.jpg"
    path.write_bytes(bytes(data))
    assert "damaged" in reason(path) or "truncated" in reason(path)


def test_decompression_bomb_over_the_pixel_limit(photo_dir: Path) -> None:
    # Pillow's own guard (about 179 MP) fires first for this one; ours covers the rest.
    path = png_header_claiming(photo_dir / "bomb.png", (30000, 30000))
    message = reason(path)
    assert "900 megapixels" in message and "limit" in message
    smaller = png_header_claiming(photo_dir / "bomb2.png", (12000, 12000))
    message = reason(smaller, DecodeLimits(max_pixels=100_000_000))
    assert "12000x12000" in message and "limit of 100 megapixels" in message


def test_pixel_limit_is_a_setting(photo_dir: Path) -> None:
    path = save_jpeg(photo_dir / "ok.jpg", quadrants((100, 100)))
    assert "limit of" in reason(path, DecodeLimits(max_pixels=5_000))
    assert decode_image(path, fit=None, limits=DecodeLimits(max_pixels=10_000)).size == (100, 100)


def test_huge_dimensions_in_a_jpeg_header(photo_dir: Path) -> None:
    full = save_jpeg(photo_dir / "tiny.jpg", Image.new("RGB", (8, 8)))
    data = bytearray(full.read_bytes())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 65000, 65000)
    path = photo_dir / "huge.jpg"
    path.write_bytes(bytes(data))
    assert "limit" in reason(path)


@settings(max_examples=40, deadline=None)
@given(
    st.binary(min_size=1, max_size=400),
    st.sampled_from([b"", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"RIFF"]),
)
def test_random_bytes_never_crash(
    tmp_path_factory: pytest.TempPathFactory, junk: bytes, magic: bytes
) -> None:
    path = tmp_path_factory.mktemp("junk") / "x.img"
    path.write_bytes(magic + junk)
    try:
        image = decode_image(path, fit=(64, 64))
    except ImageDecodeError as exc:
        assert str(exc)
    else:
        assert image.mode == "RGB"


def test_real_camera_photo_with_srgb_profile(photo_dir: Path) -> None:
    source = Path(__file__).parent.parent / "data" / "photos" / "kite.jpg"
    result = decode_image(source, fit=(256, 256))
    assert result.size == (256, 160)
    buffer = io.BytesIO()
    result.save(buffer, "JPEG")
    assert buffer.tell() > 0
