"""Writes an export beside its target and moves it into place only once it is complete.

A cancelled or failed export leaves the target as it was and no partial folder behind. An existing
folder is replaced only when it is empty or an earlier PhotoEssay web export (it holds our marker),
so choosing the wrong folder can never wipe someone's work.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from photoessay_desktop.publishing.export_control import ExportError

EXPORT_MARKER = ".photoessay-export"


def _check_replaceable_folder(target: Path) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise ExportError(f"{target} is a file; choose a folder name for the web page")
    entries = {entry.name for entry in target.iterdir()}
    if entries and EXPORT_MARKER not in entries:
        raise ExportError(
            f"{target} already holds other files; choose an empty or new folder "
            "(an earlier PhotoEssay export there is replaced)"
        )


def _default_mode(kind: int) -> int:
    # mkdtemp/mkstemp make private (0700/0600) entries; an export is meant to be shared or served.
    umask = os.umask(0)
    os.umask(umask)
    return kind & ~umask


def _prepare_parent(target: Path) -> Path:
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create the folder {parent}: {exc.strerror or exc}") from exc
    return parent


@contextlib.contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside target; on success it replaces target, on any error it goes."""
    _check_replaceable_folder(target)
    parent = _prepare_parent(target)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=parent))
        os.chmod(staging, _default_mode(0o777))
    except OSError as exc:
        raise ExportError(f"cannot write in {parent}: {exc.strerror or exc}") from exc
    try:
        yield staging
        (staging / EXPORT_MARKER).write_text("Made by PhotoEssay; replaced by the next export.\n")
        _swap_into_place(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ExportError(f"could not write {target}: {exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap_into_place(staging: Path, target: Path) -> None:
    # Re-checked here: the folder may have been filled while the export ran.
    _check_replaceable_folder(target)
    if not target.exists():
        os.replace(staging, target)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    retired.rmdir()
    os.replace(target, retired)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(retired, target)  # put the old export back before reporting the failure
        raise
    shutil.rmtree(retired, ignore_errors=True)


@contextlib.contextmanager
def staged_file(target: Path) -> Iterator[Path]:
    """Yield a temporary file path beside target; on success it atomically replaces target."""
    if target.is_dir():
        raise ExportError(f"{target} is a folder; choose a file name")
    parent = _prepare_parent(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=parent)
    except OSError as exc:
        raise ExportError(f"cannot write in {parent}: {exc.strerror or exc}") from exc
    os.close(fd)
    temp = Path(name)
    os.chmod(temp, _default_mode(0o666))
    try:
        yield temp
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise ExportError(f"could not write {target}: {exc.strerror or exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
