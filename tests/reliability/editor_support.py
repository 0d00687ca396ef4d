"""The real editor window with the real file-safety services, a temporary autosave folder and
scripted answers to the file-safety questions (tests/ui's scripted dialogs for the rest)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from photoessay_desktop.app.autosave_recovery import AutosaveRecovery
from photoessay_desktop.app.editor_app import build_main_window
from photoessay_desktop.app.editor_files import StorageEssayFiles, photo_text
from photoessay_desktop.app.guarded_files import GuardedEssayFiles
from photoessay_desktop.document.file_safety import RecoveryOffer
from photoessay_desktop.imaging.image_facts_reader import read_image_facts
from photoessay_desktop.qt_models.image_loader import ImageLoader
from photoessay_desktop.settings.preferences_store import PreferencesStore
from photoessay_desktop.storage.autosave_store import AutosaveStore
from photoessay_desktop.ui.editor_services import EditorServices
from photoessay_desktop.ui.main_window import MainWindow
from photoessay_desktop.ui.reliability_prompts import RecoveryAction, RecoveryDecision
from tests.ui.conftest import ScriptedDialogs, ScriptedPrompts, no_findings

REPO = Path(__file__).resolve().parents[2]


@dataclass
class ScriptedQuestions:
    """File-safety questions answered as scripted; every question asked is recorded."""

    read_only: bool = True
    overwrite: bool = False
    reload: bool = True
    recovery: list[RecoveryAction | None] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    compared: list[list[str]] = field(default_factory=list)

    def open_read_only(self, parent: QWidget, message: str) -> bool:
        self.asked.append(f"read_only:{message}")
        return self.read_only

    def overwrite_outside_change(self, parent: QWidget, name: str) -> bool:
        self.asked.append(f"overwrite:{name}")
        return self.overwrite

    def reload_outside_change(self, parent: QWidget, name: str, modified: bool) -> bool:
        self.asked.append(f"reload:{name}:{'modified' if modified else 'clean'}")
        return self.reload

    def choose_recovery(
        self,
        parent: QWidget,
        offers: Sequence[RecoveryOffer],
        compare: Callable[[RecoveryOffer], list[str]],
    ) -> RecoveryDecision | None:
        self.asked.append(f"recovery:{len(offers)}")
        self.compared.append(compare(offers[0]))
        action = self.recovery.pop(0) if self.recovery else None
        return None if action is None else RecoveryDecision(action, offers[0])


@dataclass
class SafeEditor:
    """One window with its scripted collaborators and its autosave folder."""

    window: MainWindow
    dialogs: ScriptedDialogs
    prompts: ScriptedPrompts
    questions: ScriptedQuestions
    autosaves: Path


MakeSafeEditor = Callable[..., SafeEditor]


@pytest.fixture
def make_safe_editor(qtbot: QtBot, tmp_path: Path) -> Iterator[MakeSafeEditor]:
    windows: list[MainWindow] = []
    loaders: list[ImageLoader] = []

    def make(questions: ScriptedQuestions | None = None, *, images: bool = False) -> SafeEditor:
        dialogs, prompts = ScriptedDialogs(), ScriptedPrompts()
        asked = questions or ScriptedQuestions()
        autosaves = tmp_path / "state" / "autosave"
        store = AutosaveStore(autosaves)
        loader = ImageLoader(thread_count=2) if images else None
        if loader is not None:
            loaders.append(loader)
        services = EditorServices(
            files=GuardedEssayFiles(StorageEssayFiles()),
            read_facts=read_image_facts,
            check=no_findings,
            photo_text=photo_text,
            dialogs=dialogs,
            prompts=prompts,
            preferences=PreferencesStore(tmp_path / "config"),
            autosave=store,
            recovery=AutosaveRecovery(store),
            reliability_prompts=asked,
            images=loader,
        )
        window = build_main_window(services)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return SafeEditor(window, dialogs, prompts, asked, autosaves)

    yield make
    for window in windows:
        window.document.undo_stack.setClean()
        window.reliability.clean_close()
    for loader in loaders:
        loader.shutdown()  # no decode or photo check outlives the test (the app: on quit)


_HOLD_LOCK = """
import sys
from pathlib import Path
from photoessay_desktop.storage.essay_lock import EssayLock, LockOwner
lock = EssayLock.acquire(Path(sys.argv[1]), LockOwner.current("Марія"))
print("HELD", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def lock_holder() -> Iterator[Callable[[Path], subprocess.Popen[str]]]:
    """Starts another process holding an essay's lock, as a colleague's PhotoEssay would."""
    children: list[subprocess.Popen[str]] = []

    def hold(path: Path) -> subprocess.Popen[str]:
        child = subprocess.Popen(
            [sys.executable, "-c", _HOLD_LOCK, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        children.append(child)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "HELD"
        return child

    yield hold
    for child in children:
        child.kill()
        child.wait()
