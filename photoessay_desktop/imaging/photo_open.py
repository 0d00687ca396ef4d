"""Open a photo file lazily under the allow-list and the pixel limit, with plain-language errors.

Only the header is read here, so a decompression bomb or a refused format is turned away before a
single pixel is decoded. It must not decode pixels or convert colour; decode.py does that.
Plug-ins are imported as files need them (the one the name suggests first, then the other allowed
formats', then pillow-heif): importing them all held the GIL for 15 ms and more on the workers
while the editor was starting (issue #5).
"""

from __future__ import annotations

import contextlib
import importlib
import re
from pathlib import Path

from PIL import Image, ImageFile, UnidentifiedImageError

from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.errors import ImageDecodeError
from photoessay_desktop.imaging.heif_support import enable_heif

# Pillow's module for each allow-listed format; HEIF is registered by pillow-heif (heif_support).
# A format named here by neither falls back to Image.init(), which imports every plug-in.
_PILLOW_PLUGINS: dict[str, str | None] = {
    "JPEG": "JpegImagePlugin",
    "PNG": "PngImagePlugin",
    "GIF": "GifImagePlugin",
    "WEBP": "WebPImagePlugin",
    "TIFF": "TiffImagePlugin",
    "BMP": "BmpImagePlugin",
    "AVIF": "AvifImagePlugin",
    "HEIF": None,
}
# The format a photo's name suggests, tried alone first. The allowed formats' signatures exclude
# one another, so a file that format opens is the file the whole list would have opened with it.
_SUFFIX_FORMATS = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".jpe": "JPEG",
    ".png": "PNG",
    ".gif": "GIF",
    ".webp": "WEBP",
    ".tif": "TIFF",
    ".tiff": "TIFF",
    ".bmp": "BMP",
    ".avif": "AVIF",
}

# Leading bytes of formats people drop into an essay by mistake, so the message can name them.
_KNOWN_REFUSED: tuple[tuple[bytes, str], ...] = (
    (b"%!PS", "an EPS/PostScript file"),
    (b"\xc5\xd0\xd3\xc6", "an EPS file"),
    (b"%PDF", "a PDF document"),
    (b"SIMPLE  =", "a FITS astronomy image"),
    (b"<svg", "an SVG drawing"),
    (b"<?xml", "an XML/SVG document"),
    (b"8BPS", "a Photoshop document"),
    (b"PK\x03\x04", "a ZIP archive"),
)
_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")


def open_photo(path: Path, limits: DecodeLimits) -> ImageFile.ImageFile:
    """Open `path` lazily; raise ImageDecodeError if it is missing, refused, empty or too large."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImageDecodeError("the file was not found") from None
    except OSError as exc:
        raise ImageDecodeError(f"the file cannot be read ({exc.strerror or exc})") from None
    if path.is_dir():
        raise ImageDecodeError("this is a folder, not a photo")
    if size == 0:
        raise ImageDecodeError("the file is empty (0 bytes)")
    try:
        image = _open_allowed(path, limits)
    except Image.DecompressionBombError as exc:
        raise ImageDecodeError(bomb_reason(exc)) from None
    except PermissionError:
        raise ImageDecodeError("the file cannot be read (permission denied)") from None
    except UnidentifiedImageError:
        raise ImageDecodeError(_refused_reason(path, limits)) from None
    except Exception as exc:  # a hostile header can raise anything from a format plug-in
        raise ImageDecodeError(f"the file is damaged ({type(exc).__name__}: {exc})") from None
    try:
        check_pixel_limit(image.size, limits)
    except ImageDecodeError:
        image.close()
        raise
    return image


def _open_allowed(path: Path, limits: DecodeLimits) -> ImageFile.ImageFile:
    suggested = _SUFFIX_FORMATS.get(path.suffix.lower())
    if suggested in limits.formats:
        _load_plugin(suggested)
        if suggested in Image.OPEN:
            with contextlib.suppress(UnidentifiedImageError):  # misnamed: the full list decides
                return Image.open(path, formats=[suggested])
    try:
        return Image.open(path, formats=available_formats(limits))
    except UnidentifiedImageError:
        # No other allowed format accepts what HEIF accepts (an ISO media "ftyp" box), so
        # registering pillow-heif on the first file nothing else opened gives the same answer as
        # registering it at start-up would have.
        if "HEIF" in limits.formats and "HEIF" not in Image.OPEN and enable_heif():
            return Image.open(path, formats=available_formats(limits))
        raise


def available_formats(limits: DecodeLimits) -> list[str]:
    """The allowed formats Pillow can open in this process (HEIF once its plug-in is in)."""
    for name in limits.formats - Image.OPEN.keys():
        _load_plugin(name)
    return sorted(name for name in limits.formats if name in Image.OPEN)


def _load_plugin(name: str) -> None:
    if name not in _PILLOW_PLUGINS:
        Image.init()  # cheap once done
        return
    module = _PILLOW_PLUGINS[name]
    if module is not None:
        with contextlib.suppress(ImportError):  # a Pillow built without the format's library
            importlib.import_module(f"PIL.{module}")


def check_pixel_limit(size: tuple[int, int], limits: DecodeLimits) -> None:
    """Raise ImageDecodeError when width x height is zero or over the limit."""
    width, height = size
    if width <= 0 or height <= 0:
        raise ImageDecodeError(f"the image has no pixels ({width}x{height})")
    if width * height > limits.max_pixels:
        raise ImageDecodeError(
            f"the image is {width}x{height} ({width * height / 1e6:.0f} megapixels), over the "
            f"limit of {limits.max_pixels / 1e6:.0f} megapixels set in Preferences"
        )


def bomb_reason(exc: Image.DecompressionBombError) -> str:
    """The message for Pillow's own bomb check (about 179 MP, which applies besides ours)."""
    found = _BOMB_PIXELS.search(str(exc))
    pixels = f" ({int(found.group(1)) / 1e6:.0f} megapixels)" if found else ""
    return f"the image is too large to open safely{pixels}: over the pixel limit"


def _refused_reason(path: Path, limits: DecodeLimits) -> str:
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        head = b""
    allowed = ", ".join(available_formats(limits))
    for magic, name in _KNOWN_REFUSED:
        if head.lstrip().startswith(magic):
            return f"this is {name}, not a photo; PhotoEssay opens {allowed}"
    return f"this is not a photo PhotoEssay can open, or it is damaged; it opens {allowed}"
