"""Every command of the editor as a QAction, declared once with its menu text and shortcut.

Standard shortcuts come from QKeySequence.StandardKey so each platform gets its own; the window
connects the actions to workflows and puts them in menus (see editor_menus.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

Std = QKeySequence.StandardKey


def key_sequences(*keys: Std | str) -> list[QKeySequence]:
    sequences = [QKeySequence(key) for key in keys]
    # A standard key with no binding on this platform gives an empty sequence: drop it.
    unique: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    return unique


class EditorActions(QObject):
    """The actions; attributes are named after what they do."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)

        def make(text: str, name: str, *keys: Std | str, tip: str = "") -> QAction:
            action = QAction(text, parent)
            action.setObjectName(name)
            if keys:
                action.setShortcuts(key_sequences(*keys))
            if tip:
                action.setStatusTip(tip)
            return action

        # File
        self.new = make("&New", "actionNew", Std.New, tip="Start a new essay")
        self.open = make("&Open…", "actionOpen", Std.Open, tip="Open an essay file")
        self.save = make("&Save", "actionSave", Std.Save)
        self.save_as = make("Save &As…", "actionSaveAs", Std.SaveAs, "Ctrl+Shift+S")
        self.import_article = make(
            "&Import Article…",
            "actionImportArticle",
            "Ctrl+Shift+I",
            tip="Make an essay from article text copied from a CMS",
        )
        self.export = make(
            "&Export…", "actionExport", "Ctrl+E", tip="Export as a web page, a PDF or article text"
        )
        self.close_essay = make("&Close", "actionClose", Std.Close, "Ctrl+W")
        self.quit = make("&Quit", "actionQuit", Std.Quit, "Ctrl+Q")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.clear_recent = make("Clear &Recent Files", "actionClearRecent")

        # Edit
        self.find = make("&Find…", "actionFind", Std.Find, "Ctrl+F")
        self.replace = make("&Replace…", "actionReplace", Std.Replace, "Ctrl+H")
        self.find_next = make("Find &Next", "actionFindNext", Std.FindNext)
        self.find_previous = make("Find Pre&vious", "actionFindPrevious", Std.FindPrevious)

        # Slide
        self.add_photos = make(
            "Add &Photos…", "actionAddPhotos", "Ctrl+Shift+O", tip="Add photos after the selection"
        )
        self.add_text_slide = make("Add &Text Slide", "actionAddTextSlide", "Ctrl+Shift+T")
        self.duplicate = make("D&uplicate", "actionDuplicate", "Ctrl+D")
        self.delete = make("&Delete", "actionDelete", Std.Delete)
        # Delete must not steal the key from text fields: it acts on the list only.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.move_up = make("Move &Up", "actionMoveUp", "Ctrl+Shift+Up")
        self.move_down = make("Move Do&wn", "actionMoveDown", "Ctrl+Shift+Down")
        self.move_to = make("&Move to Position…", "actionMoveTo", "Ctrl+Shift+M")
        self.replace_photo = make("&Replace Photo…", "actionReplacePhoto")
        self.relink = make("Re&link Photo…", "actionRelink")

        # View
        self.zoom_in = make("Zoom &In", "actionZoomIn", Std.ZoomIn, "Ctrl+=", "Ctrl++")
        self.zoom_out = make("Zoom &Out", "actionZoomOut", Std.ZoomOut, "Ctrl+-")
        self.zoom_fit = make("&Fit to Window", "actionZoomFit", "Ctrl+0")
        self.next_pane = make("Next &Pane", "actionNextPane", "F6", tip="Slides, photo, edit panel")
        self.previous_pane = make("Pre&vious Pane", "actionPreviousPane", "Shift+F6")

    def all(self) -> list[QAction]:
        return [value for value in vars(self).values() if isinstance(value, QAction)]
