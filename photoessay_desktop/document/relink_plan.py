"""Works out which other missing photos a relink can fix: those from the same old folder whose file
name exists in the folder the user just picked.

It asks the injected facts function about candidate paths; it never lists or opens folders itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.image_facts import ImageFacts, ImageStatus
from photoessay_desktop.domain.image_ref import ImageRefKind, UnsafeImageRefError, image_ref_kind


def _local(ref: str | None) -> bool:
    if ref is None:
        return False
    try:
        return image_ref_kind(ref) is ImageRefKind.LOCAL
    except UnsafeImageRefError:
        return False


def other_relinks(
    essay: Essay, row: int, new_path: Path, facts: Callable[[str], ImageFacts]
) -> dict[int, str]:
    """Rows (other than `row`) whose missing photo sat beside the old one and is found beside the
    new one, mapped to their new path."""
    old = essay.slides[row].image
    if not _local(old):
        return {}
    assert old is not None
    old_folder = Path(old).parent
    found: dict[int, str] = {}
    for other_row, slide in enumerate(essay.slides):
        ref = slide.image
        if other_row == row or not _local(ref):
            continue
        assert ref is not None
        if Path(ref).parent != old_folder or facts(ref).status is not ImageStatus.NOT_FOUND:
            continue
        candidate = str(new_path.parent / Path(ref).name)
        if facts(candidate).status is ImageStatus.READABLE:
            found[other_row] = candidate
    return found
