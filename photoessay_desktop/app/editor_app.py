"""Builds the editor from its collaborators: `build_main_window` (what tests call) and
`install_editor` (what editor_launch.py calls once the window's opening frame is painted). The
only place the real services are chosen.

Start-up time counts (issue #5): what the first painted editor does not need (exports, dialogs,
the checks' tables, web fetching) is imported where it is first used, not here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from photoessay_desktop.app.autosave_recovery import AutosaveRecovery
from photoessay_desktop.app.editor_files import StorageEssayFiles, photo_text, preflight_check
from photoessay_desktop.app.first_paint import after_next_paint
from photoessay_desktop.app.guarded_files import GuardedEssayFiles
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

_SAMPLES = Path(__file__).resolve().parents[2] / "sample_essays"


def build_main_window(services: EditorServices, icon: QIcon | None = None) -> MainWindow:
    """The editor window with its document, caches and models, all owned by the window."""
    window = MainWindow(icon)
    install_parts(window, services)
    return window


def install_parts(window: MainWindow, services: EditorServices) -> None:
    """Give `window` its document, caches and models, all owned by the window."""
    document = EssayDocument()
    facts = ImageFactsCache(services.read_facts)
    preflight = PreflightRunner(document, facts, services.check)
    model = SlideListModel(document, facts, preflight, services.images)
    for part in (document, facts, preflight, model):
        part.setParent(window)
    app = QApplication.instance()
    if app is not None:  # idle before the window (and the cache with it) is deleted at exit
        app.aboutToQuit.connect(facts.shutdown)
    window.install(document, facts, preflight, model, services)


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


def install_editor(app: QApplication, window: MainWindow, path: Path | None) -> None:
    """Build the editor in `window` (showing its opening outline) and open `path` in it, or the
    last essay, or the start page."""
    services = default_services()
    loader = display_loader(app, services.preferences)
    services = replace(
        services,
        images=loader,
        remote_permissions=RemotePhotoPermissions(default_permissions_file()),
        allow_remote_hosts=loader.set_allowed_hosts,
    )
    install_parts(window, services)
    # The checks (and the photo header reads they start) and the shown slide's photo wait for the
    # essay to be painted: the editor shows the essay at once, its findings and photo a moment
    # later.
    window.preflight.pause()
    window.viewer.pause_photos()
    window.files.start(path)

    def essay_painted() -> None:
        window.viewer.resume_photos()  # first: it decodes on the pool while the checks run here
        window.preflight.resume()

    after_next_paint(window, essay_painted)
    # Once the editor is up: what a crash left unsaved is offered before anything else.
    QTimer.singleShot(0, window.reliability.offer_recovery)
