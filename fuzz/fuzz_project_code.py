"""Atheris target for PhotoEssay's own parsing code: the project-file reader, path resolution and
the article-text importer. Coverage-guided, so it learns the branches of our Python; it learns
nothing inside pydantic-core or Pillow's C decoders (hypothesis covers those outcomes in tests).

Run (not part of the test suite):  python fuzz/fuzz_project_code.py -max_total_time=60
Needs `pip install -e .[fuzz]` (atheris). A finding is written to ./crash-* and exits non-zero.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from photoessay_desktop.domain.image_location import (
        image_location,
        may_open_without_asking,
        network_host,
    )
    from photoessay_desktop.storage.article_import import import_article
    from photoessay_desktop.storage.article_import_error import ArticleImportError
    from photoessay_desktop.storage.essay_file import (
        EssayFileError,
        essay_from_json,
        essay_to_json,
        relative_image_ref,
        resolve_image_ref,
    )

FOLDER = Path("/essays/Бахмут")
FILE = FOLDER / "story.essay.json"


def _project_file(text: str) -> None:
    try:
        essay = essay_from_json(text, FILE)
    except EssayFileError as exc:
        assert str(FILE) in str(exc)
        return
    # Whatever loads must survive its own save and load unchanged.
    assert essay_from_json(essay_to_json(essay, FOLDER), FILE) == essay


def _paths(ref: str) -> None:
    resolved = resolve_image_ref(ref, FOLDER)
    stored = relative_image_ref(resolved, FOLDER)
    assert resolve_image_ref(stored, FOLDER) == resolved, (ref, resolved, stored)
    location = image_location(resolved, os.fspath(FOLDER))
    if may_open_without_asking(resolved, os.fspath(FOLDER)):
        assert network_host(resolved) is None or location.value == "inside"


def _article(data: bytes) -> None:
    try:
        result = import_article(data, article_folder=FOLDER)
    except ArticleImportError:
        return
    _project_file(essay_to_json(result.essay, FOLDER))


def test_one_input(data: bytes) -> None:
    """One fuzzer input: the first byte picks the target, the rest is its input."""
    provider = atheris.FuzzedDataProvider(data)
    target = provider.ConsumeIntInRange(0, 2)
    if target == 0:
        _project_file(provider.ConsumeUnicodeNoSurrogates(1 << 16))
    elif target == 1:
        ref = provider.ConsumeUnicodeNoSurrogates(300)
        if ref and "\x00" not in ref:
            _paths(ref)
    else:
        _article(provider.ConsumeBytes(1 << 16))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
