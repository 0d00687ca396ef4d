"""One running slideshow: the controller, its windows, the clock and the photos around the slide.

It turns keys, clicks and timer ticks into controller commands, then shows the new state in the
audience and presenter windows and asks for the neighbours' photos before they are needed. It
never decodes (the image source does) and never saves settings (it reports the chosen screen).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap

from photoessay_desktop.document.slideshow_controller import (
    Command,
    Request,
    SlideshowController,
)
from photoessay_desktop.document.slideshow_plan import Frame, FrameKind, SlideshowPlan
from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.essay_name import UNTITLED_ESSAY
from photoessay_desktop.domain.image_ref import is_remote, remote_host
from photoessay_desktop.qt_models.image_source import ImageSource
from photoessay_desktop.ui.slideshow.audience_scene import AudienceScene, OverviewScene
from photoessay_desktop.ui.slideshow.audience_window import AudienceWindow
from photoessay_desktop.ui.slideshow.frame_painter import FrameContent
from photoessay_desktop.ui.slideshow.key_map import command_for
from photoessay_desktop.ui.slideshow.overview_grid import overview_layout
from photoessay_desktop.ui.slideshow.presenter_scene import PresenterScene
from photoessay_desktop.ui.slideshow.presenter_text import (
    format_duration,
    plan_text,
    position_text,
    status_text,
)
from photoessay_desktop.ui.slideshow.presenter_window import PresenterWindow
from photoessay_desktop.ui.slideshow.screen_choice import (
    Placement,
    ScreenList,
    choose_placement,
    show_full_screen,
)
from photoessay_desktop.ui.slideshow.slide_pixmaps import SlidePixmaps, pixmap_key
from photoessay_desktop.ui.slideshow.slideshow_options import SlideshowOptions

_REHEARSAL_SIZE = QSize(1280, 720)  # photos for the rehearsal preview (one screen, no audience)
_PRESENTER_DELAY_MS = 25  # the audience paints first; the speaker's screen may lag a frame
# After a step to a photo that is ready, the neighbours' decodes wait a frame: started at once,
# their first Python steps take turns with the paint for the interpreter lock and a core, and the
# step reached the screen up to 6 ms later (traced under the presentation benchmark).
_PREFETCH_DELAY_MS = 16


class SlideshowSession(QObject):
    """Runs one show from start() until Esc; `finished` gives the slide index that was showing."""

    finished = Signal(int)  # slide index (0 on the title card, -1 for an essay without slides)
    audience_screen_chosen = Signal(str)  # the screen name to remember

    def __init__(
        self,
        essay: Essay,
        *,
        source: ImageSource,
        screens: ScreenList,
        options: SlideshowOptions | None = None,
        start: int = 0,
        auto_seconds: float | None = None,
        loop: bool | None = None,
        presenter: bool | None = None,
        screen_number: int | None = None,
        editor_screen: str = "",
        audience: AudienceWindow | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        """`start` is a frame position (see SlideshowPlan.position_of_slide); raises
        ScreenChoiceError when `screen_number` is not connected. `audience` is a window already
        showing the opening frame (`photoessay present` paints it before the session exists);
        the session takes it over, with any input it held, from start()."""
        super().__init__(parent)
        self.options = options or SlideshowOptions()
        self._clock = clock
        self._wall_clock = wall_clock
        self._screens = screens
        self.placement = choose_placement(
            screens.screens(),
            number=screen_number,
            remembered=self.options.audience_screen,
            editor_screen=editor_screen,
            presenter=presenter,
        )
        plan = SlideshowPlan(essay, default_seconds=auto_seconds)
        self.controller = SlideshowController(plan, now=clock(), start=start, loop=loop)
        self._photos = SlidePixmaps(source, self)
        self._tiles = SlidePixmaps(source, self)
        self._provisional: dict[str, QPixmap] = {}
        self._early_key = ""
        self._refreshing = False
        self._dirty = False
        self._photos.pixmap_ready.connect(self._on_pixmap)
        self._photos.pixmap_failed.connect(self._on_pixmap)
        self._tiles.pixmap_ready.connect(self._on_tile)
        self._tiles.pixmap_failed.connect(self._on_tile)
        if audience is None:
            audience = AudienceWindow(self._audience_scene(), fade_ms=self.options.fade_ms)
        else:
            audience.set_fade_ms(self.options.fade_ms)
        self.audience = audience
        self.audience.setWindowTitle(f"{essay.title.strip() or UNTITLED_ESSAY} - Slideshow")
        self.audience.key_pressed.connect(self._on_key)
        self.audience.step_requested.connect(self._on_step)
        self.audience.tile_picked.connect(self._on_pick)
        self.audience.close_requested.connect(self.stop)
        self.presenter: PresenterWindow | None = None
        if self.placement.presenter is not None:
            self.presenter = PresenterWindow(self._presenter_scene())
            self.presenter.setWindowTitle(f"{essay.title.strip() or UNTITLED_ESSAY} - Presenter")
            self.presenter.key_pressed.connect(self._on_key)
            self.presenter.audience_screen_chosen.connect(self._on_screen_chosen)
            self.presenter.close_requested.connect(self.stop)
        self._auto_timer = self._timer(self._on_auto_timer, precise=True)
        self._tick_timer = self._timer(self._on_tick, interval=1000, single=False)
        self._presenter_timer = self._timer(self._refresh_presenter, interval=_PRESENTER_DELAY_MS)
        self._prefetch_timer = self._timer(self._prefetch_now, interval=_PREFETCH_DELAY_MS)
        self._running = False

    def _timer(
        self,
        slot: Callable[[], None],
        *,
        interval: int = 0,
        single: bool = True,
        precise: bool = False,
    ) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(interval)
        if precise:
            timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(slot)
        return timer

    # -- life cycle -----------------------------------------------------------------------------
    def start(self) -> None:
        """Show the windows on their screens and begin."""
        self._running = True
        self._place_windows()
        self._refresh()
        self._tick_timer.start()
        # Keys pressed while the show was starting, on the next turn of the event loop: whoever
        # waits for `finished` must be listening before an Esc among them ends the show.
        QTimer.singleShot(0, self.audience.release_input)

    def stop(self) -> None:
        """End the show (Esc, or a window closed) and report the slide that was showing."""
        if not self._running:
            return
        self._running = False
        for timer in (
            self._auto_timer,
            self._tick_timer,
            self._presenter_timer,
            self._prefetch_timer,
        ):
            timer.stop()
        self._photos.retain(set())
        self._tiles.retain(set())
        self.audience.dismiss()
        if self.presenter is not None:
            self.presenter.dismiss()
        frame = self.controller.frame
        index = frame.slide_index if frame.slide_index is not None else 0
        self.finished.emit(index if self.controller.plan.slide_count else -1)

    @property
    def running(self) -> bool:
        return self._running

    def expect_early_image(self, ref: str, box: QSize) -> None:
        """A photo of `ref` for `box` is being decoded elsewhere (before Qt started): when `box` is
        the audience's, do not decode it twice; adopt_early_image or early_image_failed follows."""
        if box == self.photo_box():
            self._early_key = pixmap_key(ref, box)

    def adopt_early_image(self, ref: str, image: QImage | QPixmap, box: QSize) -> None:
        """Take a photo decoded before Qt started (to fit `box`) so the first frame shows at once.

        When the box is the audience's, it is the final pixmap; otherwise it stands in until the
        loader delivers the right size."""
        self._early_key = ""
        if image.isNull():
            self._refresh()
            return
        if box == self.photo_box():
            self._photos.put(ref, box, image)
        else:
            pixmap = image if isinstance(image, QPixmap) else QPixmap.fromImage(image)
            self._provisional[ref] = pixmap
        self._refresh()

    def early_image_failed(self) -> None:
        """The early decode gave up (an unusual file): the loader takes over."""
        self._early_key = ""
        self._refresh()

    # -- screens --------------------------------------------------------------------------------
    def photo_box(self) -> QSize:
        """The audience area in device pixels: photos are decoded to fit it exactly."""
        if self.placement.windowed:
            size = _REHEARSAL_SIZE
        else:
            size = self.placement.audience.geometry.size()
        ratio = self.placement.audience.device_pixel_ratio
        return QSize(round(size.width() * ratio), round(size.height() * ratio))

    def _place_windows(self) -> None:
        placement = self.placement
        if placement.windowed:
            # Rehearsal on one screen: the presenter view alone, in a window filling the screen;
            # its "Showing" preview is what the audience window would show.
            if self.presenter is not None:
                self.presenter.setGeometry(placement.audience.geometry)
                self.presenter.show()
                self.presenter.raise_()
                self.presenter.activateWindow()
            return
        show_full_screen(self.audience, placement.audience)
        if self.presenter is not None and placement.presenter is not None:
            show_full_screen(self.presenter, placement.presenter)
            self.presenter.activateWindow()
        else:
            self.audience.activateWindow()

    def _replace(self, placement: Placement) -> None:
        old_box = self.photo_box()
        self.placement = placement
        self._place_windows()
        if self.photo_box() != old_box:
            self._photos.retain(set())
        self.audience_screen_chosen.emit(placement.audience.name)
        self._refresh()

    def _on_screen_chosen(self, index: int) -> None:
        screens = self._screens.screens()
        if not 0 <= index < len(screens):
            return
        chosen = screens[index]
        others = [s for s in screens if s.name != chosen.name]
        presenter = others[0] if others else chosen
        self._replace(Placement(chosen, presenter, windowed=not others))

    # -- input ----------------------------------------------------------------------------------
    def _on_key(self, key: int, modifiers: int) -> None:
        if not self._running:
            return
        now = self._clock()
        command = command_for(key, Qt.KeyboardModifier(modifiers))
        if command is None:
            if not self.controller.wake(now):
                return
        elif isinstance(command, int):
            self.controller.type_digit(command, now)
        else:
            request = self.controller.handle(command, now)
            if request is Request.LEAVE:
                self.stop()
                return
            if request is Request.SWAP_SCREENS:
                self._replace(self.placement.swapped())
                return
        self._refresh(now=True)

    def _on_step(self, step: int) -> None:
        if self._running:
            self.controller.handle(Command.NEXT if step > 0 else Command.PREVIOUS, self._clock())
            self._refresh(now=True)

    def _on_pick(self, position: int) -> None:
        if self._running:
            self.controller.pick(position, self._clock())
            self._refresh(now=True)

    def _on_auto_timer(self) -> None:
        moved = self.controller.advance_if_due(self._clock())
        self._refresh(moved=moved)

    def _on_tick(self) -> None:
        if self.controller.timer_visible:
            self.audience.show_scene(self._audience_scene())
        self._schedule_presenter()

    def _on_pixmap(self, key: str) -> None:
        if not self._running:
            return
        if key == self._photo_key(self.controller.position):
            self._refresh()
        elif key in self._visible_photo_keys() and not self._refreshing:
            # A neighbour, ready before it is needed: the audience sees no change, so no repaint
            # (a full-screen paint that could collide with the next key); the presenter's "next"
            # preview shows it, and the rest of the neighbours are asked for.
            self._prefetch()
            self._schedule_presenter()

    def _on_tile(self, key: str) -> None:
        if self.controller.overview_open:
            self.audience.show_scene(self._audience_scene())

    # -- showing --------------------------------------------------------------------------------
    def _refresh(self, *, now: bool = False, moved: bool = False) -> None:
        """Show the current frame: painted before this returns when `now` (a key or a click), on
        the next turn of the event loop otherwise. `moved`: the frame changed without a key (the
        auto-advance), so its paint, or a fade's first frames, comes before the next decode too.
        """
        if not self._running:
            return
        if self._refreshing:
            # A photo the loader had in memory arrived while we asked for it: show it below.
            self._dirty = True
            return
        self._refreshing = True
        try:
            if (now or moved) and self._current_ready():
                self._prefetch_timer.start()  # paint first, then ask for the neighbours
            else:
                # Ask first: a photo in the loader's memory arrives now, in time for this paint.
                self._prefetch()
            self._dirty = False
            self.audience.show_scene(self._audience_scene(), now=now)
            self._schedule_presenter()
            self._arm_auto_timer()
        finally:
            self._refreshing = False

    def _schedule_presenter(self) -> None:
        if self.presenter is not None and not self._presenter_timer.isActive():
            self._presenter_timer.start()

    def _refresh_presenter(self) -> None:
        if self.presenter is not None and self._running:
            self.presenter.show_scene(self._presenter_scene())

    def _arm_auto_timer(self) -> None:
        deadline = self.controller.deadline
        if deadline is None:
            self._auto_timer.stop()
            return
        self._auto_timer.start(max(0, round((deadline - self._clock()) * 1000)))

    def _neighbours(self) -> list[int]:
        controller = self.controller
        positions = [controller.position]
        for delta in (1, -1):
            target = controller.step_target(controller.position, delta)
            if target is not None and target not in positions:
                positions.append(target)
        return positions

    def _photo_key(self, position: int) -> str | None:
        slide = self.controller.plan.frames[position].slide
        if slide is None or slide.image is None:
            return None
        return pixmap_key(slide.image, self.photo_box())

    def _visible_photo_keys(self) -> set[str]:
        box = self.photo_box()
        keys = set()
        for position in self._neighbours():
            ref = self.controller.plan.frames[position].slide
            if ref is not None and ref.image is not None:
                keys.add(pixmap_key(ref.image, box))
        return keys

    def _current_ready(self) -> bool:
        key = self._photo_key(self.controller.position)
        return key is None or self._settled(key)

    def _prefetch_now(self) -> None:
        if self._running:
            self._prefetch()

    def _prefetch(self) -> None:
        self._prefetch_timer.stop()
        box = self.photo_box()
        keep: set[str] = set()
        for rank, position in enumerate(self._neighbours()):
            slide = self.controller.plan.frames[position].slide
            if slide is None or slide.image is None:
                continue
            key = pixmap_key(slide.image, box)
            if key == self._early_key:
                keep.add(key)  # on its way from the early decode
            else:
                # The slide on screen first, then the one Next shows, then the one before.
                keep.add(self._photos.want(slide.image, box, priority=10 - rank))
            if rank == 0 and not self._settled(key):
                break  # neighbours wait: on two cores they would slow the photo on screen
        self._photos.retain(keep)
        if self.controller.overview_open:
            self._prefetch_tiles()

    def _settled(self, key: str) -> bool:
        return self._photos.pixmap(key) is not None or self._photos.failure(key) is not None

    def _prefetch_tiles(self) -> None:
        layout = overview_layout(len(self.controller.plan), self.audience.size())
        self.controller.set_overview_columns(layout.columns)
        start = layout.page_start(self.controller.overview_cursor)
        frames = self.controller.plan.frames[start : start + layout.per_page]
        keep = {
            self._tiles.want(frame.slide.image, layout.tile, priority=-1)
            for frame in frames
            if frame.slide is not None and frame.slide.image is not None
        }
        self._tiles.retain(keep)

    def content(self, position: int, *, tile: QSize | None = None) -> FrameContent:
        """The frame at `position` with its photo (if ready), as the windows paint it."""
        controller = self.controller
        plan = controller.plan
        frame = plan.frames[position]
        pixmap: QPixmap | None = None
        status = ""
        ref = frame.slide.image if frame.slide is not None else None
        if frame.kind is FrameKind.PHOTO and ref is not None:
            store = self._tiles if tile is not None else self._photos
            key = pixmap_key(ref, tile if tile is not None else self.photo_box())
            pixmap = store.pixmap(key) or (None if tile is not None else self._provisional.get(ref))
            failure = store.failure(key)
            if failure is not None:
                status = f"Photo unavailable\n{failure}"
            elif pixmap is None and is_remote(ref) and tile is None:
                status = f"Loading the photo from {remote_host(ref)}..."
        return FrameContent(
            frame=frame,
            title=plan.essay.title,
            standfirst=plan.essay.standfirst,
            slide_count=plan.slide_count,
            pixmap=pixmap,
            status_text=status,
            captions_visible=controller.captions_visible,
            caption_size=self.options.caption_size,
            text_layers=tile is None,
        )

    def _audience_scene(self) -> AudienceScene:
        controller = self.controller
        now = self._clock()
        overview = None
        if controller.overview_open:
            tile = overview_layout(len(controller.plan), self.audience.size()).tile
            overview = OverviewScene(
                tiles=tuple(self.content(p, tile=tile) for p in range(len(controller.plan))),
                cursor=controller.overview_cursor,
                current=controller.position,
            )
        return AudienceScene(
            content=self.content(controller.position),
            position=controller.position,
            screen=controller.screen,
            help_visible=controller.help_visible,
            jump_text=controller.jump_text,
            message=controller.message,
            timer_text=format_duration(controller.elapsed(now)) if controller.timer_visible else "",
            paused=controller.paused and controller.plan.auto_advances,
            overview=overview,
        )

    def _presenter_scene(self) -> PresenterScene:
        controller = self.controller
        now = self._clock()
        frame = controller.frame
        following = controller.next_frame
        next_position = controller.step_target(controller.position, 1)
        screens = self._screens.screens()
        names = tuple(s.label for s in screens)
        audience_index = next(
            (i for i, s in enumerate(screens) if s.name == self.placement.audience.name), -1
        )
        slide = frame.slide
        return PresenterScene(
            current=self.content(controller.position),
            next=None if next_position is None else self.content(next_position),
            caption=slide.caption if slide is not None else controller.plan.essay.standfirst,
            credit=slide.credit if slide is not None else "",
            next_caption=_caption_of(following),
            notes=slide.notes if slide is not None else "",
            position_text=position_text(frame, controller.plan.slide_count),
            elapsed_text=format_duration(controller.elapsed(now)),
            clock_text=self._wall_clock().strftime("%H:%M"),
            plan_text=plan_text(controller, now),
            status_text=status_text(controller, now),
            screen_names=names,
            audience_screen=audience_index,
        )


def _caption_of(frame: Frame | None) -> str:
    if frame is None:
        return "End of the essay"
    if frame.slide is None:
        return "Title card"
    return frame.slide.caption or "(no caption)"
