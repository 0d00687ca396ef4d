"""A photo fitted to its space, zoomed with Ctrl+wheel or the zoom actions and panned by dragging.

It shows a QImage it is given, or a short message in its place; it never loads anything itself.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

ZOOM_STEP = 1.25
MIN_ZOOM = 0.05
MAX_ZOOM = 16.0


class ZoomableImageView(QGraphicsView):
    """Fit-to-window by default; zooming leaves fit mode until `fit` is asked for again."""

    zoom_changed = Signal(float)  # scale relative to the photo's decoded pixels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoView")
        self.setAccessibleName("Photo")
        self._scene = QGraphicsScene(self)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        self.setScene(self._scene)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor("#1e1f22"))
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # QGraphicsScene accepts every drag it sees; let drops reach the window (open or add).
        self.setAcceptDrops(False)
        self._fitting = True
        self._message = ""

    @property
    def fitting(self) -> bool:
        return self._fitting

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    @property
    def message(self) -> str:
        return self._message

    def set_image(self, image: QImage | None, message: str = "") -> None:
        """Show `image` fitted (or `message` when there is no image)."""
        self._message = "" if image is not None else message
        pixmap = QPixmap.fromImage(image) if image is not None else QPixmap()
        # Decoded for the device's pixel ratio: draw at logical size so 2x screens stay sharp.
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self._item.setPixmap(pixmap)
        self._scene.setSceneRect(self._item.boundingRect())
        self.setAccessibleDescription(message)
        self.fit()
        self.viewport().update()

    def has_image(self) -> bool:
        return not self._item.pixmap().isNull()

    def fit(self) -> None:
        """Fit the whole photo into the view (Ctrl+0); never enlarges past its decoded size."""
        self._fitting = True
        self.resetTransform()
        bounds = self._item.boundingRect()
        if bounds.isEmpty():
            return
        view = self.viewport().rect()
        scale = min(view.width() / bounds.width(), view.height() / bounds.height(), 1.0)
        self.scale(scale, scale)
        self.zoom_changed.emit(self.zoom)

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out, around the mouse when it is over the photo."""
        if not self.has_image():
            return
        target = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom * factor))
        self._fitting = False
        self.scale(target / self.zoom, target / self.zoom)
        self.zoom_changed.emit(self.zoom)

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitting:
            self.fit()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if not self._message:
            return
        # The message sits in view coordinates so it stays readable whatever the zoom.
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor("#d0d3d8"))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        painter.setFont(font)
        painter.drawText(
            self.viewport().rect().adjusted(24, 24, -24, -24),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self._message,
        )
        painter.restore()
