"""`photoessay import` and `photoessay check` run as real processes on real files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.storage.essay_file import load_essay, save_essay

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_article.txt"


def photoessay(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "photoessay_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "Київ – desk"
    path.mkdir()
    return path


def clean_essay(folder: Path) -> Essay:
    photo = folder / "photo.jpg"
    Image.new("RGB", (2400, 1600), (90, 120, 150)).save(photo, quality=80)
    return Essay(
        title="Clean",
        standfirst="One standfirst.",
        slides=(
            Slide(
                id="a",
                image=str(photo),
                caption="A wide river at dawn.",
                credit="Jane Doe / AFP",
                alt_text="A river",
            ),
        ),
    )


def test_import_the_seed(folder: Path) -> None:
    article = folder / "стаття.txt"
    shutil.copyfile(SEED, article)
    output = folder / "bakhmut.essay.json"
    done = photoessay("import", article, "-o", output)
    assert done.returncode == 0, done.stderr
    assert "Imported 10 slides (8 with a photo)" in done.stdout
    assert done.stderr.count("line ") >= 2  # the two dropped duplicate paragraphs, with lines
    essay = load_essay(output)
    assert len(essay.slides) == 10
    assert len(essay.body) == 2


def test_import_replaces_an_existing_file(folder: Path) -> None:
    output = folder / "out.essay.json"
    output.write_text("old")
    done = photoessay("import", SEED, "-o", output)
    assert done.returncode == 0, done.stderr
    assert load_essay(output).title.startswith("In Photos")


@pytest.mark.parametrize(
    "content", [b"", b"\xff\xfe\x00binary", b"# Just a title\n\nA paragraph.\n"]
)
def test_import_refuses_bad_articles_clearly(folder: Path, content: bytes) -> None:
    article = folder / "bad.txt"
    article.write_bytes(content)
    done = photoessay("import", article, "-o", folder / "out.essay.json")
    assert done.returncode == 2
    assert str(article) in done.stderr or "bad.txt" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (folder / "out.essay.json").exists()


def test_import_sets_the_language(folder: Path) -> None:
    output = folder / "out.essay.json"
    assert photoessay("import", SEED, "-o", output, "--language", "en").returncode == 0
    assert load_essay(output).language == "en"
    done = photoessay("import", SEED, "-o", folder / "x.essay.json", "--language", "not a tag!")
    assert done.returncode == 2
    assert "is not a language tag" in done.stderr
    assert not (folder / "x.essay.json").exists()


def test_import_of_a_missing_article(folder: Path) -> None:
    done = photoessay("import", folder / "nope.txt", "-o", folder / "out.essay.json")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_check_the_seed_as_json(folder: Path) -> None:
    output = folder / "bakhmut.essay.json"
    assert photoessay("import", SEED, "-o", output).returncode == 0
    done = photoessay("check", output, "--json")
    report = json.loads(done.stdout)
    assert report["file"] == str(output)
    assert report["slides"] == 10
    codes = [(f["code"], f["slide"]) for f in report["findings"]]
    assert codes.count(("mixed-script", 3)) == 2
    assert ("similar-names", 8) in codes
    assert ("remote-image", 1) in codes
    for finding in report["findings"]:
        assert set(finding) == {"code", "severity", "slide", "message"}
        assert finding["severity"] in ("error", "warning", "info")
    messages = " ".join(f["message"] for f in report["findings"])
    assert "U+0430 CYRILLIC SMALL LETTER A" in messages
    assert "U+0410 CYRILLIC CAPITAL LETTER A" in messages
    # Warnings only: no error, so the plain check passes and the strict one fails.
    assert done.returncode == 0
    assert photoessay("check", output, "--strict").returncode == 1


def test_check_a_clean_essay_exits_0_even_when_strict(folder: Path) -> None:
    path = folder / "clean.essay.json"
    save_essay(clean_essay(folder), path)
    done = photoessay("check", path, "--strict")
    assert done.returncode == 0, done.stdout
    assert "no findings" in done.stdout


def test_a_missing_photo_is_an_error(folder: Path) -> None:
    essay = clean_essay(folder)
    path = folder / "missing.essay.json"
    save_essay(essay, path)
    (folder / "photo.jpg").unlink()
    done = photoessay("check", path)
    assert done.returncode == 1
    assert "image-not-found" in done.stdout


def test_an_unreadable_file_exits_2(folder: Path) -> None:
    path = folder / "broken.essay.json"
    path.write_text("{")
    done = photoessay("check", path, "--json")
    assert done.returncode == 2
    assert "ends too early" in done.stderr
    assert done.stdout == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_given_as_the_file_gets_a_message_not_a_hang(folder: Path) -> None:
    pipe = folder / "Бахмут.essay.json"
    os.mkfifo(pipe)  # nobody writes to it: reading it would block for ever (the 60 s timeout)
    checked = photoessay("check", pipe)
    assert checked.returncode == 2
    assert "is a pipe, socket or device, not an essay file" in checked.stderr
    imported = photoessay("import", pipe, "-o", folder / "out.essay.json")
    assert imported.returncode == 2
    assert "pipe, socket or device, not an article text file" in imported.stderr
    assert not (folder / "out.essay.json").exists()
