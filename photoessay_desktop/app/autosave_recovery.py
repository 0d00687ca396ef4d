"""Offers the autosaves a crash left behind to the window, over storage.autosave_store.

Adapts storage's RecoverableEssay to the window's RecoveryOffer and its EssayFileError to
DocumentFileError, so the recovery dialog never imports storage.
"""

from __future__ import annotations

from collections.abc import Sequence

from photoessay_desktop.document.essay_files import DocumentFileError
from photoessay_desktop.document.file_safety import RecoveryOffer
from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.storage.autosave_store import AutosaveStore, RecoverableEssay
from photoessay_desktop.storage.essay_file import load_essay
from photoessay_desktop.storage.essay_file_error import EssayFileError


class AutosaveRecovery:
    """The RecoverySource of one autosave folder."""

    def __init__(self, store: AutosaveStore) -> None:
        self._store = store
        self._entries: dict[str, RecoverableEssay] = {}

    def offers(self) -> Sequence[RecoveryOffer]:
        found = self._store.recoverable()
        self._entries = {str(entry.autosave_path): entry for entry in found}
        return [
            RecoveryOffer(
                key=str(entry.autosave_path),
                essay_path=entry.essay_path,
                saved_at=entry.saved_at,
                description=entry.describe() if entry.problem is None else "Damaged autosave",
                problem=entry.problem,
            )
            for entry in found
        ]

    def _entry(self, offer: RecoveryOffer) -> RecoverableEssay:
        entry = self._entries.get(offer.key)
        if entry is None:
            raise DocumentFileError(f"{offer.key}: the autosave is no longer there")
        return entry

    def load(self, offer: RecoveryOffer) -> Essay:
        try:
            return self._store.load(self._entry(offer))
        except EssayFileError as exc:
            raise DocumentFileError(str(exc)) from None

    def load_saved(self, offer: RecoveryOffer) -> Essay | None:
        if offer.essay_path is None or not offer.essay_path.is_file():
            return None
        try:
            return load_essay(offer.essay_path)
        except EssayFileError as exc:
            raise DocumentFileError(str(exc)) from None

    def discard(self, offer: RecoveryOffer) -> None:
        try:
            self._store.discard(self._entry(offer))
        except OSError as exc:
            raise DocumentFileError(f"{offer.key}: cannot be removed: {exc.strerror}") from None
