"""How a photo reference is written in a project file and held in memory.

In memory a local photo's path is absolute; in the file it is relative to the file's folder with
`/`. Pure path arithmetic without pydantic, shared by the loader and the slideshow's first-frame
peek, so both give the same string for the same photo. It never touches a file.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from photoessay_desktop.domain.image_ref import ImageRefKind, UnsafeImageRefError, image_ref_kind


def resolve_image_ref(ref: str, folder: Path) -> str:
    """The in-memory form of a reference read from a file in folder (local paths made absolute)."""
    try:
        kind = image_ref_kind(ref)
    except UnsafeImageRefError:
        return ref  # validation has already refused it; never reached for a loaded essay
    if kind is not ImageRefKind.LOCAL:
        return ref
    native = ref.replace("/", os.sep)
    if os.path.isabs(native):
        return os.path.normpath(native)
    # normpath, not realpath: a symlinked folder must keep pointing through the link.
    return os.path.normpath(os.path.join(folder, native))


def relative_image_ref(ref: str, folder: Path) -> str:
    """The file form of an in-memory reference: local paths relative to folder, with `/`."""
    try:
        kind = image_ref_kind(ref)
    except UnsafeImageRefError:
        return ref
    if kind is not ImageRefKind.LOCAL or not os.path.isabs(ref):
        return ref
    try:
        relative = os.path.relpath(ref, folder)
    except ValueError:  # another drive on Windows: no relative form exists
        return ref.replace(os.sep, "/")
    stored = PurePosixPath(*Path(relative).parts).as_posix()
    return stored if _reads_back_as_local(stored) else f"./{stored}"


def _reads_back_as_local(stored: str) -> bool:
    # A photo named "IMG:0001.jpg" or " " must not come back as a web scheme or an empty
    # reference (the file would no longer open); "./" keeps it a path. Found by the fuzzer.
    try:
        return image_ref_kind(stored) is ImageRefKind.LOCAL
    except UnsafeImageRefError:
        return False
