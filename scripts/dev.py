"""One entry point for a fresh clone: `run` opens the app on a sample, `test` runs every check.

Both create `.venv` inside the clone and install the project with pinned versions
(constraints.txt), so nothing but Python 3.11+ is needed. Re-runs skip the install when neither
pyproject.toml nor constraints.txt changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
SAMPLE = ROOT / "sample_essays" / "lakes" / "lakes.essay.json"
# Debian packages the tests use where they can: a real browser for the exported web page and
# pdftoppm to look at PDF pages. Tests that need them say so and skip where they cannot install.
TEST_SYSTEM_PACKAGES = {"chromium": "chromium", "pdftoppm": "poppler-utils"}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be started by any python3
        sys.exit(f"PhotoEssay needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    # Developers with several work trees may share one environment they keep up to date themselves.
    shared = os.environ.get("PHOTOESSAY_DEV_PYTHON")
    if shared:
        return Path(shared)
    python = venv_python()
    if not python.exists():
        print("Creating .venv ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    stamp = VENV / ".photoessay-installed"
    digest = hashlib.sha256(
        (ROOT / "pyproject.toml").read_bytes() + (ROOT / "constraints.txt").read_bytes()
    ).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        print("Installing PhotoEssay and its test tools into .venv ...", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
        subprocess.run(
            [*pip, "install", "-c", str(ROOT / "constraints.txt"), "-e", f"{ROOT}[dev]"],
            check=True,
        )
        stamp.write_text(digest)
    return python


def install_test_system_packages() -> None:
    """Install Chromium and poppler on a Debian machine we may change (CI runs as root)."""
    missing = [pkg for tool, pkg in TEST_SYSTEM_PACKAGES.items() if shutil.which(tool) is None]
    if not missing or shutil.which("apt-get") is None:
        return
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        print(
            f"Note: not root, so {', '.join(missing)} cannot be installed; those tests will skip."
        )
        return
    print(f"Installing {', '.join(missing)} with apt-get ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    subprocess.run(["apt-get", "update", "-qq"], check=False, **quiet)  # type: ignore[call-overload]
    done = subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=False, **quiet)  # type: ignore[call-overload]
    if done.returncode != 0:
        print(f"Note: apt-get could not install {', '.join(missing)}; those tests will skip.")


def run_checks(python: Path, pytest_args: list[str]) -> int:
    # PYTHONPATH makes the tools see this checkout's package even from a shared environment.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    bindir = python.parent
    steps: list[tuple[str, list[str]]] = [
        ("ruff check", [str(python), "-m", "ruff", "check", "."]),
        ("ruff format", [str(python), "-m", "ruff", "format", "--check", "."]),
        ("mypy", [str(python), "-m", "mypy"]),
        ("import-linter", [str(bindir / "lint-imports")]),
        ("pytest", [str(python), "-m", "pytest", *pytest_args]),
    ]
    for name, command in steps:
        print(f"== {name}", flush=True)
        code = subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
        if code != 0:
            print(f"== {name} failed (exit {code})", flush=True)
            return code
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print("usage: python3 scripts/dev.py run [ESSAY] | test [PYTEST ARGS...]", file=sys.stderr)
        return 2
    python = ensure_venv()
    if argv[0] == "run":
        target = argv[1:] or [str(SAMPLE)]
        return subprocess.run(
            [str(python), "-m", "photoessay_desktop", *target], check=False
        ).returncode
    install_test_system_packages()
    return run_checks(python, argv[1:] or ["-n", "2", "-q"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
