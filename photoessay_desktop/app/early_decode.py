"""Decodes the show's first photo in a forked process while the parent is still importing Qt.

Start-up is mostly imports (Qt, pydantic); a child forked before them decodes the first photo on
the other core and leaves the pixels in shared memory, so the first frame is ready when the window
is. Only plain JPEGs in sRGB are taken: without a colour profile, or with one the loader does
not convert either (anything else is left to the loader, which handles every case correctly).
Standard library, Pillow and imaging's sRGB test only in the child: no Qt before QApplication
exists (MEASURED.md: Qt adopts the first thread that uses it as its main thread).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import select
import signal
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from PIL import ImageFile

# magic, width, height, bytes per line (as decoded: stored orientation), fitted width and height
# (as shown, upright), EXIF orientation, then the file's size, mtime_ns and ctime_ns as stat'ed
# just before the decode (the version the pixels are of; imaging/file_version.py)
_HEADER = struct.Struct("<4sIIIIIIQqq")
_MAGIC = b"PEv4"
_BYTES_PER_PIXEL = 4  # RGBX: Pillow's own layout for RGB, so writing it is a plain copy
# The usual projector and laptop screen; a different screen makes this a stand-in only.
GUESSED_BOX = (1920, 1080)
# The decoded photo is under twice the fitted size each way (DCT scaling goes no finer), except a
# very wide panorama beyond 1/8 scale; room for 8 times the box's area covers all but the oddest
# (those go to the loader). Pages are only used when written, so the room costs nothing.
_MAX_DECODED_AREA = 8
_EXIF_ORIENTATION = 0x0112
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
        magic, width, height, stride, fitted_w, fitted_h, orientation, *version = (
            _HEADER.unpack_from(self.buffer, 0)
        )
        if magic != _MAGIC or not width or not height or not fitted_w or not fitted_h:
            return None
        start = _HEADER.size
        pixels = memoryview(self.buffer)[start : start + stride * height]
        size, mtime_ns, ctime_ns = version
        self.version = (size, mtime_ns, ctime_ns)
        return EarlyPixels(pixels, width, height, stride, (fitted_w, fitted_h), orientation)

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
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = 200_000_000  # the app's default pixel limit: no bombs here either
        # Stat'ed before it is read: a file replaced meanwhile is noticed by the loader's next look
        # (it sees a newer version than this one), never taken for the version decoded.
        info = os.stat(ref)
        with Image.open(ref) as image:
            if image.format != "JPEG" or image.mode not in ("RGB", "L"):
                return False
            icc_profile = image.info.get("icc_profile")
            if icc_profile and not _is_srgb(icc_profile):
                return False  # converting colours is the loader's job
            orientation = image.getexif().get(_EXIF_ORIENTATION, 1)
            if orientation not in range(1, 9):
                orientation = 1
            turned = orientation in (5, 6, 7, 8)
            stored_box = (box[1], box[0]) if turned else box
            scale = min(stored_box[0] / image.width, stored_box[1] / image.height, 1.0)
            fitted = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
            if not _dct_scale_three_eighths(image, scale):
                image.draft("RGB", fitted)
            # Scaling to the fitted size and turning upright are the parent's: Qt's smooth
            # (area-averaging) scale takes about 4 ms where Pillow's BOX took 25-40 ms here.
            width, height = image.size
            stride = width * _BYTES_PER_PIXEL
            end = _HEADER.size + stride * height
            if end > len(buffer):
                return False
            _decode_straight_into(image, memoryview(buffer)[_HEADER.size : end])
            shown = (fitted[1], fitted[0]) if turned else fitted
            version = (info.st_size, info.st_mtime_ns, info.st_ctime_ns)
            _HEADER.pack_into(
                buffer, 0, _MAGIC, width, height, stride, *shown, orientation, *version
            )
            return True
    except Exception:  # any failure: the loader decodes it the normal way
        return False


def _is_srgb(icc_profile: object) -> bool:
    """Whether the photo's profile is one the loader shows as it is (sRGB): then this decode's
    pixels are the loader's. Its own rule, so the two cannot disagree; 3 ms of imports, only for
    a photo with a profile."""
    from photoessay_desktop.imaging.colour import is_srgb_profile

    return isinstance(icc_profile, bytes) and is_srgb_profile(icc_profile)


def _decode_straight_into(image: ImageFile.ImageFile, pixels: memoryview) -> None:
    """Decode `image` into `pixels` as RGBX rows, straight from libjpeg where Pillow allows.

    Pillow keeps an RGB image as RGBX in memory and decodes into whatever image memory it is
    given; given a view of the shared buffer, the pixels land there with no copy and no second
    13 MB of fresh pages (about 25 ms saved on a 24 MP photo). Greyscale, or a Pillow that
    allocates its own memory after all, is copied instead.
    """
    from PIL import Image

    if image.mode == "RGB":
        # Any writable buffer works; Pillow's annotation names bytes and arrays only.
        memory = cast("bytearray", pixels)
        shared = Image.frombuffer("RGBX", image.size, memory, "raw", "RGBX", 0, 1)
        image.im = shared.im
        image._mode = "RGBX"  # libjpeg's RGB rows are unpacked into RGBX, as for any RGB image
        image.load()
        if image.im is shared.im:
            return
    pixels[:] = image.convert("RGB").tobytes("raw", "RGBX")


def _dct_scale_three_eighths(image: ImageFile.ImageFile, scale: float) -> bool:
    """Have libjpeg decode at 3/8 where that is the smallest scale not below `scale`.

    Pillow's draft mode offers 1/2, 1/4 and 1/8 only, so a 24 MP photo for a 1080p screen was
    decoded at 3000x2000 and resized; libjpeg-turbo's 3/8 (djpeg -scale 3/8, the benchmark's
    floor) gives 2250x1500 a fifth faster. Pillow passes its scale to libjpeg as 1/scale, and
    libjpeg picks the smallest M/8 not below that: 1/3 gives 3/8. This sets what draft() would
    set, for 3/8, and checks Pillow's own bookkeeping first; on any surprise it declines and
    draft() is used. Only the early decode does this: it is a head start, and the loader's
    decode (the reference) is used whenever this one gives up.
    """
    if not 1 / 4 < scale <= 3 / 8 or image.decoderconfig or len(image.tile) != 1:
        return False
    from PIL import ImageFile as PillowImageFile

    tile = image.tile[0]
    if tile.codec_name != "jpeg" or tile.extents != (0, 0, *image.size):
        return False
    size = ((image.width * 3 + 7) // 8, (image.height * 3 + 7) // 8)
    image.tile = [PillowImageFile._Tile(tile.codec_name, (0, 0, *size), tile.offset, tile.args)]
    image._size = size
    image.decoderconfig = (3, 0)
    return True
