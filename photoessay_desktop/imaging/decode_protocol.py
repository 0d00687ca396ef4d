"""The byte protocol between the display process and its decode worker processes, both sides.

A request is a fixed header, a small JSON object (box, background, limits) and the path as raw
file-system bytes (any name the OS allows, not only UTF-8). A reply is a fixed header and either
raw BGRX pixels at display size plus an optional JPEG derivative, or a UTF-8 failure reason.
Plain framing only: it must not decode pixels or start processes.
"""

from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from photoessay_desktop.imaging.decode_limits import DecodeLimits

# Sent once by a worker whose imports succeeded, so "could not start" and "crashed on this file"
# are told apart.
HELLO = b"PEw1"
_REQUEST = struct.Struct("<4sIII")  # magic, request id, JSON length, path length
_REQUEST_MAGIC = b"PEq1"
_REPLY = struct.Struct("<4sIBIIQI")  # magic, id, status, width, height, pixel bytes, extra bytes
_REPLY_MAGIC = b"PEr1"
STATUS_OK = 0
STATUS_FAILED = 1
BYTES_PER_PIXEL = 4  # BGRX little-endian words: QImage.Format_RGB32 without a conversion
_MAX_JSON = 64 * 1024
_MAX_PATH = 64 * 1024
_MAX_EXTRA = 256 * 1024 * 1024


class ProtocolError(Exception):
    """The other side sent something that is not this protocol (or the stream ended early)."""


@dataclass(frozen=True, slots=True)
class DecodeRequest:
    """One photo to decode: where it is, the box to fit, and the rules to open it under."""

    request_id: int
    path: Path
    box: tuple[int, int] | None
    background: tuple[int, int, int]
    limits: DecodeLimits
    pillow_max_pixels: int | None  # the display process's Image.MAX_IMAGE_PIXELS, kept alike
    derivative: bool  # also send the fitted photo as a JPEG for the disk cache


@dataclass(frozen=True, slots=True)
class ReplyHeader:
    """What precedes a reply's payload: who it answers, success, and the sizes to read."""

    request_id: int
    status: int
    width: int
    height: int
    pixel_bytes: int
    extra_bytes: int


def encode_request(request: DecodeRequest) -> bytes:
    """The request as one write."""
    fields = {
        "box": list(request.box) if request.box is not None else None,
        "background": list(request.background),
        "max_pixels": request.limits.max_pixels,
        "formats": sorted(request.limits.formats),
        "pillow_max_pixels": request.pillow_max_pixels,
        "derivative": request.derivative,
    }
    body = json.dumps(fields).encode("ascii")
    path = os.fsencode(request.path)
    head = _REQUEST.pack(_REQUEST_MAGIC, request.request_id, len(body), len(path))
    return head + body + path


def read_request(stream: BinaryIO) -> DecodeRequest | None:
    """The next request, or None when the display process closed the pipe (time to exit)."""
    head = stream.read(_REQUEST.size)
    if not head:
        return None
    if len(head) != _REQUEST.size:
        raise ProtocolError("the request header was cut short")
    magic, request_id, body_length, path_length = _REQUEST.unpack(head)
    if magic != _REQUEST_MAGIC or body_length > _MAX_JSON or path_length > _MAX_PATH:
        raise ProtocolError("not a decode request")
    body = _read_exactly(stream, body_length)
    path = _read_exactly(stream, path_length)
    try:
        fields = json.loads(body)
        box = fields["box"]
        red, green, blue = (int(value) for value in fields["background"])
        pillow_max = fields["pillow_max_pixels"]
        return DecodeRequest(
            request_id=request_id,
            path=Path(os.fsdecode(path)),
            box=None if box is None else (int(box[0]), int(box[1])),
            background=(red, green, blue),
            limits=DecodeLimits(
                max_pixels=int(fields["max_pixels"]),
                formats=frozenset(str(name) for name in fields["formats"]),
            ),
            pillow_max_pixels=None if pillow_max is None else int(pillow_max),
            derivative=bool(fields["derivative"]),
        )
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise ProtocolError(f"a malformed decode request ({exc})") from None


def encode_reply_header(
    request_id: int, status: int, width: int, height: int, pixel_bytes: int, extra_bytes: int
) -> bytes:
    """The fixed header in front of a reply's pixels and extra bytes."""
    return _REPLY.pack(_REPLY_MAGIC, request_id, status, width, height, pixel_bytes, extra_bytes)


def decode_reply_header(head: bytes) -> ReplyHeader:
    """Parse a reply header; raises ProtocolError on anything inconsistent."""
    if len(head) != _REPLY.size:
        raise ProtocolError("the reply header was cut short")
    magic, request_id, status, width, height, pixel_bytes, extra_bytes = _REPLY.unpack(head)
    if magic != _REPLY_MAGIC or status not in (STATUS_OK, STATUS_FAILED):
        raise ProtocolError("not a decode reply")
    if extra_bytes > _MAX_EXTRA:
        raise ProtocolError("a decode reply with an implausible size")
    if status == STATUS_OK and pixel_bytes != width * height * BYTES_PER_PIXEL:
        raise ProtocolError("a decode reply whose pixel count does not match its size")
    if status == STATUS_FAILED and pixel_bytes:
        raise ProtocolError("a failed decode reply that carries pixels")
    return ReplyHeader(request_id, status, width, height, pixel_bytes, extra_bytes)


def reply_header_size() -> int:
    """How many bytes a reply header takes."""
    return _REPLY.size


def _read_exactly(stream: BinaryIO, count: int) -> bytes:
    data = stream.read(count) if count else b""
    if len(data) != count:
        raise ProtocolError("the stream ended inside a message")
    return data
