"""Decodes the show's first photo in a forked process while the parent is still importing Qt.

Start-up is mostly imports (Qt, pydantic); a child forked before them decodes the first photo on
the other core and leaves the pixels in shared memory, so the first frame is ready when the window
is. Only plain JPEGs without a colour profile are taken (anything else is left to the loader, which
handles every case correctly). Standard library and Pillow only in the child: no Qt before
QApplication exists (MEASURED.md: Qt adopts the first thread that uses it as its main thread).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

_HEADER = struct.Struct("<4sIII")  # magic, width, height, bytes per line
_MAGIC = b"PEv1"
# The usual projector and laptop screen; a different screen makes this a stand-in only.
GUESSED_BOX = (1920, 1080)
_EXIF_ORIENTATION = 0x0112


@dataclass
class EarlyDecode:
    """A running child decode: where its pixels will be and how it says it is done."""

    pid: int
    ref: str
    box: tuple[int, int]
    buffer: mmap.mmap
    done_fd: int

    def result(self) -> tuple[bytes, int, int, int] | None:
        """(RGB888 pixels, width, height, bytes per line) once the child said done, else None."""
        try:
            status = os.read(self.done_fd, 1)
        except OSError:
            status = b""
        self.close()
        if status != b"1":
            return None
        magic, width, height, stride = _HEADER.unpack_from(self.buffer, 0)
        if magic != _MAGIC or not width or not height:
            return None
        start = _HEADER.size
        return bytes(self.buffer[start : start + stride * height]), width, height, stride

    def close(self) -> None:
        """Reap the child and close the pipe, once; the buffer stays readable.

        Safe to call again: a second os.close of the same number would close whatever file the
        process opened since under that number (a decode worker's pipe, Qt's own descriptors).
        """
        if self.done_fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.done_fd)
            self.done_fd = -1
        if self.pid > 0:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.pid = 0


def start_early_decode(ref: str, box: tuple[int, int] = GUESSED_BOX) -> EarlyDecode | None:
    """Fork a child that decodes `ref` to fit `box`; None where fork is not available."""
    if not hasattr(os, "fork"):
        return None
    size = _HEADER.size + box[0] * box[1] * 3
    buffer = mmap.mmap(-1, size)  # anonymous and shared: the child's writes are ours to read
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: decode, report, and leave without running any parent clean-up
        os.close(read_fd)
        ok = False
        try:
            ok = _decode_into(ref, box, buffer)
        finally:
            os.write(write_fd, b"1" if ok else b"0")
            os._exit(0)
    os.close(write_fd)
    return EarlyDecode(pid, ref, box, buffer, read_fd)


def _decode_into(ref: str, box: tuple[int, int], buffer: mmap.mmap) -> bool:
    try:
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = 200_000_000  # the app's default pixel limit: no bombs here either
        with Image.open(ref) as image:
            if image.format != "JPEG" or image.mode not in ("RGB", "L"):
                return False
            if image.info.get("icc_profile"):
                return False  # colour management is the loader's job
            orientation = image.getexif().get(_EXIF_ORIENTATION, 1)
            turned = orientation in (5, 6, 7, 8)
            stored_box = (box[1], box[0]) if turned else box
            scale = min(stored_box[0] / image.width, stored_box[1] / image.height, 1.0)
            target = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
            image.draft("RGB", target)
            picture = image.convert("RGB")
            if picture.size != target:
                # BOX (area averaging) is a true downscaling filter and, at the 1.5-2x left after
                # draft, a third faster than BILINEAR here: this resize is on the critical path.
                picture = picture.resize(target, Image.Resampling.BOX)
            picture = _upright(picture, orientation)
            raw = picture.tobytes()
            width, height = picture.size
            if _HEADER.size + len(raw) > len(buffer):
                return False
            buffer[_HEADER.size : _HEADER.size + len(raw)] = raw
            _HEADER.pack_into(buffer, 0, _MAGIC, width, height, width * 3)
            return True
    except Exception:  # any failure: the loader decodes it the normal way
        return False


def _upright(picture: Image.Image, orientation: int) -> Image.Image:
    from PIL import Image

    transpose = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    return picture if transpose is None else picture.transpose(transpose)
