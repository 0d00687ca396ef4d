"""Opens the editor on a sample essay filling the screen, with a throw-away settings folder, for the
README screenshot (run by scripts/screenshot_editor.sh under a virtual X server)."""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from photoessay_desktop.app.editor_app import build_main_window, default_services, display_loader
from photoessay_desktop.app.editor_launch import app_icon


def main(essay: Path, slide: int) -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("PhotoEssay")
    with tempfile.TemporaryDirectory() as config:
        services = default_services(Path(config))
        services = replace(services, images=display_loader(app, services.preferences))
        window = build_main_window(services, app_icon())
        window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
        window.files.start(essay)
        window.show()
        # Select once the final layout is in place, so the list scrolls only if it must.
        QTimer.singleShot(300, lambda: window.slide_list.select_rows([slide - 1]))
        return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1))
