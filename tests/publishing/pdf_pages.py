"""Looks at a PDF as a reviewer would: pages as PNG (pdftoppm), its text (pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PIL import Image, ImageStat


def require_poppler() -> None:
    """Skip (with the reason) where poppler-utils is not installed."""
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed (apt-get install poppler-utils)")


# A few pages take well under a second; a stuck poppler must fail the test, not hang the suite.
_POPPLER_WAIT_S = 60


def render_pages(pdf: Path, out: Path, dpi: int = 30) -> list[Image.Image]:
    """Every page of pdf as an RGB image, in page order."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out / "page")],
        check=True,
        timeout=_POPPLER_WAIT_S,
    )
    files = sorted(out.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
    return [Image.open(f).convert("RGB") for f in files]


def pdf_text(pdf: Path) -> str:
    """The text pdftotext finds in pdf, with ligatures (fi, fl) and presentation forms undone."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        timeout=_POPPLER_WAIT_S,
    )
    return unicodedata.normalize("NFKC", done.stdout.decode("utf-8"))


def inked_share(page: Image.Image) -> float:
    """The share of pixels that are not paper white: 0 for a blank page."""
    grey = page.convert("L").point(lambda v: 255 if v < 240 else 0)
    return float(ImageStat.Stat(grey).mean[0]) / 255


def word_positions(pdf: Path, word: str) -> list[tuple[int, float]]:
    """(page index, left edge as a share of the page width) of each place `word` is printed."""
    done = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        timeout=_POPPLER_WAIT_S,
    )
    found: list[tuple[int, float]] = []
    page, width = -1, 1.0
    for line in done.stdout.decode("utf-8").splitlines():
        if "<page " in line:
            page += 1
            width = float(line.split('width="')[1].split('"')[0])
        elif f">{word}</word>" in line:
            found.append((page, float(line.split('xMin="')[1].split('"')[0]) / width))
    return found
