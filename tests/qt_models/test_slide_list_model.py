"""The slide list model follows every edit (under qtmodeltester) and turns drops into moves."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt, QUrl
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from photoessay_desktop.document import edit_requests as edits
from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.document.image_facts_cache import ImageFactsCache
from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.domain.image_facts import ImageFacts, ImageStatus
from photoessay_desktop.qt_models.slide_list_model import (
    SLIDE_ROWS_MIME,
    SlideListModel,
    SlideRole,
    caption_preview,
)


def _facts(ref: str) -> ImageFacts:
    if ref.endswith("missing.jpg"):
        return ImageFacts(ImageStatus.NOT_FOUND)
    return ImageFacts(ImageStatus.READABLE, 10, 10, "JPEG", 100)


@pytest.fixture
def document(qapp: object) -> EssayDocument:
    doc = EssayDocument()
    slides = tuple(Slide(id=f"s{i}", caption=f"Caption number {i}") for i in range(6))
    doc.reset(Essay(slides=slides), None)
    return doc


@pytest.fixture
def model(document: EssayDocument) -> SlideListModel:
    return SlideListModel(document, ImageFactsCache(_facts))


def _ids(model: SlideListModel) -> list[str]:
    return [model.data(model.index(r), SlideRole.SLIDE_ID) for r in range(model.rowCount())]  # type: ignore[misc]


def test_model_passes_qtmodeltester_through_every_edit(
    qtmodeltester: ModelTester, document: EssayDocument, model: SlideListModel
) -> None:
    qtmodeltester.check(model, force_py=True)
    edits.add_photos(document, 2, [("/p/a.jpg", "A", ""), ("/p/missing.jpg", "", "")])
    edits.remove_slides(document, [0, 3, 4, 7])
    edits.move_slides(document, [0, 2], 1)
    edits.edit_slide_text(document, 1, "caption", "Changed")
    edits.duplicate_slides(document, [0])
    for _ in range(5):
        document.undo_stack.undo()
    for _ in range(5):
        document.undo_stack.redo()
    document.reset(Essay(), None)
    assert model.rowCount() == 0
    assert _ids(model) == []


def test_rows_follow_the_document(document: EssayDocument, model: SlideListModel) -> None:
    edits.move_slides(document, [4, 5], 0)
    assert _ids(model) == [s.id for s in document.essay.slides]
    assert model.data(model.index(0)) == "Caption number 4"
    assert model.data(model.index(0), SlideRole.NUMBER) == 1
    edits.remove_slides(document, [1, 3])
    assert _ids(model) == [s.id for s in document.essay.slides]
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert _ids(model) == [f"s{i}" for i in range(6)]


def test_selection_follows_moved_slides(document: EssayDocument, model: SlideListModel) -> None:
    kept = QPersistentModelIndex(model.index(1))
    edits.move_slides(document, [1], 4)
    assert kept.row() == 4
    document.undo_stack.undo()
    assert kept.row() == 1


def test_placeholders_say_why_there_is_no_picture(
    document: EssayDocument, model: SlideListModel, qtbot: QtBot
) -> None:
    edits.add_photos(
        document,
        0,
        [
            ("/p/missing.jpg", "", ""),
            ("https://cdn.example.org/a.jpg", "", ""),
            ("/p/ok.jpg", "", ""),
        ],
    )
    assert model.data(model.index(0), SlideRole.PLACEHOLDER) == "Loading…"  # facts not read yet
    # The background read of the headers arrives.
    qtbot.waitUntil(lambda: model.data(model.index(0), SlideRole.PLACEHOLDER) == "Photo missing")
    placeholders = [model.data(model.index(r), SlideRole.PLACEHOLDER) for r in range(4)]
    assert placeholders[0] == "Photo missing"
    assert placeholders[1] == "Web photo (cdn.example.org), not fetched"
    assert placeholders[2] == "Loading…"  # no loader in this test: it would come later
    assert placeholders[3] == "Text slide"


def test_preview_is_plain_first_words() -> None:
    assert caption_preview("") == "(no caption)"
    assert caption_preview("  <b>Bold</b>\n\tnext  ") == "<b>Bold</b> next"
    assert caption_preview("one two three four five six seven eight nine") == (
        "one two three four five six seven eight…"
    )


def _drop_rows(model: SlideListModel, rows: list[int], before: int) -> bool:
    data = model.mimeData([model.index(r) for r in rows])
    return model.dropMimeData(data, Qt.DropAction.MoveAction, before, 0, QModelIndex())


def test_dropping_rows_moves_them_as_one_undo_step(
    document: EssayDocument, model: SlideListModel
) -> None:
    _drop_rows(model, [0, 2], 5)
    assert _ids(model) == ["s1", "s3", "s4", "s0", "s2", "s5"]
    assert document.undo_stack.undoText() == "Move 2 Slides"
    document.undo_stack.undo()
    assert _ids(model) == [f"s{i}" for i in range(6)]


def test_foreign_or_malformed_drags_are_refused(
    document: EssayDocument, model: SlideListModel
) -> None:
    for payload in (
        b"",
        b"{}",
        b"not json",
        b'{"pid": 1, "document": 2, "rows": [0]}',
        b"\xff\xfe",
    ):
        data = QMimeData()
        data.setData(SLIDE_ROWS_MIME, payload)
        assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
        assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert document.undo_stack.count() == 0


def test_dropped_files_are_handed_to_the_window(
    model: SlideListModel, qtbot: QtBot, tmp_path: Path
) -> None:
    data = QMimeData()
    photo = tmp_path / "фото.jpg"
    data.setUrls([QUrl.fromLocalFile(str(photo)), QUrl("https://example.org/x.jpg")])
    with qtbot.waitSignal(model.files_dropped) as dropped:
        assert model.dropMimeData(data, Qt.DropAction.CopyAction, 2, 0, QModelIndex())
    assert dropped.args == [[str(photo)], 2]


def test_short_placeholders_fit_a_card(document: EssayDocument, model: SlideListModel) -> None:
    edits.add_photos(document, 0, [("https://static.example-news-site.com/a.jpg", "", "")])
    short = model.data(model.index(0), SlideRole.PLACEHOLDER_SHORT)
    assert short == "Web photo\nnot fetched"
    assert model.data(model.index(1), SlideRole.PLACEHOLDER_SHORT) == "Text slide"


def test_screen_readers_hear_what_the_card_draws(
    document: EssayDocument, model: SlideListModel, qtbot: QtBot
) -> None:
    edits.add_photos(document, 0, [("/p/missing.jpg", "Лодки", "")])
    qtbot.waitUntil(
        lambda: (
            "Photo missing" in str(model.data(model.index(0), Qt.ItemDataRole.AccessibleTextRole))
        )
    )
    assert model.data(model.index(0), Qt.ItemDataRole.AccessibleTextRole) == (
        "Slide 1: Лодки (Photo missing)"
    )
    assert model.data(model.index(1), Qt.ItemDataRole.AccessibleTextRole) == (
        "Slide 2: Caption number 0 (Text slide)"
    )
