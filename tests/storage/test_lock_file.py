"""The lock beside an open essay: who holds it, a second opener told so, dead holders taken over.

Holders are real processes: a child that takes the lock and waits, and a child that has exited.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from photoessay_desktop.storage.essay_lock import (
    EssayLock,
    EssayLockedError,
    LockOwner,
    lock_path_for,
    read_lock_owner,
)
from photoessay_desktop.storage.process_liveness import start_marker, this_host

REPO = Path(__file__).resolve().parents[2]

_HOLD = """
import sys, time
from pathlib import Path
from photoessay_desktop.storage.essay_lock import EssayLock, LockOwner
lock = EssayLock.acquire(Path(sys.argv[1]), LockOwner.current("Марія"))
print("HELD", flush=True)
sys.stdin.read()
lock.release()
print("RELEASED", flush=True)
"""


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    folder = tmp_path / "Бахмут фото"
    folder.mkdir()
    path = folder / "lakes.essay.json"
    path.write_text("{}", encoding="utf-8")
    return path


@pytest.fixture
def holder(essay: Path) -> Iterator[subprocess.Popen[str]]:
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(essay)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "HELD"
    yield child
    if child.poll() is None:
        child.kill()
        child.wait()


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_lock_file_sits_beside_the_essay_and_says_who(essay: Path) -> None:
    with EssayLock.acquire(essay, LockOwner.current("Maria Kostenko")) as lock:
        assert lock.lock_path == essay.parent / ".~lock.lakes.essay.json#"
        data = json.loads(lock.lock_path.read_text(encoding="utf-8"))
        assert data["holder"] == "Maria Kostenko"
        assert data["host"] == this_host()
        assert data["pid"] == os.getpid()
        assert datetime.fromisoformat(data["since"]).tzinfo is not None
        assert lock.is_held()
    assert not lock.lock_path.exists()


def test_a_second_opener_in_another_process_is_told_who_holds_it(
    essay: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(EssayLockedError) as caught:
        EssayLock.acquire(essay)
    owner = caught.value.owner
    assert owner is not None
    assert (owner.holder, owner.host, owner.pid) == ("Марія", this_host(), holder.pid)
    message = str(caught.value)
    assert message.startswith(f"{essay} is already open in PhotoEssay by Марія on {this_host()}")
    assert f"(process {holder.pid})" in message


def test_the_lock_is_free_again_once_its_holder_releases_it(
    essay: Path, holder: subprocess.Popen[str]
) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.close()
    assert holder.stdout.readline().strip() == "RELEASED"
    holder.wait()
    with EssayLock.acquire(essay) as lock:
        assert lock.is_held()


def test_a_killed_holder_on_this_host_is_taken_over(
    essay: Path, holder: subprocess.Popen[str]
) -> None:
    holder.kill()
    holder.wait()
    assert read_lock_owner(essay) is not None  # a crash leaves the lock file behind
    with EssayLock.acquire(essay, LockOwner.current("me")) as lock:
        assert read_lock_owner(essay) == lock.owner


def test_a_reused_pid_does_not_keep_a_stale_lock_alive(essay: Path) -> None:
    # Our own pid is alive, but with another start time it is "another process" that died.
    me = LockOwner.current("ghost")
    ghost = LockOwner(me.holder, me.host, me.pid, me.since, started="1")
    assert start_marker(os.getpid()) not in (None, "1")
    lock_path_for(essay).write_text(ghost.to_json(), encoding="utf-8")
    with EssayLock.acquire(essay) as lock:
        assert lock.is_held()


def test_a_lock_from_another_host_is_never_broken(essay: Path) -> None:
    remote = LockOwner("anna", "desk-7.newsroom", dead_pid(), datetime.now(UTC))
    lock_path_for(essay).write_text(remote.to_json(), encoding="utf-8")
    with pytest.raises(EssayLockedError, match=r"by anna on desk-7\.newsroom"):
        EssayLock.acquire(essay)


def test_a_dead_local_holder_is_taken_over(essay: Path) -> None:
    stale = LockOwner("old", this_host(), dead_pid(), datetime.now(UTC))
    lock_path_for(essay).write_text(stale.to_json(), encoding="utf-8")
    with EssayLock.acquire(essay, LockOwner.current("new")) as lock:
        assert lock.owner.holder == "new"
        owner = read_lock_owner(essay)
        assert owner is not None and owner.holder == "new"


@pytest.mark.parametrize("content", ["", "garbage", '{"holder": 1}', "[]", "\x00" * 50])
def test_a_fresh_unreadable_lock_counts_as_held(essay: Path, content: str) -> None:
    lock_path_for(essay).write_text(content, encoding="utf-8")
    with pytest.raises(EssayLockedError, match="its lock is unreadable"):
        EssayLock.acquire(essay)


def test_an_old_unreadable_lock_is_taken_over(essay: Path) -> None:
    lock = lock_path_for(essay)
    lock.write_text("", encoding="utf-8")
    old = time.time() - 3600
    os.utime(lock, (old, old))
    with EssayLock.acquire(essay) as taken:
        assert taken.is_held()


def test_every_path_to_the_same_file_shares_one_lock(essay: Path) -> None:
    link = essay.parent.parent / "shortcut.essay.json"
    link.symlink_to(essay)
    dotted = essay.parent / ".." / essay.parent.name / essay.name
    with EssayLock.acquire(essay):
        for other in (link, dotted):
            with pytest.raises(EssayLockedError):
                EssayLock.acquire(other)


def test_the_same_process_opening_twice_is_refused_too(essay: Path) -> None:
    with EssayLock.acquire(essay), pytest.raises(EssayLockedError):
        EssayLock.acquire(essay)


def test_release_leaves_a_lock_someone_else_took(essay: Path) -> None:
    lock = EssayLock.acquire(essay)
    other = LockOwner("other", this_host(), 1, datetime.now(UTC))
    lock.lock_path.write_text(other.to_json(), encoding="utf-8")
    assert not lock.is_held()
    lock.release()
    assert read_lock_owner(essay) == other


def test_release_after_the_folder_was_renamed_is_harmless(essay: Path) -> None:
    lock = EssayLock.acquire(essay)
    moved = essay.parent.with_name("renamed")
    essay.parent.rename(moved)
    lock.release()
    lock.release()
    left = (moved / ".~lock.lakes.essay.json#").exists()
    # Linux tells where the open lock file went; elsewhere it stays, as a dead holder's lock.
    assert left is not Path("/proc/self/fd").exists()


def test_a_read_only_folder_raises_os_error(essay: Path) -> None:
    if os.system(f"chattr +i '{essay.parent}' 2>/dev/null") != 0:
        if os.geteuid() == 0:
            pytest.skip("chattr +i is not available to make a read-only folder")
        essay.parent.chmod(0o555)
    try:
        with pytest.raises(OSError):
            EssayLock.acquire(essay)
    finally:
        os.system(f"chattr -i '{essay.parent}' 2>/dev/null")
        essay.parent.chmod(0o755)


def test_a_very_long_non_ascii_name_gets_a_lock_that_fits(tmp_path: Path) -> None:
    essay = tmp_path / ("ж" * 121 + ".essay.json")
    essay.write_text("{}", encoding="utf-8")
    with EssayLock.acquire(essay) as lock:
        assert len(os.fsencode(lock.lock_path.name)) <= 255
        with pytest.raises(EssayLockedError):
            EssayLock.acquire(essay)


def test_owner_json_round_trip_and_description() -> None:
    owner = LockOwner("Ελένη", "desk-1", 42, datetime(2026, 11, 24, 16, 52, tzinfo=UTC), "99")
    assert LockOwner.from_json(owner.to_json()) == owner
    assert owner.describe().startswith("Ελένη on desk-1 (process 42) since ")
    naive = json.loads(owner.to_json())
    naive["since"] = "2026-11-24T16:52:00"
    assert LockOwner.from_json(json.dumps(naive)) is None
