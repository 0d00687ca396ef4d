"""Runs the editorial checks again shortly after each edit and tells the window what it found.

The check function is injected (preflight.check_essay in the app). A short single-shot timer
coalesces a burst of typing into one run, so the checks never slow down typing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.image_facts_cache import ImageFactsCache, is_pending
from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.image_facts import ImageFacts

DEBOUNCE_MS = 150


class FindingLike(Protocol):
    """What the window reads from a preflight finding (preflight.Finding has these)."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> object: ...
    @property
    def slide(self) -> int | None: ...  # 1-based; None for the essay's own fields
    @property
    def message(self) -> str: ...
    @property
    def field(self) -> str | None: ...


Check = Callable[[Essay, Mapping[str, ImageFacts]], tuple[FindingLike, ...]]


class PreflightRunner(QObject):
    """Keeps `findings` up to date with the document."""

    findings_changed = Signal()

    def __init__(
        self,
        document: EssayDocument,
        facts: ImageFactsCache,
        check: Check,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._facts = facts
        self._check = check
        self._findings: tuple[FindingLike, ...] = ()
        self._paused = False
        self._owed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        for signal in (
            document.slides_inserted,
            document.slides_removed,
            document.slides_moved,
            document.slide_changed,
            document.essay_changed,
            facts.facts_changed,
            facts.facts_arrived,
        ):
            signal.connect(self._schedule)
        document.essay_replaced.connect(self.run_now)

    @property
    def findings(self) -> tuple[FindingLike, ...]:
        return self._findings

    def findings_for_row(self, row: int) -> list[FindingLike]:
        """The findings about the slide at 0-based `row`."""
        return [f for f in self._findings if f.slide == row + 1]

    def _schedule(self, *_args: object) -> None:
        self._timer.start()

    def pause(self) -> None:
        """Hold the checks back until resume(): the editor's first paint does not wait for them."""
        self._paused = True

    def resume(self) -> None:
        """Run the checks held back since pause(), if anything asked for them."""
        self._paused = False
        if self._owed:
            self.run_now()

    def run_now(self) -> None:
        """Check the essay as it is now (also what a test calls instead of waiting)."""
        self._timer.stop()
        if self._paused:
            self._owed = True
            return
        self._owed = False
        essay = self._document.essay
        refs = [s.image for s in essay.slides if s.image is not None]
        # Photos whose facts are still being read are left out (no finding yet, not a false one);
        # facts_arrived runs the checks again with them.
        known = {ref: f for ref, f in self._facts.facts_for(refs).items() if not is_pending(f)}
        self._findings = tuple(self._check(essay, known))
        self.findings_changed.emit()
