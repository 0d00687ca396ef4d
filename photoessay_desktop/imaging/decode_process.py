"""Pillow decodes in worker processes, so the display process's GIL is never held by Pillow work.

`DecodeProcessPool.decode()` is called from the display loader's pool threads: it hands the photo
to an idle worker (starting one when none is idle, never more than the cores), blocks that thread
(GIL released) until the pixels arrive, and reads them straight into the caller's buffer. A worker
that dies mid-request costs that photo a clear reason, and the next request gets a fresh worker.
No Qt here; it must never be called on the GUI thread.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import signal
import subprocess
import sys
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

import photoessay_desktop
from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.decode_protocol import (
    HELLO,
    STATUS_OK,
    DecodeRequest,
    ProtocolError,
    decode_reply_header,
    encode_request,
    reply_header_size,
)
from photoessay_desktop.imaging.errors import ImageDecodeError

_log = logging.getLogger(__name__)
_PIPE_BYTES = 1024 * 1024  # fewer, larger reads for a 8 MB frame (Linux; ignored elsewhere)
_F_SETPIPE_SZ = 1031
_QUIT_GRACE_S = 0.5  # an idle worker exits at once on end-of-input; a busy one is killed
# A decoder stuck in a hostile file is killed after this; a 200 MP TIFF on a busy laptop
# takes a few seconds, so it is far above any honest decode.
DEFAULT_DEADLINE_S = 120.0

# Given the pixel size, returns a writable buffer of exactly width * height * 4 bytes.
Allocate = Callable[[int, int], memoryview]


class DecoderUnavailableError(Exception):
    """No worker process can be started here; the caller decodes in its own process instead."""


@dataclass(frozen=True, slots=True)
class DecodedInWorker:
    """A finished decode: the pixel size (pixels are in the allocated buffer) and the derivative."""

    width: int
    height: int
    derivative: bytes  # the fitted photo as a JPEG for the disk cache; empty when not asked


def worker_command() -> list[str]:
    """How a worker is started: this interpreter, never the current folder on sys.path."""
    return [sys.executable, "-P", "-m", "photoessay_desktop.imaging.decode_worker"]


class DecodeProcess:
    """One worker process and its two pipes; used by one thread at a time."""

    def __init__(self, command: Sequence[str]) -> None:
        package_root = str(Path(photoessay_desktop.__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            part for part in (package_root, env.get("PYTHONPATH", "")) if part
        )
        try:
            self._process = subprocess.Popen(
                list(command),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                bufsize=0,
                env=env,
                # A separate session: a terminal's Ctrl+C or hang-up goes to the app, which ends us.
                start_new_session=os.name == "posix",
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as exc:
            raise DecoderUnavailableError(f"cannot start a decode worker ({exc})") from None
        assert self._process.stdin is not None and self._process.stdout is not None
        self._requests = self._process.stdin
        self._replies = self._process.stdout
        with contextlib.suppress(OSError, AttributeError, ImportError):
            import fcntl

            fcntl.fcntl(self._replies.fileno(), _F_SETPIPE_SZ, _PIPE_BYTES)
        self._greeted = False

    @property
    def pid(self) -> int:
        """The worker's process id."""
        return self._process.pid

    def decode(self, request: DecodeRequest, allocate: Allocate) -> DecodedInWorker:
        """Send `request`, wait for the answer; raises ImageDecodeError (also when the worker dies).

        Raises DecoderUnavailableError when the worker never got as far as greeting us.
        """
        if not self._greeted:
            hello = self._read(len(HELLO))
            if hello != HELLO:
                self.kill()
                raise DecoderUnavailableError(f"the decode worker did not start ({self._ended()})")
            self._greeted = True
        try:
            self._requests.write(encode_request(request))
            self._requests.flush()
            header = decode_reply_header(self._read(reply_header_size()))
        except (OSError, ProtocolError):
            raise self._died() from None
        if header.request_id != request.request_id:
            raise self._died()
        if header.status != STATUS_OK:
            reason = self._read(header.extra_bytes)
            if len(reason) != header.extra_bytes:
                raise self._died()
            raise ImageDecodeError(reason.decode("utf-8", "replace"))
        try:
            target = allocate(header.width, header.height)
        except BaseException:
            self.kill()  # the pixels are still in the pipe: this worker cannot be reused
            raise
        if len(target) != header.pixel_bytes or not self._read_into(target):
            raise self._died()
        derivative = self._read(header.extra_bytes)
        if len(derivative) != header.extra_bytes:
            raise self._died()
        return DecodedInWorker(header.width, header.height, derivative)

    def alive(self) -> bool:
        """False once the process has ended (killed, crashed or told to quit)."""
        return self._process.poll() is None

    def quit(self, timeout: float = _QUIT_GRACE_S) -> None:
        """Close its input (an idle worker exits at once), then kill it if it has not gone."""
        with contextlib.suppress(OSError):
            self._requests.close()
        try:
            self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
        with contextlib.suppress(OSError):
            self._replies.close()

    def kill(self) -> None:
        """End the worker now and reap it, so no zombie or orphan is left."""
        with contextlib.suppress(OSError):
            self._process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(5.0)

    def _died(self) -> ImageDecodeError:
        self.kill()
        return ImageDecodeError(
            f"the photo decoder stopped while reading this file ({self._ended()}); "
            "the file may be damaged or made to crash decoders"
        )

    def _ended(self) -> str:
        code = self._process.poll()
        if code is None:
            return "it stopped answering"
        if code < 0:
            with contextlib.suppress(ValueError):
                return f"killed by {signal.Signals(-code).name}"
        return f"exit code {code}"

    def _read(self, count: int) -> bytes:
        buffer = bytearray(count)
        return bytes(buffer) if self._read_into(memoryview(buffer)) else b""

    def _read_into(self, target: memoryview) -> bool:
        # Raw reads release the GIL while they wait; each returns at most a pipe's worth.
        view = target.cast("B")
        done = 0
        try:
            while done < len(view):
                got = os.readv(self._replies.fileno(), [view[done:]])
                if not got:
                    return False
                done += got
        except OSError:
            return False
        return True


class _Workers:
    """The pool's shared state, kept apart so the finalizer can close it without the pool."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.idle: list[DecodeProcess] = []
        self.busy: set[DecodeProcess] = set()
        self.closed = False

    def admit(self, worker: DecodeProcess) -> bool:
        """Count a newly started worker as busy; False when the pool closed meanwhile."""
        with self.lock:
            if self.closed:
                return False
            self.busy.add(worker)
            return True

    def close(self) -> None:
        with self.lock:
            self.closed = True
            idle, busy = self.idle, list(self.busy)
            self.idle = []
        for worker in busy:
            worker.kill()  # its thread sees the end of the pipe and reports at once
        for worker in idle:
            worker.quit()


class DecodeProcessPool:
    """Up to `max_processes` decode workers, started on first need and reused.

    Thread-safe. Each calling thread uses one worker at a time, so the display loader's pool of N
    threads never runs more than N workers; the cap keeps it within the cores either way.
    """

    def __init__(
        self,
        *,
        max_processes: int | None = None,
        command: Sequence[str] | None = None,
        deadline_s: float = DEFAULT_DEADLINE_S,
    ) -> None:
        self._max = max(1, max_processes or os.cpu_count() or 2)
        self._command = list(command) if command is not None else None
        self._deadline_s = deadline_s
        self._workers = _Workers()
        self._ids = itertools.count(1)
        self._unavailable = ""
        self._room = threading.Semaphore(self._max)
        # Loaders dropped without shutdown (tests, a closed show) still end their workers.
        self._finalizer = weakref.finalize(self, self._workers.close)

    @property
    def unavailable_reason(self) -> str:
        """Why workers cannot be started here ("" while they can)."""
        return self._unavailable

    def worker_pids(self) -> list[int]:
        """Process ids of the live workers (for tests and diagnostics)."""
        with self._workers.lock:
            workers = [*self._workers.idle, *self._workers.busy]
        return sorted(worker.pid for worker in workers)

    def busy_pids(self) -> list[int]:
        """Process ids of workers decoding right now (for tests and diagnostics)."""
        with self._workers.lock:
            return sorted(worker.pid for worker in self._workers.busy)

    def decode(
        self,
        path: Path,
        *,
        fit: tuple[int, int] | None,
        limits: DecodeLimits,
        background: tuple[int, int, int],
        allocate: Allocate,
        derivative: bool = False,
    ) -> DecodedInWorker:
        """Decode `path` in a worker into the buffer `allocate` returns.

        Raises ImageDecodeError with the reason to show, or DecoderUnavailableError when no worker
        can run here (the caller then decodes in its own process).
        """
        if self._unavailable:
            raise DecoderUnavailableError(self._unavailable)
        request = DecodeRequest(
            request_id=next(self._ids),
            path=path,
            box=fit,
            background=background,
            limits=limits,
            pillow_max_pixels=Image.MAX_IMAGE_PIXELS,
            derivative=derivative,
        )
        with self._room:
            try:
                worker = self._checkout()
            except DecoderUnavailableError as exc:
                self._unavailable = str(exc)
                raise
            watchdog = threading.Timer(self._deadline_s, worker.kill)
            watchdog.daemon = True
            watchdog.start()
            reusable = False
            try:
                result = worker.decode(request, allocate)
                reusable = True
                return result
            except ImageDecodeError:
                reusable = worker.alive()
                raise
            except DecoderUnavailableError as exc:
                self._unavailable = str(exc)
                _log.warning("decoding photos in the display process: %s", exc)
                raise
            finally:
                watchdog.cancel()
                self._checkin(worker, reusable=reusable and worker.alive())

    def close(self) -> None:
        """End every worker now (busy ones are killed); later decodes are refused."""
        self._finalizer()

    def _checkout(self) -> DecodeProcess:
        with self._workers.lock:
            if self._workers.closed:
                raise ImageDecodeError("the photo was not decoded: the app is closing")
            while self._workers.idle:
                worker = self._workers.idle.pop()
                if worker.alive():
                    self._workers.busy.add(worker)
                    return worker
                worker.kill()  # reap one that died while idle
        # Started outside the lock: a slow start must not hold up the other threads.
        worker = DecodeProcess(self._command or worker_command())
        if not self._workers.admit(worker):
            worker.quit(0)
            raise ImageDecodeError("the photo was not decoded: the app is closing")
        return worker

    def _checkin(self, worker: DecodeProcess, *, reusable: bool) -> None:
        with self._workers.lock:
            self._workers.busy.discard(worker)
            keep = reusable and not self._workers.closed
            if keep:
                self._workers.idle.append(worker)
        if not keep:
            worker.quit(0)
