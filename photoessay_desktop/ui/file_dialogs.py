"""Every file and folder chooser the editor shows, behind one small interface tests replace.

Widgets ask this object for paths; they never open files themselves. QtFileDialogs is what the
app uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QWidget

from photoessay_desktop.domain.essay_name import ESSAY_SUFFIX

ESSAY_FILTER = "Photo essays (*.essay.json);;All files (*)"
PHOTO_FILTER = "Photos (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.gif *.bmp);;All files (*)"
ARTICLE_FILTER = "Article text (*.txt *.md);;All files (*)"


class FileDialogs(Protocol):
    """Ask the user for paths; None or [] means they cancelled."""

    def open_essay(self, parent: QWidget, folder: Path | None) -> Path | None: ...

    def save_essay_as(self, parent: QWidget, suggested: Path) -> Path | None: ...

    def open_photos(self, parent: QWidget, folder: Path | None) -> list[Path]: ...

    def open_article(self, parent: QWidget, folder: Path | None) -> Path | None: ...

    def locate_photo(self, parent: QWidget, missing: str) -> Path | None: ...


def _start(folder: Path | None) -> str:
    return str(folder) if folder is not None else ""


class QtFileDialogs:
    """The real dialogs (the platform's own where Qt has one)."""

    def open_essay(self, parent: QWidget, folder: Path | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, "Open Essay", _start(folder), ESSAY_FILTER)
        return Path(name) if name else None

    def save_essay_as(self, parent: QWidget, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, "Save Essay As", str(suggested), ESSAY_FILTER)
        if not name:
            return None
        path = Path(name)
        return (
            path
            if path.name.endswith(ESSAY_SUFFIX)
            else path.with_name(f"{path.name}{ESSAY_SUFFIX}")
        )

    def open_photos(self, parent: QWidget, folder: Path | None) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, "Add Photos", _start(folder), PHOTO_FILTER)
        return [Path(name) for name in names]

    def open_article(self, parent: QWidget, folder: Path | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, "Import Article", _start(folder), ARTICLE_FILTER
        )
        return Path(name) if name else None

    def locate_photo(self, parent: QWidget, missing: str) -> Path | None:
        start = Path(missing).parent
        title = f"Locate {Path(missing).name}"
        name, _ = QFileDialog.getOpenFileName(
            parent, title, str(start) if start.is_dir() else "", PHOTO_FILTER
        )
        return Path(name) if name else None
