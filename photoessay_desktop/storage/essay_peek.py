"""A quick look at an essay, read from the raw project file: the frame a slideshow opens on, and
the outline the editor shows while it opens.

`photoessay present` and the editor paint their first frame before pydantic and the essay model
are imported (they cost about 100 ms of start-up). This reads the same file with the standard
library only; any doubt answers None and the normal start shows what the file holds. It never
replaces loading: the essay is validated right after the first frame, and a file that fails
validation still gets the loader's message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from photoessay_desktop.domain.image_ref import ImageRefKind, UnsafeImageRefError, image_ref_kind
from photoessay_desktop.storage.essay_format import FORMAT_NAME, FORMAT_VERSION, MAX_FILE_BYTES
from photoessay_desktop.storage.image_ref_paths import resolve_image_ref
from photoessay_desktop.storage.regular_file import open_regular_file

OpeningKind = Literal["title", "photo", "text"]
# The editor's outline is read twice (here, then by the loader); past this size the second read
# of a very long essay would cost more than the outline saves.
MAX_OUTLINE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class OutlineSlide:
    """One slide as the editor's opening outline lists it."""

    caption: str
    credit: str
    has_photo: bool


@dataclass(frozen=True)
class EssayOutline:
    """What an essay file holds, as far as the editor's first frame shows it."""

    title: str
    slides: tuple[OutlineSlide, ...]


@dataclass(frozen=True)
class OpeningFrame:
    """The first frame of a show as the slideshow plan will compute it from the loaded essay.

    `position` is the frame position (the title card, when there is one, is 0); `slide_index` is
    None for the title card; `image` is the in-memory form of a local photo's path.
    """

    kind: OpeningKind
    position: int
    slide_index: int | None
    title: str
    standfirst: str
    slide_count: int
    image: str | None = None
    caption: str = ""
    credit: str = ""
    notes: str = ""
    duration_seconds: float | None = None


def peek_opening_frame(path: Path, start: int | None) -> OpeningFrame | None:
    """The frame `photoessay present PATH [--start N]` opens on, or None when unsure.

    `start` is the slide number (0: the title card; None: the very first frame). None for a file
    that is missing, too big, not an essay, of a newer version, or where the opening slide's
    fields are not plain text, as well as for a slide whose photo is remote (never fetched
    before the user's permission is known) or not a file on this machine.
    """
    data = _read_essay_json(path, MAX_FILE_BYTES)
    return None if data is None else _opening(data, path.parent, start)


def peek_essay_outline(path: Path) -> EssayOutline | None:
    """The title and slides of the essay at `path` for the editor's first frame, or None when
    unsure (a file that is missing, big, not an essay, or of a newer version). A caption or
    credit that is not text is left out; the loader reports it a moment later."""
    data = _read_essay_json(path, MAX_OUTLINE_BYTES)
    if data is None:
        return None
    title, slides = data.get("title", ""), data.get("slides", [])
    if not isinstance(title, str) or not isinstance(slides, list):
        return None
    return EssayOutline(title, tuple(_outline_slide(slide) for slide in slides))


def _outline_slide(slide: Any) -> OutlineSlide:
    if not isinstance(slide, dict):
        return OutlineSlide("", "", has_photo=False)
    caption, credit = slide.get("caption", ""), slide.get("credit", "")
    return OutlineSlide(
        caption if isinstance(caption, str) else "",
        credit if isinstance(credit, str) else "",
        has_photo=slide.get("image") is not None,
    )


def _read_essay_json(path: Path, max_bytes: int) -> dict[str, Any] | None:
    """The file's JSON object when it says it is an essay of this version, else None."""
    try:
        if path.stat().st_size > max_bytes:
            return None
        with open_regular_file(path) as handle:  # a pipe would block: the loader says why
            raw = handle.read(max_bytes + 1)
        if len(raw) > max_bytes:
            return None
        data = json.loads(raw.decode("utf-8").removeprefix("\ufeff"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        return None
    return data if data.get("version") == FORMAT_VERSION else None


def _opening(data: dict[str, Any], folder: Path, start: int | None) -> OpeningFrame | None:
    title, standfirst, slides = (
        data.get("title", ""),
        data.get("standfirst", ""),
        data.get("slides"),
    )
    if not isinstance(title, str) or not isinstance(standfirst, str):
        return None
    if slides is None:
        slides = []
    if not isinstance(slides, list):
        return None
    # The same rule as SlideshowPlan: a title card unless the essay has neither title nor
    # standfirst (an empty essay still gets one).
    has_title_card = bool(title.strip() or standfirst.strip() or not slides)
    if start is None:
        start = 0 if has_title_card else 1
    if start == 0:
        return (
            OpeningFrame("title", 0, None, title, standfirst, len(slides))
            if has_title_card
            else None
        )
    if not 1 <= start <= len(slides):
        return None
    index = start - 1
    slide = slides[index]
    if not isinstance(slide, dict):
        return None
    texts = [slide.get(name, "") for name in ("caption", "credit", "notes")]
    if not all(isinstance(text, str) for text in texts):
        return None
    duration = slide.get("duration_seconds")
    if duration is not None and (
        isinstance(duration, bool) or not isinstance(duration, float | int)
    ):
        return None
    image = slide.get("image")
    if image is not None:
        image = _local_photo(image, folder)
        if image is None:
            return None
    return OpeningFrame(
        "text" if image is None else "photo",
        index + (1 if has_title_card else 0),
        index,
        title,
        standfirst,
        len(slides),
        image=image,
        caption=texts[0],
        credit=texts[1],
        notes=texts[2],
        duration_seconds=None if duration is None else float(duration),
    )


def _local_photo(image: Any, folder: Path) -> str | None:
    if not isinstance(image, str):
        return None
    try:
        if image_ref_kind(image) is not ImageRefKind.LOCAL:
            return None
    except UnsafeImageRefError:
        return None
    resolved = resolve_image_ref(image, folder)
    return resolved if Path(resolved).is_file() else None
