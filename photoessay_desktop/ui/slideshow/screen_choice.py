"""Which connected screen shows the audience view and which the presenter view.

The screens come through `ScreenList`, a small interface the tests replace with a fake; the choice
itself is a pure function. It never relies on a "primary" screen: the user's pick (by number or by
remembered name) wins, then the screen the editor is not on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ScreenInfo:
    """A connected screen as the slideshow needs it: a name to show and remember, and its area."""

    name: str
    geometry: QRect
    device_pixel_ratio: float = 1.0

    @property
    def label(self) -> str:
        size = self.geometry.size()
        return f"{self.name} ({size.width()}x{size.height()})"


class ScreenList(Protocol):
    """The screens connected right now, in the order the system lists them."""

    def screens(self) -> list[ScreenInfo]: ...


class QtScreenList:
    """The real screens, read from Qt each time they are asked for (they come and go)."""

    def screens(self) -> list[ScreenInfo]:
        return [
            ScreenInfo(
                screen.name() or f"Screen {number}",
                screen.geometry(),
                screen.devicePixelRatio(),
            )
            for number, screen in enumerate(QGuiApplication.screens(), start=1)
        ]


class ScreenChoiceError(ValueError):
    """A screen number that is not connected; str() names the screens that are."""


@dataclass(frozen=True)
class Placement:
    """Where each window goes; `presenter` is None when there is no presenter view."""

    audience: ScreenInfo
    presenter: ScreenInfo | None
    # One screen and a presenter view: both become ordinary windows so the user can rehearse.
    windowed: bool = False

    def swapped(self) -> Placement:
        """Audience and presenter change screens (the S key); unchanged without a second screen."""
        if self.presenter is None or self.windowed:
            return self
        return Placement(self.presenter, self.audience, windowed=False)


def describe_screens(screens: list[ScreenInfo]) -> str:
    """'1: HDMI-1 (1920x1080), 2: eDP-1 (2560x1600)' for messages."""
    return ", ".join(f"{n}: {s.label}" for n, s in enumerate(screens, start=1))


def choose_placement(
    screens: list[ScreenInfo],
    *,
    number: int | None = None,
    remembered: str = "",
    editor_screen: str = "",
    presenter: bool | None = None,
) -> Placement:
    """Pick the audience screen (`number` is 1-based, from --screen) and the presenter screen.

    `presenter=None` means "a presenter view when there is a second screen for it".
    """
    if not screens:
        raise ScreenChoiceError("no screen is connected")
    if number is not None:
        if not 1 <= number <= len(screens):
            raise ScreenChoiceError(
                f"there is no screen {number}; connected screens are {describe_screens(screens)}"
            )
        audience = screens[number - 1]
    else:
        audience = _default_audience(screens, remembered, editor_screen)
    others = [s for s in screens if s is not audience]
    if presenter is False or (presenter is None and not others):
        return Placement(audience, None)
    if not others:
        return Placement(audience, audience, windowed=True)
    by_name = {s.name: s for s in others}
    return Placement(audience, by_name.get(editor_screen, others[0]))


def _default_audience(screens: list[ScreenInfo], remembered: str, editor_screen: str) -> ScreenInfo:
    for screen in screens:
        if remembered and screen.name == remembered:
            return screen
    # The projector is the screen the editor is not on; from the command line, the last one listed
    # (laptops list their built-in panel first).
    candidates = [s for s in screens if s.name != editor_screen] or screens
    return candidates[-1]


def show_full_screen(window: QWidget, screen: ScreenInfo) -> None:
    """Put `window` full screen on `screen`; nothing to do when it is already there.

    Placed by geometry (works for any screen list) and, where Qt knows the screen, by QScreen
    too, so the window manager puts the full-screen window on the right output. Doing it again on
    a window already there would make the window manager re-map it: a visible flash."""
    handle = window.windowHandle()
    if (
        window.isVisible()
        and window.isFullScreen()
        and window.geometry() == screen.geometry
        and handle is not None
        and handle.screen().name() == screen.name
    ):
        return
    window.setGeometry(screen.geometry)
    window.create()
    handle = window.windowHandle()
    for qscreen in QGuiApplication.screens():
        if qscreen.name() == screen.name and handle is not None:
            handle.setScreen(qscreen)
    window.showFullScreen()
