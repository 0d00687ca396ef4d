"""Header facts (size, format, bytes, found or not) for each photo reference, read once and kept.

Reads run on a thread pool so opening a long essay never waits on the disk: until a reference's
facts arrive, `facts()` answers PENDING and `facts_arrived` fires when they do. `facts_now()` reads
at once, for the few files a user has just picked. The reader is injected (imaging's
read_image_facts in the app); nothing here decodes pixels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from photoessay_desktop.domain.image_facts import ImageFacts, ImageStatus

FactsReader = Callable[[str], ImageFacts]
PENDING_REASON = "not read yet"
PENDING = ImageFacts(ImageStatus.NOT_CHECKED, reason=PENDING_REASON)


def is_pending(facts: ImageFacts) -> bool:
    return facts is PENDING


def _read(reader: FactsReader, ref: str) -> ImageFacts:
    try:
        return reader(ref)
    except (OSError, ValueError) as exc:  # a reader must not take the window down
        return ImageFacts(ImageStatus.UNREADABLE, reason=str(exc))


class _Relay(QObject):
    """Carries results from worker threads to the GUI thread (a queued signal)."""

    read = Signal(int, str, object)  # generation, ref, ImageFacts


class _ReadJob(QRunnable):
    def __init__(self, relay: _Relay, reader: FactsReader, generation: int, ref: str) -> None:
        super().__init__()
        self._relay, self._reader, self._generation, self._ref = relay, reader, generation, ref

    def run(self) -> None:
        self._relay.read.emit(self._generation, self._ref, _read(self._reader, self._ref))


class ImageFactsCache(QObject):
    """A cache of ImageFacts by reference, filled in the background."""

    facts_arrived = Signal()  # more references are known (coalesced per event-loop turn)
    facts_changed = Signal()  # what was known was forgotten (files may have changed): look again

    def __init__(
        self, reader: FactsReader, parent: QObject | None = None, *, thread_count: int = 2
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._facts: dict[str, ImageFacts] = {}
        self._pending: set[str] = set()
        self._generation = 0  # results of reads started before an invalidate are dropped
        self._closed = False  # after shutdown(): no read starts
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(thread_count)
        self._relay = _Relay(self)
        self._relay.read.connect(self._on_read)
        self._announce = QTimer(self)
        self._announce.setSingleShot(True)
        self._announce.setInterval(0)
        self._announce.timeout.connect(self.facts_arrived)

    def facts(self, ref: str) -> ImageFacts:
        """What is known about `ref`; PENDING (and a background read) the first time."""
        known = self._facts.get(ref)
        if known is not None:
            return known
        if ref not in self._pending and not self._closed:
            self._pending.add(ref)
            self._pool.start(_ReadJob(self._relay, self._reader, self._generation, ref))
        return PENDING

    def facts_now(self, ref: str) -> ImageFacts:
        """Read `ref` at once if it is not known (for a file the user just picked)."""
        known = self._facts.get(ref)
        if known is None:
            known = self._facts[ref] = _read(self._reader, ref)
        return known

    def facts_for(self, refs: Iterable[str]) -> Mapping[str, ImageFacts]:
        """Facts for several references at once (what preflight takes); may hold PENDING."""
        return {ref: self.facts(ref) for ref in refs}

    def all_known(self, refs: Iterable[str]) -> bool:
        return all(not is_pending(self.facts(ref)) for ref in refs)

    def wait_for_reads(self, msecs: int = -1) -> bool:
        """Block until background reads finish (tests and scripts only, never the GUI)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Start no more reads, drop the queued ones and wait for those running (quitting), so
        the cache can then be deleted from anywhere.

        A QThreadPool destroyed while a job runs waits inside Qt holding Python's lock, which the
        job needs to finish: the process hangs (as ImageLoader.shutdown explains). Waiting here,
        from Python, lets the job finish; its result is dropped."""
        self._closed = True
        self._generation += 1
        self._pending.clear()
        self._pool.clear()
        self._pool.waitForDone()

    def invalidate(self, refs: Iterable[str] | None = None) -> None:
        """Forget what was read (all of it, or for `refs`) so the next ask reads again."""
        if refs is None:
            self._facts.clear()
            self._pending.clear()
            self._generation += 1
        else:
            for ref in refs:
                self._facts.pop(ref, None)
        self.facts_changed.emit()

    def _on_read(self, generation: int, ref: str, facts: ImageFacts) -> None:
        self._pending.discard(ref)
        if generation != self._generation or ref in self._facts:
            return
        self._facts[ref] = facts
        self._announce.start()
