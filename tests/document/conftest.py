"""Fixtures for the document tests: a document holding a small essay with non-ASCII text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.domain.essay import Essay, Slide


def sample_essay(count: int = 5) -> Essay:
    return Essay(
        title="Лето на озёрах",
        standfirst="Summer by the lakes",
        body=("First paragraph.", "Второй абзац."),
        language="en",
        slides=tuple(
            Slide(
                id=f"s{i}",
                image=f"/photos/p{i}.jpg" if i % 2 == 0 else None,
                caption=f"Caption {i} <b>not bold</b>",
                credit="Aris Messinis / AFP",
            )
            for i in range(count)
        ),
    )


@pytest.fixture
def document(qapp: QApplication) -> EssayDocument:
    doc = EssayDocument()
    doc.reset(sample_essay(), None)
    return doc
