"""The slide list on the left: cards from SlideCardDelegate, several selected at once, reordered by
drag and drop (the model turns the drop into one undo command).

It reports which rows are selected and which is current; it never edits the essay itself.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from photoessay_desktop.qt_models.slide_list_model import SlideListModel
from photoessay_desktop.ui.essay_outline_view import SLIDE_LIST_MIN_WIDTH
from photoessay_desktop.ui.slide_card_delegate import SlideCardDelegate


class SlideListView(QListView):
    """A list of slide cards over a SlideListModel."""

    current_row_changed = Signal(int)  # -1 when no slide is current
    selection_changed = Signal()

    def __init__(self, model: SlideListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slideList")
        self.setAccessibleName("Slides")
        self.setAccessibleDescription(
            "The essay's slides in order. Drag to reorder, "
            "or move the selection with Ctrl+Shift+Up and Ctrl+Shift+Down."
        )
        self.setModel(model)
        self.setItemDelegate(SlideCardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMinimumWidth(SLIDE_LIST_MIN_WIDTH)
        selection = self.selectionModel()
        selection.currentRowChanged.connect(self._on_current_changed)
        selection.selectionChanged.connect(self._on_selection_changed)

    def selected_rows(self) -> list[int]:
        """Selected rows in list order (the current row when nothing is selected)."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return rows

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def select_rows(self, rows: list[int], current: int | None = None) -> None:
        """Select exactly `rows` and make `current` (default: the first) current and visible."""
        model = self.model()
        selection = QItemSelection()
        for row in rows:
            if 0 <= row < model.rowCount():
                selection.select(model.index(row, 0), model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag
        chosen = current if current is not None else (rows[0] if rows else -1)
        if 0 <= chosen < model.rowCount():
            self.selectionModel().setCurrentIndex(model.index(chosen, 0), flags.NoUpdate)
            self.scrollTo(model.index(chosen, 0))
        self.selectionModel().select(selection, flags.ClearAndSelect)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_row_changed.emit(current.row() if current.isValid() else -1)

    def _on_selection_changed(self, *_args: object) -> None:
        self.selection_changed.emit()
