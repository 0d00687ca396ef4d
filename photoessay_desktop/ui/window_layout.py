"""Saves and restores the window's size, position, docks and panel widths in the preferences.

Qt's own saveGeometry/saveState blobs are kept as base64 text; a damaged blob is ignored by Qt,
so the worst case is the default layout. Light to import (the preferences store is only a type
here): the editor's first frame restores its geometry before pydantic loads.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

if TYPE_CHECKING:
    from photoessay_desktop.settings.preferences_store import PreferencesStore


def decode_blob(text: str) -> QByteArray | None:
    """One of Qt's state blobs from its base64 text; None for none."""
    return QByteArray.fromBase64(text.encode("ascii", "ignore")) if text else None


def _encode(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def restore_geometry(window: QMainWindow, geometry: str) -> bool:
    """Put `window` where saveGeometry() found it; False when there is nothing to restore."""
    blob = decode_blob(geometry)
    return blob is not None and window.restoreGeometry(blob)


def restore_layout(
    window: QMainWindow, splitter: QSplitter, store: PreferencesStore, geometry: bool = True
) -> bool:
    """Apply the stored layout (without the window's size and place unless `geometry`); False
    when there was no geometry to restore (the caller picks a default size)."""
    prefs = store.load()
    restored = restore_geometry(window, prefs.window_geometry) if geometry else False
    for blob, target in ((prefs.window_state, window), (prefs.splitter_state, splitter)):
        state = decode_blob(blob)
        if state is not None:
            target.restoreState(state)
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
