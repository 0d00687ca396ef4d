"""Real parts for slideshow tests: small JPEGs on disk, a screen list, a decoder and clocks.

The decoder is a real one (QImageReader at the requested size), answering on the next turn of the
event loop the way the thread-pool loader does, and it records what was asked of it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QImageReader

from photoessay_desktop.domain.essay import Essay, Presentation, Slide
from photoessay_desktop.qt_models.image_source import ImageSource
from photoessay_desktop.ui.slideshow.screen_choice import ScreenInfo
from photoessay_desktop.ui.slideshow.slideshow_session import SlideshowSession

COLOURS = ["#d02020", "#20a040", "#2040d0", "#e0c000", "#9020a0", "#20a0a0", "#ffffff", "#808080"]


def write_photo(path: Path, colour: str, size: QSize | None = None) -> Path:
    image = QImage(size or QSize(320, 200), QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "JPEG", 92)
    return path


def make_essay(
    folder: Path,
    count: int = 6,
    *,
    text_slide: int | None = 3,
    title: str = "Lakes of the north",
    auto: float | None = None,
    loop: bool = False,
    durations: dict[int, float] | None = None,
    missing: int | None = None,
) -> Essay:
    """`count` slides in distinct colours; slide `text_slide` (0-based) has no photo."""
    slides = []
    for index in range(count):
        image: str | None = str(
            write_photo(folder / f"p{index}.jpg", COLOURS[index % len(COLOURS)])
        )
        if index == text_slide:
            image = None
        if index == missing:
            image = str(folder / "gone.jpg")
        slides.append(
            Slide(
                id=f"s{index}",
                image=image,
                caption=f"Caption {index + 1}: fishermen at dawn",
                credit=f"Photographer {index + 1} / Agency",
                notes=f"Notes for slide {index + 1}",
                duration_seconds=(durations or {}).get(index),
            )
        )
    return Essay(
        title=title,
        standfirst="A year on the water" if title else "",
        slides=tuple(slides),
        presentation=Presentation(auto_advance_seconds=auto, loop=loop),
    )


class ReaderSource(QObject):
    """Decodes with QImageReader to fit the requested size; records requests and cancels."""

    image_ready = Signal(str, QImage)
    image_failed = Signal(str, str)
    photo_changed = Signal(str)  # ref

    def __init__(self, *, hold: bool = False) -> None:
        super().__init__()
        self.requests: list[tuple[str, QSize, int]] = []
        self.cancelled: list[str] = []
        self.hold = hold  # keep requests until release() (a slow disk or network)
        self._held: list[tuple[str, str, QSize]] = []

    def request(self, key: str, ref: str, size: QSize, *, priority: int = 0) -> None:
        self.requests.append((key, size, priority))
        if self.hold:
            self._held.append((key, ref, size))
        else:
            QTimer.singleShot(0, lambda: self._decode(key, ref, size))

    def cancel(self, key: str) -> None:
        self.cancelled.append(key)
        self._held = [h for h in self._held if h[0] != key]

    def release(self) -> None:
        held, self._held = self._held, []
        for key, ref, size in held:
            self._decode(key, ref, size)

    def _decode(self, key: str, ref: str, size: QSize) -> None:
        reader = QImageReader(ref)
        reader.setAutoTransform(True)
        stored = reader.size()
        if stored.isValid():
            reader.setScaledSize(stored.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            self.image_failed.emit(key, f"cannot read {Path(ref).name}: {reader.errorString()}")
        else:
            self.image_ready.emit(key, image)


class FakeScreens:
    """A screen list the test sets; the real one is Qt's."""

    def __init__(self, *names_and_sizes: tuple[str, int, int]) -> None:
        self.list: list[ScreenInfo] = []
        x = 0
        for name, width, height in names_and_sizes:
            self.list.append(ScreenInfo(name, QRect(x, 0, width, height)))
            x += width

    def screens(self) -> list[ScreenInfo]:
        return list(self.list)


class FakeClock:
    """Monotonic seconds the test moves by hand."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def wall_clock() -> datetime:
    return datetime(2026, 11, 24, 16, 45, 30)


def start_session(
    qtbot: object,
    essay: Essay,
    *,
    screens: FakeScreens | None = None,
    source: ImageSource | None = None,
    **options: object,
) -> SlideshowSession:
    """A running show on a 1280x720 screen, its windows registered with qtbot."""
    session = SlideshowSession(
        essay,
        source=source or ReaderSource(),
        screens=screens or FakeScreens(("Laptop", 1280, 720)),
        wall_clock=wall_clock,
        **options,  # type: ignore[arg-type]
    )
    qtbot.addWidget(session.audience)  # type: ignore[attr-defined]
    if session.presenter is not None:
        qtbot.addWidget(session.presenter)  # type: ignore[attr-defined]
    session.start()
    return session
