"""Times one start-up, from process start to the first finished paint of a top-level window.

Run by imaging_bench.py as a fresh process, once with `empty` (a bare QMainWindow) and once with
`app` (the editor on an essay, through its real start-up path). It imports nothing else first, so
neither side pays for the benchmark's own imports, and it watches only the window (an app-wide
event filter would make PySide wrap every object Qt delivers events to, about 30 ms that the app
itself does not spend). Prints {"seconds": ...} measured from the `started` monotonic time given.

usage: python benchmarks/startup_probe.py empty|app ESSAY STARTED
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def main() -> None:
    which, essay, started = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    def finish() -> None:
        print(json.dumps({"seconds": time.monotonic() - started}), flush=True)
        os._exit(0)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, finish)  # runs once this paint has completed
            return False

    watcher = FirstPaint()
    if which == "empty":
        from PySide6.QtWidgets import QMainWindow

        app = QApplication([])
        window = QMainWindow()
        window.installEventFilter(watcher)
        window.resize(1280, 800)
        window.show()
        app.exec()
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from photoessay_desktop.app import editor_app

    real = editor_app.after_first_paint

    def watched(window: QWidget, callback: object) -> None:
        # The editor's own first-paint hook names its window: watch the same one.
        window.installEventFilter(watcher)
        real(window, callback)  # type: ignore[arg-type]

    editor_app.after_first_paint = watched  # type: ignore[assignment]
    QApplication([])
    editor_app.run_editor(essay)


if __name__ == "__main__":
    main()
