"""Soak: a 2,000-slide essay through a long random run of edits, undo, redo, save and reopen.

After every step, undoing everything gives back the essay as last opened and redoing it gives
back the current one. The current essay saved to text and read back must equal it: checked every
PHOTOESSAY_SOAK_TEXT_EVERY steps (default 10: serialising 2,000 slides costs 0.1 s) and at every
"save" step through a real file with a backup; "reopen" loads that file into the document.
PHOTOESSAY_SOAK_STEPS sets the length (default 300), PHOTOESSAY_SOAK_SEED the run; for the full
proof run e.g. PHOTOESSAY_SOAK_STEPS=5000 PHOTOESSAY_SOAK_TEXT_EVERY=1.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from photoessay_desktop.document import edit_requests
from photoessay_desktop.document.essay_document import EssayDocument
from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.storage.atomic_file import backup_path_for
from photoessay_desktop.storage.essay_file import (
    essay_from_json,
    essay_to_json,
    load_essay,
    save_essay,
)

STEPS = int(os.environ.get("PHOTOESSAY_SOAK_STEPS", "300"))
SEED = os.environ.get("PHOTOESSAY_SOAK_SEED", "soak")
TEXT_EVERY = int(os.environ.get("PHOTOESSAY_SOAK_TEXT_EVERY", "10"))
SLIDES = 2000
WORDS = ["Бахмут", "lake", "fog", "«quoted»", "Ελλάδα", "AFP", "—", "<b>", "\t", "ü"]


def start_essay(folder: Path) -> Essay:
    return Essay(
        title="Soak",
        body=("One.", "Два."),
        slides=tuple(
            Slide(
                id=f"s{i}",
                image=str(folder / "photos" / f"{i:04d}.jpg") if i % 3 else None,
                caption=f"Caption {i}",
                credit="Aris Messinis / AFP",
            )
            for i in range(SLIDES)
        ),
    )


class Soak:
    """The random run: one document, its file, and the essay the undo history starts from."""

    def __init__(self, document: EssayDocument, path: Path, rng: random.Random) -> None:
        self.document = document
        self.path = path
        self.rng = rng
        self.base = document.essay
        self.saves = 0

    def words(self) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(0, 6)))

    def rows(self, most: int) -> list[int]:
        count = len(self.document.essay.slides)
        if count == 0:
            return []
        return self.rng.sample(range(count), min(count, self.rng.randint(1, most)))

    def row(self, extra: int = 0) -> int:
        return self.rng.randint(0, len(self.document.essay.slides) - 1 + extra)

    def add_photos(self) -> None:
        photos = [
            (str(self.path.parent / "new" / f"{self.words()}.jpg"), self.words(), "Reuters")
            for _ in range(self.rng.randint(1, 4))
        ]
        edit_requests.add_photos(self.document, self.row(extra=1), photos)

    def add_text_slide(self) -> None:
        edit_requests.add_text_slide(self.document, self.row(extra=1))

    def duplicate(self) -> None:
        if self.document.essay.slides:
            edit_requests.duplicate_slides(self.document, self.rows(3))

    def delete(self) -> None:
        edit_requests.remove_slides(self.document, self.rows(5))

    def move(self) -> None:
        rows = self.rows(6)
        if rows:
            position = self.rng.randint(0, len(self.document.essay.slides) - len(rows))
            edit_requests.move_slides(self.document, rows, position)

    def edit_slide(self) -> None:
        if self.document.essay.slides:
            field = self.rng.choice(["caption", "credit", "alt_text", "notes"])
            edit_requests.edit_slide_text(self.document, self.row(), field, self.words())
            if self.rng.random() < 0.5:
                self.document.end_typing_burst()

    def edit_essay(self) -> None:
        field = self.rng.choice(["title", "standfirst", "body"])
        value = tuple(self.words() for _ in range(3)) if field == "body" else self.words()
        edit_requests.edit_essay_field(self.document, field, value)
        self.document.end_typing_burst()

    def undo(self) -> None:
        for _ in range(self.rng.randint(1, 5)):
            self.document.undo_stack.undo()

    def redo(self) -> None:
        for _ in range(self.rng.randint(1, 5)):
            self.document.undo_stack.redo()

    def save(self) -> None:
        save_essay(self.document.essay, self.path, keep_backup=True)
        self.document.mark_saved(self.path)
        self.saves += 1
        assert not self.document.is_modified
        assert load_essay(self.path) == self.document.essay
        if self.saves > 1:
            load_essay(backup_path_for(self.path))  # the previous save, whole

    def reopen(self) -> None:
        self.save()
        self.document.reset(load_essay(self.path), self.path)
        self.base = self.document.essay

    def check(self, step: int) -> None:
        """Undo all, redo all, and the text round trip give back what they must."""
        document, stack = self.document, self.document.undo_stack
        now, index = document.essay, stack.index()
        stack.setIndex(0)
        assert document.essay == self.base
        stack.setIndex(stack.count())
        stack.setIndex(index)
        assert document.essay == now
        if step % TEXT_EVERY == 0:
            assert essay_from_json(essay_to_json(now, self.path.parent), self.path) == now


@pytest.mark.slow
def test_soak_of_a_2000_slide_essay(qapp: QApplication, tmp_path: Path) -> None:
    folder = tmp_path / "Soak – Бахмут"
    folder.mkdir()
    path = folder / "soak.essay.json"
    save_essay(start_essay(folder), path)
    document = EssayDocument()
    document.reset(load_essay(path), path)
    soak = Soak(document, path, random.Random(SEED))
    actions: list[tuple[Callable[[], None], int]] = [
        (soak.add_photos, 8),
        (soak.add_text_slide, 4),
        (soak.duplicate, 4),
        (soak.delete, 8),
        (soak.move, 10),
        (soak.edit_slide, 20),
        (soak.edit_essay, 6),
        (soak.undo, 12),
        (soak.redo, 10),
        (soak.save, 2),
        (soak.reopen, 1),
    ]
    functions = [function for function, _ in actions]
    weights = [weight for _, weight in actions]
    for step in range(STEPS):
        action = soak.rng.choices(functions, weights)[0]
        try:
            action()
            soak.check(step)
        except AssertionError as exc:
            raise AssertionError(f"seed {SEED!r}, step {step}: {action.__name__}") from exc
    assert len(document.essay.slides) > 0
    assert soak.saves > 0
