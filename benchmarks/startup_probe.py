"""Times one start-up, from process start to the first finished paint of a top-level window.

Run by imaging_bench.py as a fresh process, once with `empty` (a bare QMainWindow) and once with
`app` (the editor on an essay, through its real start-up path). It imports nothing else first, so
neither side pays for the benchmark's own imports, and it watches only the window (an app-wide
event filter would make PySide wrap every object Qt delivers events to, about 30 ms that the app
itself does not spend). Prints {"seconds": ...} measured from the `started` monotonic time given;
for the editor also "ready_seconds", when the first paint of the built editor with the essay
open has completed (the first paint shows the essay's outline; editor_launch.py).

usage: python benchmarks/startup_probe.py empty|app ESSAY STARTED
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path


def main() -> None:
    which, essay, started = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
    if which == "app":
        # As `photoessay` does (cli.py, open_command.py): no collections while the window
        # starts, and PySide6 imported through the compile cache.
        import gc

        gc.disable()
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from photoessay_desktop.app.compile_cache import import_pyside

        import_pyside()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    times: dict[str, float] = {}
    seen: set[str] = set()

    def finish() -> None:
        print(json.dumps(times), flush=True)
        os._exit(0)

    def painted(name: str, last: bool) -> None:
        times[name] = time.monotonic() - started
        if last:
            finish()

    class Paints(QObject):
        def __init__(self, ready_too: bool) -> None:
            super().__init__()
            self._ready_too = ready_too

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            # Zero-delay timers run once this paint (the window's children too) has completed.
            if "first" not in seen:
                seen.add("first")
                QTimer.singleShot(0, lambda: painted("seconds", not self._ready_too))
            elif self._ready_too and getattr(watched, "installed", False) and "ready" not in seen:
                seen.add("ready")
                QTimer.singleShot(0, lambda: painted("ready_seconds", True))
            return False

    if which == "empty":
        from PySide6.QtWidgets import QMainWindow

        watcher = Paints(ready_too=False)
        app = QApplication([])
        window = QMainWindow()
        window.installEventFilter(watcher)
        window.resize(1280, 800)
        window.show()
        app.exec()
        return
    from photoessay_desktop.app import editor_launch

    watcher = Paints(ready_too=True)
    real = editor_launch.after_next_paint

    def watched(window: QWidget, callback: Callable[[], None]) -> None:
        # The editor's own paint hook names its window: watch the same one.
        window.installEventFilter(watcher)
        real(window, callback)

    editor_launch.after_next_paint = watched
    QApplication([])
    editor_launch.run_editor(essay)


if __name__ == "__main__":
    main()
