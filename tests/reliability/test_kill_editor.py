"""The real editor, killed with unsaved edits, offers them back on the next start.

Two real processes under the offscreen platform with their own config and state folders
(XDG_CONFIG_HOME, XDG_STATE_HOME): the first types into the title, waits for the 5-second
autosave and is SIGKILLed; the second starts like `photoessay` with no argument, shows the
recovery dialog, and restores the edit into the reopened essay, marked modified.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from photoessay_desktop.settings.preferences import Preferences
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


def read_until(child: subprocess.Popen[str], marker: str) -> list[str]:
    assert child.stdout is not None
    lines: list[str] = []
    for line in child.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith(marker):
            return lines
    raise AssertionError(f"the editor ended before {marker}: {lines}")


@pytest.mark.slow
def test_killed_editor_offers_unsaved_edits_on_next_start(tmp_path: Path) -> None:
    folder = tmp_path / "эссе Ø"
    shutil.copytree(LAKES, folder)
    essay = folder / "lakes.essay.json"
    before = essay.read_bytes()
    home = tmp_path / "home"
    config = home / "config" / "PhotoEssay"
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
