"""The slide list as a Qt list model over the EssayDocument: one row per slide, drag-and-drop moves.

It keeps a snapshot of the slide tuple only so Qt's begin/end protocol sees consistent rows; the
essay itself lives in the document and every move or drop goes back to it as an undo command.
Thumbnails are requested from the injected image source and cached here as QImages; a photo that
changes on disk is requested again, its old thumbnail shown until the new one arrives.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QImage

from photoessay_desktop.document import edit_requests
from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.image_facts_cache import ImageFactsCache, is_pending
from photoessay_desktop.document.preflight_runner import PreflightRunner
from photoessay_desktop.domain.essay import Slide
from photoessay_desktop.domain.image_facts import ImageStatus
from photoessay_desktop.domain.image_ref import (
    ImageRefKind,
    UnsafeImageRefError,
    image_ref_kind,
    remote_host,
)
from photoessay_desktop.domain.slide_edits import drop_position
from photoessay_desktop.qt_models.image_source import ImageSource
from photoessay_desktop.qt_models.slide_roles import (
    LOADING,
    TEXT_SLIDE,
    UNREADABLE_PHOTO,
    SlideRole,
    caption_preview,
    short_placeholder,
)

SLIDE_ROWS_MIME = "application/x-photoessay-slide-rows"
# Twice the list card's 96x72 thumbnail, so it is sharp on 2x screens too (one size for every
# screen keeps one disk-cache entry per photo).
THUMBNAIL_SIZE = QSize(192, 144)
# Loader keys are per requester; a prefix keeps the list's requests apart from other views'.
THUMB_KEY = "thumb:"

AnyIndex = QModelIndex | QPersistentModelIndex


class SlideListModel(QAbstractListModel):
    """Rows are slides; drops of slide rows move them, drops of files ask the window to add them."""

    files_dropped = Signal(list, int)  # local paths, row to insert before

    def __init__(
        self,
        document: EssayDocument,
        facts: ImageFactsCache,
        preflight: PreflightRunner | None = None,
        images: ImageSource | None = None,
        parent: QAbstractListModel | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._facts = facts
        self._preflight = preflight
        self._images = images
        self._slides: tuple[Slide, ...] = document.essay.slides
        self._thumbnails: dict[str, QImage] = {}
        self._failures: dict[str, str] = {}
        self._requested: set[str] = set()
        self._allowed_hosts: frozenset[str] = frozenset()
        document.slides_inserted.connect(self._on_inserted)
        document.slides_removed.connect(self._on_removed)
        document.slides_moved.connect(self._on_moved)
        document.slide_changed.connect(self._on_changed)
        document.essay_replaced.connect(self._on_replaced)
        facts.facts_changed.connect(self._on_facts_changed)
        facts.facts_arrived.connect(self._refresh_all)
        if preflight is not None:
            preflight.findings_changed.connect(self._refresh_all)
        if images is not None:
            images.image_ready.connect(self._on_image_ready)
            images.image_failed.connect(self._on_image_failed)
            images.photo_changed.connect(self._on_photo_changed)

    # -- reading -----------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._slides)

    def slide_at(self, row: int) -> Slide:
        return self._slides[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._slides) or index.column():
            return None
        row = index.row()
        slide = self._slides[row]
        if role == Qt.ItemDataRole.DisplayRole:
            # The number is a role of its own: display data must not change when rows shift.
            return caption_preview(slide.caption)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # What a screen reader says for the card: the badge and placeholder are drawn only.
            count = len(self._preflight.findings_for_row(row)) if self._preflight else 0
            extra = [self._placeholder(slide)] if self._placeholder(slide) else []
            if count:
                extra.append(f"{count} preflight finding{'s' if count != 1 else ''}")
            suffix = f" ({', '.join(extra)})" if extra else ""
            return f"Slide {row + 1}: {caption_preview(slide.caption)}{suffix}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return slide.caption or None
        if role == SlideRole.NUMBER:
            return row + 1
        if role == SlideRole.PREVIEW:
            return caption_preview(slide.caption)
        if role == SlideRole.SLIDE_ID:
            return slide.id
        if role == SlideRole.FINDINGS:
            return len(self._preflight.findings_for_row(row)) if self._preflight else 0
        if role == SlideRole.THUMBNAIL:
            return self._thumbnail(slide)
        if role == SlideRole.PLACEHOLDER:
            return self._placeholder(slide)
        if role == SlideRole.PLACEHOLDER_SHORT:
            return short_placeholder(self._placeholder(slide))
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # -- thumbnails ------------------------------------------------------------------------------
    def set_allowed_hosts(self, hosts: frozenset[str]) -> None:
        """Web photos from these hosts may be fetched (the user said so): show them too."""
        self._allowed_hosts = frozenset(h.lower() for h in hosts)
        self._failures = {
            ref: why for ref, why in self._failures.items() if not self._fetchable(ref)
        }
        self._refresh_all()

    def _fetchable(self, ref: str) -> bool:
        kind = self._kind(ref)
        if kind is ImageRefKind.REMOTE:
            return remote_host(ref).lower() in self._allowed_hosts
        return kind is ImageRefKind.LOCAL

    def _thumbnail(self, slide: Slide) -> QImage | None:
        ref = slide.image
        if ref is None or not self._fetchable(ref):
            return None
        image = self._thumbnails.get(ref)
        wanted = image is None and ref not in self._failures and ref not in self._requested
        # Only readable files go to the decoder; the placeholder says why the others have none.
        if wanted and self._images is not None and self._readable(ref):
            self._requested.add(ref)
            self._images.request(THUMB_KEY + ref, ref, THUMBNAIL_SIZE)
        return image

    def _readable(self, ref: str) -> bool:
        # A web photo has no header to read before it is fetched: the loader reports on it.
        status = self._facts.facts(ref).status
        return status is ImageStatus.READABLE or status is ImageStatus.REMOTE

    @staticmethod
    def _kind(ref: str) -> ImageRefKind | None:
        try:
            return image_ref_kind(ref)
        except UnsafeImageRefError:
            return None

    def _placeholder(self, slide: Slide) -> str:
        ref = slide.image
        if ref is None:
            return TEXT_SLIDE
        kind = self._kind(ref)
        if kind is ImageRefKind.REMOTE:
            if not self._fetchable(ref):
                return f"Web photo ({remote_host(ref)}), not fetched"
            if ref in self._thumbnails:
                return ""
            return "Web photo could not be loaded" if ref in self._failures else LOADING
        if kind is not ImageRefKind.LOCAL:
            return "Network photo, not opened"
        if ref in self._thumbnails:
            return ""
        facts = self._facts.facts(ref)
        if is_pending(facts):
            return LOADING
        if facts.status is ImageStatus.NOT_FOUND:
            return "Photo missing"
        if facts.status is not ImageStatus.READABLE:
            return UNREADABLE_PHOTO
        if ref in self._failures:
            return UNREADABLE_PHOTO
        return LOADING

    def _rows_with_ref(self, ref: str) -> list[int]:
        return [row for row, slide in enumerate(self._slides) if slide.image == ref]

    def _on_image_ready(self, key: str, image: QImage) -> None:
        ref = key.removeprefix(THUMB_KEY)
        if not key.startswith(THUMB_KEY) or ref not in self._requested:
            return  # another view's request on the shared loader
        self._requested.discard(ref)
        self._thumbnails[ref] = image
        self._emit_rows(self._rows_with_ref(ref))

    def _on_image_failed(self, key: str, reason: str) -> None:
        ref = key.removeprefix(THUMB_KEY)
        if not key.startswith(THUMB_KEY) or ref not in self._requested:
            return
        self._requested.discard(ref)
        self._failures[ref] = reason
        self._thumbnails.pop(ref, None)  # a photo that changed into something unreadable
        self._emit_rows(self._rows_with_ref(ref))

    def _on_photo_changed(self, ref: str) -> None:
        rows = self._rows_with_ref(ref)
        if not rows or self._images is None:
            return
        self._failures.pop(ref, None)
        # The old thumbnail stays on the card until the new one replaces it: no "Loading…" flash.
        self._requested.add(ref)
        self._images.request(THUMB_KEY + ref, ref, THUMBNAIL_SIZE)
        # Its size or format may have changed too (preflight and the placeholder read facts).
        self._facts.invalidate([ref])

    def _on_facts_changed(self) -> None:
        # Files may have come back (relink, restored folder): try their thumbnails again. Shown
        # thumbnails stay: the loader announces a photo that changed (photo_changed).
        self._failures.clear()
        self._refresh_all()

    def _emit_rows(self, rows: Sequence[int]) -> None:
        for row in rows:
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def _refresh_all(self) -> None:
        if self._slides:
            self.dataChanged.emit(self.index(0), self.index(len(self._slides) - 1))

    # -- following the document -------------------------------------------------------------
    def _on_inserted(self, row: int, count: int) -> None:
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self._slides = self._document.essay.slides
        self.endInsertRows()
        self._renumber_from(row + count)

    def _on_removed(self, rows: list[int]) -> None:
        # Remove contiguous runs from the bottom up, so earlier rows keep their numbers.
        runs: list[list[int]] = []
        for row in sorted(rows):
            if runs and runs[-1][-1] + 1 == row:
                runs[-1].append(row)
            else:
                runs.append([row])
        for run in reversed(runs):
            self.beginRemoveRows(QModelIndex(), run[0], run[-1])
            self._slides = self._slides[: run[0]] + self._slides[run[-1] + 1 :]
            self.endRemoveRows()
        self._slides = self._document.essay.slides
        if runs:
            self._renumber_from(runs[0][0])

    def _on_moved(self, _rows: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        new_slides = self._document.essay.slides
        new_row = {slide.id: row for row, slide in enumerate(new_slides)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.index(new_row[self._slides[index.row()].id]) for index in old]
        )
        self._slides = new_slides
        self.layoutChanged.emit()

    def _on_changed(self, row: int) -> None:
        self._slides = self._document.essay.slides
        self._emit_rows([row])

    def _on_replaced(self) -> None:
        self.beginResetModel()
        self._slides = self._document.essay.slides
        self._thumbnails.clear()
        self._failures.clear()
        self._requested.clear()
        self.endResetModel()

    def _renumber_from(self, row: int) -> None:
        if row < len(self._slides):
            self.dataChanged.emit(self.index(row), self.index(len(self._slides) - 1))

    # -- drag and drop ---------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SLIDE_ROWS_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        # The document's identity keeps a drag from another window from moving slides here.
        payload = {"pid": os.getpid(), "document": id(self._document), "rows": rows}
        data.setData(SLIDE_ROWS_MIME, json.dumps(payload).encode())
        return data

    def _dragged_rows(self, data: QMimeData) -> list[int] | None:
        if not data.hasFormat(SLIDE_ROWS_MIME):
            return None
        try:
            payload = json.loads(bytes(data.data(SLIDE_ROWS_MIME).data()).decode())
            rows = [int(row) for row in payload["rows"]]
            same = payload["pid"] == os.getpid() and payload["document"] == id(self._document)
        except (ValueError, KeyError, TypeError):
            return None
        if not same or not rows or not all(0 <= r < len(self._slides) for r in rows):
            return None
        return rows

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return self._dragged_rows(data) is not None or bool(_local_files(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if row < 0:
            # Dropped on an item: in front of it; dropped on empty space: at the end.
            row = parent.row() if parent.isValid() else len(self._slides)
        rows = self._dragged_rows(data)
        if rows is not None:
            position = drop_position(len(self._slides), rows, row)
            edit_requests.move_slides(self._document, rows, position)
            # Returning False stops the view from deleting the "source" rows after a move drop.
            return False
        files = _local_files(data)
        if files:
            self.files_dropped.emit(files, row)
            return True
        return False


def _local_files(data: QMimeData) -> list[str]:
    return [url.toLocalFile() for url in data.urls() if url.isLocalFile()] if data.hasUrls() else []
