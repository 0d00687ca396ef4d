"""Adapts storage, imaging and preflight to the editor's contracts (document.essay_files): every
storage error becomes a DocumentFileError carrying the loader's own clear message.

The widgets never import storage or Pillow; this composition-layer module is where they meet.
Article import, photo metadata and the preflight checks are imported when first used: the
editor's first window needs none of them, and they cost start-up time (issue #5).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from photoessay_desktop.document.essay_files import DocumentFileError, ImportedArticle, PhotoText
from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.image_facts import ImageFacts
from photoessay_desktop.storage.essay_file import EssayFileError, load_essay, save_essay

if TYPE_CHECKING:
    from photoessay_desktop.preflight import Finding


class StorageEssayFiles:
    """Project files through storage.essay_file; article text through storage.article_import."""

    def load(self, path: Path) -> Essay:
        try:
            return load_essay(path)
        except EssayFileError as exc:
            raise DocumentFileError(str(exc)) from None

    def save(self, essay: Essay, path: Path) -> None:
        try:
            save_essay(essay, path)
        except EssayFileError as exc:
            raise DocumentFileError(str(exc)) from None

    def import_article(self, path: Path) -> ImportedArticle:
        from photoessay_desktop.storage.article_import import (
            ArticleImportError,
            import_article_file,
        )

        try:
            result = import_article_file(path)
        except ArticleImportError as exc:
            raise DocumentFileError(str(exc)) from None
        return ImportedArticle(result.essay, tuple(str(note) for note in result.notes))


def photo_text(path: Path) -> PhotoText:
    """Caption and credit suggested by the photo's IPTC/XMP/EXIF ("" where there is none)."""
    from photoessay_desktop.imaging.photo_metadata import read_photo_metadata

    metadata = read_photo_metadata(path)
    return PhotoText(
        caption=metadata.caption.value if metadata.caption else "",
        credit=metadata.credit.value if metadata.credit else "",
    )


def preflight_check(essay: Essay, facts: Mapping[str, ImageFacts]) -> tuple[Finding, ...]:
    """The editorial checks over the essay and its photos' facts."""
    from photoessay_desktop.preflight import check_essay

    return check_essay(essay, facts)
