"""Saves and restores the window's size, position, docks and panel widths in the preferences.

Qt's own saveGeometry/saveState blobs are kept as base64 text; a damaged blob is ignored by Qt,
so the worst case is the default layout.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from photoessay_desktop.settings.preferences_store import PreferencesStore


def _decode(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii", "ignore"))


def _encode(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def restore_layout(window: QMainWindow, splitter: QSplitter, store: PreferencesStore) -> bool:
    """Apply the stored layout; False when there was none (the caller picks a default size)."""
    prefs = store.load()
    restored = bool(prefs.window_geometry) and window.restoreGeometry(
        _decode(prefs.window_geometry)
    )
    if prefs.window_state:
        window.restoreState(_decode(prefs.window_state))
    if prefs.splitter_state:
        splitter.restoreState(_decode(prefs.splitter_state))
    return restored


def save_layout(window: QMainWindow, splitter: QSplitter, store: PreferencesStore) -> None:
    prefs = store.load().model_copy(
        update={
            "window_geometry": _encode(window.saveGeometry()),
            "window_state": _encode(window.saveState()),
            "splitter_state": _encode(splitter.saveState()),
        }
    )
    # Losing the layout must never block closing the window.
    with contextlib.suppress(OSError):
        store.save(prefs)
