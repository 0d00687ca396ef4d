"""The menu bar: File, Edit, Slide and View built from EditorActions and the undo stack's actions.

Only arranges actions; other features add their own menus or entries through the window's
`menu(name)` without editing this module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from photoessay_desktop.ui.editor_actions import EditorActions


def build_menus(
    window: QMainWindow, actions: EditorActions, undo: QAction, redo: QAction, preflight: QAction
) -> dict[str, QMenu]:
    """Create the menus and return them by name ("file", "edit", "slide", "view")."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.setObjectName("menuFile")
    recent = QMenu("Open &Recent", file_menu)
    recent.setObjectName("menuRecent")
    file_menu.addActions([actions.new, actions.open])
    file_menu.addMenu(recent)
    file_menu.addSeparator()
    file_menu.addActions([actions.save, actions.save_as])
    file_menu.addSeparator()
    file_menu.addActions([actions.import_article, actions.export])
    file_menu.addSeparator()
    file_menu.addActions([actions.close_essay, actions.quit])

    edit_menu = bar.addMenu("&Edit")
    edit_menu.setObjectName("menuEdit")
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    edit_menu.addActions([actions.find, actions.find_next, actions.find_previous, actions.replace])

    slide_menu = bar.addMenu("&Slide")
    slide_menu.setObjectName("menuSlide")
    slide_menu.addActions([actions.add_photos, actions.add_text_slide, actions.duplicate])
    slide_menu.addAction(actions.delete)
    slide_menu.addSeparator()
    slide_menu.addActions([actions.move_up, actions.move_down, actions.move_to])
    slide_menu.addSeparator()
    slide_menu.addActions([actions.replace_photo, actions.relink])

    view_menu = bar.addMenu("&View")
    view_menu.setObjectName("menuView")
    view_menu.addActions([actions.zoom_in, actions.zoom_out, actions.zoom_fit])
    view_menu.addSeparator()
    view_menu.addActions([actions.next_pane, actions.previous_pane])
    view_menu.addSeparator()
    view_menu.addAction(preflight)
    return {
        "file": file_menu,
        "recent": recent,
        "edit": edit_menu,
        "slide": slide_menu,
        "view": view_menu,
    }


def fill_recent_menu(
    menu: QMenu, recent: list[str], open_path: Callable[[Path], object], clear: QAction
) -> None:
    """Rebuild Open Recent: numbered entries (Alt+1..9, 0) then Clear."""
    menu.clear()
    for number, path in enumerate(recent, start=1):
        mnemonic = f"&{number % 10} " if number <= 10 else ""
        # "&" in a file name would become a mnemonic: double it.
        action = menu.addAction(f"{mnemonic}{Path(path).name.replace('&', '&&')}")
        action.setToolTip(path)
        action.setStatusTip(path)
        action.triggered.connect(lambda _checked=False, p=path: open_path(Path(p)))
    if recent:
        menu.addSeparator()
    menu.addAction(clear)
    clear.setEnabled(bool(recent))
    menu.setEnabled(True)
