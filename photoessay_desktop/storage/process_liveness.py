"""Whether the process that left a lock or an autosave behind is still running on this host.

A pid alone is not enough: after a crash and a reboot the same number may belong to some other
program, so where the system tells (Linux /proc) the process start time is recorded and compared.
Reads process tables only; never signals or ends a process.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path


def this_host() -> str:
    """The name other machines on a shared folder know this computer by."""
    return socket.gethostname() or "unknown host"


def _proc_fields(pid: int) -> list[str] | None:
    """Fields 3 onwards of /proc/PID/stat (state first), or None where there is no /proc."""
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) may contain spaces and parentheses; fields after it are plain.
    return stat_line[stat_line.rfind(")") + 2 :].split()


def start_marker(pid: int) -> str | None:
    """An opaque token that changes when pid is reused (Linux: start time in clock ticks)."""
    fields = _proc_fields(pid)
    return fields[19] if fields is not None and len(fields) > 19 else None


def is_running(pid: int, marker: str | None) -> bool:
    """True when pid is a live process and (if marker is known) the same one that recorded it."""
    if pid <= 0:
        return False
    if not _pid_exists(pid):
        return False
    fields = _proc_fields(pid)
    if fields is not None and fields[0] in ("Z", "X"):
        return False  # exited, waiting for its parent to notice: it holds nothing any more
    if marker is None or fields is None or len(fields) <= 19:
        return True
    return fields[19] == marker


def _pid_exists(pid: int) -> bool:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        return _windows_pid_exists(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by another user
    except OSError:
        return False
    return True


def _windows_pid_exists(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    synchronize = 0x00100000
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(synchronize, False, pid)
    if not handle:
        return False
    kernel32.CloseHandle(handle)
    return True
