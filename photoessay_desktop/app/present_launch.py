"""Builds and runs a slideshow for `photoessay present`: Qt application, loader, screens, session.

The composition root of the command-line show; the editor builds its own session the same way
with its own loader. It computes nothing about slides itself.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from photoessay_desktop.document.slideshow_plan import SlideshowPlan
from photoessay_desktop.domain.essay import Essay

if TYPE_CHECKING:
    from photoessay_desktop.app.early_decode import EarlyDecode
    from photoessay_desktop.app.opening_frame import OpeningShow


def start_position(essay: Essay, number: int | None) -> int:
    """The frame position of slide `number` (None: the very first frame); ValueError if absent."""
    if number is None:
        return 0
    plan = SlideshowPlan(essay)
    position = plan.position_of_slide(number)
    if position is None:
        count = plan.slide_count
        if number == 0:
            raise ValueError("this essay has no title card (no title or standfirst); start at 1")
        if not count:
            raise ValueError("this essay has no slides yet")
        raise ValueError(f"there is no slide {number}; this essay has slides 1 to {count}")
    return position


def launch(
    essay: Essay,
    args: argparse.Namespace,
    early: EarlyDecode | None,
    *,
    config_folder: Path | None = None,
    opening: OpeningShow | None = None,
) -> int:
    """Show `essay` as the arguments say and run until the show ends (`config_folder`: where
    the preferences are, the user's own by default; `opening`: the window already showing the
    first frame, which the show takes over)."""
    try:
        position = start_position(essay, args.start)
    except ValueError as exc:
        if opening is not None:
            opening.window.dismiss()
        print(f"photoessay: {exc}", file=sys.stderr)
        return 2
    # Whether the opening frame already read the early decode (its pixels or its failure): the
    # pipe is closed then, and must not be watched again even if the window is not used.
    early_read = opening is not None and opening.early_consumed
    if opening is not None and opening.position != position:
        opening.window.dismiss()  # the quick read and the essay disagree: start afresh
        opening = None
    from PySide6.QtCore import QEventLoop, QSize, QSocketNotifier
    from PySide6.QtWidgets import QApplication

    from photoessay_desktop.app.gui_thread_collector import GuiThreadCollector
    from photoessay_desktop.app.interpreter_settings import favour_the_gui_thread
    from photoessay_desktop.app.opening_frame import early_image
    from photoessay_desktop.imaging.file_version import FileVersion
    from photoessay_desktop.imaging.remote_fetch import default_remote_folder
    from photoessay_desktop.imaging.remote_permissions import (
        RemotePhotoPermissions,
        default_permissions_file,
    )
    from photoessay_desktop.imaging.thumbnail_cache import default_thumbnail_folder
    from photoessay_desktop.qt_models.image_loader_setup import (
        decode_limits,
        image_loader_from_preferences,
    )
    from photoessay_desktop.settings.preferences_store import (
        PreferencesStore,
        default_config_folder,
    )
    from photoessay_desktop.ui.slideshow.screen_choice import QtScreenList, ScreenChoiceError
    from photoessay_desktop.ui.slideshow.slideshow_options import options_from_preferences
    from photoessay_desktop.ui.slideshow.slideshow_session import SlideshowSession

    favour_the_gui_thread()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PhotoEssay")
    store = PreferencesStore(config_folder or default_config_folder())
    preferences = store.load()
    # The same photos as in the editor: the user's pixel limit and memory bound, the shared disk
    # cache, and web photos from the hosts the user allowed for this essay there (none else).
    loader = image_loader_from_preferences(
        None,
        preferences,
        thumbnail_folder=default_thumbnail_folder(),
        remote_folder=default_remote_folder(),
    )
    loader.set_allowed_hosts(
        RemotePhotoPermissions(default_permissions_file()).allowed_hosts(Path(args.essay))
    )
    try:
        session = SlideshowSession(
            essay,
            source=loader,
            screens=QtScreenList(),
            options=options_from_preferences(preferences),
            start=position,
            auto_seconds=args.auto,
            loop=True if args.loop else None,
            presenter=bool(args.presenter),
            screen_number=args.screen,
            audience=opening.window if opening is not None else None,
        )
    except ScreenChoiceError as exc:
        if opening is not None:
            opening.window.dismiss()
        print(f"photoessay: {exc}", file=sys.stderr)
        return 2
    notifier: QSocketNotifier | None = None

    def watch_early_photo(ref: str) -> None:
        # The loader never read this photo: told which version is on screen, it watches it.
        if early is not None and early.version is not None:
            loader.photo_seen(ref, FileVersion(*early.version))

    if early_read:
        photo = opening.photo if opening is not None else None
        if photo is not None:
            session.adopt_early_image(photo.ref, photo.pixmap, photo.box)
            watch_early_photo(photo.ref)
    elif early is not None:
        box = QSize(*early.box)
        session.expect_early_image(early.ref, box)

        def adopt() -> None:
            if notifier is not None:
                notifier.setEnabled(False)
            image = early_image(early, decode_limits(preferences).max_pixels)
            if image.isNull():
                session.early_image_failed()
                return
            session.adopt_early_image(early.ref, image, box)
            watch_early_photo(early.ref)

        notifier = QSocketNotifier(early.done_fd, QSocketNotifier.Type.Read)
        notifier.activated.connect(adopt)

    def remember_screen(name: str) -> None:
        store.save(store.load().model_copy(update={"slideshow_screen": name}))

    session.audience_screen_chosen.connect(remember_screen)
    # A loop of its own rather than app.exec()/quit(): Qt 6's quit() closes every window, which
    # would take the editor down with the show when both live in one process.
    loop = QEventLoop()
    session.finished.connect(loop.quit)
    # Modules, Qt bindings and the session live as long as the show: moved out of the
    # collector's sight, a full collection takes about 1 ms instead of 31 (measured), which
    # would drop two frames of a fade or hold a step back if it came with a key press.
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    # While the show's decodes run, garbage is collected on this thread only (see there).
    collector = GuiThreadCollector()
    try:
        session.start()
        loop.exec()
        loader.shutdown()  # idle before it is dropped: see ImageLoader.shutdown
    finally:
        collector.stop()
        if not frozen_before:
            gc.unfreeze()  # a caller in the same process (the tests) collects its cycles again
    return 0
