"""ImageLoader with remote photos: nothing fetched until allowed, off the GUI thread, retried."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from photoessay_desktop.imaging.remote_fetch import FetchLimits, RemoteFetcher
from photoessay_desktop.qt_models.image_loader import ImageLoader
from tests.imaging.photo_server import PhotoServer, running_photo_server
from tests.qt_models.test_image_loader import Recorder

QUICK = FetchLimits(connect_timeout=2.0, read_timeout=2.0, total_timeout=5.0, retry_delay=0.05)


@pytest.fixture
def photo_server() -> Iterator[PhotoServer]:
    with running_photo_server() as server:
        yield server


def remote_loader(tmp_path: Path) -> ImageLoader:
    return ImageLoader(
        thread_count=2, remote=RemoteFetcher(tmp_path / "remote", fetch_limits=QUICK)
    )


def test_nothing_is_fetched_until_the_host_is_allowed(
    qtbot: QtBot, tmp_path: Path, photo_server: PhotoServer
) -> None:
    loader = remote_loader(tmp_path)
    record = Recorder(loader)
    url = photo_server.url("/photo.jpg")
    loader.request("slide", url, QSize(60, 60))
    loader.prefetch([url], QSize(60, 60))
    assert "127.0.0.1" in record.failed[0][1] and "allow" in record.failed[0][1]
    loader.wait_for_idle(5000)
    assert photo_server.hits["/photo.jpg"] == 0  # no tracking pixel was loaded
    loader.set_allowed_hosts(["127.0.0.1"])
    with qtbot.waitSignal(loader.image_ready, timeout=10_000):
        loader.request("slide", url, QSize(60, 60))
    assert (record.ready[0][1].width(), record.ready[0][1].height()) == (60, 40)
    assert photo_server.hits["/photo.jpg"] == 1


def test_the_window_keeps_working_while_a_photo_host_is_slow(
    qtbot: QtBot, tmp_path: Path, photo_server: PhotoServer
) -> None:
    loader = remote_loader(tmp_path)
    loader.set_allowed_hosts(["127.0.0.1"])
    record = Recorder(loader)
    loader.request("slide", photo_server.url("/held.jpg"), QSize(60, 60))
    qtbot.waitUntil(lambda: photo_server.hits["/held.jpg"] == 1, timeout=5000)
    # The server holds the answer; meanwhile the user types into a field in the same window.
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    qtbot.keyClicks(field, "Caption: Bakhmut")  # QTest types ASCII only
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == "Caption: Bakhmu"
    assert record.ready == [] and record.failed == []  # the photo is still on its way
    photo_server.release.set()
    qtbot.waitUntil(lambda: len(record.ready) == 1, timeout=10_000)


def test_failures_name_the_host_and_can_be_retried(
    qtbot: QtBot, tmp_path: Path, photo_server: PhotoServer
) -> None:
    loader = remote_loader(tmp_path)
    loader.set_allowed_hosts(["127.0.0.1"])
    record = Recorder(loader)
    for route in ("/missing.jpg", "/page.jpg", "/drop.jpg"):
        with qtbot.waitSignal(loader.image_failed, timeout=10_000):
            loader.request(route, photo_server.url(route), QSize(60, 60))
    reasons = dict(record.failed)
    assert "HTTP 404" in reasons["/missing.jpg"] and "127.0.0.1" in reasons["/missing.jpg"]
    assert "text/html" in reasons["/page.jpg"]
    assert "dropped" in reasons["/drop.jpg"]
    # "Retry": the same request again fetches again (failures are not cached).
    photo_server.fail_first.add("/flaky.jpg")
    with qtbot.waitSignal(loader.image_ready, timeout=10_000):
        loader.request("retry", photo_server.url("/flaky.jpg"), QSize(60, 60))
    assert photo_server.hits["/flaky.jpg"] == 2
