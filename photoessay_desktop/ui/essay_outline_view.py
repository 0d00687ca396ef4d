"""What the editor shows while an essay opens: its slides as the list's own cards and the first
slide's caption and credit under an empty photo, in the panes the editor will have.

The editor paints this from a quick read of the file before the essay model loads (issue #5), so
it must not import the document or pydantic. It shows the cards it is given and edits nothing;
`MainWindow.install` replaces it with the editor.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QListView, QSplitter, QVBoxLayout, QWidget

from photoessay_desktop.qt_models.slide_roles import TEXT_SLIDE, SlideRole, caption_preview
from photoessay_desktop.ui.photo_page import PhotoPage
from photoessay_desktop.ui.slide_card_delegate import SlideCardDelegate

# List, photo and edit panel, before the user has moved the splitter; the editor's too.
DEFAULT_PANE_WIDTHS = (280, 900, 360)
PANE_STRETCH = (0, 1, 0)
SLIDE_LIST_MIN_WIDTH = 220


class OutlineCard(Protocol):
    """One slide as its card shows it before the essay has loaded (the app passes storage's
    quick read of the file, which this layer may not import)."""

    @property
    def caption(self) -> str: ...
    @property
    def credit(self) -> str: ...
    @property
    def has_photo(self) -> bool: ...


class _OutlineModel(QAbstractListModel):
    """The cards' data under the slide list's roles; thumbnails come with the editor."""

    def __init__(self, cards: Sequence[OutlineCard], parent: QWidget) -> None:
        super().__init__(parent)
        self._cards = tuple(cards)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SlideRole.PREVIEW):
            return caption_preview(card.caption)
        if role == SlideRole.NUMBER:
            return index.row() + 1
        if role == SlideRole.PLACEHOLDER_SHORT:
            return "" if card.has_photo else TEXT_SLIDE
        if role == SlideRole.FINDINGS:
            return 0
        return None


class EssayOutlineView(QSplitter):
    """The editor's panes with the essay's cards, the first one current, and nothing to edit."""

    def __init__(
        self,
        cards: Sequence[OutlineCard],
        splitter_state: QByteArray | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("essayOutline")
        self.setChildrenCollapsible(False)
        self.cards = QListView(self)
        self.cards.setObjectName("outlineCards")
        self.cards.setAccessibleName("Slides (opening)")
        self.cards.setModel(_OutlineModel(cards, self))
        self.cards.setItemDelegate(SlideCardDelegate(self.cards))
        self.cards.setUniformItemSizes(True)
        self.cards.setMinimumWidth(SLIDE_LIST_MIN_WIDTH)
        self.photo_page = PhotoPage()
        first = cards[0] if cards else None
        if first is not None:
            self.cards.setCurrentIndex(self.cards.model().index(0, 0))
            self.photo_page.caption.setText(first.caption)
            self.photo_page.credit.setText(first.credit)
        # A text slide opens on a card, not a photo: the outline leaves that pane empty.
        self.photo_page.setVisible(first is not None and first.has_photo)
        photo_pane = QWidget(self)
        photo_layout = QVBoxLayout(photo_pane)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        photo_layout.addWidget(self.photo_page)
        edit_pane = QWidget(self)
        for pane, stretch in zip((self.cards, photo_pane, edit_pane), PANE_STRETCH, strict=True):
            self.addWidget(pane)
            self.setStretchFactor(self.indexOf(pane), stretch)
        self.setSizes(list(DEFAULT_PANE_WIDTHS))
        if splitter_state is not None:
            self.restoreState(splitter_state)
