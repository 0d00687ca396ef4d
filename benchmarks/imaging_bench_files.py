"""Photo-like files for the imaging benchmark, generated once into benchmarks/out (not committed).

Smooth gradients, blotches and fine grain make JPEGs compress (and decode) like camera photos
rather than like flat colour or pure noise. Hard links give many distinct paths for one file.
"""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image, ImageChops

OUT = Path(__file__).resolve().parent / "out"


def photo_like(size: tuple[int, int], seed: int) -> Image.Image:
    """An RGB image with sky-like gradients, soft shapes and sensor-like grain."""
    width, height = size
    gradient = Image.linear_gradient("L").resize(size)
    channels = []
    for offset in range(3):
        blotches = Image.effect_noise((max(1, width // 48), max(1, height // 48)), 70 + 9 * seed)
        blotches = blotches.resize(size, Image.Resampling.BICUBIC)
        grain = Image.effect_noise(size, 12 + offset)
        mixed = ImageChops.add(ImageChops.multiply(gradient, blotches), grain, scale=1.0)
        channels.append(ImageChops.blend(mixed, blotches, 0.35 + 0.1 * offset))
    return Image.merge("RGB", channels)


def ensure_jpeg(name: str, size: tuple[int, int], seed: int = 1) -> Path:
    """A photo-like camera-size JPEG (quality 92, 4:2:0), generated on first use."""
    path = OUT / name
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        photo_like(size, seed).save(path, "JPEG", quality=92)
    return path


def ensure_png(name: str, size: tuple[int, int]) -> Path:
    """A photo-like PNG (no DCT scaling possible), generated on first use."""
    path = OUT / name
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        photo_like(size, 3).save(path, "PNG", compress_level=6)
    return path


def tiny_jpeg() -> Path:
    """A 16x16 JPEG: running djpeg on it measures the cost of starting the process."""
    path = OUT / "tiny.jpg"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (16, 16), (90, 90, 90)).save(path, "JPEG")
    return path


def linked_copies(source: Path, count: int, folder_name: str) -> list[Path]:
    """`count` distinct paths to the same bytes (hard links, or copies where links fail)."""
    folder = OUT / folder_name
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"photo-{index:04d}{source.suffix}"
        if not path.exists():
            try:
                os.link(source, path)
            except OSError:
                path.write_bytes(source.read_bytes())
        paths.append(path)
    return paths
