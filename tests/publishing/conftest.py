"""Shared makers for the publishing tests: small real photos on disk and essays that use them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from photoessay_desktop.domain.essay import Essay, Slide

HOSTILE = "<script>alert(1)</script> & more"
ARABIC = "مقاتلون أوكرانيون يطلقون مدفع هاوتزر"
HEBREW = "חיילים אוקראינים בדרך לקו החזית"


def make_photo(
    path: Path,
    size: tuple[int, int] = (900, 600),
    *,
    orientation: int | None = None,
    colour: tuple[int, int, int] = (200, 60, 40),
) -> Path:
    """Write a JPEG with a bright left half and the given EXIF orientation (and camera data)."""
    image = Image.new("RGB", size, (30, 30, 30))
    image.paste(colour, (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"  # Make: must not survive into the web copies
    if orientation is not None:
        exif[0x0112] = orientation
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", exif=exif.tobytes(), quality=90)
    return path


@pytest.fixture
def photo_folder(tmp_path: Path) -> Path:
    """A folder with a non-ASCII name, as photographers' folders often have."""
    folder = tmp_path / "Фото — Бахмут ✓"
    folder.mkdir()
    return folder


@pytest.fixture
def essay_maker(photo_folder: Path) -> Callable[..., Essay]:
    """The standard test essay: photo, hostile text, text slide, remote, RTL, rotated photo."""

    def make(**changes: object) -> Essay:
        first = make_photo(photo_folder / "první.jpg", (1600, 1000))
        rotated = make_photo(photo_folder / "rotated.jpg", (800, 600), orientation=6)
        essay = Essay(
            title="Bakhmut: life under fire",
            standfirst="The eastern town has taken on great psychological importance.",
            body=("NATO warned that Bakhmut could fall.", "Here are some images of daily life."),
            language="en",
            source_url="https://www.example.com/news/bakhmut",
            slides=(
                Slide(
                    id="s1",
                    image=str(first),
                    caption="Ukrainian servicemen fire a howitzer.",
                    credit="Aris Messinis / AFP",
                    alt_text="Soldiers beside a howitzer in a field",
                ),
                Slide(
                    id="s2", image=str(rotated), caption=HOSTILE, credit=HOSTILE, alt_text=HOSTILE
                ),
                Slide(id="s3", caption="A text slide between photos.", credit="The editors"),
                Slide(
                    id="s4",
                    image="https://static.example.com/image/remote.jpg",
                    caption="A building burns.",
                    credit="Alex Babenko / Reuters",
                    alt_text="Smoke over a building",
                ),
                Slide(
                    id="s5",
                    image=str(first),
                    caption=ARABIC,
                    credit=HEBREW,
                    alt_text="Ukrainian soldiers walking",
                ),
            ),
        )
        return essay.model_copy(update=changes)

    return make
