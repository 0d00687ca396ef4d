"""Garbage is collected on the GUI thread, never on the worker thread that happened to allocate.

A loader left in a reference cycle and collected on a decode thread crashed a test worker (Qt
stopped its timers from the wrong thread) and hung CI for 90 minutes (a pool thread waiting for
its own pool). Real threads, real garbage, the real timer.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from photoessay_desktop.app.gui_thread_collector import GuiThreadCollector


class Cycle:
    """An object only a reference cycle keeps alive; says on which thread it was collected."""

    def __init__(self, collected_on: list[str]) -> None:
        self.me = self
        self.collected_on = collected_on

    def __del__(self) -> None:
        self.collected_on.append(threading.current_thread().name)


@pytest.fixture
def automatic_gc() -> Iterator[None]:
    """Python's own collection on, as in the app before the collector starts."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def allocate_a_lot_on_a_worker(collected_on: list[str]) -> None:
    def work() -> None:
        Cycle(collected_on)
        # Far past every threshold: without the collector Python collects right here.
        junk = [[index] for index in range(200_000)]
        del junk

    worker = threading.Thread(target=work, name="decode worker")
    worker.start()
    worker.join(30)


def test_without_the_collector_python_collects_on_the_allocating_thread(
    automatic_gc: None,
) -> None:
    gc.collect()
    collected_on: list[str] = []
    allocate_a_lot_on_a_worker(collected_on)
    assert collected_on == ["decode worker"]  # the hazard the collector exists for


def test_the_collector_collects_on_the_gui_thread_only(
    qtbot: QtBot, qapp: QApplication, automatic_gc: None
) -> None:
    gc.collect()
    collector = GuiThreadCollector(interval_ms=20)
    try:
        assert not gc.isenabled()
        collected_on: list[str] = []
        allocate_a_lot_on_a_worker(collected_on)
        assert collected_on == []  # nothing collected on the worker
        qtbot.waitUntil(lambda: collected_on != [], timeout=5000)
        assert collected_on == [threading.main_thread().name]
    finally:
        collector.stop()
    assert gc.isenabled()  # Python collects by itself again


def test_the_collector_picks_the_generation_python_would(
    qapp: QApplication, automatic_gc: None
) -> None:
    collector = GuiThreadCollector(interval_ms=60_000)
    try:
        gc.collect()
        junk = [[index] for index in range(100)]
        assert collector.collect_due() == 0  # young objects: the young generation, cheaply
        assert collector.collect_due() in (-1, 0)  # nothing (or next to nothing) new since
        collected = []
        for _ in range(gc.get_threshold()[1] + 2):
            junk.append([1])
            collected.append(collector.collect_due())
        # After as many young collections as Python waits for, the middle generation's turn.
        assert collected.count(1) == 1 and set(collected) == {0, 1}
        del junk
    finally:
        collector.stop()


def test_stopping_leaves_collection_off_where_it_was_off(qapp: QApplication) -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        GuiThreadCollector().stop()
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
