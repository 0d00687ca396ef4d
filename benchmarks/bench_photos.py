"""Deterministic photo-like 24 MP JPEGs for the slideshow benchmark, made with Pillow alone.

Sky and ground gradients, a sun, hills and scattered shapes in a hue of their own, then sensor-like
noise at full size, so a decode costs what a camera file costs (about 7 MB each at quality 90).
"""

from __future__ import annotations

import colorsys
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 6000, 4000


def _hsv(hue: float, saturation: float, value: float) -> tuple[int, int, int]:
    red, green, blue = colorsys.hsv_to_rgb(hue % 1.0, saturation, value)
    return round(red * 255), round(green * 255), round(blue * 255)


def make_photo(index: int, width: int = WIDTH, height: int = HEIGHT) -> Image.Image:
    """Photo number `index` (1-based): its own hue, horizon, sun and shapes."""
    rng = random.Random(1000 + index)
    hue = index / 12
    small_w, small_h = width // 4, height // 4
    base = Image.new("RGB", (small_w, small_h))
    draw = ImageDraw.Draw(base)
    horizon = int(small_h * (0.45 + 0.15 * rng.random()))
    top, bottom = _hsv(hue, 0.75, 0.55), _hsv(hue + 0.04, 0.35, 0.95)
    ground_top, ground_bottom = _hsv(hue + 0.08, 0.65, 0.7), _hsv(hue - 0.05, 0.85, 0.25)
    for y in range(small_h):
        if y < horizon:
            t, a, b = y / horizon, top, bottom
        else:
            t, a, b = (y - horizon) / (small_h - horizon), ground_top, ground_bottom
        draw.line(
            [(0, y), (small_w, y)],
            fill=tuple(round(p + (q - p) * t) for p, q in zip(a, b, strict=True)),
        )
    sun_r = int(small_h * rng.uniform(0.05, 0.1))
    sun_x, sun_y = int(small_w * rng.uniform(0.15, 0.85)), int(horizon * rng.uniform(0.2, 0.6))
    draw.ellipse(
        [sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r],
        fill=_hsv(hue + 0.12, 0.15, 1.0),
    )
    for layer in range(3):
        points = [(0, small_h)]
        for i in range(15):
            y = int(horizon - small_h * 0.12 * (3 - layer) * rng.random() + small_h * 0.05 * layer)
            points.append((int(small_w * i / 14), y))
        points.append((small_w, small_h))
        draw.polygon(points, fill=_hsv(hue + 0.03 * layer, 0.6, 0.55 - 0.12 * layer))
    for _ in range(60):
        x, y = rng.uniform(0, small_w), rng.uniform(horizon * 0.9, small_h)
        size = rng.uniform(5, 65)
        colour = _hsv(hue + rng.uniform(-0.15, 0.15), rng.uniform(0.2, 0.9), rng.uniform(0.2, 1.0))
        draw.ellipse([x - size, y - size / 2, x + size, y + size / 2], fill=colour)
    photo = base.filter(ImageFilter.GaussianBlur(1)).resize(
        (width, height), Image.Resampling.BICUBIC
    )
    # Grain at full resolution: without it a JPEG of smooth gradients decodes unrealistically fast.
    grain = Image.effect_noise((width, height), 64).convert("RGB")
    return Image.blend(photo, grain, 0.1)


def write_photos(folder: Path, count: int = 12, *, icc_profile: bytes | None = None) -> list[Path]:
    """Write (or reuse) photos 01.jpg ... in `folder`, with `icc_profile` embedded if given (as
    most cameras embed sRGB)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(1, count + 1):
        path = folder / f"{index:02d}.jpg"
        if not path.exists():
            exif = Image.Exif()
            exif[0x0112] = 1  # upright
            extra = {"icc_profile": icc_profile} if icc_profile else {}
            make_photo(index).save(
                path, "JPEG", quality=90, subsampling="4:2:0", exif=exif.tobytes(), **extra
            )
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_photos(
        Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/present-bench/photos")
    ):
        print(written, written.stat().st_size)
