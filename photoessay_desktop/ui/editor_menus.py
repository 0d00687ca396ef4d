"""The menu bar: File, Edit, Slide and View, filled from EditorActions and the undo stack's actions.

Only arranges actions; other features add their own menus or entries through the window's
`menu(name)` without editing this module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from photoessay_desktop.ui.editor_actions import EditorActions

# The top-level menus by name, with their titles, in menu bar order.
MENU_TITLES = {"file": "&File", "edit": "&Edit", "slide": "&Slide", "view": "&View"}


def add_menu_titles(bar: QMenuBar) -> dict[str, QMenu]:
    """The empty top-level menus (and File's Open Recent), by name, for `fill_menus` to fill."""
    menus: dict[str, QMenu] = {}
    for name, title in MENU_TITLES.items():
        menu = bar.addMenu(title)
        menu.setObjectName(f"menu{name.title()}")
        menus[name] = menu
    recent = QMenu("Open &Recent", menus["file"])
    recent.setObjectName("menuRecent")
    menus["recent"] = recent
    return menus


def fill_menus(
    menus: dict[str, QMenu],
    actions: EditorActions,
    undo: QAction,
    redo: QAction,
    preflight: QAction,
) -> None:
    """Put the editor's actions into the menus `add_menu_titles` made."""
    file_menu = menus["file"]
    file_menu.addActions([actions.new, actions.open])
    file_menu.addMenu(menus["recent"])
    file_menu.addSeparator()
    file_menu.addActions([actions.save, actions.save_as])
    file_menu.addSeparator()
    file_menu.addActions([actions.import_article, actions.export])
    file_menu.addSeparator()
    file_menu.addActions([actions.close_essay, actions.quit])

    edit_menu = menus["edit"]
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    edit_menu.addActions([actions.find, actions.find_next, actions.find_previous, actions.replace])

    slide_menu = menus["slide"]
    slide_menu.addActions([actions.add_photos, actions.add_text_slide, actions.duplicate])
    slide_menu.addAction(actions.delete)
    slide_menu.addSeparator()
    slide_menu.addActions([actions.move_up, actions.move_down, actions.move_to])
    slide_menu.addSeparator()
    slide_menu.addActions([actions.replace_photo, actions.relink])

    view_menu = menus["view"]
    view_menu.addActions([actions.zoom_in, actions.zoom_out, actions.zoom_fit])
    view_menu.addSeparator()
    view_menu.addActions([actions.next_pane, actions.previous_pane])
    view_menu.addSeparator()
    view_menu.addAction(preflight)


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
