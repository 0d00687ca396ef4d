"""The PDF export: a cover, one page per slide, the optional contact sheet, all checked as pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.publishing.export_control import (
    ExportCancelledError,
    ExportControl,
    ExportError,
    ExportProgress,
)
from photoessay_desktop.publishing.pdf_document import export_pdf
from photoessay_desktop.publishing.review_note import ReviewNote
from tests.publishing.conftest import ARABIC, HEBREW, HOSTILE, make_photo
from tests.publishing.pdf_pages import (
    inked_share,
    pdf_text,
    render_pages,
    require_poppler,
    word_positions,
)

EssayMaker = Callable[..., Essay]


@pytest.fixture(autouse=True)
def _gui(qtbot: QtBot) -> None:
    """The PDF writer needs Qt's GUI application for fonts (pytest-qt starts one)."""
    require_poppler()


def test_cover_then_one_page_per_slide_none_blank(
    essay_maker: EssayMaker, photo_folder: Path, tmp_path: Path
) -> None:
    target = photo_folder / "essay review.pdf"
    result = export_pdf(essay_maker(), target)

    pages = render_pages(target, tmp_path / "pages")
    assert len(pages) == 1 + 5
    assert all(page.width > page.height for page in pages)  # landscape
    assert all(inked_share(page) > 0.003 for page in pages)
    # Photo pages are mostly photo; the text slide and the missing photo are mostly paper.
    photo_pages = [inked_share(pages[i]) for i in (1, 2, 5)]
    assert min(photo_pages) > 0.3
    assert inked_share(pages[3]) < 0.1
    assert any("static.example.com" in w for w in result.warnings)
    assert [p.name for p in photo_folder.iterdir() if p.name.startswith(".")] == []


def test_every_text_is_printed_as_written(essay_maker: EssayMaker, tmp_path: Path) -> None:
    essay = essay_maker(title=HOSTILE, standfirst=f"Standfirst {HOSTILE}")
    target = tmp_path / "out.pdf"
    export_pdf(essay, target)

    text = pdf_text(target)
    assert text.count(HOSTILE) >= 4  # title, standfirst, caption and credit of slide 2
    assert "Aris Messinis / AFP" in text
    assert "A text slide between photos." in text
    assert "static.example.com" in text  # the note on the page of the photo not downloaded
    for word in HEBREW.split():
        assert word in text


def test_contact_sheet_follows_the_cover_with_numbers_and_findings(
    essay_maker: EssayMaker, tmp_path: Path
) -> None:
    notes = [
        ReviewNote(2, "error", "The credit looks like markup"),
        ReviewNote(None, "warning", "The essay has no source address"),
    ]
    target = tmp_path / "review.pdf"
    seen: list[ExportProgress] = []
    export_pdf(
        essay_maker(),
        target,
        contact_sheet_notes=notes,
        control=ExportControl(on_progress=seen.append),
    )

    pages = render_pages(target, tmp_path / "pages")
    assert len(pages) == 1 + 1 + 5
    assert all(inked_share(page) > 0.003 for page in pages)
    sheet = pdf_text(target).split("\f")[1]
    assert "Contact sheet" in sheet
    assert "2 preflight findings" in sheet
    assert "The credit looks like markup" in sheet
    assert "The essay has no source address" in sheet
    assert seen[-1].done == seen[-1].total == 1 + 5 + 5


def test_a_long_contact_sheet_and_a_long_cover_take_more_pages(tmp_path: Path) -> None:
    essay = Essay(
        title="Many slides",
        body=tuple("A long paragraph of body text that keeps going. " * 12 for _ in range(12)),
        slides=tuple(Slide(id=str(i), caption=f"Slide {i}") for i in range(14)),
    )
    target = tmp_path / "long.pdf"
    export_pdf(essay, target, contact_sheet_notes=[])
    text = pdf_text(target)
    assert "Sheet 2 of 2" in text
    cover_pages = text.split("Contact sheet")[0].count("\f")  # a form feed ends each page
    assert cover_pages >= 2
    assert len(render_pages(target, tmp_path / "pages")) == cover_pages + 2 + 14


def test_an_empty_essay_is_a_cover_page(tmp_path: Path) -> None:
    target = tmp_path / "empty.pdf"
    export_pdf(Essay(), target)
    assert len(render_pages(target, tmp_path / "pages")) == 1
    assert "Untitled photo essay" in pdf_text(target)


def test_cancel_midway_keeps_the_old_pdf_and_leaves_nothing_behind(
    essay_maker: EssayMaker, tmp_path: Path
) -> None:
    target = tmp_path / "výstup" / "out.pdf"
    export_pdf(essay_maker(title="First version"), target)
    before = target.read_bytes()
    steps: list[ExportProgress] = []

    control = ExportControl(on_progress=steps.append, is_cancelled=lambda: len(steps) >= 3)
    with pytest.raises(ExportCancelledError):
        export_pdf(essay_maker(title="Second version"), target, control=control)

    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.pdf"]


def test_a_folder_in_the_way_is_a_clear_error(essay_maker: EssayMaker, tmp_path: Path) -> None:
    (tmp_path / "out.pdf").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export_pdf(essay_maker(), tmp_path / "out.pdf")


def test_right_to_left_essay_and_a_huge_caption_stay_on_their_pages(tmp_path: Path) -> None:
    photo = make_photo(tmp_path / "photo.jpg", (1200, 800))
    essay = Essay(
        title="مقالة مصورة",
        standfirst=ARABIC,
        language="ar",
        slides=(
            Slide(id="a", image=str(photo), caption=ARABIC, credit=HEBREW),
            Slide(id="b", image=str(photo), caption=("A very long caption. " * 900).strip()),
        ),
    )
    target = tmp_path / "rtl.pdf"
    export_pdf(essay, target)

    pages = render_pages(target, tmp_path / "pages")
    assert len(pages) == 3
    assert all(inked_share(page) > 0.003 for page in pages)
    text = pdf_text(target)
    for word in ARABIC.split():
        assert word in text
    # The huge caption is cut at the page edge instead of pushing the photo off the page.
    assert inked_share(pages[2]) > 0.2
    # The running header is mirrored: "Slide 1 of 2" at the left of a right-to-left essay.
    assert [page for page, left in word_positions(target, "Slide") if left < 0.5] == [1, 2]


def test_the_running_header_puts_the_page_number_at_the_end(
    essay_maker: EssayMaker, tmp_path: Path
) -> None:
    target = tmp_path / "ltr.pdf"
    export_pdf(essay_maker(), target)
    positions = word_positions(target, "Slide")
    assert [page for page, _left in positions] == [1, 2, 3, 4, 5]
    assert all(left > 0.5 for _page, left in positions)
