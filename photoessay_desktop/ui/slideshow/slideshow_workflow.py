"""The editor's way into the slideshow: F5, Shift+F5, the screen menu, and back on Esc.

Starts a SlideshowSession on the open essay (from the first frame, or the selected slide) and,
when the show ends, selects the slide that was showing and brings the editor back. It changes
nothing in the essay; the chosen screen is saved to the preferences by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.slideshow_plan import SlideshowPlan
from photoessay_desktop.qt_models.image_source import ImageSource
from photoessay_desktop.settings.preferences_store import PreferencesStore
from photoessay_desktop.ui.slideshow.screen_choice import QtScreenList, ScreenList
from photoessay_desktop.ui.slideshow.slideshow_options import options_from_preferences

if TYPE_CHECKING:  # imported when a show starts: the editor's start-up does not need it
    from photoessay_desktop.ui.slideshow.slideshow_session import SlideshowSession


class SlideshowWorkflow(QObject):
    """Owns the slideshow actions of one editor window and the show they start."""

    show_ended = Signal(int)  # the slide index selected on return

    def __init__(
        self,
        window: QMainWindow,
        document: EssayDocument,
        current_row: Callable[[], int],
        select_row: Callable[[int], None],
        images: ImageSource | None,
        preferences: PreferencesStore,
        screens: ScreenList | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._current_row = current_row
        self._select_row = select_row
        self._images = images
        self._preferences = preferences
        self._screens = screens or QtScreenList()
        self.session: SlideshowSession | None = None
        self.start_action = QAction("Start &Slideshow", window)
        self.start_action.setObjectName("actionStartSlideshow")
        self.start_action.setShortcut(QKeySequence("F5"))
        self.start_action.setStatusTip("Present the essay full screen from the title card")
        self.start_action.triggered.connect(lambda: self.start(from_current=False))
        self.current_action = QAction("Slideshow from &Current Slide", window)
        self.current_action.setObjectName("actionSlideshowFromCurrent")
        self.current_action.setShortcut(QKeySequence("Shift+F5"))
        self.current_action.triggered.connect(lambda: self.start(from_current=True))
        for action in (self.start_action, self.current_action):
            action.setEnabled(images is not None)
            window.addAction(action)  # shortcuts work whatever menu layout the window has
        self.screen_menu = QMenu("Present &On", window)
        self.screen_menu.setObjectName("menuPresentOn")
        self.screen_menu.aboutToShow.connect(self._fill_screen_menu)

    def add_to(self, menu: QMenu) -> None:
        """Put the slideshow commands and the screen menu at the end of `menu`."""
        menu.addSeparator()
        menu.addActions([self.start_action, self.current_action])
        menu.addMenu(self.screen_menu)

    def start(self, *, from_current: bool) -> None:
        """Present the open essay; from the selected slide when `from_current`."""
        if self._images is None or (self.session is not None and self.session.running):
            return
        essay = self._document.essay
        position = 0
        if from_current and essay.slides:
            position = SlideshowPlan(essay).position_of_index(max(self._current_row(), 0))
        from photoessay_desktop.ui.slideshow.slideshow_session import SlideshowSession

        screen = self._window.screen()
        self.session = SlideshowSession(
            essay,
            source=self._images,
            screens=self._screens,
            options=options_from_preferences(self._preferences.load()),
            start=position,
            editor_screen=screen.name() if screen is not None else "",
            parent=self,
        )
        self.session.finished.connect(self._on_finished)
        self.session.audience_screen_chosen.connect(self._remember_screen)
        self.session.start()

    def _on_finished(self, slide_index: int) -> None:
        if slide_index >= 0:
            self._select_row(slide_index)
        self._window.raise_()
        self._window.activateWindow()
        self.show_ended.emit(slide_index)

    def _remember_screen(self, name: str) -> None:
        self._preferences.save(
            self._preferences.load().model_copy(update={"slideshow_screen": name})
        )

    def _fill_screen_menu(self) -> None:
        self.screen_menu.clear()
        chosen = self._preferences.load().slideshow_screen
        group = QActionGroup(self.screen_menu)
        automatic = self.screen_menu.addAction("&Automatic (the screen the editor is not on)")
        automatic.setCheckable(True)
        automatic.setChecked(not chosen)
        automatic.triggered.connect(lambda: self._remember_screen(""))
        group.addAction(automatic)
        for number, screen in enumerate(self._screens.screens(), start=1):
            action = self.screen_menu.addAction(f"&{number} {screen.label.replace('&', '&&')}")
            action.setCheckable(True)
            action.setChecked(screen.name == chosen)
            action.triggered.connect(lambda _=False, name=screen.name: self._remember_screen(name))
            group.addAction(action)
