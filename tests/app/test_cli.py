"""The `photoessay` command as a user runs it: a real process, its output, its exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from photoessay_desktop import __version__


def photoessay(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "photoessay_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_version() -> None:
    done = photoessay("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"photoessay {__version__}"


def test_help_lists_the_commands() -> None:
    done = photoessay("--help")
    assert done.returncode == 0
    for command in ("import", "check", "schema"):
        assert command in done.stdout


@pytest.mark.parametrize("command", ["import", "check", "schema"])
def test_each_command_has_help(command: str) -> None:
    done = photoessay(command, "--help")
    assert done.returncode == 0
    assert f"photoessay {command}" in done.stdout


def test_schema_is_json_schema_of_the_project_file() -> None:
    done = photoessay("schema")
    assert done.returncode == 0
    schema = json.loads(done.stdout)
    assert schema["properties"]["format"] == {
        "const": "photoessay",
        "description": 'Always "photoessay".',
    }
    assert set(schema["required"]) == {"format", "version"}
    assert "slides" in schema["properties"]
    assert "Slide" in schema["$defs"]


def test_commands_without_a_window_never_import_qt() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from photoessay_desktop.app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['schema'])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr


def test_unknown_option_is_a_usage_error() -> None:
    done = photoessay("check", "--bogus")
    assert done.returncode == 2
    assert "unrecognized arguments" in done.stderr or "required" in done.stderr
    assert "Traceback" not in done.stderr
