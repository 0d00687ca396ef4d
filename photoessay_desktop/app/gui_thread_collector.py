"""Runs Python's cyclic garbage collector on the GUI thread only.

Python collects when enough objects have been allocated, on whichever thread allocated them. A
decode job on a pool thread could so end up destroying Qt objects that belong to the GUI thread
(a loader left in a reference cycle, with its timers and thread pools): Qt then stops timers from
the wrong thread and crashes, or the pool thread waits for its own pool to finish, for ever. Both
happened in the test suite (a worker killed by a signal, and a CI run hung for 90 minutes).

So automatic collection is switched off while this object runs, and a timer on the GUI thread
does what Python would have done: each tick it compares the allocation counts with Python's own
thresholds and collects the oldest generation that is due.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# Often enough that garbage never piles up (young collections take well under a millisecond),
# rarely enough that an idle app does not wake for it.
COLLECT_INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects garbage from the thread it was made on (the GUI thread) until stop()."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = COLLECT_INTERVAL_MS):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold, else the young one
        if anything is in it; return which generation was collected, or -1 for none.

        Python's own trigger fires while objects are being made; by the time a tick comes, what
        a burst made may be freed again and the count back under the threshold, with a cycle
        among the young objects still waiting. Collecting the young generation each tick costs
        little (it is small by construction) and leaves no cycle waiting long.
        """
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return generation
        if counts[0] > 0:
            gc.collect(0)
            return 0
        return -1

    def stop(self) -> None:
        """Stop collecting here; Python collects by itself again if it did before."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
