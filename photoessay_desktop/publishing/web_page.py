"""Writes the essay's index.html as a string: headings, text, one <figure> per slide, all escaped.

Pure text in, text out: it never reads photos or files, so every escaping rule is tested here alone.
The page needs no script to read; the optional keyboard script only moves between photos.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.publishing.photo_source import MissingPhoto
from photoessay_desktop.publishing.text_direction import is_right_to_left
from photoessay_desktop.publishing.web_images import WebPhoto

STYLESHEET = "essay.css"
KEYS_SCRIPT = "essay-keys.js"
PHOTOS_FOLDER = "photos"
# Photos after this many figures start below the first screen on any layout, so they load lazily.
EAGER_FIGURES = 1
# The column the CSS gives a photo: full width on a phone, at most 1200 px on a wide screen.
PHOTO_SIZES = "(min-width: 1264px) 1200px, calc(100vw - 2rem)"
# Only local copies, our own stylesheet and script: the page never reaches another site.
_CONTENT_POLICY = (
    "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
    "base-uri 'none'; form-action 'none'"
)


# Control characters are invalid in HTML and invisible anyway; lone surrogates cannot be UTF-8.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


SlideContent = WebPhoto | MissingPhoto | None  # None: a text slide


def text(value: str) -> str:
    """Escape text for element content or a quoted attribute (quotes included).

    Characters HTML cannot carry (controls, lone surrogates) are dropped rather than written.
    """
    return escape(_UNWRITABLE.sub("", value), quote=True)


def page_direction(language: str | None) -> str:
    """'rtl' for right-to-left languages (Arabic, Hebrew, ...), otherwise 'ltr'."""
    return "rtl" if is_right_to_left(language) else "ltr"


def _paragraphs(value: str, css_class: str) -> list[str]:
    # dir="auto": an Arabic caption in an English essay still reads right to left.
    # Only real line breaks make paragraphs (str.splitlines would also split on \x1c and friends).
    lines = [line.strip() for line in value.replace("\r\n", "\n").split("\n") if line.strip()]
    return [f'<p class="{css_class}" dir="auto">{text(line)}</p>' for line in lines]


def _caption_lines(slide: Slide) -> list[str]:
    lines = _paragraphs(slide.caption, "caption")
    if slide.credit.strip():
        lines.append(f'<p class="credit" dir="auto">{text(slide.credit.strip())}</p>')
    return lines


def _img(photo: WebPhoto, alt: str, eager: bool) -> str:
    largest = photo.largest
    srcset = ", ".join(f"{PHOTOS_FOLDER}/{f.name} {f.width}w" for f in photo.files)
    loading = 'loading="eager" fetchpriority="high"' if eager else 'loading="lazy"'
    return (
        f'<img src="{PHOTOS_FOLDER}/{text(largest.name)}" srcset="{text(srcset)}" '
        f'sizes="{PHOTO_SIZES}" width="{largest.width}" height="{largest.height}" '
        f'alt="{text(alt)}" {loading} decoding="async">'
    )


def _figure(number: int, slide: Slide, content: WebPhoto | MissingPhoto, eager: bool) -> list[str]:
    if isinstance(content, WebPhoto):
        media = _img(content, slide.alt_text.strip(), eager)
        css = "slide slide--photo"
    else:
        media = f'<p class="missing-photo" role="note">{text(content.note)}</p>'
        css = "slide slide--missing"
    caption = _caption_lines(slide)
    lines = [
        # No aria-label: it would replace the figcaption as the name a screen reader announces.
        f'<figure class="{css}" id="slide-{number}" tabindex="-1">',
        media,
    ]
    if caption:
        lines += ["<figcaption>", *caption, "</figcaption>"]
    return [*lines, "</figure>"]


def _text_slide(number: int, slide: Slide) -> list[str]:
    body = _caption_lines(slide)
    return [
        f'<section class="slide slide--text" id="slide-{number}" tabindex="-1">',
        *body,
        "</section>",
    ]


def _slides(essay: Essay, contents: Sequence[SlideContent]) -> list[str]:
    lines: list[str] = []
    figures = 0
    for number, (slide, content) in enumerate(zip(essay.slides, contents, strict=True), start=1):
        if content is None:
            lines += _text_slide(number, slide)
            continue
        lines += _figure(number, slide, content, eager=figures < EAGER_FIGURES)
        figures += 1
    return lines


def _head(essay: Essay, title: str) -> list[str]:
    lines = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CONTENT_POLICY}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="generator" content="PhotoEssay">',
        f"<title>{text(title)}</title>",
    ]
    if essay.standfirst.strip():
        lines.append(f'<meta name="description" content="{text(essay.standfirst.strip())}">')
    lines += [
        f'<link rel="stylesheet" href="{STYLESHEET}">',
        f'<script src="{KEYS_SCRIPT}" defer></script>',
    ]
    return lines


def _header(essay: Essay, title: str) -> list[str]:
    lines = ['<header class="intro">', f'<h1 dir="auto">{text(title)}</h1>']
    if essay.standfirst.strip():
        lines.append(f'<p class="standfirst" dir="auto">{text(essay.standfirst.strip())}</p>')
    for paragraph in essay.body:
        lines += _paragraphs(paragraph, "body")
    lines.append("</header>")
    return lines


def _footer(essay: Essay) -> list[str]:
    lines = ['<footer class="colophon">']
    if essay.source_url:
        url = text(essay.source_url)
        lines.append(f'<p>First published at <a href="{url}" rel="noreferrer">{url}</a></p>')
    lines.append('<p class="keys-hint">Keys: J next photo, K previous photo.</p>')
    return [*lines, "</footer>"]


def render_page(essay: Essay, contents: Sequence[SlideContent]) -> str:
    """The whole index.html for essay; contents[i] is what slide i shows (see SlideContent)."""
    title = essay.title.strip() or "Untitled photo essay"
    lang = f' lang="{text(essay.language)}"' if essay.language else ""
    direction = page_direction(essay.language)
    lines = [
        "<!DOCTYPE html>",
        f'<html{lang} dir="{direction}">',
        "<head>",
        *_head(essay, title),
        "</head>",
        "<body>",
        '<main class="essay">',
        "<article>",
        *_header(essay, title),
        *_slides(essay, contents),
        "</article>",
        "</main>",
        *_footer(essay),
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
