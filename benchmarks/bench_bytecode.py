"""Byte-compiles the app before a benchmark times it, as an install would leave it.

pip compiles bytecode when it installs a package, while this machine sets PYTHONDONTWRITEBYTECODE,
which would make every timed launch compile all of the app's modules first.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "photoessay_desktop"


def compile_package() -> None:
    """Write the bytecode of photoessay_desktop (ignored by git)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE)], check=True)
