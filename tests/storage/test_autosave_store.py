"""Autosave files: written beside nothing of the user's, listed after a crash, gone after a close.

A crash is a real child process that autosaves and is then killed; a live instance is a child
that autosaves and keeps running.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.storage.autosave_store import (
    AutosaveStore,
    RecoverableEssay,
    default_autosave_folder,
)
from photoessay_desktop.storage.essay_file import EssayFileError, save_essay

REPO = Path(__file__).resolve().parents[2]

_AUTOSAVE_THEN_WAIT = """
import sys
from pathlib import Path
from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.storage.autosave_store import AutosaveStore
store = AutosaveStore(Path(sys.argv[1]))
essay_path = Path(sys.argv[2]) if sys.argv[2] else None
essay = Essay(title=sys.argv[3], slides=(Slide(id="a", caption="unsaved caption"),))
store.write(store.slot_for(essay_path), essay)
print("WRITTEN", flush=True)
sys.stdin.read()
"""


def start_child(folder: Path, essay_path: Path | None, title: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", _AUTOSAVE_THEN_WAIT, str(folder), str(essay_path or ""), title],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "WRITTEN"
    return child


def crash(child: subprocess.Popen[str]) -> None:
    child.kill()
    child.wait()


@pytest.fixture
def autosaves(tmp_path: Path) -> Path:
    return tmp_path / "state ünïcode" / "autosave"


@pytest.fixture
def essay_path(tmp_path: Path) -> Path:
    folder = tmp_path / "Репортаж"
    folder.mkdir()
    return folder / "lakes.essay.json"


def essay(folder: Path) -> Essay:
    return Essay(
        title="Lakes",
        slides=(
            Slide(id="a", image=str(folder / "photos" / "a.jpg"), caption="Δ caption"),
            Slide(id="b", image="https://example.org/b.jpg"),
            Slide(id="c", image=str(folder.parent / "elsewhere" / "c.jpg")),
        ),
    )


def test_the_default_folder_is_the_platform_state_folder() -> None:
    folder = default_autosave_folder()
    assert folder.name == "autosave"
    assert "PhotoEssay" in folder.parts


def test_autosave_never_touches_the_essay_or_its_folder(autosaves: Path, essay_path: Path) -> None:
    save_essay(Essay(title="on disk"), essay_path)
    before = essay_path.read_bytes()
    store = AutosaveStore(autosaves)
    written = store.write(store.slot_for(essay_path), essay(essay_path.parent))
    assert written.parent == autosaves
    assert essay_path.read_bytes() == before
    assert sorted(p.name for p in essay_path.parent.iterdir()) == ["lakes.essay.json"]


def test_a_crashed_session_is_offered_back_with_every_edit(
    autosaves: Path, essay_path: Path
) -> None:
    crash(start_child(autosaves, essay_path, "Unsaved title"))
    store = AutosaveStore(autosaves)
    [entry] = store.recoverable()
    assert entry.essay_path == essay_path
    assert entry.title == "Unsaved title"
    assert entry.slide_count == 1
    assert entry.problem is None
    assert entry.describe() == "Unsaved title (lakes.essay.json), 1 slides"
    restored = store.load(entry)
    assert restored.slides[0].caption == "unsaved caption"
    store.discard(entry)
    assert store.recoverable() == []


def test_an_untitled_essay_is_autosaved_and_recovered(autosaves: Path) -> None:
    crash(start_child(autosaves, None, ""))
    [entry] = AutosaveStore(autosaves).recoverable()
    assert entry.essay_path is None
    assert entry.describe() == "Untitled, 1 slides"


def test_a_running_instance_s_autosave_is_not_offered(autosaves: Path, essay_path: Path) -> None:
    child = start_child(autosaves, essay_path, "Still being edited")
    try:
        assert AutosaveStore(autosaves).recoverable() == []
    finally:
        crash(child)
    assert len(AutosaveStore(autosaves).recoverable()) == 1


def test_own_autosaves_are_not_offered_and_removal_cleans_up(
    autosaves: Path, essay_path: Path
) -> None:
    store = AutosaveStore(autosaves)
    slot = store.slot_for(essay_path)
    untitled = store.slot_for(None)
    store.write(slot, essay(essay_path.parent))
    store.write(untitled, Essay())
    assert store.recoverable() == []
    store.remove(slot)
    store.remove(untitled)
    store.remove(untitled)
    assert list(autosaves.iterdir()) == []


def test_image_paths_survive_the_round_trip(autosaves: Path, essay_path: Path) -> None:
    store = AutosaveStore(autosaves)
    original = essay(essay_path.parent)
    written = store.write(store.slot_for(essay_path), original)
    # load() reads any entry, live or not: the recovery dialog's "compare" needs that too.
    assert store.load(RecoverableEssay(written, essay_path, None, "", 0)) == original


def test_untitled_slots_are_distinct_and_path_slots_stable(autosaves: Path, tmp_path: Path) -> None:
    store = AutosaveStore(autosaves)
    assert store.slot_for(None) != store.slot_for(None)
    assert store.slot_for(tmp_path / "a.essay.json") == store.slot_for(tmp_path / "a.essay.json")
    assert store.slot_for(tmp_path / "a.essay.json") != store.slot_for(tmp_path / "b.essay.json")


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"\xff\xfe", b"[]", b'{"format": "other"}', b'{"format": "photoessay-autosave"}'],
)
def test_a_damaged_autosave_is_listed_with_its_problem(autosaves: Path, content: bytes) -> None:
    autosaves.mkdir(parents=True)
    damaged = autosaves / "old-session-x.autosave.json"
    damaged.write_bytes(content)
    [entry] = AutosaveStore(autosaves).recoverable()
    assert entry.problem is not None and str(damaged) in entry.problem
    with pytest.raises(EssayFileError):
        AutosaveStore(autosaves).load(entry)


def test_an_autosave_holding_a_bad_essay_fails_to_load_with_the_one_error(autosaves: Path) -> None:
    autosaves.mkdir(parents=True)
    bad = {
        "format": "photoessay-autosave",
        "version": 1,
        "pid": -5,
        "host": "h",
        "essay": {"format": "photoessay", "version": 1, "title": 5},
    }
    (autosaves / "s-x.autosave.json").write_text(json.dumps(bad), encoding="utf-8")
    store = AutosaveStore(autosaves)
    [entry] = store.recoverable()
    with pytest.raises(EssayFileError, match="title: expected text"):
        store.load(entry)


def test_no_folder_yet_means_nothing_to_recover(autosaves: Path) -> None:
    assert AutosaveStore(autosaves).recoverable() == []


def test_newest_first(autosaves: Path) -> None:
    autosaves.mkdir(parents=True)
    for name, when in (("a", "2026-01-01T00:00:00+00:00"), ("b", "2026-06-01T00:00:00+00:00")):
        envelope = {
            "format": "photoessay-autosave",
            "version": 1,
            "saved_at": when,
            "essay": {"format": "photoessay", "version": 1, "title": name},
        }
        (autosaves / f"{name}.autosave.json").write_text(json.dumps(envelope), encoding="utf-8")
    assert [e.title for e in AutosaveStore(autosaves).recoverable()] == ["b", "a"]
