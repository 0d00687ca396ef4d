"""What the editor needs from the project-file and photo layers, as a small typed contract.

The app layer adapts storage and imaging to these shapes, so the widgets can open, save and
import without importing either (and tests pass the real adapters or simple stand-ins).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from photoessay_desktop.domain.essay import Essay


class DocumentFileError(Exception):
    """A file could not be read or written; str() is the one clear message for the user."""


@dataclass(frozen=True, slots=True)
class ImportedArticle:
    """An essay made from article text, with the importer's notes on what it guessed or skipped."""

    essay: Essay
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PhotoText:
    """Caption and credit suggested by a photo's embedded metadata ("" when it has none)."""

    caption: str = ""
    credit: str = ""


class EssayFiles(Protocol):
    """Project files and article import; every failure is a DocumentFileError."""

    def load(self, path: Path) -> Essay: ...

    def save(self, essay: Essay, path: Path) -> None: ...

    def import_article(self, path: Path) -> ImportedArticle: ...


PhotoTextReader = Callable[[Path], PhotoText]
