"""Makes the web copies of one photo: two or three widths of progressive JPEG, metadata stripped.

Pixels come from imaging's decode_image (upright, sRGB, RGB), so this module never applies
orientation or colour itself; it only scales down and encodes. It never upscales a small photo.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from photoessay_desktop.imaging.decode import decode_image

# Phone, laptop and wide/retina columns; the page's `sizes` lets the browser pick.
WEB_WIDTHS = (640, 1280, 2048)
# Tall photos are bounded too, so a panorama turned upright does not become a 2048x8000 file.
MAX_HEIGHT = 2048
JPEG_QUALITY = 82
# Widths closer than this to a larger copy add bytes without helping any screen.
_MIN_STEP = 1.25


@dataclass(frozen=True, slots=True)
class WebImageFile:
    """One encoded copy: its file name inside the photos folder and its pixel size."""

    name: str
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class WebPhoto:
    """The copies of one photo, smallest first; the largest is the `src` fallback."""

    files: tuple[WebImageFile, ...]

    @property
    def largest(self) -> WebImageFile:
        return self.files[-1]


def decode_for_web(path: Path) -> Image.Image:
    """The one place pixels come from: imaging's upright sRGB decode, fitted to the largest copy."""
    return decode_image(path, fit=(WEB_WIDTHS[-1], MAX_HEIGHT))


def widths_for(source_width: int) -> tuple[int, ...]:
    """The copy widths for a photo this wide: the standard ones below it, then its own width."""
    own = min(source_width, WEB_WIDTHS[-1])
    smaller = [w for w in WEB_WIDTHS if w * _MIN_STEP <= own]
    return (*smaller, own)


def write_web_photo(image: Image.Image, folder: Path, stem: str) -> WebPhoto:
    """Encode `image` (already upright sRGB RGB) at each web width into folder as `stem-W.jpg`."""
    files: list[WebImageFile] = []
    for width in widths_for(image.width):
        height = max(1, round(image.height * width / image.width))
        copy = (
            image
            if width == image.width
            else image.resize((width, height), Image.Resampling.LANCZOS)
        )
        name = f"{stem}-{width}.jpg"
        # No exif= or icc_profile= argument: Pillow writes neither, so camera data and GPS stay out.
        # No optimize=True: libjpeg already optimises a progressive file's tables (same bytes,
        # measured), and asking again costs ~20% more time.
        copy.save(folder / name, format="JPEG", quality=JPEG_QUALITY, progressive=True)
        files.append(WebImageFile(name, width, height))
    return WebPhoto(tuple(files))
