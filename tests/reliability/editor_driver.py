"""Drives the real editor (`run_editor`, as `photoessay ESSAY` starts it) from inside its process.

`edit ESSAY AUTOSAVES`: types into the title field like a user, then prints AUTOSAVED once the
autosave file exists, and waits to be killed. `recover AUTOSAVES`: waits for the recovery dialog,
prints what it lists, clicks Restore, prints the restored title and whether it is modified, and
exits at once (as if the power went: no prompt). Used by test_kill_editor.py only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from photoessay_desktop.app.editor_launch import run_editor
from photoessay_desktop.ui.main_window import MainWindow
from photoessay_desktop.ui.recovery_dialog import RecoveryDialog


def _window() -> MainWindow | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return found[0] if found else None


def _say(text: str) -> None:
    print(text, flush=True)


def _edit(autosaves: Path) -> None:
    window = _window()
    if window is None or not window.installed:  # still showing its opening outline
        QTimer.singleShot(100, lambda: _edit(autosaves))
        return
    window.edit_panel.title.setFocus()
    window.edit_panel.title.end(False)
    QTest.keyClicks(window.edit_panel.title, " - unsaved edit")
    _say(f"TYPED {window.isWindowModified()}")
    _wait_for_autosave(autosaves)


def _wait_for_autosave(autosaves: Path) -> None:
    if autosaves.is_dir() and any(autosaves.iterdir()):
        _say("AUTOSAVED")
        return
    QTimer.singleShot(100, lambda: _wait_for_autosave(autosaves))


def _recover() -> None:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryDialog)]
    visible = [d for d in dialogs if d.isVisible()]
    if not visible:
        QTimer.singleShot(100, _recover)
        return
    dialog = visible[0]
    for row in range(dialog.list.count()):
        _say("OFFER " + dialog.list.item(row).text().replace("\n", " | "))
    dialog.restore_button.click()
    QTimer.singleShot(0, _report)


def _report() -> None:
    window = _window()
    assert window is not None
    _say(f"TITLE {window.document.essay.title}")
    _say(f"MODIFIED {window.isWindowModified()}")
    os._exit(0)


def main(argv: list[str]) -> int:
    mode = argv[0]
    QApplication(sys.argv[:1])
    if mode == "edit":
        essay, autosaves = Path(argv[1]), Path(argv[2])
        QTimer.singleShot(0, lambda: _edit(autosaves))
        return run_editor(essay)
    QTimer.singleShot(0, _recover)
    return run_editor(None)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
