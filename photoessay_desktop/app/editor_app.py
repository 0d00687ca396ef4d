"""Builds the editor window from its collaborators (`build_main_window`, also what tests call) and
runs it (`run_editor`, what the CLI calls). The only place the real services are chosen.

Start-up time counts (issue #5): what the first painted window does not need (exports, dialogs,
the checks' tables, web fetching) is imported where it is first used, not here.
"""

from __future__ import annotations

import gc
import sys
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from photoessay_desktop.app.autosave_recovery import AutosaveRecovery
from photoessay_desktop.app.editor_files import StorageEssayFiles, photo_text, preflight_check
from photoessay_desktop.app.first_paint import after_first_paint
from photoessay_desktop.app.guarded_files import GuardedEssayFiles
from photoessay_desktop.app.gui_thread_collector import GuiThreadCollector
from photoessay_desktop.app.interpreter_settings import favour_the_gui_thread
from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.image_facts_cache import ImageFactsCache
from photoessay_desktop.document.preflight_runner import PreflightRunner
from photoessay_desktop.imaging.image_facts_reader import read_image_facts
from photoessay_desktop.imaging.remote_fetch import default_remote_folder
from photoessay_desktop.imaging.remote_permissions import (
    RemotePhotoPermissions,
    default_permissions_file,
)
from photoessay_desktop.imaging.thumbnail_cache import default_thumbnail_folder
from photoessay_desktop.qt_models.image_loader import ImageLoader
from photoessay_desktop.qt_models.image_loader_setup import image_loader_from_preferences
from photoessay_desktop.qt_models.slide_list_model import SlideListModel
from photoessay_desktop.settings.preferences_store import PreferencesStore, default_config_folder
from photoessay_desktop.storage.autosave_store import AutosaveStore, default_autosave_folder
from photoessay_desktop.ui.editor_services import EditorServices
from photoessay_desktop.ui.file_dialogs import QtFileDialogs
from photoessay_desktop.ui.main_window import MainWindow
from photoessay_desktop.ui.prompts import QtPrompts

if TYPE_CHECKING:
    from photoessay_desktop.publishing.export_control import ExportControl, ExportResult
    from photoessay_desktop.publishing.export_request import ExportRequest

APP_ID = "photoessay"
_SAMPLES = Path(__file__).resolve().parents[2] / "sample_essays"


def build_main_window(services: EditorServices, icon: QIcon | None = None) -> MainWindow:
    """The editor window with its document, caches and models, all owned by the window."""
    document = EssayDocument()
    facts = ImageFactsCache(services.read_facts)
    preflight = PreflightRunner(document, facts, services.check)
    model = SlideListModel(document, facts, preflight, services.images)
    window = MainWindow(document, facts, preflight, model, services, icon)
    for part in (document, facts, preflight, model):
        part.setParent(window)
    return window


def app_icon() -> QIcon:
    """The application icon drawn in resources/photoessay.svg."""
    icon_file = resources.files("photoessay_desktop") / "resources" / "photoessay.svg"
    return QIcon(str(icon_file))


def bundled_samples() -> tuple[Path, ...]:
    """Sample essays shipped next to the package (a source checkout); none when installed."""
    if not _SAMPLES.is_dir():
        return ()
    return tuple(sorted(_SAMPLES.glob("*/*.essay.json")))


def export_essay(request: ExportRequest, control: ExportControl) -> ExportResult:
    """File > Export...: publishing's export with the photos the editor already downloaded."""
    from photoessay_desktop.publishing.export_job import run_export_with_downloads

    return run_export_with_downloads(request, control)


def default_services(
    config_folder: Path | None = None, autosave_folder: Path | None = None
) -> EditorServices:
    """The real collaborators: storage, imaging, preflight, Qt dialogs, the user's config folder."""
    autosaves = AutosaveStore(autosave_folder or default_autosave_folder())
    return EditorServices(
        files=GuardedEssayFiles(StorageEssayFiles()),
        autosave=autosaves,
        recovery=AutosaveRecovery(autosaves),
        read_facts=read_image_facts,
        check=preflight_check,
        photo_text=photo_text,
        dialogs=QtFileDialogs(),
        prompts=QtPrompts(),
        preferences=PreferencesStore(config_folder or default_config_folder()),
        samples=bundled_samples(),
        export=export_essay,
    )


def display_loader(app: QApplication, preferences: PreferencesStore) -> ImageLoader:
    """The background photo loader with the user's limits and its disk caches: thumbnails (the
    slide list is instant on the second opening) and web photos (fetched only from hosts the
    user allowed on the banner)."""
    return image_loader_from_preferences(
        app,
        preferences.load(),
        thumbnail_folder=default_thumbnail_folder(),
        remote_folder=default_remote_folder(),
    )


def run_editor(path: Path | None) -> int:
    """Open the editor on `path` (or the last essay, or the start page) and run until it closes."""
    # Modules, classes and Qt bindings imported so far live as long as the process: moved out of
    # the collector's sight, they no longer make a full collection (about 17 ms, measured) land
    # in the middle of the first paint. Cycles made from here on are collected as before.
    gc.freeze()
    favour_the_gui_thread()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    GuiThreadCollector(app)  # lives as long as the app: no Qt object dies on a worker thread
    app.setApplicationName("PhotoEssay")
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)
    icon = app_icon()
    app.setWindowIcon(icon)
    services = default_services()
    loader = display_loader(app, services.preferences)
    services = replace(
        services,
        images=loader,
        remote_permissions=RemotePhotoPermissions(default_permissions_file()),
        allow_remote_hosts=loader.set_allowed_hosts,
    )
    window = build_main_window(services, icon)
    # The checks (and the photo header reads they start) and the shown slide's photo wait for the
    # first paint: the window shows the essay at once, its findings and photo a moment later.
    window.preflight.pause()
    window.viewer.pause_photos()
    window.files.start(path)
    window.show()

    def first_painted() -> None:
        window.viewer.resume_photos()  # first: it decodes on the pool while the checks run here
        window.preflight.resume()

    after_first_paint(window, first_painted)
    # Once the window is up: what a crash left unsaved is offered before anything else.
    QTimer.singleShot(0, window.reliability.offer_recovery)
    return app.exec()
