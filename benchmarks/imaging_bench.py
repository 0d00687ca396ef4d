"""How fast PhotoEssay shows photos, against libjpeg-turbo's own decode measured in the same run.

One command: `python benchmarks/imaging_bench.py` (add `--quick` for a short smoke run). It makes
its own photo-like files (24 MP and 12 MP JPEG, a 6000x4000 PNG) in benchmarks/out, prints a
readable table, then one JSON object on the last line. Needs djpeg (Debian: libjpeg-turbo-progs).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_bytecode import compile_package  # noqa: E402
from imaging_bench_files import ensure_jpeg, ensure_png, linked_copies, tiny_jpeg  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QEventLoop, QSize, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QImage, QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from photoessay_desktop.app.interpreter_settings import favour_the_gui_thread  # noqa: E402
from photoessay_desktop.imaging.geometry import stored_fit  # noqa: E402
from photoessay_desktop.imaging.thumbnail_cache import ThumbnailCache  # noqa: E402
from photoessay_desktop.qt_models.image_display_decoder import (  # noqa: E402
    encode_jpeg,
    pil_to_qimage,
)
from photoessay_desktop.qt_models.image_loader import ImageLoader  # noqa: E402
from photoessay_desktop.qt_models.slide_list_model import THUMBNAIL_SIZE  # noqa: E402

SCREEN = QSize(1920, 1080)
THUMB = QSize(256, 256)
MB = 1024 * 1024


def gui_app() -> QApplication:
    """The QApplication, in a process set up as the app sets up its own (GIL hand-over)."""
    favour_the_gui_thread()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    return app


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def percentile_ms(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000, 2)


def wait_until(app: QApplication, done: Callable[[], bool], timeout: float = 120.0) -> None:
    """Run a real event loop until `done()`, as the app's exec() would.

    Not a processEvents() loop: PySide keeps the GIL while processEvents() waits, which starves
    the pool's threads and once doubled every figure measured here.
    """
    if done():
        return
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(1)
    poll.timeout.connect(lambda: loop.quit() if done() else None)
    poll.start()
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    loop.exec()
    poll.stop()
    if not done():
        raise TimeoutError("the loader did not finish in time")


def djpeg_floor(path: Path, runs: int) -> dict[str, float | str]:
    """libjpeg-turbo's DCT-scaled decode of `path` at the smallest scale not below the fit.

    The cost of starting djpeg (measured on a 16x16 file) is subtracted, which lowers the floor.
    """
    with Image.open(path) as image:
        size = image.size
    fit = stored_fit(size, 1, (SCREEN.width(), SCREEN.height()))
    eighths = next(
        m for m in range(1, 9) if size[0] * m / 8 >= fit[0] and size[1] * m / 8 >= fit[1]
    )
    scale = f"{eighths}/8"

    def run(target: Path) -> float:
        start = time.perf_counter()
        subprocess.run(["djpeg", "-scale", scale, "-outfile", os.devnull, str(target)], check=True)
        return time.perf_counter() - start

    raw = [run(path) for _ in range(runs)]
    spawn = [run(tiny_jpeg()) for _ in range(runs)]
    return {
        "scale": scale,
        "raw_ms": median_ms(raw),
        "process_start_ms": median_ms(spawn),
        "decode_ms": round(median_ms(raw) - median_ms(spawn), 2),
    }


def cold_display(app: QApplication, path: Path, runs: int) -> float:
    """Request to a paint-ready QPixmap through the app's loader, nothing cached (a new loader)."""
    samples = []
    got: list[QImage] = []
    for _ in range(runs):
        loader = ImageLoader(thread_count=os.cpu_count())
        got.clear()
        loader.image_ready.connect(lambda _key, image: got.append(image))
        start = time.perf_counter()
        loader.request("viewer", str(path), SCREEN)
        wait_until(app, lambda: bool(got))
        pixmap = QPixmap.fromImage(got[0])
        samples.append(time.perf_counter() - start)
        assert not pixmap.isNull()
        loader.shutdown()  # idle before it goes: see ImageLoader.shutdown
        loader.deleteLater()
    return median_ms(samples)


class BenchViewer(QWidget):
    """A minimal slide view: Right arrow requests the next photo, paints it centred."""

    def __init__(self, loader: ImageLoader, refs: list[str]) -> None:
        super().__init__()
        self.loader, self.refs, self.index = loader, refs, 0
        self.pixmap = QPixmap()
        self.painted_at = 0.0
        loader.image_ready.connect(self.show_image)

    def keyPressEvent(self, event: object) -> None:
        self.index = (self.index + 1) % len(self.refs)
        self.loader.request("viewer", self.refs[self.index], SCREEN)

    def show_image(self, _key: str, image: QImage) -> None:
        self.pixmap = QPixmap.fromImage(image)
        self.repaint()

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        if not self.pixmap.isNull():
            x = (self.width() - self.pixmap.width()) // 2
            y = (self.height() - self.pixmap.height()) // 2
            painter.drawPixmap(x, y, self.pixmap)
        painter.end()
        self.painted_at = time.perf_counter()


def slide_switch(app: QApplication, paths: list[Path], switches: int) -> dict[str, float]:
    """Key press to end of paint when the next slide was prefetched."""
    loader = ImageLoader(thread_count=os.cpu_count())
    refs = [str(path) for path in paths]
    viewer = BenchViewer(loader, refs)
    viewer.resize(SCREEN)
    viewer.show()
    QTest.qWaitForWindowExposed(viewer)
    samples = []
    for _ in range(switches):
        after = [refs[(viewer.index + 1) % len(refs)], refs[viewer.index - 1]]
        loader.prefetch(after, SCREEN)
        wait_until(app, lambda: loader.pending_count == 0)
        start = time.perf_counter()
        QTest.keyClick(viewer, Qt.Key.Key_Right)
        samples.append(viewer.painted_at - start)
    viewer.close()
    loader.shutdown()
    return {"p50_ms": percentile_ms(samples, 0.5), "p95_ms": percentile_ms(samples, 0.95)}


def gui_pauses(app: QApplication, refs: list[str], size: QSize) -> float:
    """The GUI thread's longest gap between 1 ms timer ticks while the pool decodes `refs`.

    With no refs it measures one idle second: the machine's own scheduling noise. Each run has a
    new loader, so the Pillow path includes starting its decode worker process.
    """
    loader = ImageLoader(thread_count=os.cpu_count())
    done: list[str] = []
    loader.image_ready.connect(lambda key, _image: done.append(key))
    loader.image_failed.connect(lambda key, _why: done.append(key))
    ticks = tick_while(
        app,
        lambda: [loader.request(f"k{index}", ref, size) for index, ref in enumerate(refs)],
        lambda: len(done) == len(refs),
        1.0 if not refs else 0.0,
    )
    loader.shutdown()
    return longest_gap_ms(ticks)


def busy_cores_pause(app: QApplication, seconds: float = 1.0) -> float:
    """The same gap while one CPU-bound process per core runs: the floor for "both cores busy".

    Decode workers are separate processes, so what they can still cost the GUI thread is the
    scheduler's share of the cores, which this measures without any of our code.
    """
    code = (
        f"import time\nend = time.perf_counter() + {seconds}\nwhile time.perf_counter() < end: pass"
    )
    burners: list[subprocess.Popen[bytes]] = []
    ticks = tick_while(
        app,
        lambda: burners.extend(
            subprocess.Popen([sys.executable, "-c", code]) for _ in range(os.cpu_count() or 2)
        ),
        lambda: bool(burners) and all(burner.poll() is not None for burner in burners),
        0.0,
    )
    return longest_gap_ms(ticks)


def tick_while(
    app: QApplication, start: Callable[[], object], done: Callable[[], bool], idle_s: float
) -> list[float]:
    """Times of 1 ms timer ticks from `start()` until `done()` (and at least `idle_s`)."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    start()
    idle_until = time.perf_counter() + idle_s
    wait_until(app, lambda: done() and time.perf_counter() >= idle_until)
    timer.stop()
    return ticks


def longest_gap_ms(ticks: list[float]) -> float:
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    return round(max(gaps) * 1000, 2) if gaps else 0.0


def pause_section(app: QApplication, links: list[Path], png: Path) -> dict[str, float]:
    """Every GUI-pause figure; the PNG alone isolates the worker path from the Qt-path JPEGs."""
    return {
        "idle": gui_pauses(app, [], SCREEN),
        "busy_cores_floor": busy_cores_pause(app),
        "jpeg_qt_path": gui_pauses(app, [str(p) for p in links[:8]], SCREEN),
        "png_pillow_path": gui_pauses(
            app, [str(png)] * 1 + [str(p) for p in links[8:10]], QSize(1919, 1079)
        ),
        "png_alone_pillow_path": gui_pauses(app, [str(png)], QSize(1918, 1078)),
    }


def draft_loop_rate(paths: list[Path]) -> float:
    """Thumbnails per second of a plain single-threaded Pillow draft-mode loop (the baseline)."""
    start = time.perf_counter()
    for path in paths:
        with Image.open(path) as image:
            fit = stored_fit(image.size, 1, (THUMB.width(), THUMB.height()))
            image.draft("RGB", fit)
            image.convert("RGB").resize(fit, Image.Resampling.LANCZOS, reducing_gap=3.0)
    return len(paths) / (time.perf_counter() - start)


def thumbnails(
    app: QApplication, cold_paths: list[Path], warm_paths: list[Path]
) -> dict[str, float]:
    """Cold thumbnails/s through the loader and disk cache, and a warm list of many slides.

    The warm list is timed at the size the slide list asks for (THUMBNAIL_SIZE: what "the list of
    1,000 slides fully shown" loads) and, for comparison with earlier runs, at 256 px.
    """
    cache_dir = Path(tempfile.mkdtemp(prefix="photoessay-bench-thumbs-"))
    try:
        cache = ThumbnailCache(cache_dir)
        baseline = draft_loop_rate(cold_paths[: max(10, len(cold_paths) // 5)])
        loader = ImageLoader(thread_count=os.cpu_count(), thumbnails=cache)
        ready: list[str] = []
        loader.image_ready.connect(lambda key, _image: ready.append(key))
        start = time.perf_counter()
        for index, path in enumerate(cold_paths):
            loader.request(f"row{index}", str(path), THUMB)
        wait_until(app, lambda: len(ready) == len(cold_paths))
        cold_rate = len(cold_paths) / (time.perf_counter() - start)
        loader.shutdown()
        results = {
            "draft_loop_per_s": round(baseline, 1),
            "cold_per_s": round(cold_rate, 1),
            "cold_ratio": round(cold_rate / baseline, 2),
            "warm_slides": len(warm_paths),
        }
        for label, size in (("warm_list", THUMBNAIL_SIZE), ("warm_256", THUMB)):
            prime_cache(cache, cold_paths[0], warm_paths, size)
            seconds, cpu = warm_list(app, cache, warm_paths, size)
            results[f"{label}_s"] = seconds
            results[f"{label}_cpu_s"] = cpu
        results["warm_list_size"] = f"{THUMBNAIL_SIZE.width()}x{THUMBNAIL_SIZE.height()}"
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    return results


def prime_cache(cache: ThumbnailCache, source: Path, paths: list[Path], size: QSize) -> None:
    """Store one real derivative of `source` at `size` under every path's own key."""
    box = (size.width(), size.height())
    key = cache.key_for(source, box, (0, 0, 0))
    assert key is not None
    stored = cache.lookup(key)
    if stored is None:
        with Image.open(source) as image:
            image.draft("RGB", box)
            picture = image.convert("RGB")
            picture.thumbnail(box, Image.Resampling.LANCZOS)
        stored = cache.store(key, encode_jpeg(pil_to_qimage(picture)))
    assert stored is not None
    data = stored.read_bytes()
    for path in paths:
        path_key = cache.key_for(path, box, (0, 0, 0))
        if path_key is not None and cache.lookup(path_key) is None:
            cache.store(path_key, data)


def warm_list(
    app: QApplication, cache: ThumbnailCache, paths: list[Path], size: QSize
) -> tuple[float, float]:
    """Seconds (wall, CPU of every thread) until every row's cached thumbnail is a pixmap."""
    warm = ImageLoader(thread_count=os.cpu_count(), thumbnails=cache)
    shown: list[QPixmap] = []
    warm.image_ready.connect(lambda _key, image: shown.append(QPixmap.fromImage(image)))
    start, cpu_start = time.perf_counter(), time.process_time()
    for index, path in enumerate(paths):
        warm.request(f"row{index}", str(path), size)
    wait_until(app, lambda: len(shown) == len(paths))
    seconds = time.perf_counter() - start
    # CPU seconds of every thread: the work itself, less swayed by other jobs than the wall.
    cpu = time.process_time() - cpu_start
    warm.shutdown()
    return round(seconds, 3), round(cpu, 3)


def memory_child(paths: list[Path], cache_bytes: int) -> None:
    """Step through every path like a user holding the arrow key; print peak RSS as JSON."""
    app = QApplication([])
    loader = ImageLoader(thread_count=os.cpu_count(), memory_cache_bytes=cache_bytes)
    shown: list[str] = []
    loader.image_ready.connect(lambda key, image: shown.append(key) or QPixmap.fromImage(image))
    before = peak_rss_mb()
    refs = [str(path) for path in paths]
    for index, ref in enumerate(refs):
        count = len(shown)
        loader.request("viewer", ref, SCREEN)
        loader.prefetch(refs[index + 1 : index + 3], SCREEN)
        wait_until(app, lambda count=count: len(shown) > count)  # type: ignore[misc]
    loader.wait_for_idle(60_000)
    peak = peak_rss_mb()
    print(
        json.dumps(
            {
                "rss_before_mb": round(before),
                "peak_rss_mb": round(peak),
                "cache_mb": round(loader.memory_cache.total_bytes / MB),
            }
        )
    )


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss would include the parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def direct_qt_read(path: Path, runs: int) -> float:
    """QImageReader's scaled read on this thread, no pool: the decode without the hand-offs."""
    from PySide6.QtGui import QImageReader

    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        with Image.open(path) as image:
            fit = stored_fit(image.size, 1, (SCREEN.width(), SCREEN.height()))
        reader.setScaledSize(QSize(*fit))
        QPixmap.fromImage(reader.read())
        samples.append(time.perf_counter() - start)
    return median_ms(samples)


def startup(essay: Path, runs: int) -> dict[str, float]:
    """Median ms from process start to the first finished paint, app vs empty window; for the
    app also until the built editor has painted the open essay ("ready")."""
    home = Path(tempfile.mkdtemp(prefix="photoessay-bench-home-"))
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    results: dict[str, list[float]] = {"empty": [], "app": [], "app_ready": []}
    compile_package()  # started as an installed app is
    for _ in range(runs):
        for which in ("empty", "app"):
            started = time.monotonic()
            out = (
                subprocess.run(
                    [
                        sys.executable,
                        str(Path(__file__).with_name("startup_probe.py")),
                        which,
                        str(essay),
                        repr(started),
                    ],
                    capture_output=True,
                    text=True,
                    env=env,
                    timeout=120,
                    check=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            times = json.loads(out)
            results[which].append(times["seconds"])
            if which == "app":
                results["app_ready"].append(times["ready_seconds"])
    shutil.rmtree(home, ignore_errors=True)
    empty, app = median_ms(results["empty"]), median_ms(results["app"])
    ready = median_ms(results["app_ready"])
    return {
        "empty_window_ms": empty,
        "app_ms": app,
        "ratio": round(app / empty, 2),
        "app_ready_ms": ready,
        "ready_ratio": round(ready / empty, 2),
    }


def memory(paths: list[Path], cache_bytes: int) -> dict[str, float]:
    out = (
        subprocess.run(
            [sys.executable, __file__, "--child", "memory", str(len(paths)), str(cache_bytes)],
            capture_output=True,
            text=True,
            timeout=1800,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    result: dict[str, float] = json.loads(out)
    result["cache_bound_mb"] = round(cache_bytes / MB)
    result["over_bound_mb"] = round(result["peak_rss_mb"] - cache_bytes / MB)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and slides (a smoke run)")
    parser.add_argument(
        "--only",
        choices=["thumbnails", "startup"],
        help="run one part: 'thumbnails' is the cold rate and the warm list of cached thumbnails, "
        "'startup' the editor's start-up beside an empty window",
    )
    parser.add_argument(
        "--pauses",
        type=int,
        metavar="ROUNDS",
        help="only the GUI-pause figures, ROUNDS times (re-runs on a noisy machine)",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    big = ensure_jpeg("camera-24mp.jpg", (6000, 4000), 1)
    twelve = ensure_jpeg("camera-12mp.jpg", (4000, 3000), 2)
    if args.child and args.child[0] == "memory":
        memory_child(linked_copies(big, int(args.child[1]), "links-24mp"), int(args.child[2]))
        return 0
    if args.only == "thumbnails":
        return only_thumbnails(twelve, args.quick)
    lakes = ROOT / "sample_essays" / "lakes" / "lakes.essay.json"
    if args.only == "startup":
        print(json.dumps(startup(lakes, 3 if args.quick else 9)))
        return 0
    if shutil.which("djpeg") is None:
        sys.exit("djpeg is missing: apt-get install libjpeg-turbo-progs")
    png = ensure_png("camera-6000x4000.png", (6000, 4000))
    if args.pauses:
        return pauses_only(png, linked_copies(big, 12, "links-24mp"), args.pauses)
    runs, thumbs, slides = (3, 40, 100) if args.quick else (9, 200, 1000)
    app = gui_app()
    results: dict[str, object] = {"machine": machine()}
    # Floor and app alternate, so both see the same share of a busy machine.
    floors, colds, directs = [], [], []
    for _ in range(runs):
        floors.append(djpeg_floor(big, 1))
        colds.append(cold_display(app, big, 1))
        directs.append(direct_qt_read(big, 1))
    floor_ms = statistics.median(float(f["decode_ms"]) for f in floors)
    cold = statistics.median(colds)
    results["floor_djpeg"] = {**floors[0], "decode_ms": round(floor_ms, 2)}
    results["cold_display_24mp"] = {
        "ms": round(cold, 2),
        "ratio_to_floor": round(cold / floor_ms, 2),
        "qt_scaled_read_same_thread_ms": round(statistics.median(directs), 2),
    }
    results["cold_display_png_6000x4000_ms"] = cold_display(app, png, max(3, runs // 3))
    links = linked_copies(big, 12, "links-24mp")
    results["slide_switch_prefetched"] = slide_switch(app, links, 20 if args.quick else 60)
    results["gui_longest_pause_ms"] = pause_section(app, links, png)
    thumb_links = linked_copies(twelve, slides, "links-12mp")
    results["thumbnails"] = thumbnails(app, thumb_links[:thumbs], thumb_links)
    results["startup_lakes"] = startup(lakes, 3 if args.quick else 7)
    results["memory_after_slides"] = {"slides": slides, **memory_paths(big, slides)}
    results["machine"]["load_average_end"] = os.getloadavg()[0]  # type: ignore[index]
    print_table(results)
    print(json.dumps(results))
    return 0


def only_thumbnails(twelve: Path, quick: bool) -> int:
    """The thumbnail part alone, for working on the list without the four-minute run."""
    thumbs, slides = (40, 100) if quick else (200, 1000)
    app = gui_app()
    results: dict[str, object] = {"machine": machine()}
    thumb_links = linked_copies(twelve, slides, "links-12mp")
    results["thumbnails"] = thumbnails(app, thumb_links[:thumbs], thumb_links)
    results["machine"]["load_average_end"] = os.getloadavg()[0]  # type: ignore[index]
    print_table(results)
    print(json.dumps(results))
    return 0


def pauses_only(png: Path, links: list[Path], rounds: int) -> int:
    """Print one JSON line of GUI-pause figures per round, each with the load average."""
    app = gui_app()
    for _ in range(rounds):
        figures = pause_section(app, links, png)
        print(json.dumps({**figures, "load_average": os.getloadavg()[0]}), flush=True)
    return 0


def memory_paths(big: Path, slides: int) -> dict[str, float]:
    return memory(linked_copies(big, slides, "links-24mp"), 256 * MB)


def machine() -> dict[str, object]:
    return {
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "platform": sys.platform,
        "qt": __import__("PySide6").__version__,
        "pillow": Image.__version__,
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", ""),
        "load_average_start": os.getloadavg()[0],
    }


def print_table(results: dict[str, object]) -> None:
    rows = []
    for section, value in results.items():
        if isinstance(value, dict):
            rows.extend((f"{section}.{key}", str(item)) for key, item in value.items())
        else:
            rows.append((section, str(value)))
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")


if __name__ == "__main__":
    sys.exit(main())
