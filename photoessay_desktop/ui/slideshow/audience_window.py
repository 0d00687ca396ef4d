"""The audience window: the show itself, full screen, black around the photo.

It paints the scene the session gives it (with an optional cross-fade from the previous frame) and
reports keys, clicks and wheel steps as signals; it decides nothing about slides itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, Qt, QTimer, QVariantAnimation, Signal, SignalInstance
from PySide6.QtGui import (
    QCloseEvent,
    QCursor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from photoessay_desktop.document.slideshow_controller import Screen
from photoessay_desktop.ui.slideshow.audience_scene import AudienceScene
from photoessay_desktop.ui.slideshow.frame_painter import paint_frame
from photoessay_desktop.ui.slideshow.overlay_painter import paint_banner, paint_corner, paint_help
from photoessay_desktop.ui.slideshow.overview_grid import overview_layout, paint_overview

POINTER_HIDE_MS = 2000
_WHEEL_STEP = 120  # one notch; touchpads send many small deltas that add up to it


class AudienceWindow(QWidget):
    """Paints the current AudienceScene; signals what the user pressed, clicked or scrolled."""

    key_pressed = Signal(int, int)  # key, modifiers
    step_requested = Signal(int)  # +1 / -1 from a click or the wheel
    tile_picked = Signal(int)  # a frame position clicked in the overview
    close_requested = Signal()
    frame_painted = Signal()  # a paint finished (start-up waits for its first photo on screen)

    def __init__(self, scene: AudienceScene, *, fade_ms: int = 0) -> None:
        super().__init__()
        self._scene = scene
        self._fade_ms = fade_ms
        self._fade_from: QPixmap | None = None
        self._fade_opacity = 0.0
        self._wheel = 0
        self._dismissed = False
        # Input that arrives before anyone listens (start-up) waits here instead of being lost.
        self._held: list[tuple[SignalInstance, tuple[int, ...]]] | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setStyleSheet("background: black;")
        self._fade = QVariantAnimation(self)
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._fade.valueChanged.connect(self._on_fade_step)
        self._fade.finished.connect(self._on_fade_done)
        self._pointer_timer = QTimer(self)
        self._pointer_timer.setSingleShot(True)
        self._pointer_timer.setInterval(POINTER_HIDE_MS)
        self._pointer_timer.timeout.connect(self._hide_pointer)
        self._pointer_timer.start()

    @property
    def scene(self) -> AudienceScene:
        """What the audience sees now."""
        return self._scene

    @property
    def fading(self) -> bool:
        return self._fade_from is not None

    @property
    def pointer_hidden(self) -> bool:
        return self.cursor().shape() == Qt.CursorShape.BlankCursor

    def set_fade_ms(self, fade_ms: int) -> None:
        self._fade_ms = fade_ms

    def hold_input(self) -> None:
        """Keep keys, clicks and close requests until release_input (nobody listens yet)."""
        if self._held is None:
            self._held = []

    def release_input(self) -> None:
        """Send what was held, in order, to whoever listens now; then pass input straight on."""
        held, self._held = self._held or [], None
        for signal, arguments in held:
            signal.emit(*arguments)

    def _send(self, signal: SignalInstance, *arguments: int) -> None:
        if self._held is not None:
            self._held.append((signal, arguments))
        else:
            signal.emit(*arguments)

    def show_scene(self, scene: AudienceScene, *, now: bool = False) -> None:
        """Show `scene`; a new frame cross-fades in when a fade is set, never delaying it.

        `now` paints before returning (a key press: the next turn of the event loop may first
        run other work, and a step must reach the screen within a frame)."""
        old = self._scene
        changed = scene.position != old.position and scene.screen is Screen.SHOW
        if changed and self._fade_ms > 0 and self.isVisible() and old.screen is Screen.SHOW:
            # The old frame as it looks right now (mid-fade included); the new one paints at once.
            self._fade_from = self.grab()
            self._fade.stop()
            self._fade.setDuration(self._fade_ms)
            self._fade.start()
        self._scene = scene
        if now and self.isVisible():
            self.repaint()
        else:
            self.update()

    # -- painting -------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.rect()
        scene = self._scene
        if scene.screen is Screen.BLACK:
            painter.fillRect(rect, Qt.GlobalColor.black)
        elif scene.screen is Screen.WHITE:
            painter.fillRect(rect, Qt.GlobalColor.white)
        else:
            paint_frame(painter, rect, scene.content)
            if self._fade_from is not None:
                painter.setOpacity(self._fade_opacity)
                painter.drawPixmap(0, 0, self._fade_from)
                painter.setOpacity(1.0)
            self._paint_layers(painter)
        painter.end()
        self.frame_painted.emit()

    def _paint_layers(self, painter: QPainter) -> None:
        scene, rect = self._scene, self.rect()
        if scene.overview is not None:
            layout = overview_layout(len(scene.overview.tiles), rect.size())
            paint_overview(
                painter,
                rect,
                layout,
                scene.overview.tiles,
                scene.overview.cursor,
                scene.overview.current,
            )
        if scene.paused:
            paint_corner(painter, rect, "Paused", right=False)
        if scene.timer_text:
            paint_corner(painter, rect, scene.timer_text, right=True)
        if scene.help_visible:
            paint_help(painter, rect)
        if scene.message:
            paint_banner(painter, rect, scene.message, near_bottom=False)
        if scene.jump_text:
            paint_banner(painter, rect, scene.jump_text, near_bottom=True)

    def _on_fade_step(self, value: object) -> None:
        self._fade_opacity = float(value)  # type: ignore[arg-type]  # QVariantAnimation gives floats here
        self.update()

    def _on_fade_done(self) -> None:
        self._fade_from = None
        self.update()

    # -- input ----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._send(self.key_pressed, event.key(), event.modifiers().value)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._show_pointer()
        overview = self._scene.overview
        if overview is not None and event.button() == Qt.MouseButton.LeftButton:
            layout = overview_layout(len(overview.tiles), self.size())
            point = event.position().toPoint()
            hit = layout.hit(point.x(), point.y(), overview.cursor, len(overview.tiles))
            if hit is not None:
                self._send(self.tile_picked, hit)
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._send(self.step_requested, 1)
        elif event.button() == Qt.MouseButton.RightButton:
            self._send(self.step_requested, -1)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._wheel += event.angleDelta().y()
        while abs(self._wheel) >= _WHEEL_STEP:
            step = -1 if self._wheel > 0 else 1  # wheel away from you goes back, as in viewers
            self._wheel += step * _WHEEL_STEP
            self._send(self.step_requested, step)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._show_pointer()

    def _show_pointer(self) -> None:
        if self.pointer_hidden:
            self.unsetCursor()
        self._pointer_timer.start()

    def _hide_pointer(self) -> None:
        self.setCursor(QCursor(Qt.CursorShape.BlankCursor))

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window (window manager, Alt+F4) ends the show like Esc, through the session.
        if not self._dismissed:
            self._send(self.close_requested)  # the session ends the show, dismissing this window
        if self._dismissed:
            event.accept()
        else:
            event.ignore()

    def dismiss(self) -> None:
        """Close for good (the session ends the show)."""
        self._dismissed = True
        self._pointer_timer.stop()
        self.close()
