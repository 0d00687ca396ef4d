"""Keeps None, True and False alive under PySide6 6.12 on Python 3.11.

PySide6 6.12's stable-ABI wheels return None (and sometimes True/False) from void and bool methods
without taking a reference, as if those objects were immortal, which they are only from Python
3.12 on. On 3.11 every `widget.update()` or `painter.setPen()` then costs None one reference, and a
few hundred slide changes later the interpreter aborts with "none_dealloc: deallocating None".
Raising their reference counts far out of reach makes them as good as immortal, as they are on
3.12. It must run before Qt is used, and does nothing on Python 3.12 and newer.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 decrements at a million calls a second is twelve days of painting; the count stays far
# below the 2**63 limit and keeps its low 32 bits, which is what 3.12's immortality check reads.
_HEADROOM = 1 << 40


def guard_singleton_refcounts() -> None:
    """Raise the reference counts of None, True and False once per process (idempotent)."""
    if sys.version_info >= (3, 12) or getattr(sys, "_photoessay_refcounts_guarded", False):
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object header.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    sys._photoessay_refcounts_guarded = True  # type: ignore[attr-defined]
