"""The status bar's slide summary: "Slide 3 of 12 · 4000 x 3000 px · 2.4 MB" (a real times sign).

It reads header facts from the cache (read once per file); it never opens a photo itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.image_facts_cache import ImageFactsCache, is_pending
from photoessay_desktop.domain.image_facts import ImageStatus
from photoessay_desktop.domain.image_location import ImageLocation, image_location
from photoessay_desktop.domain.image_ref import ImageRefKind, UnsafeImageRefError, image_ref_kind


def file_size_text(size: int) -> str:
    """Bytes as people read them: 950 bytes, 12.3 KB, 2.4 MB."""
    if size < 1000:
        return f"{size} bytes"
    for unit in ("KB", "MB", "GB"):
        size_f = size / 1000
        if size_f < 1000 or unit == "GB":
            return f"{size_f:.1f} {unit}"
        size = int(size_f)
    return f"{size} bytes"  # pragma: no cover - the loop always returns


class SlideStatus(QLabel):
    """Label text for the current slide; call `show_slide(row)`."""

    def __init__(
        self, document: EssayDocument, facts: ImageFactsCache, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("slideStatus")
        self.setAccessibleName("Slide status")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._document = document
        self._facts = facts
        self._row = -1
        for signal in (
            document.slides_inserted,
            document.slides_removed,
            document.slides_moved,
            document.slide_changed,
            document.essay_replaced,
            facts.facts_changed,
            facts.facts_arrived,
        ):
            signal.connect(self.refresh)

    def show_slide(self, row: int) -> None:
        self._row = row
        self.refresh()

    def refresh(self, *_args: object) -> None:
        slides = self._document.essay.slides
        if not slides:
            self.setText("No slides")
            return
        if not 0 <= self._row < len(slides):
            self.setText(f"{len(slides)} slides")
            return
        parts = [f"Slide {self._row + 1} of {len(slides)}"]
        ref = slides[self._row].image
        if ref is None:
            parts.append("text slide")
        else:
            parts.append(self._describe(ref))
            if self._outside_the_essays_folder(ref):
                parts.append("outside the essay's folder")
        self.setText(" · ".join(parts))

    def _outside_the_essays_folder(self, ref: str) -> bool:
        # A stranger's essay may point anywhere on this computer: say so (untitled: no folder).
        path = self._document.path
        if path is None:
            return False
        return image_location(ref, str(path.parent)) is ImageLocation.OUTSIDE_FOLDER

    def _describe(self, ref: str) -> str:
        try:
            kind = image_ref_kind(ref)
        except UnsafeImageRefError:
            return "unsafe photo reference"
        if kind is not ImageRefKind.LOCAL:
            return "web photo" if kind is ImageRefKind.REMOTE else "network photo"
        facts = self._facts.facts(ref)
        if is_pending(facts):
            return "checking the photo…"
        if facts.status is ImageStatus.NOT_FOUND:
            return "photo missing"
        if facts.status is not ImageStatus.READABLE:
            return f"unreadable photo ({facts.reason})" if facts.reason else "unreadable photo"
        details = []
        if facts.width and facts.height:
            details.append(f"{facts.width} × {facts.height} px")  # noqa: RUF001 - the real times sign
        if facts.file_size is not None:
            details.append(file_size_text(facts.file_size))
        return " · ".join(details) or "photo"
