"""Decodes the show's first photo in a forked process while the parent is still importing Qt.

Start-up is mostly imports (Qt, pydantic); a child forked before them decodes the first photo on
the other core and leaves the pixels in shared memory, so the first frame is ready when the window
is. Only plain JPEGs in sRGB are taken: without a colour profile, or with one the loader does
not convert either (anything else is left to the loader, which handles every case correctly).
The child uses the standard library, Pillow's C core (libjpeg) and imaging's JPEG header reader,
and imaging's sRGB test for a photo with a profile: no Qt before QApplication exists (MEASURED.md:
Qt adopts the first thread that uses it as its main thread).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import select
import signal
import struct
from dataclasses import dataclass
from typing import Any, BinaryIO

from photoessay_desktop.imaging.decode_limits import DEFAULT_MAX_PIXELS

# magic, width, height, bytes per line (as decoded: stored orientation), fitted width and height
# (as shown, upright), EXIF orientation, the photo's own width and height (as stored), then the
# file's size, mtime_ns and ctime_ns as stat'ed just before the decode (the version the pixels
# are of; imaging/file_version.py)
_HEADER = struct.Struct("<4sIIIIIIIIQqq")
_MAGIC = b"PEv5"
_BYTES_PER_PIXEL = 4  # RGBX: Pillow's own layout for RGB, so writing it is a plain copy
# The usual projector and laptop screen; a different screen makes this a stand-in only.
GUESSED_BOX = (1920, 1080)
# The decoded photo is under twice the fitted size each way (DCT scaling goes no finer), except a
# very wide panorama beyond 1/8 scale; room for 8 times the box's area covers all but the oddest
# (those go to the loader). Pages are only used when written, so the room costs nothing.
_MAX_DECODED_AREA = 8
_CHUNK_BYTES = 1 << 20  # the file is given to libjpeg a megabyte at a time
# The most pixels the loader opens: the app's default limit, or Pillow's own refusal (twice its
# MAX_IMAGE_PIXELS, the default kept in every process), whichever is lower. Not a photo more:
# the early frame must not show what the loader then says is too large. (A lower limit set in
# Preferences is applied by whoever takes the pixels: EarlyPixels.source says how many.)
_MOST_PIXELS = min(DEFAULT_MAX_PIXELS, 2 * (1024 * 1024 * 1024 // 4 // 3))
# Pillow's JPEG decoder takes its scale as "1 in n"; libjpeg then decodes at the smallest M/8 not
# below 1/n. The n that gives each M/8 this decode uses:
_ONE_IN = {8: 1, 4: 2, 3: 3, 2: 4, 1: 8}
# A decode takes 60-200 ms; one that has not answered in this long is stuck (a hung network
# share, a child that inherited a held lock), and the loader's own decode is the better bet.
RESULT_WAIT_S = 5.0


@dataclass(frozen=True)
class EarlyPixels:
    """What the child left: the decoded pixels (RGBX, as stored) and how to show them."""

    pixels: memoryview
    width: int
    height: int
    stride: int
    fitted: tuple[int, int]  # the upright photo fitted into the box, as the loader would make it
    orientation: int  # EXIF orientation (1-8) still to apply after scaling
    source: tuple[int, int]  # the photo's own size as stored: what pixel limits are about


@dataclass
class EarlyDecode:
    """A running child decode: where its pixels will be and how it says it is done."""

    pid: int
    ref: str
    box: tuple[int, int]
    buffer: mmap.mmap
    done_fd: int
    # (size, mtime_ns, ctime_ns) of the file the child decoded, once result() delivered its pixels:
    # the show tells the loader, which then watches the photo as if it had read it itself.
    version: tuple[int, int, int] | None = None

    def said_done(self) -> bool:
        """Whether the child has said done (or gone), asked without waiting."""
        if self.done_fd < 0:
            return False
        try:
            readable, _, _ = select.select([self.done_fd], [], [], 0)
        except OSError:  # closed under us: result() reports it as a failed decode
            return True
        return bool(readable)

    def result(self, wait_s: float = RESULT_WAIT_S) -> EarlyPixels | None:
        """The child's pixels once it said done (a view of the shared buffer), else None.

        Call it when `done_fd` is readable; a child that has not said done within `wait_s` is
        given up (and ended), so nothing here can hang the show.
        """
        status = b""
        if self.done_fd >= 0:
            with contextlib.suppress(OSError):
                readable, _, _ = select.select([self.done_fd], [], [], wait_s)
                if readable:
                    status = os.read(self.done_fd, 1)
        self.close()
        if status != b"1":
            return None
        magic, width, height, stride, fitted_w, fitted_h, orientation, *rest = _HEADER.unpack_from(
            self.buffer, 0
        )
        source_w, source_h, *version = rest
        if magic != _MAGIC or not width or not height or not fitted_w or not fitted_h:
            return None
        start = _HEADER.size
        pixels = memoryview(self.buffer)[start : start + stride * height]
        size, mtime_ns, ctime_ns = version
        self.version = (size, mtime_ns, ctime_ns)
        return EarlyPixels(
            pixels, width, height, stride, (fitted_w, fitted_h), orientation, (source_w, source_h)
        )

    def close(self) -> None:
        """End and reap the child and close the pipe, once; the buffer stays readable.

        A child still decoding is killed rather than waited for: its photo is no longer wanted,
        and waiting on a stuck one would hang the show's end. Safe to call again: a second
        os.close of the same number would close whatever file the process opened since under
        that number (a decode worker's pipe, Qt's own descriptors).
        """
        if self.done_fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.done_fd)
            self.done_fd = -1
        if self.pid > 0:
            with contextlib.suppress(OSError):  # already reaped or gone: nothing to end
                finished, _ = os.waitpid(self.pid, os.WNOHANG)
                if not finished:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
            self.pid = 0


def start_early_decode(ref: str, box: tuple[int, int] = GUESSED_BOX) -> EarlyDecode | None:
    """Fork a child that decodes `ref` for `box`; None where fork is not available."""
    if not hasattr(os, "fork"):
        return None
    size = _HEADER.size + box[0] * box[1] * _BYTES_PER_PIXEL * _MAX_DECODED_AREA
    try:
        buffer = mmap.mmap(-1, size)  # anonymous and shared: the child's writes are ours to read
        read_fd, write_fd = os.pipe()
    except OSError:  # out of memory or descriptors: the loader decodes the photo as usual
        return None
    try:
        pid = os.fork()
    except OSError:  # too many processes: as above
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:  # the child: decode, report, and leave without running any parent clean-up
        try:
            os.close(read_fd)
            ok = _decode_into(ref, box, buffer)
            # The parent may have closed its end already (it gave up): nothing to tell then.
            with contextlib.suppress(OSError):
                os.write(write_fd, b"1" if ok else b"0")
        finally:
            os._exit(0)  # whatever happened: never run on as a copy of the parent
    os.close(write_fd)
    return EarlyDecode(pid, ref, box, buffer, read_fd)


def _decode_into(ref: str, box: tuple[int, int], buffer: mmap.mmap) -> bool:
    try:
        # Pillow's C core and a header reader of our own, not its Image module: that and its
        # plug-ins took 20-50 ms to import and open a file here, a fifth of the way to the first
        # frame, where these take 3 ms. The pixels come from the same libjpeg call either way.
        from PIL import _imaging as pillow_core

        from photoessay_desktop.imaging.jpeg_header import read_jpeg_header

        with open(ref, "rb") as file:
            # Stat'ed before it is read: a file replaced meanwhile is noticed by the loader's next
            # look (it sees a newer version than this one), never taken for the version decoded.
            info = os.fstat(file.fileno())
            header = read_jpeg_header(file)
            if header is None or header.width * header.height > _MOST_PIXELS:
                return False
            # An empty profile is none, to the loader as well.
            if header.icc_profile and not _is_srgb(header.icc_profile):
                return False  # converting colours is the loader's job
            orientation = header.orientation if header.orientation in range(1, 9) else 1
            turned = orientation in (5, 6, 7, 8)
            stored_box = (box[1], box[0]) if turned else box
            scale = min(stored_box[0] / header.width, stored_box[1] / header.height, 1.0)
            fitted = (max(1, round(header.width * scale)), max(1, round(header.height * scale)))
            # Scaling to the fitted size and turning upright are the parent's: Qt's smooth
            # (area-averaging) scale takes about 4 ms where Pillow's BOX took 25-40 ms here.
            eighths = _dct_eighths(header.width, header.height, scale, fitted)
            width = -(-header.width * eighths // 8)  # libjpeg's own rounding: up
            height = -(-header.height * eighths // 8)
            stride = width * _BYTES_PER_PIXEL
            if _HEADER.size + stride * height > len(buffer):
                return False
            # Straight into the shared buffer (RGBX rows, as Pillow keeps RGB): no copy and no
            # second 13 MB of fresh pages (about 25 ms on a 24 MP photo). Grey is made RGB by
            # libjpeg on the way.
            image = pillow_core.map_buffer(
                buffer, (width, height), "raw", _HEADER.size, ("RGBX", stride, 1)
            )
            decoder = pillow_core.jpeg_decoder("RGBX", "RGB", "", _ONE_IN[eighths], 0)
            decoder.setimage(image, (0, 0, width, height))
            file.seek(0)
            if not _feed(decoder, file):
                return False
            shown = (fitted[1], fitted[0]) if turned else fitted
            version = (info.st_size, info.st_mtime_ns, info.st_ctime_ns)
            source = (header.width, header.height)
            _HEADER.pack_into(
                buffer, 0, _MAGIC, width, height, stride, *shown, orientation, *source, *version
            )
            return True
    except Exception:  # any failure: the loader decodes it the normal way
        return False


def _feed(decoder: Any, file: BinaryIO) -> bool:
    """Give the whole file to Pillow's JPEG decoder, as Pillow's own load() does; True when
    libjpeg finished the photo without an error, False for a broken or truncated file."""
    pending = b""
    try:
        while True:
            chunk = file.read(_CHUNK_BYTES)
            if not chunk:
                return False  # the file ended before the photo did
            data = pending + chunk
            consumed, error = decoder.decode(data)
            if consumed < 0:
                return bool(error >= 0)
            pending = data[consumed:]
    finally:
        decoder.cleanup()


def _dct_eighths(width: int, height: int, scale: float, fitted: tuple[int, int]) -> int:
    """How many eighths of its size libjpeg decodes the photo at: the smallest the fitted
    photo is not enlarged from.

    3/8 where that fits, which Pillow's draft() does not offer: for a 24 MP photo on a 1080p
    screen it decodes 2250x1500 instead of 3000x2000, a fifth faster (djpeg -scale 3/8, the
    benchmark's floor). Otherwise 1/8, 1/4, 1/2 or whole, chosen as Pillow's draft() chooses.
    """
    if 1 / 4 < scale <= 3 / 8:
        return 3
    whole = min(width // fitted[0], height // fitted[1])
    return 8 // next(step for step in (8, 4, 2, 1) if whole >= step)


def _is_srgb(icc_profile: bytes) -> bool:
    """Whether the photo's profile is one the loader shows as it is (sRGB): then this decode's
    pixels are the loader's. Its own rule, so the two cannot disagree; 3 ms of imports, only for
    a photo with a profile."""
    from photoessay_desktop.imaging.colour import is_srgb_profile

    return is_srgb_profile(icc_profile)
