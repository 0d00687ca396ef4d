r"""Where an image reference points relative to its essay, and whether it may be opened unasked.

A project file may come from a stranger: a photo outside the essay's own folder is shown as such,
and a network path (`\\host\share`, `//host/share`) is never opened without the user's say
(on Windows, opening one sends the user's credentials to that host). Pure string work on
normalised paths: it never touches a file, resolves a link or asks the network.
"""

from __future__ import annotations

import enum
import os
import re

from photoessay_desktop.domain.image_ref import ImageRefKind, UnsafeImageRefError, image_ref_kind

_SEPARATORS = "\\/"
_SPLIT = re.compile(r"[\\/]+")


class ImageLocation(enum.Enum):
    """Where a photo lives, from the essay's point of view."""

    INSIDE_FOLDER = "inside"  # in the essay's folder or below it
    OUTSIDE_FOLDER = "outside"  # elsewhere on this computer ("../", an absolute path)
    NETWORK = "network"  # on another computer's share
    REMOTE = "remote"  # an http(s) address
    UNSAFE = "unsafe"  # never to be opened at all


def is_network_path(ref: str) -> bool:
    r"""True for any path Windows would send to another host, whichever slashes it mixes.

    `\\host\x`, `//host/x`, `\/host`, `/\host` and the `\\?\UNC\` forms all count; on
    POSIX a path starting with `/\` is a local oddity, but not opening it unasked costs nothing.
    """
    return len(ref) >= 2 and ref[0] in _SEPARATORS and ref[1] in _SEPARATORS


def network_host(ref: str) -> str | None:
    """The host a network path names (lower-case), or None for any other reference."""
    if not is_network_path(ref):
        return None
    parts = [part for part in _SPLIT.split(ref) if part]
    if len(parts) >= 3 and parts[0] in ("?", ".") and parts[1].upper() == "UNC":
        return parts[2].lower()
    if parts and parts[0] in ("?", "."):
        return None  # a local device path such as \\?\C:\photos
    return parts[0].lower() if parts else None


def _normalised(path: str) -> str:
    return os.path.normcase(os.path.normpath(path))


def image_location(ref: str, essay_folder: str | None) -> ImageLocation:
    """Classify ref (as held in memory: local paths absolute) against the essay's folder.

    Without a folder (an untitled essay) every local photo is OUTSIDE_FOLDER.
    """
    try:
        kind = image_ref_kind(ref)
    except UnsafeImageRefError:
        return ImageLocation.UNSAFE
    if kind is ImageRefKind.REMOTE:
        return ImageLocation.REMOTE
    if kind is ImageRefKind.NETWORK or is_network_path(ref):
        if essay_folder is not None and _is_within_share(ref, essay_folder):
            return ImageLocation.INSIDE_FOLDER
        return ImageLocation.NETWORK
    if essay_folder is not None and os.path.isabs(ref) and _is_within(ref, essay_folder):
        return ImageLocation.INSIDE_FOLDER
    return ImageLocation.OUTSIDE_FOLDER


def _is_within(ref: str, folder: str) -> bool:
    child, parent = _normalised(ref), _normalised(folder)
    try:
        return os.path.commonpath([child, parent]) == parent
    except ValueError:  # different drives, or one relative and one absolute
        return False


def _share_parts(path: str) -> list[str]:
    # Share names are case-insensitive, and either slash separates on the Windows side.
    parts: list[str] = []
    for part in _SPLIT.split(path):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part.casefold())
    return parts


def _is_within_share(ref: str, folder: str) -> bool:
    if not is_network_path(folder):
        return False
    child, parent = _share_parts(ref), _share_parts(folder)
    return len(parent) >= 2 and child[: len(parent)] == parent


def may_open_without_asking(ref: str, essay_folder: str | None) -> bool:
    """True when reading ref's bytes cannot reach a host the user has not chosen to reach.

    Local files may be read. A network path may be read only when the essay itself was opened
    from that same host (the user went there already). Web addresses need the user's consent.
    """
    location = image_location(ref, essay_folder)
    if location in (ImageLocation.INSIDE_FOLDER, ImageLocation.OUTSIDE_FOLDER):
        return True
    if location is ImageLocation.NETWORK and essay_folder is not None:
        host = network_host(ref)
        return host is not None and host == network_host(essay_folder)
    return False
