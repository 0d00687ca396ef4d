"""The article text export goes back into the CMS unchanged: written atomically, read back whole."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.publishing.export_control import (
    ExportCancelledError,
    ExportControl,
    ExportError,
)
from photoessay_desktop.publishing.export_job import run_export
from photoessay_desktop.publishing.export_request import ExportFormat, ExportRequest
from photoessay_desktop.storage.article_import import import_article_file
from tests.publishing.conftest import ARABIC, HEBREW, HOSTILE


def test_the_text_reads_back_as_the_same_slides(
    essay_maker: Callable[..., Essay], photo_folder: Path
) -> None:
    essay = essay_maker()
    target = photo_folder / "текст" / "article.md"
    result = run_export(ExportRequest(essay, ExportFormat.MARKDOWN, target))

    text = target.read_text(encoding="utf-8")
    assert HOSTILE in text  # article text is plain: no HTML escaping, no markup added
    assert "&amp;" not in text and "&lt;" not in text
    back = import_article_file(target).essay
    photo_slides = [s for s in essay.slides if s.image is not None]
    back_photos = [s for s in back.slides if s.image is not None]
    assert [s.image for s in back_photos] == [s.image for s in photo_slides]
    assert [s.caption for s in back_photos] == [s.caption for s in photo_slides]
    assert [s.credit for s in back_photos] == [s.credit for s in photo_slides]
    assert back_photos[-1].caption == ARABIC and back_photos[-1].credit == HEBREW
    assert result.path == str(target)
    assert [p.name for p in target.parent.iterdir()] == ["article.md"]


def test_cancel_and_failure_leave_the_old_text(
    essay_maker: Callable[..., Essay], tmp_path: Path
) -> None:
    target = tmp_path / "article.md"
    target.write_text("the old text\n", encoding="utf-8")
    request = ExportRequest(essay_maker(), ExportFormat.MARKDOWN, target)
    with pytest.raises(ExportCancelledError):
        run_export(request, ExportControl(is_cancelled=lambda: True))
    assert target.read_text(encoding="utf-8") == "the old text\n"

    (tmp_path / "folder.md").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        run_export(ExportRequest(essay_maker(), ExportFormat.MARKDOWN, tmp_path / "folder.md"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "article.md",
        "folder.md",
        "Фото — Бахмут ✓",
    ]
