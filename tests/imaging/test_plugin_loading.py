"""Opening a photo loads only the allow-listed formats' Pillow plug-ins, and HEIC opens without
anyone registering pillow-heif first (photo_open does it on the first HEIC file).

Each case runs in a fresh interpreter: this test process has loaded every plug-in already.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from photoessay_desktop.imaging.decode_limits import PHOTO_FORMATS

ROOT = Path(__file__).resolve().parents[2]

_READ = """
import json, sys
from photoessay_desktop.imaging.image_facts_reader import read_image_facts
facts = read_image_facts(sys.argv[1])
plugins = sorted(m for m in sys.modules if m.startswith("PIL.") and m.endswith("ImagePlugin"))
heif = "pillow_heif" in sys.modules
print(json.dumps([facts.status.name, facts.format, facts.reason, plugins, heif]))
"""


def _read_in_fresh_process(path: Path) -> list[object]:
    done = subprocess.run(
        [sys.executable, "-c", _READ, str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: list[object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_jpeg_loads_only_the_jpeg_plugin(photo_dir: Path) -> None:
    path = photo_dir / "фото.jpg"
    Image.new("RGB", (64, 48), (10, 120, 200)).save(path, "JPEG")
    status, image_format, _reason, plugins, heif = _read_in_fresh_process(path)
    assert (status, image_format) == ("READABLE", "JPEG")
    # The name says JPEG and it is one: no other decoder (EPS, TIFF, ...) and no pillow-heif.
    assert plugins == ["PIL.JpegImagePlugin"]
    assert heif is False


@pytest.mark.parametrize(
    ("name", "saved_as"), [("really-a-png.jpg", "PNG"), ("really-a-jpeg.png", "JPEG")]
)
def test_a_misnamed_photo_opens_as_what_it_is(photo_dir: Path, name: str, saved_as: str) -> None:
    path = photo_dir / name
    Image.new("RGB", (64, 48), (10, 120, 200)).save(path, saved_as)
    status, image_format, _reason, plugins, _heif = _read_in_fresh_process(path)
    assert (status, image_format) == ("READABLE", saved_as)
    assert isinstance(plugins, list)
    assert not [
        p
        for p in plugins
        if p.removeprefix("PIL.").removesuffix("ImagePlugin").upper() not in PHOTO_FORMATS | {"MPO"}
    ]


def test_a_refused_file_still_names_every_allowed_format(photo_dir: Path) -> None:
    path = photo_dir / "scan.eps"
    path.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n")
    status, _format, reason, _plugins, _heif = _read_in_fresh_process(path)
    assert status == "UNREADABLE"
    assert isinstance(reason, str)
    assert reason.startswith("this is an EPS/PostScript file, not a photo")
    expected = {"AVIF", "BMP", "GIF", "JPEG", "PNG", "TIFF", "WEBP"}
    if _has_heif():
        expected.add("HEIF")
    assert set(reason.rsplit("opens ", 1)[1].split(", ")) == expected


def test_heic_opens_without_registering_the_plugin_first(photo_dir: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif", reason="the optional heic extra")
    pillow_heif.register_heif_opener()  # only to write the sample, in this process
    path = photo_dir / "iphone.heic"
    Image.new("RGB", (96, 64), (200, 20, 20)).save(path, "HEIF", quality=80)
    status, image_format, _reason, _plugins, heif = _read_in_fresh_process(path)
    assert (status, image_format, heif) == ("READABLE", "HEIF", True)


def _has_heif() -> bool:
    try:
        import pillow_heif  # noqa: F401
    except ImportError:
        return False
    return True
