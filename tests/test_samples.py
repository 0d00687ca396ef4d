"""Every bundled sample essay loads, points at real photos, and saves back byte for byte."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from photoessay_desktop.domain.image_ref import ImageRefKind
from photoessay_desktop.storage.essay_file import essay_to_json, load_essay

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_essays").rglob("*.essay.json"))


def test_the_samples_are_there() -> None:
    assert {path.name for path in SAMPLES} >= {"lakes.essay.json"}


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.name)
def test_sample_saves_back_byte_for_byte(path: Path) -> None:
    essay = load_essay(path)
    assert essay_to_json(essay, path.parent).encode("utf-8") == path.read_bytes()


def test_lakes_photos_are_all_on_disk_and_credited() -> None:
    path = next(p for p in SAMPLES if p.name == "lakes.essay.json")
    essay = load_essay(path)
    photos = [slide for slide in essay.slides if slide.image is not None]
    assert len(photos) == 10
    for slide in photos:
        assert slide.image_kind is ImageRefKind.LOCAL
        assert slide.image is not None and os.path.isfile(slide.image)
        assert slide.caption and slide.alt_text and " / " in slide.credit
    assert (path.parent / "photos" / "CREDITS.md").is_file()


def test_bakhmut_is_the_seed_article_imported() -> None:
    from photoessay_desktop.storage.article_import import import_article_file

    root = Path(__file__).resolve().parent.parent
    sample = load_essay(root / "sample_essays" / "bakhmut" / "bakhmut.essay.json")
    imported = import_article_file(root / "tests" / "data" / "seed_article.txt").essay
    assert sample == imported.model_copy(update={"language": "en"})
    assert sum(slide.image is not None for slide in sample.slides) == 8
    assert all(slide.image_kind is ImageRefKind.REMOTE for slide in sample.slides if slide.image)
