"""Real places where a save fails: a full disk, a read-only folder, a folder we may not write.

Each is made for real (a tiny tmpfs, a read-only bind mount or an immutable folder, a child
process running as `nobody`, a file-size limit) because a mock would only test the mock. When the
machine does not allow one (no root, no mount), the test using it is skipped with the reason;
the file-size limit works for any user, so one real write failure is always exercised.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextlib.contextmanager
def tiny_disk_at(base: Path, size_kb: int = 64) -> Iterator[Path]:
    """A tmpfs of size_kb mounted at base/disk for the duration (root only)."""
    mount_point = base / "tiny disk ü"
    mount_point.mkdir()
    done = _run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(mount_point)])
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs to fill up (needs root): {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        _run(["umount", "-l", str(mount_point)])


@contextlib.contextmanager
def read_only_folder_at(base: Path, content: bytes = b"before") -> Iterator[Path]:
    """A folder holding essay.essay.json (content) where nothing can be created or replaced.

    Tried in order: a read-only bind mount (EROFS), an immutable folder (chattr +i, EPERM), and
    for an ordinary user plain permissions (EACCES).
    """
    folder = base / "read-only ø"
    folder.mkdir()
    (folder / "essay.essay.json").write_bytes(content)
    if not is_root():
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    bound = _run(["mount", "--bind", str(folder), str(folder)]).returncode == 0
    if bound and _run(["mount", "-o", "remount,bind,ro", str(folder)]).returncode == 0:
        try:
            yield folder
        finally:
            _run(["umount", "-l", str(folder)])
        return
    if bound:
        _run(["umount", "-l", str(folder)])
    if _run(["chattr", "+i", str(folder)]).returncode == 0:
        try:
            yield folder
        finally:
            _run(["chattr", "-i", str(folder)])
        return
    pytest.skip("running as root without mount or chattr: no way to make a read-only folder")


# The interpreter may live where `nobody` cannot reach (a root-only pyenv), so a root child
# loads everything first and only then becomes `nobody` for the write itself.
_BECOME_NOBODY = """
import os
if os.geteuid() == 0:
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
"""

_CHILD_WRITE = (
    """
import sys
from pathlib import Path
from photoessay_desktop.storage.atomic_file import write_atomically
"""
    + _BECOME_NOBODY
    + """
try:
    write_atomically(Path(sys.argv[1]), b"new content", keep_backup=True)
except OSError as exc:
    print(type(exc).__name__, exc)
else:
    print("WROTE")
"""
)

_CHILD_SAVE = (
    """
import sys
from pathlib import Path
from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.storage.essay_file import EssayFileError, save_essay
"""
    + _BECOME_NOBODY
    + """
try:
    save_essay(Essay(title="new"), Path(sys.argv[1]), keep_backup=True)
except EssayFileError as exc:
    print("EssayFileError", exc)
else:
    print("WROTE")
"""
)


def run_as_nobody(base: Path, action: str) -> str:
    """Write (action 'write') or save an essay ('save') into a root-owned folder as `nobody`.

    Returns what the child printed. As an ordinary user, the folder is made unwritable instead.
    """
    code = _CHILD_WRITE if action == "write" else _CHILD_SAVE
    # tmp_path's parents are private to root; nobody needs a folder it can reach but not write.
    folder = Path(tempfile.mkdtemp(prefix="photoessay-denied-"))
    try:
        folder.chmod(0o755)
        target = folder / "essay.essay.json"
        target.write_bytes(b"before")
        target.chmod(0o644)
        if not is_root():
            folder.chmod(0o555)
        done = subprocess.run(
            [sys.executable, "-c", code, str(target)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        folder.chmod(0o755)
        assert target.read_bytes() == b"before"
        assert sorted(p.name for p in folder.iterdir()) == ["essay.essay.json"]
        return done.stdout + done.stderr
    finally:
        shutil.rmtree(folder, ignore_errors=True)


_CHILD_LIMITED = """
import resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
mode = sys.argv[4]
try:
    if mode == "write":
        from photoessay_desktop.storage.atomic_file import write_atomically
        write_atomically(Path(sys.argv[1]), b"x" * int(sys.argv[2]), keep_backup=True)
    else:
        from photoessay_desktop.domain.essay import Essay, Slide
        from photoessay_desktop.storage.essay_file import save_essay
        slides = tuple(Slide(id=f"s{i}", caption="c" * 100) for i in range(int(sys.argv[2])))
        save_essay(Essay(title="big", slides=slides), Path(sys.argv[1]), keep_backup=True)
except Exception as exc:
    print(type(exc).__name__, exc)
else:
    print("WROTE")
"""


def write_with_file_size_limit(path: Path, *, size: int, limit: int, mode: str = "write") -> str:
    """In a child limited to files of `limit` bytes, write `size` bytes (or slides) to path."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD_LIMITED, str(path), str(size), str(limit), mode],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=env,
    )
    return done.stdout + done.stderr
