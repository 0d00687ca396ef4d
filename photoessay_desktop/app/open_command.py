"""`photoessay [ESSAY]`: opens the editor on ESSAY, or on the last essay, or on the start page.

A file that cannot be opened is reported by the editor in a dialog (the same as File > Open), so
someone who double-clicked it in a file manager sees why, not a silent exit.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def run_open(args: argparse.Namespace) -> int:
    from photoessay_desktop.app.compile_cache import import_pyside

    import_pyside()  # before editor_launch imports it: see compile_cache
    from photoessay_desktop.app.editor_launch import run_editor

    return run_editor(Path(args.essay) if args.essay else None)
