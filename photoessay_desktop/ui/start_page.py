"""What the window shows when no essay is open: New, Open, Import Article, recent files, samples.

Buttons only ask for these through signals; the window's file workflow does the work.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class StartPage(QWidget):
    """Big, keyboard-reachable choices to begin with."""

    new_requested = Signal()
    open_requested = Signal()
    import_requested = Signal()
    open_path_requested = Signal(object)  # Path

    def __init__(self, samples: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setAccessibleName("Start page")
        heading = QLabel("PhotoEssay", self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel("Start a photo essay, open one, or import an article's text.", self)
        self.new_button = QPushButton("&New Essay", self)
        self.open_button = QPushButton("&Open…", self)
        self.import_button = QPushButton("&Import Article…", self)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.import_button.clicked.connect(self.import_requested)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.import_button):
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.recent = QListWidget(self)
        self.recent.setObjectName("startRecent")
        self.recent.setAccessibleName("Recent essays and samples")
        self.recent.itemActivated.connect(self._on_activated)
        self.recent.setSpacing(3)
        self._samples = list(samples)
        self.set_recent([])

        column = QVBoxLayout()
        column.addWidget(heading)
        column.addWidget(intro)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addSpacing(12)
        column.addWidget(QLabel("Recent essays and samples (Enter or double-click opens):", self))
        column.addWidget(self.recent, 1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self.setFocusProxy(self.new_button)

    def set_recent(self, recent: Sequence[str]) -> None:
        self.recent.clear()
        entries = [(Path(p), "") for p in recent] + [(p, "sample: ") for p in self._samples]
        for path, prefix in entries:
            # File name first (what people recognise), then where it is.
            item = QListWidgetItem(f"{prefix}{path.name}  —  {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent.setVisible(bool(entries))

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.open_path_requested.emit(Path(str(item.data(Qt.ItemDataRole.UserRole))))
