"""`photoessay present`: options, messages for bad input, a real run, and the early decode."""

from __future__ import annotations

import argparse
import gc
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageOps, ImageStat
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from photoessay_desktop.app import early_decode
from photoessay_desktop.app.early_decode import EarlyDecode, start_early_decode
from photoessay_desktop.app.opening_frame import (
    early_image,
    fit_early_pixels,
    show_opening_frame,
)
from photoessay_desktop.app.present_launch import launch
from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.imaging.decode_limits import DEFAULT_MAX_PIXELS
from photoessay_desktop.settings.preferences import Preferences
from photoessay_desktop.settings.preferences_store import PreferencesStore
from photoessay_desktop.storage.essay_file import load_essay, save_essay
from photoessay_desktop.storage.essay_peek import peek_opening_frame
from photoessay_desktop.ui.slideshow.audience_window import AudienceWindow


def photoessay(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "photoessay_desktop", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


def test_present_is_a_command_with_help() -> None:
    done = photoessay("present", "--help")
    assert done.returncode == 0
    for option in ("--start", "--screen", "--auto", "--loop", "--presenter"):
        assert option in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "-1"], "slide numbers start at 1"),
        (["--start", "two"], "expected a slide number"),
        (["--auto", "0"], "expected seconds between 0 and 86400"),
        (["--auto", "nan"], "expected seconds between 0 and 86400"),
        (["--screen", "0"], "screens are numbered from 1"),
    ],
)
def test_bad_options_are_usage_errors(essay_file: Path, args: list[str], message: str) -> None:
    done = photoessay("present", str(essay_file), *args)
    assert done.returncode == 2
    assert message in done.stderr


def test_a_slide_that_is_not_there_is_named(essay_file: Path) -> None:
    done = photoessay("present", str(essay_file), "--start", "9")
    assert done.returncode == 2
    assert "there is no slide 9; this essay has slides 1 to 4" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_screen_that_is_not_there_lists_the_screens(essay_file: Path) -> None:
    done = photoessay("present", str(essay_file), "--screen", "7")
    assert done.returncode == 2
    assert "there is no screen 7; connected screens are 1:" in done.stderr


def test_the_show_keeps_pysides_compiled_code_for_the_next_start(
    essay_file: Path, tmp_path: Path
) -> None:
    # own_folders points the cache here; app/compile_cache.py says why the show keeps it.
    compiled = tmp_path / "cache" / "PhotoEssay" / "compiled"
    assert photoessay("present", str(essay_file), "--screen", "7").returncode == 2
    kept = {path: path.stat().st_mtime_ns for path in compiled.glob("*.code")}
    assert len(kept) > 5
    assert photoessay("present", str(essay_file), "--screen", "7").returncode == 2
    assert {path: path.stat().st_mtime_ns for path in compiled.glob("*.code")} == kept


@pytest.mark.parametrize("content", [b"", b"{not json", b"\xff\xd8\xff\xe0 a jpeg", b"[]"])
def test_a_bad_essay_file_gets_one_clear_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.essay.json"
    path.write_bytes(content)
    done = photoessay("present", str(path))
    assert done.returncode == 2
    assert done.stderr.startswith("photoessay: ")
    assert "Traceback" not in done.stderr
    assert photoessay("present", str(tmp_path / "missing.essay.json")).returncode == 2


def test_a_pipe_named_as_the_essay_gets_a_message_not_a_hang(tmp_path: Path) -> None:
    path = tmp_path / "Бахмут.essay.json"
    os.mkfifo(path)  # nobody writes to it: reading it would block for ever
    done = photoessay("present", str(path), "--start", "1")
    assert done.returncode == 2
    assert "is a pipe, socket or device, not an essay file" in done.stderr


def args(**values: object) -> argparse.Namespace:
    defaults: dict[str, object] = {
        "essay": "not-used.essay.json",
        "start": None,
        "screen": None,
        "auto": None,
        "loop": False,
        "presenter": False,
    }
    return argparse.Namespace(**{**defaults, **values})


def test_a_real_show_runs_until_escape_and_remembers_nothing_it_should_not(
    qtbot: QtBot, essay_file: Path, tmp_path: Path
) -> None:
    essay = load_essay(essay_file)
    seen: list[int] = []
    frozen: list[int] = []
    assert gc.get_freeze_count() == 0

    def drive() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, AudienceWindow)]
        window = next(w for w in windows if w.isVisible())
        seen.append(window.scene.position)
        # What start-up made is out of the collector's sight while the show runs, so that a full
        # collection (31 ms when it was not) cannot land on a key press or a fade.
        frozen.append(gc.get_freeze_count())
        from PySide6.QtCore import Qt

        qtbot.keyClick(window, Qt.Key.Key_Right)
        seen.append(window.scene.position)
        qtbot.keyClick(window, Qt.Key.Key_Escape)

    QTimer.singleShot(100, drive)
    code = launch(essay, args(start=2), None, config_folder=tmp_path / "config")
    assert code == 0
    assert seen == [2, 3]  # slide 2 is frame 2: the title card is frame 0
    assert frozen[0] > 10_000
    assert gc.get_freeze_count() == 0  # and back in sight once the show is over


def test_the_early_decode_is_upright_and_fitted(tmp_path: Path) -> None:
    photo = tmp_path / "turned.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, shown portrait
    Image.new("RGB", (4000, 3000), (200, 30, 30)).save(photo, exif=exif.tobytes())
    early = start_early_decode(str(photo), (1920, 1080))
    assert early is not None
    result = early.result()
    assert result is not None
    assert result.fitted == (810, 1080) and result.orientation == 6
    assert result.source == (4000, 3000)  # the photo's own size, as stored
    # Decoded at libjpeg's 3/8 (1500x1125, as stored): the parent scales and turns it.
    assert (result.width, result.height) == (1500, 1125)
    assert result.stride == result.width * 4 and len(result.pixels) == result.stride * result.height
    image = fit_early_pixels(result)
    assert image.size() == QSize(810, 1080)
    assert image.format() == QImage.Format.Format_RGB32  # the screen's own: no conversion to paint
    assert near(rgb(image, 400, 500), (200, 30, 30))


def rgb(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    colour = image.pixelColor(x, y)
    return colour.red(), colour.green(), colour.blue()


def near(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 8) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def photo_like(size: tuple[int, int]) -> Image.Image:
    """Smooth gradients with sharp edges and fine detail, as in a photo: scaling errors show."""
    base = Image.linear_gradient("L").resize(size)
    detail = Image.effect_noise(size, 40).filter(ImageFilter.GaussianBlur(1))
    return Image.merge("RGB", (base, detail, base.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))


@pytest.mark.parametrize(
    ("size", "box", "orientation"),
    [
        ((1200, 800), (400, 300), 1),  # scale 0.33: libjpeg's 3/8
        ((1200, 800), (400, 300), 8),  # the same, turned
        ((1200, 800), (300, 400), 6),
        ((1200, 800), (400, 300), 2),  # mirrored
        ((1200, 800), (400, 300), 3),
        ((1200, 800), (400, 300), 4),
        ((1200, 800), (300, 400), 5),
        ((1200, 800), (300, 400), 7),
        ((1200, 800), (400, 300), 0),  # not an orientation: as stored
        ((1000, 700), (450, 400), 1),  # scale 0.45: Pillow's draft at 1/2
        ((1600, 900), (300, 200), 1),  # scale 0.19: draft at 1/4
        ((301, 199), (400, 300), 1),  # smaller than the box: whole
    ],
)
def test_the_early_photo_matches_a_careful_decode(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int], box: tuple[int, int], orientation: int
) -> None:
    photo = tmp_path / "Фото.jpg"
    exif = Image.Exif()
    exif[0x0112] = orientation
    photo_like(size).save(photo, quality=95, exif=exif.tobytes())
    assert_early_photo_matches_a_careful_decode(photo, box)


def assert_early_photo_matches_a_careful_decode(photo: Path, box: tuple[int, int]) -> None:
    early = start_early_decode(str(photo), box)
    assert early is not None
    image = early_image(early, DEFAULT_MAX_PIXELS)
    assert not image.isNull()
    with Image.open(photo) as source:
        reference = ImageOps.exif_transpose(source).convert("RGB")
    reference.thumbnail(box, Image.Resampling.LANCZOS)
    assert (image.width(), image.height()) == reference.size
    rgbx = image.convertToFormat(QImage.Format.Format_RGBX8888)
    shown = Image.frombytes("RGBX", reference.size, rgbx.constBits().tobytes()).convert("RGB")
    difference = ImageChops.difference(shown, reference)
    mean = sum(ImageStat.Stat(difference).mean) / 3
    assert mean < 2.0, f"mean difference {mean:.2f}"


@pytest.mark.parametrize(
    "kind", ["grey", "progressive", "4:4:4", "restart markers", "empty profile"]
)
def test_every_plain_kind_of_jpeg_is_decoded_early_as_carefully(
    qtbot: QtBot, tmp_path: Path, kind: str
) -> None:
    photo = tmp_path / f"Фото {kind}.jpg"
    image = photo_like((1200, 800))
    if kind == "grey":  # black-and-white photo essays: libjpeg makes them RGB on the way
        image.convert("L").save(photo, quality=95)
    elif kind == "progressive":
        image.save(photo, quality=95, progressive=True)
    elif kind == "4:4:4":
        image.save(photo, quality=95, subsampling=0)
    elif kind == "restart markers":
        image.save(photo, quality=95, restart_marker_rows=1)
    else:  # a profile segment with nothing in it: no profile, to Pillow and the loader too
        image.save(photo, quality=95)
        data = photo.read_bytes()
        photo.write_bytes(data[:2] + b"\xff\xe2\x00\x10ICC_PROFILE\x00\x01\x01" + data[2:])
        with Image.open(photo) as opened:
            assert opened.info["icc_profile"] == b""
    assert_early_photo_matches_a_careful_decode(photo, (400, 300))


@pytest.mark.parametrize(
    ("size", "box", "decoded", "one_in"),
    [
        ((1200, 800), (400, 300), (450, 300), 3),  # libjpeg's 3/8, which draft() does not offer
        ((1000, 700), (450, 400), (500, 350), 2),  # 1/2
        ((1600, 900), (300, 200), (400, 225), 4),  # 1/4
        ((4000, 400), (300, 300), (500, 50), 8),  # 1/8: a panorama
        ((301, 199), (400, 300), (301, 199), 1),  # whole: smaller than the box
    ],
)
def test_the_early_decode_gives_libjpegs_own_pixels_at_the_scale_chosen(
    tmp_path: Path,
    size: tuple[int, int],
    box: tuple[int, int],
    decoded: tuple[int, int],
    one_in: int,
) -> None:
    photo = tmp_path / "Фото.jpg"
    photo_like(size).save(photo, quality=95)
    early = start_early_decode(str(photo), box)
    assert early is not None
    result = early.result()
    assert result is not None
    assert (result.width, result.height) == decoded
    with Image.open(photo) as image:  # Pillow's own decode at that scale, as draft() sets it up
        (tile,) = image.tile
        image.tile = [tile._replace(extents=(0, 0, *decoded))]
        image._size = decoded
        image.decoderconfig = (one_in, 0)
        image.load()
        assert bytes(result.pixels) == image.tobytes("raw", "RGBX")


def test_the_early_decode_opens_nothing_the_loader_would_refuse(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The ceiling is the loader's: the app's limit or Pillow's own refusal, the lower.
    assert min(DEFAULT_MAX_PIXELS, 2 * Image.MAX_IMAGE_PIXELS) == early_decode._MOST_PIXELS
    photo = tmp_path / "Фото.jpg"
    Image.new("RGB", (64, 48), (10, 20, 30)).save(photo)
    for ceiling, decoded in ((64 * 48 - 1, False), (64 * 48, True)):
        monkeypatch.setattr(
            early_decode, "_MOST_PIXELS", ceiling
        )  # the child is a fork: it sees this
        early = start_early_decode(str(photo), (1920, 1080))
        assert early is not None
        assert (early.result() is not None) == decoded


def test_a_first_photo_exactly_at_the_users_limit_is_shown(qtbot: QtBot, tmp_path: Path) -> None:
    # "Over the limit" as the loader means it: 1 MP is 1,000,000 pixels, and that many is allowed.
    photo = tmp_path / "Фото.jpg"
    Image.new("RGB", (1000, 1000), (200, 100, 0)).save(photo)
    for limit, shown in ((1_000_000, True), (999_999, False)):
        early = start_early_decode(str(photo), (400, 300))
        assert early is not None
        assert early_image(early, limit).isNull() is not shown


def test_a_plain_jpeg_is_decoded_early_without_pillows_image_module(tmp_path: Path) -> None:
    # The point of the child's own header reader: Pillow's Image module and its plug-ins took
    # 20-50 ms to import and open a file in the child, on the way to the first frame.
    photo = tmp_path / "Фото.jpg"
    photo_like((1200, 800)).save(photo, quality=95)
    probe = (
        "import mmap, sys\n"
        "from photoessay_desktop.app import early_decode\n"
        "done = early_decode._decode_into(sys.argv[1], (400, 300), mmap.mmap(-1, 16 << 20))\n"
        "print(done, 'PIL.Image' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, str(photo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert run.stdout.split() == ["True", "False"]


SAMPLE_PHOTOS = Path(__file__).resolve().parents[2] / "sample_essays" / "lakes" / "photos"


@pytest.mark.parametrize("source", ["Pillow's sRGB", "a camera's sRGB IEC61966-2.1"])
def test_a_photo_with_an_srgb_profile_is_decoded_early_too(
    qtbot: QtBot, tmp_path: Path, source: str
) -> None:
    # Most news photos carry an sRGB profile, which the loader shows as it is; so does this.
    if source == "Pillow's sRGB":
        from PIL import ImageCms

        profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
        photo = tmp_path / "Фото sRGB.jpg"
        photo_like((1200, 800)).save(photo, quality=95, icc_profile=profile)
    else:
        photo = SAMPLE_PHOTOS / "kite.jpg"  # 2560x1600, its profile as the camera wrote it
        with Image.open(photo) as image:
            assert b"sRGB IEC61966-2.1" in image.info["icc_profile"]
    assert_early_photo_matches_a_careful_decode(photo, (640, 400))


@pytest.mark.parametrize(
    "kind", ["png", "icc", "lab", "broken", "cut short", "cmyk", "mpo", "bomb", "empty"]
)
def test_the_early_decode_leaves_unusual_files_to_the_loader(tmp_path: Path, kind: str) -> None:
    photo = tmp_path / f"odd {kind}.jpg"
    if kind == "png":
        Image.new("RGB", (64, 48)).save(photo, "PNG")
    elif kind == "icc":
        Image.new("RGB", (64, 48)).save(photo, "JPEG", icc_profile=b"not really a profile")
    elif kind == "lab":  # a real profile, but not sRGB: the loader converts, so it decodes
        from PIL import ImageCms

        profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
        Image.new("RGB", (64, 48)).save(photo, "JPEG", icc_profile=profile)
    elif kind == "cut short":  # the header is whole, the scan is not: a download cut short
        photo_like((600, 400)).save(photo, quality=95)
        photo.write_bytes(photo.read_bytes()[:-5000])
    elif kind == "cmyk":
        Image.new("CMYK", (64, 48), (0, 90, 90, 0)).save(photo, "JPEG")
    elif kind == "mpo":  # a camera's multi-picture file: Pillow's MPO reader is the loader's
        frames = [Image.new("RGB", (64, 48), (200, 0, 0)), Image.new("RGB", (64, 48))]
        frames[0].save(photo, "MPO", save_all=True, append_images=frames[1:])
    elif kind == "bomb":  # a header claiming 4 gigapixels, over the app's 200 MP limit
        Image.new("RGB", (64, 48)).save(photo, "JPEG")
        data = bytearray(photo.read_bytes())
        frame = data.index(b"\xff\xc0")
        data[frame + 5 : frame + 9] = struct.pack(">HH", 65000, 65000)
        photo.write_bytes(bytes(data))
    elif kind == "empty":
        photo.write_bytes(b"")
    else:
        photo.write_bytes(b"\xff\xd8\xff\xe0 truncated")
    early = start_early_decode(str(photo), (1920, 1080))
    assert early is not None
    assert early.result() is None


def test_an_early_decode_that_cannot_fork_leaves_the_photo_to_the_loader(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    photo = tmp_path / "plain.jpg"
    Image.new("RGB", (64, 48)).save(photo)
    open_before = set(os.listdir("/proc/self/fd"))

    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")  # EAGAIN: too many

    monkeypatch.setattr(os, "fork", refuse)
    assert start_early_decode(str(photo), (1920, 1080)) is None  # no traceback, no child
    assert set(os.listdir("/proc/self/fd")) == open_before  # and its pipe is closed again


def test_closing_the_early_decode_again_leaves_other_files_alone(tmp_path: Path) -> None:
    # result() closes the pipe and the present command closes again when the show ends; the
    # second close once shut a test's subprocess pipe that had reused the number (CI, Errno 9).
    photo = tmp_path / "plain.jpg"
    Image.new("RGB", (64, 48), (10, 20, 30)).save(photo)
    early = start_early_decode(str(photo), (1920, 1080))
    assert early is not None
    freed = early.done_fd
    assert early.result() is not None
    read_end, write_end = os.pipe()  # the lowest free numbers: `freed` is one of them
    try:
        assert freed in (read_end, write_end)
        early.close()
        early.close()
        os.fstat(read_end)
        os.fstat(write_end)
        os.write(write_end, b"still open")
        assert os.read(read_end, 10) == b"still open"
    finally:
        os.close(read_end)
        os.close(write_end)


@pytest.mark.parametrize("start", ["loader only", "early decode", "opening frame"])
def test_the_show_keeps_to_the_pixel_limit_set_in_preferences(
    qtbot: QtBot, tmp_path: Path, start: str
) -> None:
    # However the first photo comes (the loader, the early decode the show takes, or the early
    # decode under the opening frame), the user's limit holds for it as for any other slide.
    folder = tmp_path / "Фото"
    folder.mkdir()
    photo = folder / "wide.jpg"
    Image.new("RGB", (1500, 1000), (20, 120, 200)).save(photo)  # 1.5 megapixels
    path = folder / "limit.essay.json"
    save_essay(Essay(title="Limit", slides=(Slide(id="s1", image=str(photo), credit="AFP"),)), path)
    config = tmp_path / "config"
    PreferencesStore(config).save(Preferences(photo_pixel_limit_mp=1))
    early = None if start == "loader only" else start_early_decode(str(photo))
    opening = None
    if early is not None and start == "opening frame":
        frame = peek_opening_frame(path, 1)
        assert frame is not None
        opening = show_opening_frame(
            frame, early, screen_number=None, presenter=False, config_folder=config
        )
        assert opening is not None and opening.early_consumed and opening.photo is None
    seen: list[tuple[str, bool]] = []

    def look() -> None:
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, AudienceWindow) and w.isVisible()
        )
        content = window.scene.content
        seen.append((content.status_text, content.pixmap is not None))
        if "megapixels" in content.status_text or len(seen) > 100:
            qtbot.keyClick(window, Qt.Key.Key_Escape)
        else:
            QTimer.singleShot(50, look)

    QTimer.singleShot(50, look)
    try:
        code = launch(
            load_essay(path),
            args(essay=str(path), start=1),
            early,
            config_folder=config,
            opening=opening,
        )
    finally:
        if early is not None:
            early.close()
    assert code == 0
    assert "over the limit of 1 megapixels set in Preferences" in seen[-1][0]
    assert not any(photo_shown for _status, photo_shown in seen)


def stuck_early_decode(folder: Path) -> EarlyDecode:
    """An early decode whose child never answers: a FIFO nobody writes to blocks its open() for
    ever, as a hung network share would."""
    stuck = folder / "Фото на сетевом диске.jpg"
    os.mkfifo(stuck)
    early = start_early_decode(str(stuck), (1920, 1080))
    assert early is not None
    return early


def assert_ended_and_reaped(pid: int) -> None:
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # no such child: ended and reaped, no zombie left behind


def test_a_stuck_early_decode_is_given_up_and_ended(tmp_path: Path) -> None:
    early = stuck_early_decode(tmp_path)
    pid = early.pid
    assert early.result(wait_s=0.3) is None  # returns (a hang would hit the test timeout)
    assert early.pid == 0 and early.done_fd == -1
    assert_ended_and_reaped(pid)


def test_asking_whether_an_early_decode_is_done_never_waits(tmp_path: Path) -> None:
    stuck = stuck_early_decode(tmp_path)
    # Asked again and again of a child that never answers: a call that waited at all (result()
    # waits seconds) would run into the suite's per-test timeout.
    assert not any(stuck.said_done() for _ in range(100))
    stuck.close()
    assert not stuck.said_done()  # closed: nothing to hear any more
    photo = tmp_path / "Фото.jpg"
    Image.new("RGB", (640, 480), (200, 30, 30)).save(photo)
    early = start_early_decode(str(photo), (1920, 1080))
    assert early is not None
    while not early.said_done():  # a child that never says so runs into the suite's timeout
        time.sleep(0.01)
    pixels = early.result()
    assert pixels is not None and (pixels.width, pixels.height) == (640, 480)
    early.close()


def test_closing_a_running_early_decode_ends_it_at_once(tmp_path: Path) -> None:
    early = stuck_early_decode(tmp_path)
    pid = early.pid
    early.close()  # kills rather than waits: a hang would hit the test timeout
    assert_ended_and_reaped(pid)
