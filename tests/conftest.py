"""Test-wide set-up: Qt runs offscreen, garbage is collected on the main thread only, and
Hypothesis judges results, never speed.

The machines are shared and noisy (two cores, other jobs), so a per-example deadline or the
"too slow" health check would fail tests for reasons that have nothing to do with the code.
Speed is measured in benchmarks/ instead.
"""

from __future__ import annotations

import gc
import itertools
import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

# Must be set before any Qt module is imported anywhere in the test run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

settings.register_profile(
    "photoessay",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("photoessay")


FULL_COLLECTION_EVERY = 50


@pytest.fixture(autouse=True, scope="session")
def _no_collection_on_worker_threads() -> Iterator[itertools.count[int]]:
    """Python's own collection off for the run (see _collect_after_each_test); counts the tests
    finished in this process."""
    gc.disable()
    yield itertools.count(1)
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test(
    _no_collection_on_worker_threads: itertools.count[int],
) -> Iterator[None]:
    """What a test leaves in reference cycles (windows, loaders, their pools and timers) is
    collected here, on the main thread, when the test ends.

    Python collects on whichever thread allocates: a decode thread of a later test destroyed a
    leftover loader, and Qt crashed stopping its timers from the wrong thread (a worker killed by
    a signal) or the pool thread waited for its own pool (CI hung for 90 minutes). The app does
    the same with app/gui_thread_collector.py.

    Everything a test made is in the young generation (nothing was collected meanwhile), so
    collecting that is enough and cheap; a full collection per test doubled the suite's time, so
    the older generations are collected every FULL_COLLECTION_EVERY tests.
    """
    yield
    finished = next(_no_collection_on_worker_threads)
    gc.collect(2 if finished % FULL_COLLECTION_EVERY == 0 else 0)
