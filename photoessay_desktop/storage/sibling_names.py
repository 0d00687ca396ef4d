"""Names for the files PhotoEssay keeps beside an essay (temporary, backup, lock) that always fit.

A file name may be up to 255 bytes; an essay named with 250 bytes of Cyrillic is legal, and adding
".bak" to it must not make saving fail. Pure string work: it never touches the disk.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# The limit of ext4, APFS, NTFS (in UTF-16 units, which UTF-8 bytes never undercount) and most
# network file systems.
NAME_MAX_BYTES = 255


def _encoded(text: str) -> bytes:
    # surrogateescape: on Linux a file name may hold bytes that are not UTF-8 at all.
    return text.encode("utf-8", "surrogateescape")


def _cut(data: bytes) -> str:
    # Drop up to three trailing bytes rather than split a character in two.
    for drop in range(4):
        try:
            return data[: len(data) - drop].decode("utf-8")
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "surrogateescape")


def _fit(name: str, limit: int) -> str:
    """Name cut to limit bytes without splitting a character, tagged by a short hash."""
    if len(_encoded(name)) <= limit:
        return name
    tag = "~" + hashlib.sha256(_encoded(name)).hexdigest()[:8]
    return _cut(_encoded(name)[: limit - len(tag)]) + tag


def sibling_name(path: Path, *, prefix: str = "", suffix: str = "") -> str:
    """A name for a file beside path: prefix + path's name + suffix, shortened to fit if needed.

    The shortened form keeps the start of the name (what a person recognises) and a hash of the
    whole, so two long names that share a start still get different siblings.
    """
    room = NAME_MAX_BYTES - len(_encoded(prefix)) - len(_encoded(suffix))
    return prefix + _fit(path.name, room) + suffix


def sibling_path(path: Path, *, prefix: str = "", suffix: str = "") -> Path:
    """The path beside path named by sibling_name."""
    return path.with_name(sibling_name(path, prefix=prefix, suffix=suffix))
