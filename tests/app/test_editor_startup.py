"""The editor's start-up stays lean (issue #5): what the first window does not show is not imported
before it, and the work held back until after the first paint still happens.

Each check runs in a fresh interpreter, since this test process has imported everything already.
No timings here: benchmarks/imaging_bench.py measures them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
XDG_FOLDERS = ("CONFIG", "CACHE", "STATE", "DATA")
LAKES = ROOT / "sample_essays" / "lakes"

# Needed only by commands the user picks later (export, slideshow, article import, metadata), by
# the checks that now wait for the first paint, or by web photos and rare formats.
NOT_AT_START = (
    "http.client",
    "ssl",
    "email.parser",
    "pillow_heif",
    "photoessay_desktop.preflight",
    "photoessay_desktop.preflight.unicode_table",
    "photoessay_desktop.publishing",
    "photoessay_desktop.qt_models.export_runner",
    "photoessay_desktop.ui.recovery_dialog",
    "photoessay_desktop.storage.article_import",
    "photoessay_desktop.imaging.photo_metadata",
    "photoessay_desktop.ui.export_dialog",
    "photoessay_desktop.ui.slideshow.slideshow_session",
)


def _run(code: str, *args: str, env: dict[str, str] | None = None) -> str:
    """The last line `code` printed, run as a fresh interpreter with `args`."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def _imported_after(module: str) -> set[str]:
    code = f"import sys, json, {module}\nprint(json.dumps(sorted(sys.modules)))"
    return set(json.loads(_run(code)))


def test_editor_app_imports_nothing_the_first_window_does_not_show() -> None:
    modules = _imported_after("photoessay_desktop.app.editor_app")
    assert "photoessay_desktop.ui.main_window" in modules  # the probe imported the real thing
    assert not [name for name in NOT_AT_START if name in modules]
    assert not [name for name in modules if name.startswith("PIL.") and "Plugin" in name]


def test_main_window_imports_no_pillow_and_no_http() -> None:
    modules = _imported_after("photoessay_desktop.ui.main_window")
    assert not [name for name in modules if name == "PIL" or name.startswith("PIL.")]
    assert "http.client" not in modules


_EDITOR = """
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from photoessay_desktop.app import editor_app

seen = {}
app = QApplication([])

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "rows" not in seen:
            window = watched.window()
            seen["rows"] = window.model.rowCount()
            seen["title"] = window.edit_panel.field_widget("title").text()
            seen["findings"] = len(window.preflight.findings)
            QTimer.singleShot(0, wait_for_findings)
        return False

def wait_for_findings():
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
    if not window.preflight.findings:
        QTimer.singleShot(20, wait_for_findings)
        return
    seen["later"] = [[f.code, f.slide] for f in window.preflight.findings]
    print(json.dumps(seen), flush=True)
    os._exit(0)

app.installEventFilter(watch := FirstPaint())
QTimer.singleShot(60_000, lambda: os._exit(3))
editor_app.run_editor(Path(sys.argv[1]))
"""


def test_editor_paints_the_essay_first_and_its_findings_right_after(tmp_path: Path) -> None:
    folder = tmp_path / "озёра"
    shutil.copytree(LAKES, folder)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        **{f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in XDG_FOLDERS},
    }
    seen = json.loads(_run(_EDITOR, str(folder / "lakes.essay.json"), env=env))
    # The first frame shows the essay: every slide row and the edit panel filled in.
    slides = json.loads((folder / "lakes.essay.json").read_text(encoding="utf-8"))["slides"]
    assert seen["rows"] == len(slides) > 0
    assert seen["title"] == "Northern Lakes, From Midnight Sun to Fog"
    # The checks wait for that frame, and then find what they always found.
    assert seen["findings"] == 0
    assert ["missing-image", 6] in seen["later"]
