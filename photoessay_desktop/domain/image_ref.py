"""What an image reference may be: an http(s) address or a file path, and nothing else.

Pure string rules shared by the model, the loader and the article import; it never touches a file
or the network, so a reference from a stranger's file can be classified without any risk.
"""

from __future__ import annotations

import enum
import re
from urllib.parse import urlsplit

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# A Windows drive path ("C:\photos\a.jpg", "C:/photos/a.jpg") looks like a one-letter scheme.
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_URL_FORBIDDEN = re.compile(r"[\x00-\x20\x7f]")


class ImageRefKind(enum.Enum):
    """Where the pixels of a reference live."""

    REMOTE = "remote"  # http(s) address: fetched only when the user allows it
    LOCAL = "local"  # a path on this machine
    NETWORK = "network"  # a UNC path (\\host\share, //host/share): touching it can leak credentials


class UnsafeImageRefError(ValueError):
    """A reference that must never be opened (another scheme, an empty or malformed address)."""


def image_ref_kind(ref: str) -> ImageRefKind:
    """Classify a reference; UnsafeImageRefError for anything that is neither URL nor path."""
    if not ref or not ref.strip():
        raise UnsafeImageRefError("the image reference is empty")
    if "\x00" in ref:
        raise UnsafeImageRefError("the image reference contains a NUL character")
    # Any two leading separators: Windows reads "/\\host\\share" and "\\/host/share" as UNC too.
    if len(ref) >= 2 and ref[0] in "\\/" and ref[1] in "\\/":
        return ImageRefKind.NETWORK
    if _DRIVE.match(ref):
        return ImageRefKind.LOCAL
    scheme = _SCHEME.match(ref)
    if scheme is None:
        return ImageRefKind.LOCAL
    name = scheme.group(1).lower()
    if name not in ("http", "https"):
        raise UnsafeImageRefError(
            f'"{name}:" addresses are not allowed for photos; use an http(s) address or a file path'
        )
    if _URL_FORBIDDEN.search(ref):
        raise UnsafeImageRefError("the web address contains spaces or control characters")
    try:
        host = urlsplit(ref).hostname
    except ValueError as exc:
        raise UnsafeImageRefError(f"the web address is malformed ({exc})") from None
    if not host:
        raise UnsafeImageRefError("the web address has no host name")
    return ImageRefKind.REMOTE


def is_remote(ref: str) -> bool:
    """True for an http(s) reference (and False for anything unsafe)."""
    try:
        return image_ref_kind(ref) is ImageRefKind.REMOTE
    except UnsafeImageRefError:
        return False


def remote_host(ref: str) -> str:
    """The host name of an http(s) reference, as shown in banners and placeholders."""
    return urlsplit(ref).hostname or ""
