"""Which version of a photo file is on disk, from one stat: the identity every image cache keys on.

The disk cache of derivatives and the loader's memory cache both use it, so a photo edited in
another program is never shown from a cache of the old pixels. It only stats; it never reads.
"""

from __future__ import annotations

import os
from typing import NamedTuple


class FileVersion(NamedTuple):
    """Size and times of one version of a file.

    The change time (st_ctime_ns) catches a rewrite that kept the size and restored the
    modification time (`touch -r`, `cp -p`, `exiftool -P`): programs can set st_mtime but not
    st_ctime on POSIX systems. On Windows st_ctime is the creation time, which does not help there.
    """

    size: int
    mtime_ns: int
    ctime_ns: int


def file_version(path: str | os.PathLike[str]) -> FileVersion | None:
    """The version of the file at `path` now; None when it cannot be stat'ed."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # ValueError: a NUL byte in the path
        return None
    return FileVersion(info.st_size, info.st_mtime_ns, info.st_ctime_ns)
