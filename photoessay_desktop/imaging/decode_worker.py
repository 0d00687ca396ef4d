"""The decode worker process: reads requests on stdin, decodes with Pillow, writes pixels to stdout.

Runs as `python -m photoessay_desktop.imaging.decode_worker` so Pillow's GIL-holding work (chunk
feeding, colour conversion, resizing) happens outside the display process. It imports no Qt, keeps
no state between requests, and exits when its stdin closes (the display process quit or died).
"""

from __future__ import annotations

import io
import os
import signal
import sys
from typing import BinaryIO

from PIL import Image

from photoessay_desktop.imaging.background_priority import lower_this_process
from photoessay_desktop.imaging.decode import decode_image
from photoessay_desktop.imaging.decode_protocol import (
    BYTES_PER_PIXEL,
    HELLO,
    STATUS_FAILED,
    STATUS_OK,
    DecodeRequest,
    ProtocolError,
    encode_reply_header,
    read_request,
)
from photoessay_desktop.imaging.errors import ImageDecodeError

_DERIVATIVE_QUALITY = 90  # as the display process's own encoder for the disk cache


def serve(requests: BinaryIO, replies: BinaryIO) -> None:
    """Answer requests until `requests` reaches its end."""
    replies.write(HELLO)
    replies.flush()
    while True:
        request = read_request(requests)
        if request is None:
            return
        _answer(request, replies)


def _answer(request: DecodeRequest, replies: BinaryIO) -> None:
    if request.pillow_max_pixels != Image.MAX_IMAGE_PIXELS:
        Image.MAX_IMAGE_PIXELS = request.pillow_max_pixels  # the display process's own value
    try:
        rgb = decode_image(
            request.path, fit=request.box, limits=request.limits, background=request.background
        )
        pixels = rgb.tobytes("raw", "BGRX")
        derivative = _jpeg(rgb) if request.derivative else b""
    except ImageDecodeError as exc:
        _fail(replies, request.request_id, str(exc))
        return
    except MemoryError:
        _fail(replies, request.request_id, "there is not enough memory to show this photo")
        return
    width, height = rgb.size
    if len(pixels) != width * height * BYTES_PER_PIXEL:
        _fail(replies, request.request_id, "internal: the decoder produced a wrong pixel count")
        return
    replies.write(
        encode_reply_header(
            request.request_id, STATUS_OK, width, height, len(pixels), len(derivative)
        )
    )
    replies.write(pixels)
    replies.write(derivative)
    replies.flush()


def _jpeg(rgb: Image.Image) -> bytes:
    buffer = io.BytesIO()
    rgb.save(buffer, "JPEG", quality=_DERIVATIVE_QUALITY)
    return buffer.getvalue()


def _fail(replies: BinaryIO, request_id: int, reason: str) -> None:
    text = reason.encode("utf-8", "replace")
    replies.write(encode_reply_header(request_id, STATUS_FAILED, 0, 0, 0, len(text)))
    replies.write(text)
    replies.flush()


def main() -> int:
    """Entry point of the worker process (HEIF opens as in the app: open_photo registers it)."""
    # Ctrl+C in a terminal reaches the whole process group; the display process decides when we go.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    lower_this_process()  # below the display process's GUI thread: key presses come first
    # Replies own fd 1; anything a library prints goes to stderr instead of into the pixel stream.
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    try:
        serve(sys.stdin.buffer, replies)
    except (BrokenPipeError, ProtocolError):
        return 1  # the display process went away or is not speaking to us: nothing to answer
    return 0


if __name__ == "__main__":
    sys.exit(main())
