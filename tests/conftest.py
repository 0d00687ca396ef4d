"""Test-wide set-up: Qt runs offscreen, and Hypothesis judges results, never speed.

The machines are shared and noisy (two cores, other jobs), so a per-example deadline or the
"too slow" health check would fail tests for reasons that have nothing to do with the code.
Speed is measured in benchmarks/ instead.
"""

from __future__ import annotations

import os

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
