"""The photo facts cache ends cleanly: shutdown() drops queued reads, waits for the running one
and starts none after, so the window that owns it can be deleted at exit without a hang."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from photoessay_desktop.document.image_facts_cache import ImageFactsCache, is_pending
from photoessay_desktop.domain.image_facts import ImageFacts, ImageStatus


class SlowDisk:
    """A reader that takes its time (a slow network share) and counts what it read."""

    def __init__(self) -> None:
        self.reads: list[str] = []
        self.started = threading.Event()

    def __call__(self, ref: str) -> ImageFacts:
        self.started.set()
        time.sleep(0.05)
        self.reads.append(ref)
        return ImageFacts(ImageStatus.READABLE, 3, 2)


def test_shutdown_drops_queued_reads_and_starts_none_after(qtbot: QtBot) -> None:
    disk = SlowDisk()
    cache = ImageFactsCache(disk, thread_count=1)
    arrived: list[None] = []
    cache.facts_arrived.connect(lambda: arrived.append(None))
    refs = [f"/Фото/{n}.jpg" for n in range(40)]
    for ref in refs:
        assert is_pending(cache.facts(ref))
    assert disk.started.wait(5)
    cache.shutdown()  # returns once the one running read is done: 2 s of reads never happen
    assert len(disk.reads) < 5
    assert cache.wait_for_reads(0)  # idle
    assert is_pending(cache.facts("/Фото/new.jpg"))  # asked after: nothing starts
    qtbot.wait(100)
    QCoreApplication.processEvents()
    assert arrived == []  # the read that was running is dropped, not announced
    assert len(disk.reads) < 5


def test_the_editor_shuts_its_facts_cache_down_when_the_app_quits(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import SIGNAL
    from PySide6.QtWidgets import QApplication

    from photoessay_desktop.app.editor_app import install_parts
    from photoessay_desktop.ui.main_window import MainWindow
    from tests.ui.conftest import ScriptedDialogs, ScriptedPrompts, scripted_services

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.receivers(SIGNAL("aboutToQuit()"))
    window = MainWindow()
    qtbot.addWidget(window)
    install_parts(window, scripted_services(tmp_path, ScriptedDialogs(), ScriptedPrompts()))
    assert app.receivers(SIGNAL("aboutToQuit()")) == before + 1
    window.facts.shutdown()  # what aboutToQuit runs; and idempotent with the test's own end
    window.facts.shutdown()
