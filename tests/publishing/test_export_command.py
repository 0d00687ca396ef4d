"""`photoessay export` as a user runs it: exit codes, stderr messages, no Qt for html/markdown."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.storage.essay_file import save_essay
from tests.publishing.conftest import HOSTILE
from tests.publishing.pdf_pages import render_pages, require_poppler

ROOT = Path(__file__).resolve().parents[2]
# Runs the CLI in a fresh interpreter and reports whether Qt got imported along the way.
PROBE = (
    "import sys, json\n"
    "from photoessay_desktop.app.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(json.dumps({'code': code, 'qt': any(m.startswith('PySide6') for m in sys.modules)}))\n"
)


def _run(*args: str) -> tuple[dict[str, object], str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": ""}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "export", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    assert lines, done.stderr
    return json.loads(lines[-1]), "\n".join(lines[:-1]), done.stderr


@pytest.fixture
def essay_file(essay_maker: Callable[..., Essay], photo_folder: Path) -> Path:
    path = photo_folder / "Бахмут.essay.json"
    save_essay(essay_maker(), path)
    return path


def test_html_export_writes_the_folder_without_importing_qt(essay_file: Path) -> None:
    out = essay_file.parent / "web page"
    result, stdout, stderr = _run(str(essay_file), "--format", "html", "-o", str(out))

    assert result == {"code": 0, "qt": False}
    assert stdout == str(out)
    assert (out / "index.html").exists()
    assert "warning: Slide 4: the photo at https://static.example.com" in stderr
    assert "Traceback" not in stderr


def test_markdown_export_goes_through_the_article_format_without_qt(essay_file: Path) -> None:
    out = essay_file.parent / "article.md"
    result, _stdout, stderr = _run(str(essay_file), "--format", "markdown", "-o", str(out))

    assert result == {"code": 0, "qt": False}, stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Bakhmut: life under fire")
    assert "Aris Messinis / AFP" in text
    assert "rotated.jpg" in text  # local photos written relative to the text file


def test_pdf_export_with_contact_sheet(essay_file: Path, tmp_path: Path) -> None:
    require_poppler()
    out = essay_file.parent / "review.pdf"
    result, _stdout, stderr = _run(
        str(essay_file), "--format", "pdf", "-o", str(out), "--contact-sheet"
    )

    assert result["code"] == 0, stderr
    assert len(render_pages(out, tmp_path / "pages")) == 1 + 1 + 5


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "does not exist"),
        (b"", "empty"),
        (b"\xff\xd8\xff\xe0 not json", "JPEG"),
        (
            json.dumps({"format": "photoessay", "version": 1, "title": HOSTILE, "slides": 3}),
            "slides",
        ),
    ],
)
def test_an_unreadable_essay_exits_2_with_a_message(
    tmp_path: Path, content: bytes | str | None, expected: str
) -> None:
    essay = tmp_path / "bad.essay.json"
    if isinstance(content, str):
        essay.write_text(content, encoding="utf-8")
    elif content is not None:
        essay.write_bytes(content)
    result, _stdout, stderr = _run(str(essay), "--format", "html", "-o", str(tmp_path / "out"))

    assert result["code"] == 2
    assert expected.lower() in stderr.lower()
    assert "Traceback" not in stderr
    assert not (tmp_path / "out").exists()


def test_a_failed_export_exits_1_and_keeps_what_was_there(essay_file: Path) -> None:
    out = essay_file.parent / "Documents"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    result, _stdout, stderr = _run(str(essay_file), "--format", "html", "-o", str(out))

    assert result["code"] == 1
    assert "export failed" in stderr and "already holds other files" in stderr
    assert "Traceback" not in stderr
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_contact_sheet_is_for_pdf_only(essay_file: Path) -> None:
    result, _stdout, stderr = _run(
        str(essay_file), "--format", "html", "-o", str(essay_file.parent / "o"), "--contact-sheet"
    )
    assert result["code"] == 2
    assert "--contact-sheet works with --format pdf only" in stderr


@pytest.mark.parametrize("fmt", ["pdf", "markdown"])
def test_never_overwrites_the_essay_or_a_photo_by_mistake(essay_file: Path, fmt: str) -> None:
    before = essay_file.read_bytes()
    photo = essay_file.parent / "rotated.jpg"
    photo_bytes = photo.read_bytes()
    for target in (essay_file, photo):
        result, _stdout, stderr = _run(str(essay_file), "--format", fmt, "-o", str(target))
        assert result["code"] == 1
        assert "already exists and is not a" in stderr
    assert essay_file.read_bytes() == before
    assert photo.read_bytes() == photo_bytes
