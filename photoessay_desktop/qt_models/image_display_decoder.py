"""Decode one local photo for display as a QImage by the fastest correct path; runs in workers.

Plain sRGB (or untagged) RGB/grey JPEGs go through QImageReader's DCT-scaled read, which releases
the GIL; everything else (ICC profiles, CMYK, PNG, TIFF, WebP, GIF) through imaging.decode_image
in a decode worker process, so Pillow never holds this process's GIL (the GUI thread would stall).
Small sizes and formats without DCT scaling are kept in the disk cache. Never on the GUI thread.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QImageReader, QImageWriter

from photoessay_desktop.imaging.colour import is_srgb_profile
from photoessay_desktop.imaging.decode import decode_image
from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.decode_process import DecodeProcessPool, DecoderUnavailableError
from photoessay_desktop.imaging.errors import ImageDecodeError
from photoessay_desktop.imaging.geometry import exif_orientation, orientation_of, stored_fit
from photoessay_desktop.imaging.photo_open import open_photo
from photoessay_desktop.imaging.thumbnail_cache import ThumbnailCache

# Qt refuses to allocate images over its limit (256 MB by default); stay well under it.
_QT_MAX_BYTES = 200 * 1024 * 1024
_DERIVATIVE_QUALITY = 90
_EOI_TAIL = 4096  # cameras may pad after the end-of-image marker
_RAW_ORDER = "BGRX" if sys.byteorder == "little" else "XRGB"
_JPEG_MAGIC = b"\xff\xd8\xff"


class DisplayDecoder:
    """Decodes photos to QImages fitted into a box; thread-safe (its process pool is too)."""

    def __init__(
        self,
        *,
        limits: DecodeLimits,
        background: tuple[int, int, int],
        thumbnails: ThumbnailCache | None,
        thumbnail_max_side: int,
        processes: DecodeProcessPool | None = None,
    ) -> None:
        self._limits = limits
        self._background = background
        self._thumbnails = thumbnails
        self._thumbnail_max_side = thumbnail_max_side
        self._processes = processes or DecodeProcessPool()

    @property
    def processes(self) -> DecodeProcessPool:
        """The worker processes Pillow decodes run in."""
        return self._processes

    def close(self) -> None:
        """End the decode processes (the app is quitting); running decodes fail at once."""
        self._processes.close()

    def decode(self, path: Path, box: tuple[int, int] | None) -> QImage:
        """The photo at `path` upright, in sRGB, fitted into `box`; raises ImageDecodeError."""
        disk = self._thumbnails
        # The disk cache comes first: a list of 1,000 cached thumbnails must not parse 1,000
        # camera-file headers. A changed file has a new key, so this is never stale.
        key = disk.key_for(path, box, self._background) if disk is not None else None
        if key is not None and disk is not None:
            stored = disk.lookup(key)
            if stored is not None:
                cached = _read_cached(stored)
                if cached is not None:
                    return cached
        qt_can = False
        target = (0, 0)
        # Only JPEG headers are parsed here (in Python: safe). Every other format's header goes
        # to the worker unread, since some plug-ins (WebP, AVIF, HEIF) run C code just to open.
        if _jpeg_magic(path) is not False:
            with open_photo(path, self._limits) as probe:
                orientation = orientation_of(probe)
                target = stored_fit(probe.size, orientation, box)
                icc = probe.info.get("icc_profile")
                qt_can = (
                    probe.format in ("JPEG", "MPO")
                    and probe.mode in ("RGB", "L")
                    and (not icc or (isinstance(icc, bytes) and is_srgb_profile(icc)))
                    and target[0] * target[1] * 4 <= _QT_MAX_BYTES
                    # Qt turns by EXIF alone; Pillow also by XMP where EXIF says nothing.
                    and (orientation == 1 or orientation == exif_orientation(probe))
                    and _ends_with_eoi(path)
                )
        small = box is not None and max(box) <= self._thumbnail_max_side
        # Kept on disk: small sizes (the list) and formats without DCT scaling (PNG, TIFF, ...).
        keep = key is not None and disk is not None and (small or not qt_can)
        image = _read_with_qt(path, QSize(*target)) if qt_can else QImage()
        derivative = b""
        if image.isNull():
            image, derivative = self._decode_with_pillow(path, box, derivative=keep)
        if keep and key is not None and disk is not None:
            disk.store(key, derivative or encode_jpeg(image))
        return image

    def _decode_with_pillow(
        self, path: Path, box: tuple[int, int] | None, *, derivative: bool
    ) -> tuple[QImage, bytes]:
        made: list[QImage] = []

        def allocate(width: int, height: int) -> memoryview:
            # The pixels are read from the pipe straight into the QImage: no extra copy.
            image = QImage(width, height, QImage.Format.Format_RGB32)
            if image.isNull() or image.bytesPerLine() != width * 4:
                raise ImageDecodeError("there is not enough memory to show this photo")
            made.append(image)
            return memoryview(image.bits())

        try:
            done = self._processes.decode(
                path,
                fit=box,
                limits=self._limits,
                background=self._background,
                allocate=allocate,
                derivative=derivative,
            )
        except DecoderUnavailableError:
            # No worker can run here (a frozen build without an interpreter, say): slower for
            # the GUI thread, but the photo is still shown.
            rgb = decode_image(path, fit=box, limits=self._limits, background=self._background)
            return pil_to_qimage(rgb), b""
        return made[0], done.derivative


def _read_cached(stored: Path) -> QImage | None:
    # Pillow opens these small JPEGs about twice as fast as Qt's plug-in (measured: a warm list
    # of 1,000 cached thumbnails in 1.1-1.8 s against 3.2 s, same machine, same minute).
    try:
        with Image.open(stored, formats=["JPEG"]) as image:
            image.load()
            return pil_to_qimage(image.convert("RGB"))
    except (OSError, ValueError, SyntaxError):
        return None  # a damaged cache file: decode the photo again


def _jpeg_magic(path: Path) -> bool | None:
    """True/False whether the file starts like a JPEG; None when it is no regular file or empty."""
    try:
        # Never open anything but a regular file: opening a named pipe waits for a writer forever.
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
            return None  # open_photo names the problem (missing, a folder, empty, a device)
        with path.open("rb") as stream:
            head = stream.read(len(_JPEG_MAGIC))
    except OSError:
        return None
    return head == _JPEG_MAGIC if head else None


def _ends_with_eoi(path: Path) -> bool:
    # Qt draws a truncated JPEG half grey with only a warning; Pillow refuses it with a reason.
    # 0xFFD9 cannot occur inside entropy-coded data, so in the tail it means the file is whole.
    try:
        with path.open("rb") as stream:
            stream.seek(max(0, path.stat().st_size - _EOI_TAIL))
            return b"\xff\xd9" in stream.read(_EOI_TAIL)
    except OSError:
        return False


def _read_with_qt(path: Path, scaled: QSize | None) -> QImage:
    reader = QImageReader(str(path), QByteArray(b"jpeg"))
    reader.setAutoTransform(True)  # the scaled size is therefore given in stored orientation
    if scaled is not None:
        reader.setScaledSize(scaled)
    image = reader.read()
    if image.isNull():
        return image
    if image.format() != QImage.Format.Format_RGB32:
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    return image


def pil_to_qimage(image: Image.Image) -> QImage:
    """Copy an RGB Pillow image into a Format_RGB32 QImage that owns its pixels."""
    if image.mode != "RGB":
        raise ImageDecodeError(f"internal: expected an RGB image, got {image.mode}")
    data = image.tobytes("raw", _RAW_ORDER)
    width, height = image.size
    # copy(): the QImage must not point into the bytes object once this function returns.
    return QImage(data, width, height, width * 4, QImage.Format.Format_RGB32).copy()


def encode_jpeg(image: QImage) -> bytes:
    """Encode a display image as JPEG for the disk cache."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"jpeg"))
    writer.setQuality(_DERIVATIVE_QUALITY)
    writer.write(image)
    buffer.close()
    return bytes(array.data())
