"""Turn any decoded Pillow mode into 8-bit sRGB: ICC profiles, 16-bit, palettes, CMYK, alpha.

Pure pixel conversions on an already-loaded image; it never opens files and never rescales.
A broken embedded profile falls back to the plain conversion rather than failing the photo.
"""

from __future__ import annotations

import io

from PIL import Image, ImageCms

_ALPHA_MODES = frozenset({"RGBA", "LA", "PA", "RGBa", "La"})


def has_alpha(image: Image.Image) -> bool:
    """True if the image carries transparency that must be laid over a background."""
    if image.mode in _ALPHA_MODES:
        return True
    return image.mode in ("P", "L", "RGB") and "transparency" in image.info


def normalise_mode(image: Image.Image) -> Image.Image:
    """Bring exotic modes to one of L, LA, RGB, RGBA or CMYK without losing visible detail."""
    mode = image.mode
    if mode in ("L", "RGB", "CMYK", "RGBA", "LA"):
        if mode in ("L", "RGB") and "transparency" in image.info:
            return image.convert("LA" if mode == "L" else "RGBA")
        return image
    if mode.startswith("I;16") or mode == "I":
        # 16-bit samples: keep the top 8 bits; a plain convert("L") would clip everything to white.
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if mode == "F":
        return image.convert("L")
    if mode == "1":
        return image.convert("L")
    if mode in ("P", "PA"):
        return image.convert("RGBA" if has_alpha(image) else "RGB")
    if mode in ("RGBa", "La"):
        return image.convert("RGBA" if mode == "RGBa" else "LA")
    return image.convert("RGB")


def to_srgb(
    image: Image.Image, icc_profile: bytes | None, background: tuple[int, int, int]
) -> Image.Image:
    """Convert a normalised image to mode RGB in sRGB, laying any transparency over `background`."""
    alpha: Image.Image | None = None
    colour = image
    if image.mode in ("RGBA", "LA"):
        alpha = image.getchannel("A")
        colour = image.convert("RGB" if image.mode == "RGBA" else "L")
    rgb = _convert_profile(colour, icc_profile)
    if alpha is None:
        return rgb
    flat = Image.new("RGB", rgb.size, background)
    flat.paste(rgb, (0, 0), alpha)
    return flat


def _convert_profile(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    if icc_profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            if not _is_srgb(source):
                srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
                converted = ImageCms.profileToProfile(image, source, srgb, outputMode="RGB")
                if converted is not None:
                    return converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a damaged or mismatched profile: show the pixels as they are, not nothing
    return image if image.mode == "RGB" else image.convert("RGB")


def _is_srgb(profile: ImageCms.ImageCmsProfile) -> bool:
    # Cameras embed "sRGB IEC61966-2.1"; converting it to itself only costs time.
    description = ImageCms.getProfileDescription(profile).strip().lower()
    return description.startswith("srgb")


def is_srgb_profile(icc_profile: bytes) -> bool:
    """True for an embedded profile that is sRGB already (nothing to convert)."""
    try:
        return _is_srgb(ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)))
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return False
