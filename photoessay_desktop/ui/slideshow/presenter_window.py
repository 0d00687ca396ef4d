"""The presenter view: current and next slide, notes in large type, clocks and the plan.

For the speaker's screen (or a window to rehearse on one screen). Every key works here as in the
audience window: keys are reported by signal to the session, which owns the show.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from photoessay_desktop.ui.slideshow.frame_painter import FrameContent, fitted_size, paint_frame
from photoessay_desktop.ui.slideshow.presenter_scene import PresenterScene


class FramePreview(QWidget):
    """A frame painted exactly as the audience sees it, at 16:9 inside this widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content: FrameContent | None = None
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_content(self, content: FrameContent | None) -> None:
        self.content = content
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = fitted_size(QSize(16, 9), self.size())
        x = (self.width() - area.width()) // 2
        y = (self.height() - area.height()) // 2
        if self.content is None:
            painter.fillRect(x, y, area.width(), area.height(), Qt.GlobalColor.black)
            painter.setPen(Qt.GlobalColor.gray)
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), "End of the essay")
        else:
            paint_frame(painter, self.rect().adjusted(x, y, -x, -y), self.content)
        painter.end()


def _label(pixels: int, *, bold: bool = False, colour: str = "#f0f0f0") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    weight = "bold" if bold else "normal"
    label.setStyleSheet(f"color: {colour}; font-size: {pixels}px; font-weight: {weight};")
    return label


class PresenterWindow(QWidget):
    """Shows a PresenterScene; reports keys, the chosen audience screen and closing."""

    key_pressed = Signal(int, int)
    audience_screen_chosen = Signal(int)  # index into the scene's screen_names
    close_requested = Signal()

    def __init__(self, scene: PresenterScene) -> None:
        super().__init__()
        self._dismissed = False
        self.setStyleSheet("PresenterWindow, QScrollArea, #notes { background: #161616; }")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.position = _label(34, bold=True)
        self.elapsed = _label(34, bold=True, colour="#ffc400")
        self.clock = _label(34)
        self.plan = _label(24, colour="#c8c8c8")
        self.status = _label(26, bold=True, colour="#ffc400")
        self.screens = QComboBox()
        self.screens.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows must keep stepping slides
        self.screens.setToolTip("The screen the audience sees")
        self.screens.activated.connect(self.audience_screen_chosen.emit)
        self.current = FramePreview()
        self.next = FramePreview()
        self.caption = _label(24)
        self.credit = _label(20, colour="#c8c8c8")
        self.next_caption = _label(20, colour="#c8c8c8")
        self.notes = _label(34)
        self.notes.setObjectName("notes")
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._build_layout()
        self.show_scene(scene)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        for widget, stretch in (
            (self.position, 2),
            (self.elapsed, 1),
            (self.clock, 1),
            (self.plan, 3),
        ):
            top.addWidget(widget, stretch)
        top.addWidget(self.screens)
        left = QVBoxLayout()
        showing = _label(18, colour="#a0a0a0")
        showing.setText("Showing")
        left.addWidget(showing)
        left.addWidget(self.current, 5)
        left.addWidget(self.caption)
        left.addWidget(self.credit)
        right = QVBoxLayout()
        heading = _label(18, colour="#a0a0a0")
        heading.setText("Next")
        right.addWidget(heading)
        right.addWidget(self.next, 3)
        right.addWidget(self.next_caption)
        notes_heading = _label(18, colour="#a0a0a0")
        notes_heading.setText("Notes")
        right.addWidget(notes_heading)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.notes)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        right.addWidget(scroll, 4)
        grid = QGridLayout(self)
        grid.addLayout(top, 0, 0, 1, 2)
        grid.addLayout(left, 1, 0)
        grid.addLayout(right, 1, 1)
        grid.addWidget(self.status, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)

    def show_scene(self, scene: PresenterScene) -> None:
        """Refresh every part from `scene`."""
        self.scene = scene
        self.position.setText(scene.position_text)
        self.elapsed.setText(scene.elapsed_text)
        self.clock.setText(scene.clock_text)
        self.plan.setText(scene.plan_text)
        self.status.setText(scene.status_text)
        self.current.show_content(scene.current)
        self.next.show_content(scene.next)
        self.caption.setText(scene.caption)
        self.credit.setText(scene.credit)
        self.next_caption.setText(scene.next_caption)
        self.notes.setText(scene.notes or "No notes for this slide.")
        names = list(scene.screen_names)
        if [self.screens.itemText(i) for i in range(self.screens.count())] != names:
            self.screens.clear()
            self.screens.addItems(names)
        self.screens.setVisible(len(names) > 1)
        self.screens.setCurrentIndex(scene.audience_screen)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.key_pressed.emit(event.key(), event.modifiers().value)

    def dismiss(self) -> None:
        """Close for good (the session ends the show)."""
        self._dismissed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._dismissed:
            self.close_requested.emit()  # the session ends the show, dismissing this window
        if self._dismissed:
            event.accept()
        else:
            event.ignore()
