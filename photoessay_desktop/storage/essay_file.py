"""Loads and saves `*.essay.json` project files.

Loading turns every way a file can be bad into one EssayFileError that names the file, the field
path and the line; it never lets a traceback through. Saving is atomic (see atomic_file). In memory,
local image paths are absolute; in the file they are relative to the file's folder with `/`, so a
Save As to another folder rewrites them and they still point at the same photos.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.storage.atomic_file import ReadOnlyFileError, write_atomically
from photoessay_desktop.storage.essay_file_error import EssayFileError
from photoessay_desktop.storage.essay_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    SUFFIX,
)
from photoessay_desktop.storage.image_ref_paths import relative_image_ref, resolve_image_ref
from photoessay_desktop.storage.json_locator import line_of
from photoessay_desktop.storage.regular_file import NotRegularFileError, open_regular_file
from photoessay_desktop.storage.validation_message import describe_validation_error

_MAGIC = {
    b"\xff\xd8\xff": "a JPEG image",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
}


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise EssayFileError(path, "is a folder, not an essay file")
        if size > MAX_FILE_BYTES:
            raise EssayFileError(path, f"is {_megabytes(size)}; essay files are limited to 32 MB")
        with open_regular_file(path) as handle:
            # Read one byte past the limit: a file growing while it is read is caught here too.
            data = handle.read(MAX_FILE_BYTES + 1)
    except NotRegularFileError:
        raise EssayFileError(path, "is a pipe, socket or device, not an essay file") from None
    except FileNotFoundError:
        raise EssayFileError(path, "does not exist") from None
    except PermissionError:
        raise EssayFileError(path, "cannot be read: permission denied") from None
    except OSError as exc:
        raise EssayFileError(path, f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise EssayFileError(path, "is larger than 32 MB; essay files are limited to 32 MB")
    return data


def _megabytes(size: int) -> str:
    if size >= 1024**3:
        return f"{size / 1024**3:.1f} GB"
    return f"{size / 1024**2:.0f} MB"


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise EssayFileError(path, "is empty")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise EssayFileError(path, f"is {kind}, not an essay file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise EssayFileError(
            path, f"is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read)", line=line
        ) from None
    return text.removeprefix("\ufeff")


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as exc:
        # "Unterminated string" means the closing quote never came: the text stopped first.
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            problem = "the file ends too early; it may be truncated (not valid JSON)"
        else:
            problem = f"is not valid JSON: {exc.msg} (column {exc.colno})"
        raise EssayFileError(path, problem, line=exc.lineno) from None
    except _DuplicateKeyError as exc:
        raise EssayFileError(
            path,
            f'the key "{exc.key}" appears twice in one object',
            line=_second_key_line(text, exc.key),
        ) from None
    except RecursionError:
        raise EssayFileError(path, "is nested too deeply to be an essay file") from None


def _second_key_line(text: str, key: str) -> int | None:
    needle = json.dumps(key, ensure_ascii=False)
    first = text.find(needle)
    second = text.find(needle, first + 1) if first >= 0 else -1
    return text.count("\n", 0, second) + 1 if second >= 0 else None


def _check_header(path: Path, text: str, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise EssayFileError(path, "is not a PhotoEssay project (expected a JSON object)", line=1)
    if data.get("format") != FORMAT_NAME:
        raise EssayFileError(
            path,
            'is not a PhotoEssay project (it has no "format": "photoessay")',
            line=line_of(text, ("format",)),
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise EssayFileError(
            path, "expected a whole number", field="version", line=line_of(text, ("version",))
        )
    if version > FORMAT_VERSION:
        raise EssayFileError(
            path,
            f"was saved by a newer version of PhotoEssay (file format version {version}; this "
            f"version reads up to {FORMAT_VERSION}). Update PhotoEssay to open it.",
        )
    if version < 1:
        raise EssayFileError(
            path,
            f"unknown format version {version}",
            field="version",
            line=line_of(text, ("version",)),
        )
    return {key: value for key, value in data.items() if key not in ("format", "version")}


def _validate(path: Path, text: str, fields: dict[str, Any]) -> Essay:
    try:
        return Essay.model_validate(fields)
    except ValidationError as exc:
        message = describe_validation_error(exc)
        raise EssayFileError(
            path, message.problem, field=message.field, line=line_of(text, message.location)
        ) from None


def _map_images(essay: Essay, convert: Any, folder: Path) -> Essay:
    slides = tuple(
        slide
        if slide.image is None
        else slide.model_copy(update={"image": convert(slide.image, folder)})
        for slide in essay.slides
    )
    return essay.model_copy(update={"slides": slides})


def essay_from_json(text: str, path: Path) -> Essay:
    """Parse the text of the project file at path (used for its folder and in messages)."""
    data = _parse_json(path, text)
    essay = _validate(path, text, _check_header(path, text, data))
    return _map_images(essay, resolve_image_ref, path.parent)


def load_essay(path: Path) -> Essay:
    """Read a project file; every problem raises EssayFileError with one clear message."""
    return essay_from_json(_decode(path, _read_bytes(path)), path)


def essay_to_json(essay: Essay, folder: Path) -> str:
    """The project file text for essay saved into folder (stable key order, final newline)."""
    stored = _map_images(essay, relative_image_ref, folder)
    payload: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    payload.update(stored.model_dump(mode="json"))
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def save_essay(essay: Essay, path: Path, *, keep_backup: bool = False) -> None:
    """Write essay to path atomically; raises EssayFileError naming the file and the reason.

    With keep_backup the previous file is kept beside it as `NAME.bak` (one generation). A
    read-only file is never replaced. On any failure the file on disk is the one from before.
    """
    folder = Path(os.path.realpath(path)).parent if path.is_symlink() else path.parent
    data = essay_to_json(essay, folder).encode("utf-8")
    try:
        write_atomically(path, data, keep_backup=keep_backup)
    except ReadOnlyFileError:
        raise EssayFileError(
            path, "is read-only, so it was not replaced; use Save As to keep your changes"
        ) from None
    except PermissionError:
        raise EssayFileError(path, "cannot be saved: permission denied") from None
    except FileNotFoundError:
        raise EssayFileError(path, "cannot be saved: the folder no longer exists") from None
    except OSError as exc:
        reason = _SAVE_ERRNO_REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        raise EssayFileError(path, f"cannot be saved: {reason}") from None


# The plain words for the failures a reporter on deadline actually meets.
_SAVE_ERRNO_REASONS = {
    errno.ENOSPC: "the disk is full",
    getattr(errno, "EDQUOT", -1): "your disk quota is used up",
    errno.EROFS: "the disk or share is read-only",
    errno.EFBIG: "the file is larger than this disk or account allows",
    errno.ENAMETOOLONG: "the file name or folder path is too long",
    errno.EISDIR: "a folder has that name",
    errno.ENOTDIR: "part of the folder path is not a folder",
}


__all__ = [
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "SUFFIX",
    "EssayFileError",
    "essay_from_json",
    "essay_to_json",
    "load_essay",
    "relative_image_ref",
    "resolve_image_ref",
    "save_essay",
]
