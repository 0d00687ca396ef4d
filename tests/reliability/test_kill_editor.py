"""The real editor, killed with unsaved edits, offers them back on the next start.

Two real processes under the offscreen platform with their own config and state folders
(XDG_CONFIG_HOME, XDG_STATE_HOME): the first types into the title, waits for the 5-second
autosave and is SIGKILLed; the second starts like `photoessay` with no argument, shows the
recovery dialog, and restores the edit into the reopened essay, marked modified.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from photoessay_desktop.settings.preferences import Preferences
from photoessay_desktop.settings.preferences_location import APP_NAME
from photoessay_desktop.settings.preferences_store import PreferencesStore
from photoessay_desktop.storage.essay_file import load_essay

REPO = Path(__file__).resolve().parents[2]
LAKES = REPO / "sample_essays" / "lakes"
DRIVER = Path(__file__).with_name("editor_driver.py")


def start(mode: str, *args: str, home: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    return subprocess.Popen(
        [sys.executable, str(DRIVER), mode, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=REPO,
    )


# Autosave is every 5 s here; start-up and the recovery dialog take a second or two.
MARKER_WAIT_S = 60


def read_until(child: subprocess.Popen[str], marker: str) -> list[str]:
    """The child's lines up to `marker`; fails (never hangs) if the child goes quiet or ends."""
    assert child.stdout is not None
    stdout = child.stdout
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: list[str] = []
    while True:
        try:
            line = lines.get(timeout=MARKER_WAIT_S)
        except queue.Empty:
            raise AssertionError(f"no {marker} within {MARKER_WAIT_S} s: {seen}") from None
        if line is None:
            raise AssertionError(f"the editor ended before {marker}: {seen}")
        seen.append(line)
        if line.startswith(marker):
            return seen


@pytest.mark.slow
def test_killed_editor_offers_unsaved_edits_on_next_start(tmp_path: Path) -> None:
    folder = tmp_path / "эссе Ø"
    shutil.copytree(LAKES, folder)
    essay = folder / "lakes.essay.json"
    before = essay.read_bytes()
    home = tmp_path / "home"
    config = home / "config" / APP_NAME  # where the editor looks, with XDG_CONFIG_HOME set
    autosaves = home / "state" / "PhotoEssay" / "autosave"
    PreferencesStore(config).save(Preferences(autosave_seconds=5))

    editing = start("edit", str(essay), str(autosaves), home=home)
    try:
        lines = read_until(editing, "AUTOSAVED")
    finally:
        editing.send_signal(signal.SIGKILL)
        editing.wait()
    assert "TYPED True" in lines
    assert essay.read_bytes() == before  # autosave never touches the user's file

    recovering = start("recover", home=home)
    try:
        lines = read_until(recovering, "MODIFIED")
        recovering.wait(timeout=30)
    finally:
        if recovering.poll() is None:
            recovering.kill()
            recovering.wait()
    title = load_essay(essay).title
    offers = [line for line in lines if line.startswith("OFFER ")]
    assert len(offers) == 1
    assert offers[0].startswith(f"OFFER {title} - unsaved edit (lakes.essay.json)")
    assert str(essay) in offers[0]
    assert f"TITLE {title} - unsaved edit" in lines
    assert "MODIFIED True" in lines
