"""Runs a callback once a window has finished its next paint: start-up work a frame does not show
waits for it, so that frame appears sooner (issue #5). The editor loads its model after its
opening frame is painted, and starts the checks after the essay is painted.

A zero-delay timer set after show() is not enough: it fires before the window is exposed and
painted. This watches the window's own events (a top-level window is painted before its children,
in the same pass) only until that paint, then steps aside.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _PaintWatch(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            # Queued: the rest of this paint (the window's children) completes first.
            QTimer.singleShot(0, self._next_turn)
        return False

    def _next_turn(self) -> None:
        # One more turn of the event loop, so what else the paint queued runs before the callback.
        QTimer.singleShot(0, self._finish)

    def _finish(self) -> None:
        self._callback()
        self.deleteLater()


def after_next_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` from the event loop once top-level `window` has next painted (a window not
    yet shown: once it has first painted). Asks for that paint, so it comes even when nothing
    else would repaint the window itself."""
    window.installEventFilter(_PaintWatch(window, callback))
    window.update()
