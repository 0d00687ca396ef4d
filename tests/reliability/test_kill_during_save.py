"""SIGKILL at random points while a large essay is being saved: the file is always old or new.

A child process saves two 2,000-slide essays (about 0.7 MB each) in turn, with a backup, as fast
as it can (save_essay's write path: write_atomically with keep_backup); the test kills it with
SIGKILL after a random delay, many times over, and after every kill loads the file (and its
backup) and finds one of the three whole essays, never a broken one.
PHOTOESSAY_KILL_ROUNDS raises the number of kills (default 12, about 15 s).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.storage.atomic_file import backup_path_for
from photoessay_desktop.storage.essay_file import load_essay, save_essay
from photoessay_desktop.storage.open_essay_file import OpenEssayFile

REPO = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("PHOTOESSAY_KILL_ROUNDS", "12"))

# The JSON is made once, so nearly all of the child's time is spent writing, fsyncing and
# renaming (where a kill can do harm) rather than in serialising. The bytes are exactly what
# save_essay writes for that folder.
_SAVER = """
import sys
from pathlib import Path
from tests.reliability.test_kill_during_save import big_essay
from photoessay_desktop.storage.atomic_file import write_atomically
from photoessay_desktop.storage.essay_file import essay_to_json
path = Path(sys.argv[1])
data = [essay_to_json(big_essay(v), path.parent).encode("utf-8") for v in "AB"]
print("READY", flush=True)
n = 0
while True:
    write_atomically(path, data[n % 2], keep_backup=True)
    n += 1
    print(n, flush=True)
"""


def big_essay(version: str) -> Essay:
    """A 2,000-slide essay whose every slide differs between versions."""
    return Essay(
        title=f"Version {version}",
        slides=tuple(
            Slide(
                id=f"s{i}",
                image=f"/photos/{version}/frame {i:04d}.jpg",
                caption=f"{version}: caption {i} – «Бахмут» " * 3,
                credit="Aris Messinis / AFP",
            )
            for i in range(2000)
        ),
    )


def kill_at_random(path: Path, rng: random.Random) -> int:
    """Start a saver, SIGKILL it after a random delay; return how many saves it completed."""
    child = subprocess.Popen(
        [sys.executable, "-c", _SAVER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "READY"
    try:
        child.wait(timeout=rng.uniform(0.0, 0.4))
    except subprocess.TimeoutExpired:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL, "the saver stopped by itself"
    done = [line for line in child.stdout.read().split() if line.isdigit()]
    return int(done[-1]) if done else 0


@pytest.mark.slow
def test_sigkill_during_saves_always_leaves_a_whole_essay(tmp_path: Path) -> None:
    folder = tmp_path / "Kill test – ü"
    folder.mkdir()
    path = folder / "big.essay.json"
    initial = Essay(title="Initial", slides=(Slide(id="x", caption="before any kill"),))
    save_essay(initial, path)
    whole = {essay.title: essay for essay in (initial, big_essay("A"), big_essay("B"))}
    rng = random.Random(os.environ.get("PHOTOESSAY_KILL_SEED", "photoessay"))
    saves_seen = 0
    cut_short = 0
    for _round in range(ROUNDS):
        saves_seen += kill_at_random(path, rng)
        loaded = load_essay(path)
        assert whole[loaded.title] == loaded
        backup = backup_path_for(path)
        if backup.exists():
            from_backup = load_essay(backup)
            assert whole[from_backup.title] == from_backup
        visible = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
        assert visible in (["big.essay.json"], ["big.essay.json", "big.essay.json.bak"])
        # A save cut short leaves its hidden temporary file; opening the essay clears them away.
        cut_short += len(list(folder.glob(".big.essay.json*.tmp")))
        opened, _essay = OpenEssayFile.open(path)
        opened.close()
        assert sorted(p.name for p in folder.iterdir()) == visible
    # The kills really landed among the saves, and some in the middle of writing one.
    assert saves_seen > 0
    assert cut_short > 0 or ROUNDS < 8
    print(f"{ROUNDS} kills, {saves_seen} saves completed, {cut_short} temporary files cut short")
