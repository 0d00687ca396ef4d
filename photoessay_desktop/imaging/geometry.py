"""Size arithmetic for decoding: fitting a photo into a box and EXIF orientation transforms.

Pure functions over sizes and orientation codes plus the one Pillow transpose, so the decoder,
the header reader and the Qt loader all agree on which way up a photo is and how large it ends up.
"""

from __future__ import annotations

from PIL import Image

EXIF_ORIENTATION_TAG = 0x0112
# EXIF orientations 5-8 store the photo on its side: width and height swap when shown upright.
_SWAPPING = frozenset({5, 6, 7, 8})
_TRANSPOSE: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def fit_size(size: tuple[int, int], box: tuple[int, int] | None) -> tuple[int, int]:
    """The largest size with `size`'s aspect ratio inside `box`, never larger than `size`."""
    width, height = size
    if box is None:
        return size
    box_w, box_h = max(1, box[0]), max(1, box[1])
    scale = min(box_w / width, box_h / height, 1.0)
    if scale >= 1.0:
        return size
    return max(1, round(width * scale)), max(1, round(height * scale))


def orientation_of(image: Image.Image) -> int:
    """The EXIF orientation (1-8) of an opened image; 1 when absent or nonsense."""
    try:
        value = image.getexif().get(EXIF_ORIENTATION_TAG, 1)
    except Exception:  # a damaged EXIF block must not stop the photo from showing
        return 1
    return _valid_orientation(value)


def exif_orientation(image: Image.Image) -> int:
    """The orientation (1-8) in the opened image's EXIF block alone, as readers that honour EXIF
    only (Qt's) see it; 1 when absent, nonsense or unreadable. orientation_of() also takes one
    from XMP where EXIF has none, as Pillow does."""
    exif = Image.Exif()
    try:
        exif.load(image.info.get("exif") or b"")
        value = exif.get(EXIF_ORIENTATION_TAG, 1)
    except Exception:  # as orientation_of: a damaged block turns nothing
        return 1
    return _valid_orientation(value)


def _valid_orientation(value: object) -> int:
    """An orientation entry's value when it is one (1-8), else 1: nothing to turn."""
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def swaps_axes(orientation: int) -> bool:
    """True when the stored pixels are on their side (orientations 5-8)."""
    return orientation in _SWAPPING


def shown_size(stored: tuple[int, int], orientation: int) -> tuple[int, int]:
    """The size as displayed upright, from the stored size and the orientation."""
    return (stored[1], stored[0]) if swaps_axes(orientation) else stored


def stored_fit(
    stored: tuple[int, int], orientation: int, box: tuple[int, int] | None
) -> tuple[int, int]:
    """The fitted size in stored orientation: what DCT scaling and scaled reads must be given."""
    upright = fit_size(shown_size(stored, orientation), box)
    return (upright[1], upright[0]) if swaps_axes(orientation) else upright


def make_upright(image: Image.Image, orientation: int) -> Image.Image:
    """Apply an EXIF orientation to pixels (after scaling, where it is cheapest)."""
    method = _TRANSPOSE.get(orientation)
    return image if method is None else image.transpose(method)
