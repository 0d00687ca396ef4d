"""The guard against PySide6 6.12 draining None's reference count on Python 3.11."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from photoessay_desktop.app.refcount_guard import guard_singleton_refcounts


def test_thousands_of_void_qt_calls_leave_none_alive(qtbot: QtBot) -> None:
    guard_singleton_refcounts()
    guard_singleton_refcounts()  # idempotent
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(20_000):  # without the guard None starts near 10,000 references
        widget.update()
    assert sys.getrefcount(None) > 1_000_000
    assert before - sys.getrefcount(None) <= 20_000
