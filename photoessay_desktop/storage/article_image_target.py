"""Turn an image line's target into the essay's image reference, and a reference back into a target.

Reading: http(s) addresses stay addresses, `//host/path` is read as https (articles come from the
web), paths become absolute (relative ones resolve against the article's folder with
os.path.normpath, links are not followed), anything else is refused with a reason. Writing: local
paths relative to the output folder with "/" separators. The safety rules themselves live in
domain.image_ref; this module only applies them and never touches a file.
"""

from __future__ import annotations

import ntpath
import os
import re
from dataclasses import dataclass

from photoessay_desktop.domain.image_ref import ImageRefKind, UnsafeImageRefError, image_ref_kind

_SHOWN_TARGET_CHARS = 80
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class ReadTarget:
    """The reference an image line gives the slide (None when refused) and what to tell the user."""

    ref: str | None
    note: str | None = None


def read_target(target: str, *, article_folder: str) -> ReadTarget:
    """The slide's image reference for an unescaped target; article_folder is absolute."""
    target = target.strip()
    if not target:
        return ReadTarget(None, "the image has no address, so the slide has no photo")
    if has_control_characters(target):
        return _refused(target, "it contains control characters")
    note = None
    if target.startswith("//"):
        web = f"https:{target}"
        note = f"the address {_shown(target)} names no scheme; it is read as {_shown(web)}"
        target = web
    try:
        kind = image_ref_kind(target)
    except UnsafeImageRefError as exc:
        return _refused(target, str(exc))
    if kind is ImageRefKind.NETWORK:
        return _refused(
            target,
            "network share paths are not imported from article text (opening one can "
            "send your login to that computer)",
        )
    if kind is ImageRefKind.REMOTE:
        return ReadTarget(target, note)
    return ReadTarget(_absolute_path(target, article_folder))


def write_target(ref: str, *, output_folder: str) -> str:
    """The target to write for a slide's image reference; output_folder is absolute."""
    if is_foreign_drive_path(ref) or not os.path.isabs(ref):
        return ref  # a Windows path on another system, or outside the model's contract: as written
    try:
        relative = os.path.relpath(ref, output_folder)
    except ValueError:  # Windows: another drive has no relative path
        return ref.replace(os.sep, "/")
    relative = relative.replace(os.sep, "/")
    if _needs_dot_prefix(relative):
        relative = f"./{relative}"
    return relative


def is_foreign_drive_path(ref: str) -> bool:
    """A Windows drive path (C:\\photos\\a.jpg) on a system where it is not a native path.

    It is kept exactly as written both ways: it names no file here (the preflight reports that),
    and joining it to a folder would only hide what the article said.
    """
    return os.name != "nt" and bool(ntpath.splitdrive(ref)[0]) and ntpath.isabs(ref)


def has_control_characters(text: str) -> bool:
    """True for C0, DEL and C1 controls: browsers silently drop some of them inside addresses."""
    return _CONTROL.search(text) is not None


def _absolute_path(target: str, article_folder: str) -> str:
    if is_foreign_drive_path(target):
        return target
    # normpath, not realpath: the essay keeps the path the article named, links included.
    return os.path.normpath(os.path.join(article_folder, target))


def _needs_dot_prefix(relative: str) -> bool:
    # A file named "javascript:x.jpg" or " a.jpg" in the output folder must not read back as a
    # scheme, a Windows drive or a trimmed name.
    if relative[:1].isspace() or is_foreign_drive_path(relative):
        return True
    try:
        return image_ref_kind(relative) is not ImageRefKind.LOCAL
    except UnsafeImageRefError:
        return True


def _refused(target: str, reason: str) -> ReadTarget:
    return ReadTarget(None, f"the image address {_shown(target)} is left out: {reason}")


def _shown(target: str) -> str:
    # A data: address can be megabytes long; the user needs only its start to find it.
    if len(target) > _SHOWN_TARGET_CHARS:
        target = target[: _SHOWN_TARGET_CHARS - 1] + "…"
    # Control characters are spelled out so a hostile address cannot drive the user's terminal.
    visible = _CONTROL.sub(lambda match: f"\\x{ord(match.group(0)):02x}", target)
    return f'"{visible}"'
