"""A loader that is shut down can be deleted from anywhere, even with decodes in flight.

Deleting a QThreadPool whose job is still running makes Qt wait while Python's lock is held, and
the job needs that lock to hand its result over: the process hangs. It happened when a loader
was deleted from a posted event (deleteLater) while the app waited inside a Qt call. The script
runs in a child process so a regression fails on its timeout instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

SCRIPT = r"""
import sys
from PySide6.QtCore import QSize
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from photoessay_desktop.qt_models.image_loader import ImageLoader

app = QApplication([])
for round_ in range(3):
    loader = ImageLoader(thread_count=2)
    for index, ref in enumerate(sys.argv[1:]):
        loader.request(f"k{index}", ref, QSize(1920, 1080))
    loader.request("changed", sys.argv[1], QSize(64, 64))
    QTest.qWait(30)  # decodes (and the photo-change stats) are running now
    loader.shutdown()
    loader.deleteLater()
    del loader
    window = QWidget()
    window.show()
    QTest.qWaitForWindowExposed(window)  # runs the deferred delete inside a Qt call
    window.close()
print("quit cleanly")
"""


def test_a_shut_down_loader_is_deleted_without_hanging(tmp_path: Path) -> None:
    photos = []
    for index, kind in enumerate(["JPEG", "PNG", "JPEG"]):
        path = tmp_path / f"фото {index}.{kind.lower()}"
        Image.new("RGB", (3000, 2000), (40 * index, 90, 160)).save(path, kind)
        photos.append(str(path))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *photos],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("quit cleanly")
