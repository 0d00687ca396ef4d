"""HEIC photos through the optional pillow-heif plug-in (the `heic` extra)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from photoessay_desktop.imaging.decode import decode_image
from photoessay_desktop.imaging.heif_support import enable_heif
from photoessay_desktop.imaging.image_facts_reader import read_image_facts

pytest.importorskip("pillow_heif", reason="the optional heic extra (pillow-heif) is not installed")


def test_heic_photo_decodes_upright_and_fitted(photo_dir: Path) -> None:
    assert enable_heif()
    path = photo_dir / "iphone.heic"
    Image.new("RGB", (320, 240), (200, 20, 20)).save(path, "HEIF", quality=90)
    facts = read_image_facts(str(path))
    assert (facts.format, facts.width, facts.height) == ("HEIF", 320, 240)
    result = decode_image(path, fit=(160, 160))
    assert result.size == (160, 120)
    red, green, blue = result.getpixel((80, 60))  # type: ignore[misc]
    assert red > 170 and green < 60 and blue < 60
