"""Show the remote-photos banner above a placeholder slide area, for screenshots and a look by eye.

Run: python scripts/show_remote_photos_banner.py  (or under /work/shared/tools/screenshot).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from photoessay_desktop.ui.remote_photos_banner import RemotePhotosBanner


def main() -> int:
    app = QApplication(sys.argv)
    window = QWidget()
    window.setWindowTitle("Bakhmut.essay.json - PhotoEssay")
    layout = QVBoxLayout(window)
    banner = RemotePhotosBanner(window)
    banner.set_hosts(["static01.nyt.com", "cdn.afp.com", "фото.укр", "images.example.org"])
    layout.addWidget(banner)
    area = QLabel("(slides)", window)
    area.setMinimumHeight(300)
    layout.addWidget(area, 1)
    window.resize(900, 420)
    window.show()
    if "--quit" in sys.argv:
        QTimer.singleShot(1500, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
