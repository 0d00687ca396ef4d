"""Write an essay back as article text (docs/article-format.md) that import_article reads back.

import_article(export_article(essay).text) gives the same essay for every essay the format can
hold (the domain is defined in docs/article-format.md); for anything else the export still writes
the best text it can and names each loss in its warnings. Returns text: it writes no file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.storage.article_export_warnings import (
    export_warnings,
    one_line,
    written_target,
)
from photoessay_desktop.storage.markdown_image import format_image_line


@dataclass(frozen=True)
class ArticleExport:
    """The article text (UTF-8 when saved, LF line ends) and what the text format cannot hold."""

    text: str
    warnings: tuple[str, ...]


def export_article(essay: Essay, *, output_folder: Path) -> ArticleExport:
    """The essay as article text, local photo paths written relative to output_folder.

    Layout: "# title", a blank line, each paragraph followed by a blank line, then each slide as
    an image line (when it has a photo), a caption line and a credit line, followed by a blank
    line. Warnings name presenter notes, line breaks in captions, text slides with no caption
    and every other thing the format cannot hold, so the caller can show them.
    """
    folder = os.path.abspath(output_folder)
    blocks = [
        [_heading(essay.title)],
        *([text] for text in map(one_line, (essay.standfirst, *essay.body)) if text),
        *(_slide_lines(slide, folder) for slide in essay.slides),
    ]
    text = "\n\n".join("\n".join(block) for block in blocks if block) + "\n"
    return ArticleExport(text=text, warnings=tuple(export_warnings(essay, folder)))


def _heading(title: str) -> str:
    # Always marked, so an empty title, or one that looks like an image, still reads back as it is.
    title = one_line(title)
    return f"# {title}" if title else "#"


def _slide_lines(slide: Slide, folder: str) -> list[str]:
    lines = []
    target = written_target(slide, folder)
    if target is not None:
        lines.append(format_image_line(one_line(slide.alt_text, trim=False), target))
    lines.extend(text for text in (one_line(slide.caption), one_line(slide.credit)) if text)
    return lines
