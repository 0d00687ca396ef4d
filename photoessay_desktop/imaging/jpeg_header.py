"""What a JPEG's header says, read without Pillow: size, colour components, EXIF orientation and
colour profile.

For the show's early decode (app/early_decode.py), which runs in a child that should be decoding
within milliseconds of its fork: Pillow's Image module and its plug-ins take 20-50 ms to import
there, as long as the rest of the child's start. It is narrow on purpose. It answers only for the
plain case, an 8-bit Huffman JPEG (baseline, extended or progressive) with at most one Exif block,
a plain orientation entry (or none, and none in XMP either) and a whole colour profile, and says
None for anything else; the loader and Pillow then read that file the usual way. Where it
answers, it agrees with Pillow (tests/imaging/test_jpeg_header.py checks that against Pillow's
own reading of generated, damaged and hostile headers).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import BinaryIO

_SOI = b"\xff\xd8"
_SOF_HUFFMAN = frozenset({0xC0, 0xC1, 0xC2})  # baseline, extended, progressive
_SOS, _DQT, _APP1, _APP2 = 0xDA, 0xDB, 0xE1, 0xE2
_DHT, _DRI, _COM = 0xC4, 0xDD, 0xFE
# The segments a plain photo's header is made of (and application segments: Exif, XMP, IPTC,
# profiles). Lossless, hierarchical and arithmetic-coded frames, the extensions and the rest are
# rare, and some Pillow reads its own way: all of them are Pillow's to judge.
_PLAIN_MARKERS = _SOF_HUFFMAN | {_SOS, _DQT, _DHT, _DRI, _COM} | set(range(0xE0, 0xF0))
_EXIF = b"Exif\x00\x00"
_ICC = b"ICC_PROFILE\x00"
_MPF = b"MPF\x00"  # a multi-picture file: Pillow opens it as MPO, not JPEG
_XMP = b"http://ns.adobe.com/xap/1.0/\x00"
_XMP_ORIENTATION = b"tiff:Orientation"
_ORIENTATION_TAG = 0x0112
_ABSENT = -1  # no orientation entry (0 is an entry, if a meaningless one)
_SHORT = 3
# Bytes per value of each TIFF field type Pillow reads (others it skips, and so does this).
_TIFF_UNIT_BYTES = {
    1: 1,  # BYTE
    2: 1,  # ASCII
    3: 2,  # SHORT
    4: 4,  # LONG
    5: 8,  # RATIONAL
    6: 1,  # SBYTE
    7: 1,  # UNDEFINED
    8: 2,  # SSHORT
    9: 4,  # SLONG
    10: 8,  # SRATIONAL
    11: 4,  # FLOAT
    12: 8,  # DOUBLE
    13: 4,  # IFD
    16: 8,  # LONG8
}
# A camera's header (Exif with its thumbnail, XMP, a profile) is well under a megabyte; a file
# that goes on longer before its first scan is not a plain photo, and need not be read here.
_MAX_HEADER_BYTES = 4 * 1024 * 1024
_MAX_SEGMENTS = 1000  # and well under a hundred segments (a few dozen at most)
_MAX_FILL_BYTES = 64  # 0xFF bytes allowed before a marker; encoders write none or a few


@dataclass(frozen=True, slots=True)
class JpegHeader:
    """A plain JPEG's header: its stored size, its components and how it is to be shown."""

    width: int
    height: int
    components: int  # 1 (grey) or 3 (colour)
    orientation: int  # the EXIF orientation entry as stored (not checked); 1 without one
    icc_profile: bytes | None


def read_jpeg_header(stream: BinaryIO) -> JpegHeader | None:
    """The header of the JPEG `stream` is at the start of, read up to its first scan's own
    header; None for anything that is not a plain JPEG (see the module's docstring), malformed or
    truncated."""
    start = stream.tell()
    if stream.read(2) != _SOI:
        return None
    size: tuple[int, int, int] | None = None
    exif: bytes | None = None
    xmp_orientation = False
    icc_chunks: list[bytes] = []
    for _ in range(_MAX_SEGMENTS):
        if stream.tell() - start > _MAX_HEADER_BYTES:
            return None
        marker = _next_marker(stream)
        if marker not in _PLAIN_MARKERS:
            return None
        length_bytes = stream.read(2)
        if len(length_bytes) != 2:
            return None
        (length,) = struct.unpack(">H", length_bytes)
        payload = stream.read(length - 2) if length >= 2 else b""
        if length < 2 or len(payload) != length - 2:
            return None
        if marker == _SOS:  # the scan's own header is whole: what follows is libjpeg's
            break
        if marker in _SOF_HUFFMAN:
            if size is not None:
                return None
            size = _frame_size(payload)
            if size is None:
                return None
        elif marker == _DQT and not _tables_whole(payload):
            return None  # Pillow refuses the file, and libjpeg would
        elif marker == _APP1 and payload.startswith(_EXIF):
            if exif is not None:
                return None  # Pillow joins a second block to the first: not plain
            exif = payload[len(_EXIF) :]
        elif marker == _APP1 and payload.startswith(_XMP):
            # Pillow takes the orientation from XMP where Exif has none (not plain either).
            xmp_orientation = xmp_orientation or _XMP_ORIENTATION in payload
        elif marker == _APP2 and payload.startswith(_ICC):
            if size is not None:
                return None  # Pillow only reads a profile before the frame header
            icc_chunks.append(payload)
        elif marker == _APP2 and payload.startswith(_MPF):
            return None
    else:
        return None
    if size is None:
        return None
    orientation = _ABSENT if exif is None else _orientation(exif)
    if orientation is None or (orientation == _ABSENT and xmp_orientation):
        return None
    icc_profile = _icc_profile(icc_chunks) if icc_chunks else None
    if icc_chunks and icc_profile is None:
        return None
    width, height, components = size
    return JpegHeader(
        width, height, components, 1 if orientation == _ABSENT else orientation, icc_profile
    )


def _next_marker(stream: BinaryIO) -> int | None:
    """The next marker's code, past any fill bytes; None where a segment does not start."""
    if stream.read(1) != b"\xff":
        return None
    for _ in range(_MAX_FILL_BYTES + 1):
        byte = stream.read(1)
        if byte != b"\xff":
            return byte[0] if byte else None
    return None  # a file of nothing but fill: not a photo, and not to be read byte by byte


def _frame_size(payload: bytes) -> tuple[int, int, int] | None:
    """Width, height and components of a frame header that is 8-bit grey or colour."""
    if len(payload) < 6:
        return None
    precision, height, width, components = struct.unpack_from(">BHHB", payload)
    if precision != 8 or not width or not height or components not in (1, 3):
        return None  # 12-bit, a height given later (DNL), CMYK: Pillow's to judge
    if len(payload) < 6 + 3 * components:
        return None
    return width, height, components


def _tables_whole(payload: bytes) -> bool:
    """Whether a DQT segment holds whole quantisation tables (64 values of 8 or 16 bits each)."""
    at = 0
    while at < len(payload):
        at += 1 + 64 * (1 if payload[at] < 16 else 2)
    return at == len(payload)


def _orientation(tiff: bytes) -> int | None:
    """The orientation entry of an Exif block's first directory (_ABSENT without one); None
    where the block is malformed or the entry is anything but one plain SHORT."""
    order = tiff[:4]
    if order == b"II*\x00":
        endian = "<"
    elif order == b"MM\x00*":
        endian = ">"
    else:
        return None
    if len(tiff) < 8:
        return None
    (directory,) = struct.unpack_from(endian + "I", tiff, 4)
    if directory < 8 or directory + 2 > len(tiff):
        return None
    (count,) = struct.unpack_from(endian + "H", tiff, directory)
    if directory + 2 + 12 * count > len(tiff):
        return None
    found: int | None = None
    for index in range(count):
        entry = directory + 2 + 12 * index
        tag, kind, values, offset = struct.unpack_from(endian + "HHII", tiff, entry)
        # Pillow stops reading the directory at an entry whose data it cannot read (past the
        # block's end), losing the entries after it: such a block is not plain.
        size = values * _TIFF_UNIT_BYTES.get(kind, 0)
        if size > 4 and offset + size > len(tiff):
            return None
        if tag != _ORIENTATION_TAG:
            continue
        if found is not None or kind != _SHORT or values != 1:
            return None
        (found,) = struct.unpack_from(endian + "H", tiff, entry + 8)
    return _ABSENT if found is None else found


def _icc_profile(chunks: list[bytes]) -> bytes | None:
    """The profile from its APP2 pieces when they are numbered 1 to n, each saying n."""
    pieces = sorted(chunks)
    total = len(pieces)
    for number, piece in enumerate(pieces, start=1):
        if len(piece) < len(_ICC) + 2 or piece[12] != number or piece[13] != total:
            return None
    return b"".join(piece[len(_ICC) + 2 :] for piece in pieces)
