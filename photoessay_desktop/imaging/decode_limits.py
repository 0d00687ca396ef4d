"""The limits every photo is opened under: the allow-listed formats and the pixel ceiling.

One value shared by local decoding, header reading and remote fetching, so a stranger's file meets
the same rules however it arrives. Plain data: no Pillow calls, no file access.
"""

from __future__ import annotations

from dataclasses import dataclass

# Pillow keeps its own guard (Image.MAX_IMAGE_PIXELS, about 179 MP refused) besides this one;
# the app may raise Pillow's at start-up, imaging never changes that process-wide value itself.
DEFAULT_MAX_PIXELS = 200_000_000
# Pillow registers dozens of decoders (EPS runs Ghostscript, FITS and others are rarely audited);
# photos only ever need these. Names are Pillow's format names (JPEG also covers MPO files;
# HEIF opens only once the optional pillow-heif plug-in is registered, see heif_support.py).
PHOTO_FORMATS: frozenset[str] = frozenset(
    {"JPEG", "PNG", "GIF", "WEBP", "TIFF", "BMP", "AVIF", "HEIF"}
)


def megapixels(count: int) -> int:
    """`count` megapixels in pixels, as the user's pixel limit (Preferences) means them."""
    return count * 1_000_000


@dataclass(frozen=True, slots=True)
class DecodeLimits:
    """What may be opened: Pillow format names and the largest width x height in pixels."""

    max_pixels: int = DEFAULT_MAX_PIXELS
    formats: frozenset[str] = PHOTO_FORMATS

    def __post_init__(self) -> None:
        if self.max_pixels <= 0:
            raise ValueError("max_pixels must be positive")
        if not self.formats:
            raise ValueError("at least one format must be allowed")
