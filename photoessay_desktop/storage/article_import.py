"""Import the article text newsrooms copy out of their CMS as an Essay (docs/article-format.md).

The first non-empty line is the title (a leading "# " dropped); the lines up to the first image
line are paragraphs (standfirst, then body; exact repeats dropped and reported); from the first
image line on, each slide is an optional image line, a caption line and a credit line. Unsafe
image targets are dropped and reported. No Qt, and nothing is written anywhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.storage.article_image_target import read_target
from photoessay_desktop.storage.article_import_error import ArticleImportError, ImportNote
from photoessay_desktop.storage.article_lines import (
    MAX_ARTICLE_BYTES,
    ArticleLine,
    article_lines,
    describe_size,
)
from photoessay_desktop.storage.markdown_image import ImageSyntaxError, parse_image_line
from photoessay_desktop.storage.regular_file import NotRegularFileError, open_regular_file

__all__ = [
    "MAX_ARTICLE_BYTES",
    "ArticleImport",
    "ArticleImportError",
    "ImportNote",
    "import_article",
    "import_article_file",
]


@dataclass(frozen=True)
class ArticleImport:
    """The imported essay and, in line order, what the import left out or read its own way."""

    essay: Essay
    notes: tuple[ImportNote, ...]


# Tuples, not dataclasses: an article may have millions of lines, and these are made for each.
class _ImageLine(NamedTuple):
    number: int
    alt: str
    ref: str | None


class _TextLine(NamedTuple):
    number: int
    text: str
    broken_image: str | None  # why a line starting with "![" is not an image


_Line = _ImageLine | _TextLine


@dataclass
class _SlideDraft:
    image: str | None
    alt_text: str
    texts: list[str] = field(default_factory=list)  # the caption, then the credit

    def slide(self, number: int) -> Slide:
        caption, credit = [*self.texts, "", ""][:2]
        return Slide(
            id=f"slide-{number}",
            image=self.image,
            alt_text=self.alt_text,
            caption=caption,
            credit=credit,
        )


def import_article_file(path: Path) -> ArticleImport:
    """Read and import the article at path; relative image targets resolve against its folder.

    At most MAX_ARTICLE_BYTES (16 MB) are read. Raises ArticleImportError, whose message starts
    with the path, when the file cannot be read or is refused (see import_article).
    """
    try:
        data = _read_at_most(path, MAX_ARTICLE_BYTES)
        return import_article(data, article_folder=path.parent)
    except ArticleImportError as exc:
        raise ArticleImportError(f"{path}: {exc}") from None


def import_article(data: bytes, *, article_folder: Path) -> ArticleImport:
    """Import article bytes; relative image targets resolve against article_folder.

    Raises ArticleImportError for an empty article, one that is not UTF-8 text (binary, NUL
    bytes, UTF-16, Latin-1...), one past MAX_ARTICLE_BYTES, and one with no slide (no image line).
    """
    folder = os.path.abspath(article_folder)
    notes: list[ImportNote] = []
    lines = [_classify(line, folder, notes) for line in article_lines(data)]
    title, rest = _title(lines, notes)
    first_image = next((i for i, line in enumerate(rest) if isinstance(line, _ImageLine)), None)
    if first_image is None:
        raise ArticleImportError(_no_slide_message(lines))
    paragraph_lines = [line for line in rest[:first_image] if isinstance(line, _TextLine)]
    paragraphs = _unique_paragraphs(paragraph_lines, notes)
    essay = Essay(
        title=title,
        standfirst=paragraphs[0] if paragraphs else "",
        body=tuple(paragraphs[1:]),
        slides=_slides(rest[first_image:]),
    )
    notes.sort(key=lambda note: note.line or 0)
    return ArticleImport(essay=essay, notes=tuple(notes))


def _read_at_most(path: Path, limit: int) -> bytes:
    try:
        with open_regular_file(path) as file:
            data = file.read(limit + 1)
    except IsADirectoryError:
        raise ArticleImportError("this is a folder, not an article text file") from None
    except NotRegularFileError:
        message = "this is a pipe, socket or device, not an article text file"
        raise ArticleImportError(message) from None
    except OSError as exc:
        raise ArticleImportError(f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > limit:
        size = path.stat().st_size
        raise ArticleImportError(
            f"the file is {describe_size(size)}, more than the "
            f"{limit // (1024 * 1024)} MB an article may have"
        )
    return data


def _classify(line: ArticleLine, folder: str, notes: list[ImportNote]) -> _Line:
    try:
        image = parse_image_line(line.text)
    except ImageSyntaxError as exc:
        notes.append(
            ImportNote(
                line.number,
                f"this line starts like an image but is not one ({exc}); it is read as text",
            )
        )
        return _TextLine(line.number, line.text, str(exc))
    if image is None:
        return _TextLine(line.number, line.text, None)
    target = read_target(image.target, article_folder=folder)
    if target.note is not None:
        notes.append(ImportNote(line.number, target.note))
    # Alt text describes a photo; without the photo it would describe nothing.
    return _ImageLine(line.number, image.alt if target.ref is not None else "", target.ref)


def _title(lines: list[_Line], notes: list[ImportNote]) -> tuple[str, list[_Line]]:
    first = lines[0]
    if isinstance(first, _ImageLine):
        notes.append(
            ImportNote(first.number, "the article starts with an image, so it has no title")
        )
        return "", lines
    return _without_heading_mark(first.text), lines[1:]


def _without_heading_mark(text: str) -> str:
    if text == "#":
        return ""
    if text.startswith(("# ", "#\t")):
        return text[2:].strip()
    return text


def _unique_paragraphs(lines: list[_TextLine], notes: list[ImportNote]) -> list[str]:
    first_seen: dict[str, int] = {}
    for line in lines:
        earlier = first_seen.setdefault(line.text, line.number)
        if earlier != line.number:
            notes.append(
                ImportNote(line.number, f"this paragraph repeats line {earlier}, so it is left out")
            )
    return list(first_seen)


def _slides(lines: list[_Line]) -> tuple[Slide, ...]:
    drafts: list[_SlideDraft] = []
    for line in lines:
        if isinstance(line, _ImageLine):
            drafts.append(_SlideDraft(line.ref, line.alt))
        elif drafts and len(drafts[-1].texts) < 2:
            drafts[-1].texts.append(line.text)
        else:  # a text line where no caption or credit is due starts a slide without a photo
            drafts.append(_SlideDraft(None, "", [line.text]))
    return tuple(draft.slide(number) for number, draft in enumerate(drafts, start=1))


def _no_slide_message(lines: list[_Line]) -> str:
    broken = next(
        (line for line in lines if isinstance(line, _TextLine) and line.broken_image), None
    )
    if broken is not None:
        return (
            f"the article has no slide: line {broken.number} starts like an image but is not one "
            f"({broken.broken_image}), and slides begin at the first image line"
        )
    return (
        "the article has no slide: slides begin at the first image line, such as "
        "![alt text](photo.jpg), and there is none"
    )
