"""The quick reads of an essay (the show's opening frame, the editor's outline) agree with the real
load and doubt all else."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from photoessay_desktop.document.slideshow_plan import SlideshowPlan
from photoessay_desktop.domain.essay_name import essay_display_name
from photoessay_desktop.storage.essay_file import load_essay
from photoessay_desktop.storage.essay_format import MAX_FILE_BYTES
from photoessay_desktop.storage.essay_peek import (
    MAX_OUTLINE_BYTES,
    peek_essay_outline,
    peek_opening_frame,
)

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def essay(**fields: Any) -> dict[str, Any]:
    return {"format": "photoessay", "version": 1, **fields}


@st.composite
def essays(draw: st.DrawFn) -> dict[str, Any]:
    slides = []
    for number in range(draw(st.integers(0, 4))):
        image = draw(st.sampled_from([None, "photos/a.jpg", "missing.jpg", "https://x.org/b.jpg"]))
        slide: dict[str, Any] = {"id": f"s{number}", "caption": draw(TEXT), "credit": draw(TEXT)}
        if image is not None:
            slide["image"] = image
        if draw(st.booleans()):
            slide["duration_seconds"] = draw(st.floats(0.5, 60))
        slides.append(slide)
    title = draw(st.sampled_from(["", "  ", "Bakhmut", "Бахмут"]))
    standfirst = draw(st.sampled_from(["", "Ten days", "\n"]))
    return essay(title=title, standfirst=standfirst, slides=slides)


# Files neither quick read takes for an essay.
NOT_AN_ESSAY = [
    b"",
    b"{",
    b"[1, 2]",
    b"\xff\xd8\xff\xe0 a jpeg",
    b"\xff\xfe not utf-8",
    json.dumps(essay(slides={"a": 1})).encode(),
    json.dumps(essay(title=["not", "text"])).encode(),
    json.dumps({"format": "photoessay", "version": 2, "slides": []}).encode(),
    json.dumps({"format": "other", "version": 1}).encode(),
    b"[" * 100_000 + b"]" * 100_000,
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("Фото essay")
    (folder / "photos").mkdir()
    Image.new("RGB", (64, 48), "red").save(folder / "photos" / "a.jpg")
    return folder


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=essays(), start=st.sampled_from([None, 0, 1, 2, 3, 4, 5]))
def test_the_peek_opens_where_the_real_show_opens(
    folder: Path, data: dict[str, Any], start: int | None
) -> None:
    path = write(folder / "e.essay.json", data)
    peek = peek_opening_frame(path, start)
    plan = SlideshowPlan(load_essay(path))
    position = 0 if start is None else plan.position_of_slide(start)
    if position is None:
        assert peek is None  # no such slide: the normal start explains
        return
    frame = plan.frames[position]
    image = frame.slide.image if frame.slide is not None else None
    if image is not None and (image.startswith("https:") or not os.path.isfile(image)):
        assert peek is None  # remote or missing photos start the normal way
        return
    assert peek is not None
    assert peek.position == position
    assert peek.slide_index == frame.slide_index
    assert peek.kind == frame.kind.value
    assert (peek.title, peek.standfirst, peek.slide_count) == (
        plan.essay.title,
        plan.essay.standfirst,
        plan.slide_count,
    )
    if frame.slide is not None:
        assert peek.image == frame.slide.image  # the same string: the early photo is found again
        assert (peek.caption, peek.credit) == (frame.slide.caption, frame.slide.credit)
        assert peek.duration_seconds == frame.slide.duration_seconds


@pytest.mark.parametrize(
    "content",
    [
        *NOT_AN_ESSAY,
        json.dumps(essay(slides=[42])).encode(),
        json.dumps(essay(slides=[{"id": "a", "caption": 7}])).encode(),
        json.dumps(essay(slides=[{"id": "a", "duration_seconds": True}])).encode(),
        json.dumps(essay(slides=[{"id": "a", "image": "file:///etc/passwd"}])).encode(),
    ],
)
def test_anything_doubtful_gives_no_opening(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.essay.json"
    path.write_bytes(content)
    assert peek_opening_frame(path, 1) is None
    assert peek_opening_frame(path, None) is None or content.startswith(b'{"format"')


def test_missing_folders_and_oversized_files_give_no_opening(tmp_path: Path) -> None:
    assert peek_opening_frame(tmp_path / "missing.essay.json", None) is None
    assert peek_opening_frame(tmp_path, None) is None
    huge = tmp_path / "huge.essay.json"
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: never read, refused on its size
    assert peek_opening_frame(huge, None) is None


def test_a_title_card_and_a_text_card_open_without_a_photo(folder: Path) -> None:
    slides = [{"id": "a", "caption": "Рядом с фронтом", "credit": "Aris Messinis / AFP"}]
    path = write(folder / "cards.essay.json", essay(title="Бахмут", slides=slides))
    title = peek_opening_frame(path, None)
    assert title is not None and (title.kind, title.position, title.title) == ("title", 0, "Бахмут")
    text = peek_opening_frame(path, 1)
    assert text is not None and (text.kind, text.position, text.image) == ("text", 1, None)
    assert (text.caption, text.credit) == ("Рядом с фронтом", "Aris Messinis / AFP")


# -- the editor's opening outline --------------------------------------------------------------


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=essays())
def test_the_outline_lists_what_the_editor_loads(folder: Path, data: dict[str, Any]) -> None:
    path = write(folder / "outline.essay.json", data)
    outline = peek_essay_outline(path)
    loaded = load_essay(path)
    assert outline is not None
    assert outline.title == loaded.title
    assert [(s.caption, s.credit, s.has_photo) for s in outline.slides] == [
        (s.caption, s.credit, s.image is not None) for s in loaded.slides
    ]


@pytest.mark.parametrize("content", NOT_AN_ESSAY)
def test_a_doubtful_file_gives_no_outline(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.essay.json"
    path.write_bytes(content)
    assert peek_essay_outline(path) is None


def test_slides_the_loader_will_refuse_are_outlined_as_far_as_they_go(tmp_path: Path) -> None:
    slides = [42, {"caption": 7, "credit": ["x"], "image": 3}, {"caption": "Бахмут\u202e"}]
    outline = peek_essay_outline(write(tmp_path / "odd.essay.json", essay(slides=slides)))
    assert outline is not None
    assert [(s.caption, s.credit, s.has_photo) for s in outline.slides] == [
        ("", "", False),
        ("", "", True),
        ("Бахмут\u202e", "", False),
    ]


def test_a_missing_or_very_long_essay_gives_no_outline(tmp_path: Path) -> None:
    assert peek_essay_outline(tmp_path / "missing.essay.json") is None
    assert peek_essay_outline(tmp_path) is None
    long = tmp_path / "long.essay.json"
    with long.open("wb") as handle:
        handle.truncate(MAX_OUTLINE_BYTES + 1)  # sparse: refused on its size, never parsed
    assert peek_essay_outline(long) is None


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("lakes.essay.json", "lakes"),
        ("Бахмут — день 1.essay.json", "Бахмут — день 1"),
        (".essay.json", ".essay.json"),
        ("notes.json", "notes.json"),
    ],
)
def test_the_display_name_drops_the_suffix(name: str, shown: str) -> None:
    assert essay_display_name(Path("/essays") / name) == shown
