"""Turn the bytes of an article into its numbered, trimmed, non-blank lines, or refuse them.

Accepts UTF-8 with or without a byte order mark and LF, CRLF or CR line ends; refuses empty,
binary, UTF-16 and non-UTF-8 data and anything past the size limit. It knows nothing about
titles, paragraphs or images (article_import does).
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from photoessay_desktop.storage.article_import_error import ArticleImportError

MAX_ARTICLE_BYTES = 16 * 1024 * 1024
"""Articles are a few kilobytes; 16 MB leaves room for pasted data: addresses without ever
holding a runaway file in memory."""

# CommonMark's line endings; other Unicode separators (U+2028, U+0085) stay inside a line.
_LINE_END = re.compile(r"\r\n|\r|\n")


class ArticleLine(NamedTuple):
    """One non-blank line: its 1-based number in the file and its text, trimmed."""

    number: int
    text: str


def article_lines(data: bytes) -> list[ArticleLine]:
    """The non-blank lines of an article, trimmed; raises ArticleImportError for unusable data."""
    text = _decode(data)
    lines = [
        ArticleLine(number, line.strip())
        for number, line in enumerate(_LINE_END.split(text), start=1)
        if line.strip()
    ]
    if not lines:
        raise ArticleImportError(
            "the article is empty: it holds only blank lines"
            if text
            else "the article is empty: there is nothing to import"
        )
    return lines


def describe_size(size: int) -> str:
    """A size as people read it in a message ("50.0 MB")."""
    return f"{size / (1024 * 1024):.1f} MB"


def _decode(data: bytes) -> str:
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleImportError(
            f"the article is {describe_size(len(data))}, more than the "
            f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MB an article may have"
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ArticleImportError("the article is UTF-16 text; save it as UTF-8 and import it again")
    if b"\x00" in data:
        raise ArticleImportError(
            "this is not article text: it holds NUL bytes, as pictures and other binary files do"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleImportError(_not_utf8_message(data, exc.start)) from None


def _not_utf8_message(data: bytes, start: int) -> str:
    before = data[:start].decode("utf-8-sig", errors="replace")
    line = len(_LINE_END.split(before))
    return (
        f"line {line} is not UTF-8 text (byte 0x{data[start]:02X}); "
        "save the article as UTF-8 and import it again"
    )
