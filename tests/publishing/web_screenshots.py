"""Exports a sample essay (the repository's photos) and photographs the page at 390 and 1440 px.

Run by scripts/screenshot_web_export.sh for docs/screenshots/; the same steps the Chromium tests
check, kept runnable so anyone can look at the page after changing the template.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.publishing.web_export import export_web_page
from tests.publishing.chromium_session import chromium_page, find_chromium
from tests.publishing.local_server import serve_folder

PHOTOS = Path(__file__).resolve().parent.parent / "data" / "photos"
# Phone: the whole page. Wide: the first screen and a half, so the PNG stays small enough for git.
SHOTS = ((390, None), (1440, 1300))


def sample_essay() -> Essay:
    """A short essay over the sample photos: photos, a text slide, a remote photo, RTL text."""
    return Essay(
        title="Cold water, warm light: a week by the lakes",
        standfirst="Photographers of the KDE wallpaper collection on fog, colour and the last "
        "light of summer.",
        body=(
            "These photos come with the repository so every export can be checked by eye.",
            "Press J and K to move between photos; the page reads the same without script.",
        ),
        language="en",
        slides=(
            Slide(
                id="ripple",
                image=str(PHOTOS / "cold-ripple.jpg"),
                caption="Ripples cross a cold lake at dawn.",
                credit="Risto Saukonpää",
                alt_text="Grey ripples on the surface of a lake",
            ),
            Slide(
                id="cups",
                image=str(PHOTOS / "colorful-cups.jpg"),
                caption="Colourful cups stacked at a market in Aarhus, Denmark. <script> & all.",
                credit="Dmitri Popov",
                alt_text="Rows of blue, purple and red plastic cups seen from above",
            ),
            Slide(
                id="note",
                caption="Between the photos, a text slide carries a quotation or a pause.",
                credit="The editors",
            ),
            Slide(
                id="leaf",
                image=str(PHOTOS / "fallen-leaf.jpg"),
                caption="ورقة شجر متساقطة على العشب في الخريف.",
                credit="Martin Klapetek",
                alt_text="A brown maple leaf on autumn grass",
            ),
            Slide(
                id="remote",
                image="https://static.example.com/photos/not-downloaded.jpg",
                caption="A photo still on the agency's server: the page says so.",
                credit="Agency / Pool",
                alt_text="",
            ),
            Slide(
                id="kite",
                image=str(PHOTOS / "kite.jpg"),
                caption="A kite over the bay.",
                credit="Risto Saukonpää",
                alt_text="A small rainbow kite high in a blue sky",
            ),
        ),
    )


def take_screenshots(out: Path) -> list[Path]:
    """Export the sample essay and save web-export-390.png and web-export-1440.png into out."""
    binary = find_chromium()
    if binary is None:
        raise SystemExit("Chromium is not installed (apt-get install chromium)")
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as work:
        export_web_page(sample_essay(), Path(work) / "web")
        with serve_folder(Path(work) / "web") as served, chromium_page(binary) as page:
            for width, max_height in SHOTS:
                page.open(served.url + "index.html", width, 900)
                shot = out / f"web-export-{width}.png"
                page.screenshot(shot, width, max_height)
                shots.append(shot)
    return shots


if __name__ == "__main__":
    for made in take_screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(made)
