"""Header facts (size, format, bytes, found or not) for each photo reference, read once and kept.

The reader is injected (imaging's read_image_facts in the app, a fake in tests); it only reads a
file's header, so asking here is cheap. Nothing here decodes pixels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QObject, Signal

from photoessay_desktop.domain.image_facts import ImageFacts, ImageStatus

FactsReader = Callable[[str], ImageFacts]


class ImageFactsCache(QObject):
    """A cache of ImageFacts by reference; `invalidate` after the files may have changed."""

    facts_changed = Signal()

    def __init__(self, reader: FactsReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._facts: dict[str, ImageFacts] = {}

    def facts(self, ref: str) -> ImageFacts:
        """What is known about `ref`, reading its header the first time."""
        known = self._facts.get(ref)
        if known is None:
            try:
                known = self._reader(ref)
            except (OSError, ValueError) as exc:  # a reader must not take the window down
                known = ImageFacts(ImageStatus.UNREADABLE, reason=str(exc))
            self._facts[ref] = known
        return known

    def facts_for(self, refs: Iterable[str]) -> Mapping[str, ImageFacts]:
        """Facts for several references at once (what preflight takes)."""
        return {ref: self.facts(ref) for ref in refs}

    def invalidate(self, refs: Iterable[str] | None = None) -> None:
        """Forget what was read (all of it, or for `refs`) so the next ask reads again."""
        if refs is None:
            self._facts.clear()
        else:
            for ref in refs:
                self._facts.pop(ref, None)
        self.facts_changed.emit()
