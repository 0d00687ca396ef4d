"""The exported page in a real headless Chromium, served from 127.0.0.1: what a reader gets.

Checks the DOM (figures, alts, captions, credits), that no text ran as script, that nothing is
fetched from anywhere but the export, the keyboard navigation, and both layouts without overflow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.publishing.web_export import export_web_page
from tests.publishing.chromium_session import ChromiumPage, chromium_page, find_chromium
from tests.publishing.conftest import ARABIC, HEBREW, HOSTILE
from tests.publishing.local_server import ServedFolder, serve_folder

# Would set a flag, fetch a canary path or open a dialog if any of it ran.
ATTACK = (
    f"{HOSTILE} <script>window.__pwned = 1; fetch('/pwned-script')</script>"
    ' <img src="/pwned-img" onerror="window.__pwned = 2">'
)
FIGURES_JS = """[...document.querySelectorAll('figure')].map(f => ({
  alt: f.querySelector('img') ? f.querySelector('img').getAttribute('alt') : null,
  caption: [...f.querySelectorAll('figcaption .caption')].map(c => c.textContent).join('\\n'),
  credit: [...f.querySelectorAll('figcaption .credit')].map(c => c.textContent).join('\\n'),
  note: f.querySelector('.missing-photo') ? f.querySelector('.missing-photo').textContent : null,
}))"""


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = find_chromium()
    if binary is None:
        pytest.skip(
            "Chromium is not installed: `apt-get install chromium` (scripts/dev.py test does it "
            "where it may) or set PHOTOESSAY_CHROMIUM to a Chromium binary"
        )
    return binary


@pytest.fixture
def served(essay_maker: Callable[..., Essay], photo_folder: Path) -> Iterator[ServedFolder]:
    essay = essay_maker(title=ATTACK, standfirst=ATTACK)
    slides = list(essay.slides)
    slides[1] = slides[1].model_copy(
        update={"caption": ATTACK, "credit": ATTACK, "alt_text": ATTACK}
    )
    slides.append(Slide(id="t2", caption=ATTACK, credit=ATTACK))
    export_web_page(essay.model_copy(update={"slides": tuple(slides)}), photo_folder / "web")
    with serve_folder(photo_folder / "web") as folder:
        yield folder


@pytest.fixture
def page(chromium: str) -> Iterator[ChromiumPage]:
    with chromium_page(chromium) as opened:
        yield opened


def _figures(page: ChromiumPage) -> list[dict[str, Any]]:
    figures: list[dict[str, Any]] = page.evaluate(FIGURES_JS)
    return figures


def test_the_page_shows_every_slide_and_runs_none_of_its_text(
    page: ChromiumPage, served: ServedFolder
) -> None:
    page.open(served.url + "index.html", 1440, 900)
    page.load_all_images()

    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.evaluate("document.querySelector('h1').textContent") == ATTACK
    assert page.evaluate("document.title") == ATTACK
    assert _figures(page) == [
        {
            "alt": "Soldiers beside a howitzer in a field",
            "caption": "Ukrainian servicemen fire a howitzer.",
            "credit": "Aris Messinis / AFP",
            "note": None,
        },
        {"alt": ATTACK, "caption": ATTACK, "credit": ATTACK, "note": None},
        {
            "alt": None,
            "caption": "A building burns.",
            "credit": "Alex Babenko / Reuters",
            "note": "Photo not included: it is on static.example.com and had not been downloaded "
            "when this export was made.",
        },
        {"alt": "Ukrainian soldiers walking", "caption": ARABIC, "credit": HEBREW, "note": None},
    ]
    texts = page.evaluate(
        "[...document.querySelectorAll('section.slide--text')].map(s => s.textContent)"
    )
    assert [t.strip() for t in texts] == [
        "A text slide between photos.\nThe editors",
        f"{ATTACK}\n{ATTACK}",
    ]
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not [e for e in page.events if e["method"] == "Page.javascriptDialogOpening"]
    # The page's own optional script did run: the attacks above failed, not scripting as a whole.
    assert page.evaluate("document.documentElement.classList.contains('has-keys')") is True
    assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    allowed = ("/index.html", "/essay.css", "/essay-keys.js", "/favicon.ico")
    assert [r for r in served.requests if not r.startswith("/photos/") and r not in allowed] == []


def test_right_to_left_captions_read_right_to_left(
    page: ChromiumPage, served: ServedFolder
) -> None:
    page.open(served.url + "index.html", 1440, 900)
    directions = page.evaluate(
        "[...document.querySelectorAll('figcaption .caption')]"
        ".map(c => getComputedStyle(c).direction)"
    )
    assert directions == ["ltr", "ltr", "ltr", "rtl"]


@pytest.mark.parametrize("width", [390, 1440])
def test_both_layouts_fit_the_screen_and_pick_a_fitting_photo_size(
    page: ChromiumPage, served: ServedFolder, width: int, tmp_path: Path
) -> None:
    page.open(served.url + "index.html", width, 900)
    lazy = page.evaluate("[...document.images].map(i => i.loading)")
    assert lazy == ["eager", "lazy", "lazy"]
    page.load_all_images()

    assert page.evaluate("document.documentElement.scrollWidth") <= width
    widths = page.evaluate("[...document.images].map(i => i.getBoundingClientRect().width)")
    assert all(0 < w <= width for w in widths)
    first = page.evaluate("document.images[0].currentSrc")
    assert first.endswith("-640.jpg" if width == 390 else "-1280.jpg")
    shot = tmp_path / f"page-{width}.png"
    page.screenshot(shot, width)
    assert shot.stat().st_size > 10_000


def test_keys_move_between_slides_and_the_page_reads_without_script(
    chromium: str, served: ServedFolder
) -> None:
    with chromium_page(chromium) as page:
        page.open(served.url + "index.html", 1440, 900)
        page.press("j")
        assert page.evaluate("document.activeElement.id") == "slide-1"
        page.press("j")
        page.press("j")
        assert page.evaluate("document.activeElement.id") == "slide-3"
        assert page.evaluate("window.scrollY") > 0
        page.press("k")
        assert page.evaluate("document.activeElement.id") == "slide-2"

    with chromium_page(chromium) as page:
        page.call("Emulation.setScriptExecutionDisabled", value=True)
        page.open(served.url + "index.html", 390, 844)
        page.call("Emulation.setScriptExecutionDisabled", value=False)
        assert page.evaluate("document.documentElement.classList.contains('has-keys')") is False
        assert len(_figures(page)) == 4
        assert page.evaluate("document.querySelector('.keys-hint').offsetParent") is None
