"""Decode worker processes: pixels and reasons as in-process, crashes, deadlines, no orphans.

Real worker processes on real files in a temporary folder; every image is a few kilobytes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from photoessay_desktop.imaging.background_priority import BACKGROUND_NICE
from photoessay_desktop.imaging.decode import decode_image
from photoessay_desktop.imaging.decode_limits import DecodeLimits
from photoessay_desktop.imaging.decode_process import (
    DecodedInWorker,
    DecodeProcessPool,
    DecoderUnavailableError,
)
from photoessay_desktop.imaging.errors import ImageDecodeError
from tests.imaging.photo_files import adobe_rgb_profile, quadrants, save_jpeg

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture
def pool() -> Iterator[DecodeProcessPool]:
    made = DecodeProcessPool(max_processes=2)
    yield made
    made.close()


def in_worker(
    pool: DecodeProcessPool,
    path: Path,
    fit: tuple[int, int] | None = (64, 64),
    *,
    limits: DecodeLimits | None = None,
    background: tuple[int, int, int] = (0, 0, 0),
    derivative: bool = False,
) -> tuple[bytes, DecodedInWorker]:
    """Decode in a worker into a bytearray, as the display decoder does into a QImage."""
    buffers: list[bytearray] = []

    def allocate(width: int, height: int) -> memoryview:
        buffers.append(bytearray(width * height * 4))
        return memoryview(buffers[-1])

    done = pool.decode(
        path,
        fit=fit,
        limits=limits or DecodeLimits(),
        background=background,
        allocate=allocate,
        derivative=derivative,
    )
    return bytes(buffers[0]), done


def in_process(
    path: Path,
    fit: tuple[int, int] | None = (64, 64),
    *,
    limits: DecodeLimits | None = None,
    background: tuple[int, int, int] = (0, 0, 0),
) -> bytes:
    return decode_image(path, fit=fit, limits=limits, background=background).tobytes("raw", "BGRX")


def photo_files(folder: Path) -> dict[str, Path]:
    """One small file of each kind that takes the Pillow path in the app."""
    files: dict[str, Path] = {}
    files["rotated icc jpeg"] = save_jpeg(
        folder / "adobe.jpg", quadrants((80, 40)), orientation=6, icc_profile=adobe_rgb_profile()
    )
    files["cmyk jpeg"] = folder / "cmyk.jpg"
    Image.new("CMYK", (50, 30), (0, 200, 200, 0)).save(files["cmyk jpeg"], "JPEG")
    files["rgba png"] = folder / "half.png"
    Image.new("RGBA", (90, 70), (255, 0, 0, 128)).save(files["rgba png"])
    files["16-bit grey png"] = folder / "grey16.png"
    Image.linear_gradient("L").resize((40, 40)).convert("I;16").save(files["16-bit grey png"])
    files["palette gif"] = folder / "pal.gif"
    Image.new("P", (30, 30), 3).save(files["palette gif"], transparency=3)
    files["webp"] = folder / "a.webp"
    quadrants((70, 50)).save(files["webp"], "WEBP", lossless=True)
    files["tiff"] = folder / "a.tiff"
    quadrants((70, 50)).save(files["tiff"], "TIFF")
    return files


def test_every_pillow_path_format_gives_the_same_pixels_as_in_process(
    pool: DecodeProcessPool, photo_dir: Path
) -> None:
    for name, path in photo_files(photo_dir).items():
        for background in ((0, 0, 0), (255, 255, 255)):
            pixels, done = in_worker(pool, path, (48, 48), background=background)
            assert pixels == in_process(path, (48, 48), background=background), name
            assert done.width * done.height * 4 == len(pixels)
    assert len(pool.worker_pids()) == 1  # one worker served every request in turn


def test_full_size_and_a_box_larger_than_the_photo(
    pool: DecodeProcessPool, photo_dir: Path
) -> None:
    path = photo_dir / "small.png"
    quadrants((33, 21)).save(path)
    for fit in (None, (4000, 4000)):
        pixels, done = in_worker(pool, path, fit)
        assert (done.width, done.height) == (33, 21)  # never upscaled
        assert pixels == in_process(path, fit)


def test_reasons_are_the_same_as_in_process(pool: DecodeProcessPool, photo_dir: Path) -> None:
    empty = photo_dir / "empty.png"
    empty.write_bytes(b"")
    eps = photo_dir / "chart.png"
    eps.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n")
    cut = photo_dir / "cut.png"
    quadrants((200, 200)).save(cut)
    cut.write_bytes(cut.read_bytes()[:300])
    big = photo_dir / "big.png"
    Image.new("L", (400, 300)).save(big)
    small_limit = DecodeLimits(max_pixels=10_000)
    for path, limits in [
        (photo_dir / "missing.png", None),
        (photo_dir, None),
        (empty, None),
        (eps, None),
        (cut, None),
        (big, small_limit),
    ]:
        with pytest.raises(ImageDecodeError) as in_proc:
            decode_image(path, fit=(64, 64), limits=limits)
        with pytest.raises(ImageDecodeError) as worker:
            in_worker(pool, path, limits=limits)
        assert str(worker.value) == str(in_proc.value), path.name
    assert "megapixels" in str(worker.value)
    assert len(pool.worker_pids()) == 1  # refusals do not cost the worker


@linux_only
def test_a_name_that_is_not_utf8_reaches_the_worker(
    pool: DecodeProcessPool, photo_dir: Path
) -> None:
    raw = os.fsencode(photo_dir) + b"/caf\xe9 \xff.png"  # Latin-1 bytes from an old share
    path = Path(os.fsdecode(raw))
    quadrants((20, 20)).save(path, "PNG")
    pixels, _ = in_worker(pool, path)
    assert pixels == in_process(path)


def test_derivative_is_a_jpeg_of_the_fitted_photo(pool: DecodeProcessPool, photo_dir: Path) -> None:
    path = photo_dir / "a.png"
    quadrants((300, 200)).save(path)
    _, done = in_worker(pool, path, (90, 90), derivative=True)
    derivative = photo_dir / "d.jpg"
    derivative.write_bytes(done.derivative)
    with Image.open(derivative) as image:
        assert (image.format, image.size) == ("JPEG", (90, 60))
    _, plain = in_worker(pool, path, (90, 90))
    assert plain.derivative == b""


def decode_in_thread(pool: DecodeProcessPool, path: Path) -> tuple[threading.Thread, list[object]]:
    """Start decoding `path` in a thread; the list gets its outcome (pixels or the error)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(in_worker(pool, path))
        except ImageDecodeError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def stop_worker_and_decode(
    pool: DecodeProcessPool, path: Path
) -> tuple[int, threading.Thread, list[object]]:
    """Freeze the warm worker, then start a decode in a thread; returns when it is in flight."""
    (pid,) = pool.worker_pids()
    os.kill(pid, signal.SIGSTOP)
    thread, outcome = decode_in_thread(pool, path)
    wait_for(lambda: pool.busy_pids() == [pid])
    return pid, thread, outcome


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


def is_gone(pid: int) -> bool:
    """True when `pid` is no longer a process of ours (reaped, or never a child of this test)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    fields = stat.rsplit(")", 1)[1].split()
    return fields[0] == "Z" or int(fields[1]) != os.getpid()


@linux_only
def test_a_worker_killed_mid_request_fails_that_photo_and_the_next_gets_a_new_worker(
    pool: DecodeProcessPool, photo_dir: Path
) -> None:
    first = photo_dir / "first.png"
    quadrants((40, 40)).save(first)
    in_worker(pool, first)  # the worker is up and idle
    pid, thread, outcome = stop_worker_and_decode(pool, first)
    os.kill(pid, signal.SIGKILL)  # as a decoder segfault on a hostile file would end it
    thread.join(20)
    (error,) = outcome
    assert isinstance(error, ImageDecodeError)
    assert "decoder stopped" in str(error) and "SIGKILL" in str(error)
    assert is_gone(pid)
    pixels, _ = in_worker(pool, first)
    assert pixels == in_process(first)
    assert pool.worker_pids() != [pid]


@linux_only
def test_a_hung_worker_is_killed_at_the_deadline(photo_dir: Path) -> None:
    pool = DecodeProcessPool(max_processes=1, deadline_s=1.0)
    try:
        path = photo_dir / "p.png"
        quadrants((40, 40)).save(path)
        in_worker(pool, path)
        pid, thread, outcome = stop_worker_and_decode(pool, path)
        thread.join(30)
        (error,) = outcome
        assert isinstance(error, ImageDecodeError) and "decoder stopped" in str(error)
        assert is_gone(pid)
        assert in_worker(pool, path)[0] == in_process(path)
    finally:
        pool.close()


@linux_only
def test_close_leaves_no_worker_and_refuses_later_decodes(photo_dir: Path) -> None:
    pool = DecodeProcessPool(max_processes=2)
    path = photo_dir / "p.png"
    quadrants((40, 40)).save(path)
    barrier = threading.Barrier(2, timeout=30)  # a stuck partner fails the test, not the run

    def decode_after_barrier() -> None:
        barrier.wait()
        in_worker(pool, path)

    threads = [threading.Thread(target=decode_after_barrier) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    pids = pool.worker_pids()
    assert 1 <= len(pids) <= 2
    # One worker is busy (frozen mid-request) when the app quits: it must go too.
    busy_pid, thread, outcome = stop_worker_and_decode_any(pool, path)
    pool.close()
    thread.join(20)
    assert isinstance(outcome[0], ImageDecodeError)
    assert all(is_gone(pid) for pid in [*pids, busy_pid])
    with pytest.raises(ImageDecodeError, match="closing"):
        in_worker(pool, path)


def stop_worker_and_decode_any(
    pool: DecodeProcessPool, path: Path
) -> tuple[int, threading.Thread, list[object]]:
    for pid in pool.worker_pids():
        os.kill(pid, signal.SIGSTOP)
    thread, outcome = decode_in_thread(pool, path)
    wait_for(lambda: len(pool.busy_pids()) == 1)
    return pool.busy_pids()[0], thread, outcome


def test_never_more_workers_than_allowed(photo_dir: Path) -> None:
    pool = DecodeProcessPool(max_processes=1)
    try:
        paths = []
        for n in range(4):
            paths.append(photo_dir / f"{n}.png")
            Image.new("RGB", (30, 30), (n * 60, 0, 0)).save(paths[-1])
        results: dict[int, bytes] = {}
        threads = [
            threading.Thread(target=lambda n=n: results.update({n: in_worker(pool, paths[n])[0]}))
            for n in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert all(results[n] == in_process(paths[n]) for n in range(4))
        assert len(pool.worker_pids()) == 1
    finally:
        pool.close()


def test_a_worker_that_cannot_start_says_so(photo_dir: Path) -> None:
    pool = DecodeProcessPool(command=[sys.executable, "-c", "raise SystemExit(3)"])
    path = photo_dir / "p.png"
    quadrants((20, 20)).save(path)
    with pytest.raises(DecoderUnavailableError, match="did not start"):
        in_worker(pool, path)
    with pytest.raises(DecoderUnavailableError):  # remembered: no new process per photo
        in_worker(pool, path)
    assert "did not start" in pool.unavailable_reason
    pool.close()


@linux_only
def test_workers_end_when_the_app_is_killed(photo_dir: Path) -> None:
    path = photo_dir / "p.png"
    quadrants((20, 20)).save(path)
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from photoessay_desktop.imaging.decode_limits import DecodeLimits\n"
        "from photoessay_desktop.imaging.decode_process import DecodeProcessPool\n"
        "pool = DecodeProcessPool()\n"
        "pool.decode(Path(sys.argv[1]), fit=(8, 8), limits=DecodeLimits(), background=(0, 0, 0),"
        " allocate=lambda w, h: memoryview(bytearray(w * h * 4)))\n"
        "print(*pool.worker_pids(), flush=True)\n"
        "sys.stdin.read()\n"  # wait here until the test kills us
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    app = subprocess.Popen(
        [sys.executable, "-c", script, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert app.stdout is not None
    (worker_pid,) = (int(word) for word in app.stdout.readline().split())
    app.kill()  # no clean-up code runs in the app
    app.wait(20)
    # The worker sees its input close and exits; as an orphan it is reaped by init.
    wait_for(lambda: not Path(f"/proc/{worker_pid}").exists() or zombie(worker_pid))


def zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@linux_only
def test_workers_run_below_the_display_process(pool: DecodeProcessPool, photo_dir: Path) -> None:
    # The GUI thread must win a contended core at once (imaging benchmark: GUI pauses).
    path = photo_dir / "plain.jpg"
    save_jpeg(path, quadrants((40, 30)))
    in_worker(pool, path)
    (pid,) = pool.worker_pids()
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    assert os.getpriority(os.PRIO_PROCESS, pid) == min(19, ours + BACKGROUND_NICE)
