"""Everything the editor window needs from outside, passed in by the one function that builds it.

The app composes the real ones (storage, imaging, preflight, Qt dialogs, the user's config
folder); tests pass the same real file layer with fake dialogs and a temporary config folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from photoessay_desktop.document.autosave_controller import AutosaveStore
from photoessay_desktop.document.essay_files import EssayFiles, PhotoTextReader
from photoessay_desktop.document.file_safety import RecoverySource
from photoessay_desktop.document.image_facts_cache import FactsReader
from photoessay_desktop.document.preflight_runner import Check
from photoessay_desktop.qt_models.image_source import ImageSource
from photoessay_desktop.settings.preferences_store import PreferencesStore
from photoessay_desktop.ui.export_target import TargetChooser, ask_export_target
from photoessay_desktop.ui.file_dialogs import FileDialogs
from photoessay_desktop.ui.prompts import Prompts
from photoessay_desktop.ui.reliability_prompts import ReliabilityPrompts
from photoessay_desktop.ui.remote_photos_workflow import AllowHosts, RemotePermissions

if TYPE_CHECKING:  # the export machinery loads on the first export, not at start-up
    from photoessay_desktop.qt_models.export_runner import ExportFunction


@dataclass(frozen=True)
class EditorServices:
    """The collaborators of one editor window."""

    files: EssayFiles
    read_facts: FactsReader
    check: Check
    photo_text: PhotoTextReader
    dialogs: FileDialogs
    prompts: Prompts
    preferences: PreferencesStore
    images: ImageSource | None = None
    samples: tuple[Path, ...] = field(default=())
    # Web photos: what the user allowed per essay file, and how the loader is told (None: never).
    remote_permissions: RemotePermissions | None = None
    allow_remote_hosts: AllowHosts | None = None
    # File > Export... (publishing's run_export in the app); None hides the command.
    export: ExportFunction | None = None
    choose_export_target: TargetChooser = ask_export_target
    # File safety (ui/reliability_controller.py): none of it runs unless given.
    autosave: AutosaveStore | None = None
    recovery: RecoverySource | None = None
    reliability_prompts: ReliabilityPrompts | None = None
