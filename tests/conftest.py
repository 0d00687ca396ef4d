"""Test-wide set-up: Qt runs offscreen, and nothing a test does reaches the user's real folders."""

from __future__ import annotations

import os

# Must be set before any Qt module is imported anywhere in the test run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
