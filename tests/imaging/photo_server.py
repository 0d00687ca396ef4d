"""A real HTTP server on 127.0.0.1 for the remote-photo tests, with the misbehaviours of the web.

Routes serve a photo, redirects (good and hostile), a slow answer held until the test releases
it, 404 and 503, the wrong content type, oversize bodies with and without Content-Length,
a connection dropped half-way, and a decompression bomb.
"""

from __future__ import annotations

import contextlib
import io
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image

from tests.imaging.photo_files import quadrants


def jpeg_bytes(size: tuple[int, int] = (120, 80)) -> bytes:
    buffer = io.BytesIO()
    quadrants(size).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def bomb_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (8, 8)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = struct.pack(">II", 30000, 30000)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF)
    return bytes(data)


class PhotoServer:
    """State shared with the handler: hit counts, the release gate, and the photo bytes."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.release = threading.Event()
        self.photo = jpeg_bytes()
        self.fail_first: set[str] = {"/flaky.jpg"}
        self.port = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def _handler(state: PhotoServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def send_body(
            self, body: bytes, content_type: str = "image/jpeg", status: int = 200
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The client may have timed out and left, which is what some tests want.
            with contextlib.suppress(OSError):
                self.wfile.write(body)

        def redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            state.hits[path] += 1
            if path in ("/photo.jpg", "/фото.jpg".encode().decode("latin-1")):
                self.send_body(state.photo)
            elif path == "/octet.jpg":
                self.send_body(state.photo, "application/octet-stream")
            elif path == "/held.jpg":
                state.release.wait(30)
                self.send_body(state.photo)
            elif path == "/slow.jpg":
                time.sleep(3)
                self.send_body(state.photo)
            elif path == "/trickle.jpg":
                self.send_response(200)
                self.send_header("Content-Type", "image/jpeg")
                self.end_headers()
                try:
                    for _ in range(40):
                        self.wfile.write(b"\xff")
                        self.wfile.flush()
                        time.sleep(0.1)
                except OSError:
                    pass  # the client gave up, as it should
            elif path == "/missing.jpg":
                self.send_body(b"not here", "text/plain", 404)
            elif path == "/busy.jpg":
                self.send_body(b"busy", "text/plain", 503)
            elif path == "/page.jpg":
                self.send_body(b"<html><body>Sign in</body></html>", "text/html; charset=utf-8")
            elif path == "/huge.jpg":
                self.send_response(200)
                self.send_header("Content-Type", "image/jpeg")
                self.send_header("Content-Length", str(500 * 1024 * 1024))
                self.end_headers()
            elif path == "/endless.jpg":
                self.send_response(200)
                self.send_header("Content-Type", "image/jpeg")
                self.end_headers()
                try:
                    for _ in range(64):
                        self.wfile.write(state.photo[:2] + bytes(16 * 1024))
                except OSError:
                    pass
            elif path in ("/drop.jpg", "/flaky.jpg"):
                if path == "/drop.jpg" or path in state.fail_first:
                    state.fail_first.discard(path)
                    self.send_response(200)
                    self.send_header("Content-Type", "image/jpeg")
                    self.send_header("Content-Length", str(len(state.photo)))
                    self.end_headers()
                    self.wfile.write(state.photo[:200])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.send_body(state.photo)
            elif path == "/bomb.png":
                self.send_body(bomb_png(), "image/png")
            elif path == "/eps.jpg":
                self.send_body(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 1 1\n", "image/jpeg")
            elif path == "/redirect.jpg":
                self.redirect("/photo.jpg")
            elif path == "/redirect-ftp.jpg":
                self.redirect("ftp://127.0.0.1/photo.jpg")
            elif path == "/redirect-file.jpg":
                self.redirect("file:///etc/passwd")
            elif path == "/loop.jpg":
                self.redirect("/loop.jpg")
            else:
                self.send_body(b"?", "text/plain", 404)

    return Handler


@contextmanager
def running_photo_server() -> Iterator[PhotoServer]:
    """Serve on a free port of 127.0.0.1 for the duration of the block."""
    state = PhotoServer()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
