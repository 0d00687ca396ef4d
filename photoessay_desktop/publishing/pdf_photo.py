"""Turns a slide's photo into a QImage for a PDF page, through imaging's upright sRGB decode.

The decode is imaging's (orientation and colour applied there); this only converts the Pillow image
to a QImage the painter can place. QtGui only, never QtWidgets.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtGui import QImage

from photoessay_desktop.imaging.decode import decode_image


def decode_for_pdf(path: Path, fit: tuple[int, int]) -> QImage:
    """The photo at path, upright in sRGB, fitted inside `fit` pixels; raises ImageDecodeError."""
    with decode_image(path, fit=fit) as image:
        return to_qimage(image)


def to_qimage(image: Image.Image) -> QImage:
    """A deep copy of an RGB Pillow image as a QImage (owns its pixels)."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    data = rgb.tobytes()
    view = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return view.copy()  # `data` goes away with this function; the copy does not need it
