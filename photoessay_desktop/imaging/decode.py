"""Decode one local photo to an upright 8-bit sRGB RGB image that fits a box, as fast as Pillow can.

JPEGs are decoded at the smallest DCT scale not below the target (draft mode, given the fitted size
in stored orientation), then downscaled once with a high-quality filter. No Qt, no caching here.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from photoessay_desktop.imaging.colour import has_alpha, normalise_mode, to_srgb
from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.errors import ImageDecodeError
from photoessay_desktop.imaging.geometry import make_upright, orientation_of, stored_fit
from photoessay_desktop.imaging.photo_open import bomb_reason, open_photo

# resize() first box-reduces by an integer factor then runs LANCZOS on at most 3x the target:
# visually the same as plain LANCZOS at a fraction of the cost.
_REDUCING_GAP = 3.0


def decode_image(
    path: Path,
    *,
    fit: tuple[int, int] | None,
    limits: DecodeLimits | None = None,
    background: tuple[int, int, int] = (0, 0, 0),
) -> Image.Image:
    """Return the photo at `path` upright, in sRGB, mode RGB, downscaled (never up) to fit `fit`.

    Raises ImageDecodeError, whose str() is the reason to show, for any file that cannot be shown.
    """
    limits = limits or DecodeLimits()
    with open_photo(path, limits) as opened:
        try:
            return _decode_opened(opened, fit, background)
        except ImageDecodeError:
            raise
        except MemoryError:
            raise ImageDecodeError("there is not enough memory to decode this photo") from None
        except Image.DecompressionBombError as exc:
            raise ImageDecodeError(bomb_reason(exc)) from None
        except OSError as exc:
            raise ImageDecodeError(_damaged_reason(exc)) from None
        except Exception as exc:  # malformed data can raise anything inside a decoder plug-in
            raise ImageDecodeError(f"the file is damaged ({type(exc).__name__}: {exc})") from None


def _decode_opened(
    image: Image.Image, fit: tuple[int, int] | None, background: tuple[int, int, int]
) -> Image.Image:
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)  # animated GIF/WebP/multi-page TIFF: the first frame is the photo
    orientation = orientation_of(image)
    icc_profile = image.info.get("icc_profile")
    target = stored_fit(image.size, orientation, fit)
    if image.format in ("JPEG", "MPO") and target != image.size:
        image.draft(
            None, target
        )  # DCT scaling: decodes at 1/2, 1/4 or 1/8 when that stays >= target
    image.load()
    pixels = normalise_mode(image)
    if has_alpha(pixels):
        # Transparency is flattened at full size so resampling never drags the hidden colour in.
        flat = to_srgb(pixels, icc_profile if isinstance(icc_profile, bytes) else None, background)
        return make_upright(_downscale(flat, target), orientation)
    scaled = _downscale(pixels, target)
    rgb = to_srgb(scaled, icc_profile if isinstance(icc_profile, bytes) else None, background)
    return make_upright(rgb, orientation)


def _downscale(image: Image.Image, target: tuple[int, int]) -> Image.Image:
    if image.size == target:
        return image
    if image.width < target[0] or image.height < target[1]:
        return image  # never upscale: the decoder already gave fewer pixels than the box wants
    return image.resize(target, Image.Resampling.LANCZOS, reducing_gap=_REDUCING_GAP)


def _damaged_reason(exc: OSError) -> str:
    text = str(exc)
    if "truncated" in text:
        return "the file is truncated (it ends before the picture does); copy it again"
    return f"the file is damaged ({text})"
