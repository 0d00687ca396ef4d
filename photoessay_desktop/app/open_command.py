"""`photoessay [ESSAY]`: opens a window on the essay (a plain slide list until the editor lands)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run_open(args: argparse.Namespace) -> int:
    from photoessay_desktop.storage.essay_file import EssayFileError, load_essay

    essay = None
    if args.essay:
        try:
            essay = load_essay(Path(args.essay))
        except EssayFileError as exc:
            print(f"photoessay: {exc}", file=sys.stderr)
            return 2
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem

    app = QApplication(sys.argv[:1])
    window = QListWidget()
    window.setWindowTitle(f"{essay.title if essay else 'Untitled'} - PhotoEssay")
    for number, slide in enumerate(essay.slides if essay else (), start=1):
        item = QListWidgetItem(f"{number}. {slide.caption or '(no caption)'} - {slide.credit}")
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        window.addItem(item)
    window.resize(900, 600)
    window.show()
    return app.exec()
