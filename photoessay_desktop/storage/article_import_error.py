"""The one error an article import raises when it refuses a file, and the notes it keeps.

Both are plain values the CLI and the window can show as they are; nothing here reads a file.
"""

from __future__ import annotations

from dataclasses import dataclass


class ArticleImportError(Exception):
    """The article cannot be imported; str() is one clear sentence, naming the line if it helps."""


@dataclass(frozen=True)
class ImportNote:
    """Something the import left out or read in a particular way, with its 1-based line number."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return self.message if self.line is None else f"line {self.line}: {self.message}"
