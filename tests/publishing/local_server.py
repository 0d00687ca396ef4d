"""A real HTTP server on 127.0.0.1 serving one folder, recording every path a browser asked for."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass
class ServedFolder:
    """The address of the folder and the request paths seen so far."""

    url: str
    requests: list[str] = field(default_factory=list)


class _Handler(SimpleHTTPRequestHandler):
    seen: list[str]

    def __init__(self, *args: Any, seen: list[str], **kwargs: Any) -> None:
        self.seen = seen
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        self.seen.append(self.path)
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        return None


@contextmanager
def serve_folder(folder: Path) -> Iterator[ServedFolder]:
    """Serve folder on a free port of 127.0.0.1 until the block ends."""
    seen: list[str] = []
    handler = functools.partial(_Handler, directory=str(folder), seen=seen)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ServedFolder(f"http://127.0.0.1:{server.server_address[1]}/", seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
