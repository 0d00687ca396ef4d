"""Drives a real headless Chromium over the DevTools protocol with the standard library only.

A minimal WebSocket client (RFC 6455, text frames, client masking) is enough for the few commands
the web export tests and the screenshot script need: resize, navigate, evaluate, press a key and
take a screenshot. Nothing here reaches beyond 127.0.0.1.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
)
_TIMEOUT = 30.0


def find_chromium() -> str | None:
    """The Chromium binary to drive: $PHOTOESSAY_CHROMIUM, Debian's chromium, or None."""
    for candidate in (os.environ.get("PHOTOESSAY_CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


class _WebSocket:
    """Just enough WebSocket for DevTools: send text, receive whole text messages."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self._sock = socket.create_connection((parts.hostname, parts.port), timeout=_TIMEOUT)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self._sock.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self._sock.recv(1)
            if not chunk:
                raise ConnectionError("DevTools closed the connection during the handshake")
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError(f"DevTools refused the WebSocket: {head[:200]!r}")

    def send(self, text: str) -> None:
        payload = text.encode()
        header = bytearray([0x81])
        if len(payload) < 126:
            header.append(0x80 | len(payload))
        elif len(payload) < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack("!H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", len(payload))
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self._sock.sendall(bytes(header) + mask + masked)

    def _exact(self, size: int) -> bytes:
        data = bytearray()
        while len(data) < size:
            chunk = self._sock.recv(size - len(data))
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            data += chunk
        return bytes(data)

    def receive(self) -> str:
        message = bytearray()
        while True:
            first, second = self._exact(2)
            size = second & 0x7F
            if size == 126:
                size = struct.unpack("!H", self._exact(2))[0]
            elif size == 127:
                size = struct.unpack("!Q", self._exact(8))[0]
            payload = self._exact(size)
            opcode = first & 0x0F
            if opcode == 0x8:
                raise ConnectionError("DevTools closed the WebSocket")
            if opcode in (0x9, 0xA):
                continue  # ping/pong: DevTools does not expect answers from us
            message += payload
            if first & 0x80:
                return message.decode()

    def close(self) -> None:
        self._sock.close()


class ChromiumPage:
    """One page of a headless Chromium this object started; use as a context manager."""

    def __init__(self, binary: str) -> None:
        self._profile = Path(tempfile.mkdtemp(prefix="photoessay-chromium-"))
        # Its own process group, so close() stops Chromium's helper processes too.
        self._process = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self._socket = _WebSocket(self._page_socket_url())

    def _page_socket_url(self) -> str:
        port_file = self._profile / "DevToolsActivePort"
        deadline = time.monotonic() + _TIMEOUT
        while time.monotonic() < deadline:
            if port_file.exists() and port_file.read_text().strip():
                port = port_file.read_text().split()[0]
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/json/list", timeout=_TIMEOUT
                ) as answer:
                    pages = [t for t in json.load(answer) if t.get("type") == "page"]
                if pages:
                    return str(pages[0]["webSocketDebuggerUrl"])
            if self._process.poll() is not None:
                break
            time.sleep(0.05)
        self.close()
        raise RuntimeError("Chromium did not start its DevTools endpoint")

    def __enter__(self) -> ChromiumPage:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _signal_group(self, number: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._process.pid, number)

    def close(self) -> None:
        """Stop this Chromium and every helper it started, then delete its profile."""
        if hasattr(self, "_socket"):
            self._socket.close()
        self._signal_group(signal.SIGTERM)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._signal_group(signal.SIGKILL)
            self._process.wait()
        # Helpers may still be flushing into the profile for a moment after the browser exits.
        for _attempt in range(20):
            shutil.rmtree(self._profile, ignore_errors=True)
            if not self._profile.exists():
                break
            time.sleep(0.05)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one DevTools command and return its result (events meanwhile go to `events`)."""
        self._next_id += 1
        ident = self._next_id
        self._socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.receive())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method} failed: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            if "method" in message:
                self.events.append(message)

    def wait_for_event(self, method: str) -> dict[str, Any]:
        """Wait until an event arrives (or was already seen)."""
        for event in self.events:
            if event["method"] == method:
                return event
        while True:
            message = json.loads(self._socket.receive())
            if "method" in message:
                self.events.append(message)
                if message["method"] == method:
                    return message

    def evaluate(self, expression: str) -> Any:
        """Run JavaScript in the page (promises awaited) and return its JSON value."""
        answer = self.call(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in answer:
            raise RuntimeError(f"page script failed: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def open(self, url: str, width: int, height: int) -> None:
        """Show url in a window of this size and wait until every image has loaded."""
        self.call("Page.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for_event("Page.loadEventFired")

    def load_all_images(self) -> None:
        """Make every lazy image load and decode (for a full-page picture)."""
        self.evaluate(
            "Promise.all([...document.images].map(i => { i.loading = 'eager';"
            " return i.decode().catch(() => null); }))"
        )

    def press(self, key: str) -> None:
        """Press and release one printable key, as a person would."""
        code = f"Key{key.upper()}"
        vk = ord(key.upper())
        for kind in ("keyDown", "keyUp"):
            self.call(
                "Input.dispatchKeyEvent",
                type=kind,
                key=key,
                code=code,
                text=key if kind == "keyDown" else "",
                windowsVirtualKeyCode=vk,
            )

    def screenshot(self, path: Path, width: int, max_height: int | None = None) -> None:
        """Save the page (all of it, or its top max_height pixels) as a PNG `width` pixels wide."""
        self.load_all_images()
        height = int(self.evaluate("document.documentElement.scrollHeight"))
        height = min(height, max_height or height)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.load_all_images()
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
        shot = self.call(
            "Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip
        )
        path.write_bytes(base64.b64decode(shot["data"]))


@contextmanager
def chromium_page(binary: str) -> Iterator[ChromiumPage]:
    """A fresh headless Chromium with a throw-away profile, closed afterwards."""
    page = ChromiumPage(binary)
    try:
        yield page
    finally:
        page.close()
