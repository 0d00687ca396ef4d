"""Opens a file the user named for reading, refusing what is not a plain file.

A pipe (FIFO) with nobody writing to it blocks open() for ever, a device such as /dev/zero never
ends, and a socket cannot be read at all: named as an essay or an article, each would freeze the
window or the command instead of saying what is wrong. The file is opened without blocking, its
kind checked on the open descriptor (no gap in which the path could be swapped), and only a
regular file is handed back, in ordinary blocking mode.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

_NOT_A_FILE = "a pipe, socket or device, not a file"


class NotRegularFileError(OSError):
    """The path names a pipe, socket or device, not a file that can be read to its end."""


def open_regular_file(path: Path) -> BinaryIO:
    """`path` opened for binary reading. IsADirectoryError for a folder, NotRegularFileError for
    anything else that is not a plain file, and the usual OSErrors (missing, no permission)."""
    # Where there is no O_NONBLOCK (Windows), there are no FIFOs to block on either.
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    flags = os.O_RDONLY | nonblocking | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a device with no driver behind it
            raise NotRegularFileError(errno.ENXIO, _NOT_A_FILE, str(path)) from None
        raise
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(errno.EINVAL, _NOT_A_FILE, str(path))
        if nonblocking:
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
