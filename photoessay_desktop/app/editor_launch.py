"""Starts the editor (`photoessay [ESSAY]`) in two steps, so that its window is on screen before
the essay model and the editor's modules have loaded (issue #5).

First the window's frame (title, menu titles, status bar, restored size and panel widths) with
an outline of the essay read straight from the file: its slides as the list's cards and the first
slide's caption and credit. Once that is painted, editor_app loads the rest and builds the editor
in the same window, where the essay opens as it always did: validated, with the loader's message
if it is bad. Nothing here imports pydantic, the document or the loader.
"""

from __future__ import annotations

import gc
import sys
import traceback
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from photoessay_desktop.app.first_paint import after_next_paint
from photoessay_desktop.app.gui_thread_collector import GuiThreadCollector
from photoessay_desktop.app.interpreter_settings import favour_the_gui_thread
from photoessay_desktop.domain.essay_name import UNTITLED_ESSAY, essay_display_name
from photoessay_desktop.settings.preferences_location import APP_NAME as APP_ID
from photoessay_desktop.settings.preferences_location import default_config_folder
from photoessay_desktop.settings.preferences_peek import peek_window_preferences
from photoessay_desktop.storage.essay_peek import peek_essay_outline
from photoessay_desktop.ui.essay_outline_view import EssayOutlineView
from photoessay_desktop.ui.main_window import APP_NAME, MainWindow
from photoessay_desktop.ui.window_layout import decode_blob, restore_geometry


def app_icon() -> QIcon:
    """The application icon drawn in resources/photoessay.svg."""
    # A plain path beside this package, not importlib.resources: that import (zipfile and more)
    # is 4-6 ms of the opening frame, and the package is always installed as files.
    return QIcon(str(Path(__file__).resolve().parents[1] / "resources" / "photoessay.svg"))


def show_opening_window(app: QApplication, path: Path | None, config_folder: Path) -> MainWindow:
    """The editor's frame with the outline of `path` (or of the last essay), shown, not painted."""
    window_prefs = peek_window_preferences(config_folder)
    if path is None and window_prefs.last_essay and Path(window_prefs.last_essay).is_file():
        path = Path(window_prefs.last_essay)  # what the editor reopens, as FileWorkflow.start
    window = MainWindow(app.windowIcon())
    if path is None:  # the start page comes: no panes, no findings panel, no essay's name
        window.show_opening(QWidget(window), UNTITLED_ESSAY, findings_panel=False)
    else:
        outline = peek_essay_outline(path)
        window.show_opening(
            EssayOutlineView(
                () if outline is None else outline.slides,
                decode_blob(window_prefs.splitter_state),
                window,
            ),
            essay_display_name(path),
            findings_panel=True,
            window_state=decode_blob(window_prefs.window_state),
        )
    window.statusBar().showMessage("Opening…")
    if not restore_geometry(window, window_prefs.geometry):
        window.default_size()
    window.show()
    return window


def run_editor(path: Path | None) -> int:
    """Open the editor on `path` (or the last essay, or the start page) and run until it closes."""
    # Modules, classes and Qt bindings imported so far live as long as the process: moved out of
    # the collector's sight, they no longer make a full collection (about 17 ms, measured) land
    # in the middle of the first paint. Cycles made from here on are collected as before.
    gc.freeze()
    favour_the_gui_thread()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    GuiThreadCollector(app)  # lives as long as the app: no Qt object dies on a worker thread
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    window = show_opening_window(app, path, default_config_folder())
    after_next_paint(window, lambda: _install_editor(app, window, path))
    return app.exec()


def _install_editor(app: QApplication, window: MainWindow, path: Path | None) -> None:
    if not window.isVisible():
        return  # closed while opening: the program is ending; open (and lock) nothing
    try:
        from photoessay_desktop.app.editor_app import install_editor

        gc.freeze()  # the editor's modules, as above
        install_editor(app, window, path)
    except Exception:
        # Qt would print this and carry on, leaving an outline nobody can edit: stop instead.
        traceback.print_exc()
        window.close()
        app.exit(1)
