"""Header facts of an image reference for preflight and the slide list: status, size, format.

Reads only the header (no pixel decoding), never touches the network and never opens a UNC path,
so checking an essay of hundreds of photos stays fast and safe.
"""

from __future__ import annotations

from pathlib import Path

from photoessay_desktop.domain.image_facts import ImageFacts, ImageStatus
from photoessay_desktop.domain.image_ref import ImageRefKind, UnsafeImageRefError, image_ref_kind
from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.errors import ImageDecodeError
from photoessay_desktop.imaging.geometry import orientation_of, shown_size
from photoessay_desktop.imaging.photo_open import open_photo


def read_image_facts(ref: str, *, limits: DecodeLimits | None = None) -> ImageFacts:
    """What can be known about `ref` from its header alone; never raises for a bad file."""
    try:
        kind = image_ref_kind(ref)
    except UnsafeImageRefError as exc:
        return ImageFacts(ImageStatus.UNREADABLE, reason=str(exc))
    if kind is ImageRefKind.REMOTE:
        return ImageFacts(ImageStatus.REMOTE)
    if kind is ImageRefKind.NETWORK:
        return ImageFacts(
            ImageStatus.NOT_CHECKED, reason="network paths are not opened until you allow them"
        )
    path = Path(ref)
    try:
        file_size = path.stat().st_size
    except FileNotFoundError:
        return ImageFacts(ImageStatus.NOT_FOUND, reason="the file was not found")
    except OSError as exc:
        return ImageFacts(ImageStatus.UNREADABLE, reason=f"the file cannot be read ({exc})")
    try:
        with open_photo(path, limits or DecodeLimits()) as image:
            width, height = shown_size(image.size, orientation_of(image))
            image_format = "JPEG" if image.format == "MPO" else image.format
    except ImageDecodeError as exc:
        return ImageFacts(ImageStatus.UNREADABLE, file_size=file_size, reason=str(exc))
    return ImageFacts(
        ImageStatus.READABLE,
        width=width,
        height=height,
        format=image_format,
        file_size=file_size,
    )
