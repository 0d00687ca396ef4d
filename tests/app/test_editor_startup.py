"""The editor's start-up stays lean (issue #5): its opening frame is painted before pydantic, the
document and the editor's widgets load; the editor then shows the essay before what it does not
show (checks, exports, web fetching) is imported; and the work held back still happens.

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


# The opening frame needs Qt, the quick reads and the frame's own widgets, nothing else.
NOT_IN_THE_OPENING_FRAME = (
    "pydantic",
    "PIL",
    "photoessay_desktop.domain.essay",
    "photoessay_desktop.document.essay_document",
    "photoessay_desktop.qt_models.slide_list_model",
    "photoessay_desktop.qt_models.image_loader",
    "photoessay_desktop.settings.preferences_store",
    "photoessay_desktop.storage.essay_file",
    "photoessay_desktop.ui.edit_panel",
    "photoessay_desktop.app.editor_app",
)


def test_the_launch_imports_nothing_the_opening_frame_does_not_show() -> None:
    modules = _imported_after("photoessay_desktop.app.editor_launch")
    assert "photoessay_desktop.ui.main_window" in modules  # the probe imported the real thing
    assert [name for name in NOT_IN_THE_OPENING_FRAME if name in modules] == []


def test_editor_app_imports_nothing_the_first_editor_frame_does_not_show() -> None:
    modules = _imported_after("photoessay_desktop.app.editor_app")
    assert "photoessay_desktop.ui.main_window" in modules
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
from photoessay_desktop.app import editor_launch

seen = {}
app = QApplication([])

class Paints(QObject):
    def eventFilter(self, watched, event):
        if event.type() != QEvent.Type.Paint or watched.objectName() != "mainWindow":
            return False
        window = watched
        if "opening" not in seen:
            outline = window.centralWidget()
            seen["opening"] = {
                "pydantic": "pydantic" in sys.modules,
                "installed": window.installed,
                "title": window.windowTitle(),
                "cards": outline.cards.model().rowCount(),
                "caption": outline.photo_page.caption.text(),
            }
        elif window.installed and "editor" not in seen:
            seen["editor"] = {
                "rows": window.model.rowCount(),
                "title": window.edit_panel.field_widget("title").text(),
                "findings": len(window.preflight.findings),
            }
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

app.installEventFilter(watch := Paints())
QTimer.singleShot(60_000, lambda: os._exit(3))
editor_launch.run_editor(Path(sys.argv[1]))
"""


def test_the_editor_paints_an_outline_then_the_essay_then_its_findings(tmp_path: Path) -> None:
    folder = tmp_path / "озёра"
    shutil.copytree(LAKES, folder)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        **{f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in XDG_FOLDERS},
    }
    seen = json.loads(_run(_EDITOR, str(folder / "lakes.essay.json"), env=env))
    slides = json.loads((folder / "lakes.essay.json").read_text(encoding="utf-8"))["slides"]
    # The first frame: the essay's outline, painted before the model loaded.
    assert seen["opening"] == {
        "pydantic": False,
        "installed": False,
        "title": "lakes[*] — PhotoEssay",
        "cards": len(slides),
        "caption": slides[0]["caption"],
    }
    # Then the editor in the same window: every slide row and the edit panel filled in.
    assert seen["editor"]["rows"] == len(slides) > 0
    assert seen["editor"]["title"] == "Northern Lakes, From Midnight Sun to Fog"
    # The checks wait for that frame, and then find what they always found.
    assert seen["editor"]["findings"] == 0
    assert ["missing-image", 6] in seen["later"]


_BROKEN_EDITOR = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from photoessay_desktop.app import editor_app, editor_launch

def broken(*args):
    raise RuntimeError("no editor today")

editor_app.install_editor = broken
QApplication([])
QTimer.singleShot(60_000, lambda: sys.exit(3))
sys.exit(editor_launch.run_editor(Path(sys.argv[1])))
"""


def test_an_editor_that_cannot_be_built_ends_the_program_not_in_an_outline(
    tmp_path: Path,
) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        **{f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in XDG_FOLDERS},
    }
    done = subprocess.run(
        [sys.executable, "-c", _BROKEN_EDITOR, str(LAKES / "lakes.essay.json")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "RuntimeError: no editor today" in done.stderr
