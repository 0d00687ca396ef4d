"""import(export(essay)) == essay for every essay the article format can hold, by hypothesis.

The domain (docs/article-format.md) is built here shape by shape rather than filtered, and a
second property checks the export's warnings: an essay the export does not warn about survives.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from photoessay_desktop.domain.essay import Essay, Presentation, Slide
from photoessay_desktop.domain.image_ref import is_remote
from photoessay_desktop.storage.article_export import export_article
from photoessay_desktop.storage.article_import import import_article
from photoessay_desktop.storage.markdown_image import ImageSyntaxError, parse_image_line

FOLDER = Path("/srv/Редакция ☕/essay (1) [draft]")
# Characters Markdown, paths and bidirectional text make trouble with, mixed into every text.
TRICKY = "![]()<>\\&;#*_`\"' ()[]{}аА中שלוםمرحبا\u202e\u200f/:.%?=~-\u00a0"
PATH_TRICKY = "![]()<>\\&;#*_`\"' ()[]{}аАЁ中שלוםمرحبا:.%?=~-é"
HOST = st.from_regex(r"\A[a-z0-9]{1,8}(\.[a-z0-9]{1,8}){0,2}\.(com|org|укр)\Z")


def chars(tricky: str, exclude: str = "\r\n") -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(tricky),
        st.characters(exclude_categories=("Cs", "Cc"), exclude_characters=exclude),
    )


def reads_as_image(text: str) -> bool:
    try:
        return parse_image_line(text) is not None
    except ImageSyntaxError:
        return False


line_text = (
    st.text(chars(TRICKY), min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda text: bool(text) and not reads_as_image(text))
)
alt_text = st.text(chars(TRICKY), max_size=20)
path_part = st.text(chars(PATH_TRICKY, exclude="\r\n/\x00"), min_size=1, max_size=12).filter(
    lambda part: part not in (".", "..")
)
# The last part of a path may not end in a space: the import trims targets.
last_part = path_part.filter(lambda part: part == part.rstrip())


@st.composite
def local_paths(draw: st.DrawFn) -> str:
    parts = [*draw(st.lists(path_part, max_size=2)), draw(last_part)]
    where = draw(st.sampled_from(["inside", "beside", "elsewhere", "windows"]))
    if where == "windows":  # a Windows drive path, kept as written on other systems
        return "C:\\" + "\\".join(part.replace("/", "") for part in parts)
    base = {
        "inside": os.fspath(FOLDER),
        "beside": os.path.join(os.path.dirname(FOLDER), "Фото (2023)"),
        "elsewhere": "/mnt/Photos & Co",
    }[where]
    return os.path.join(base, *parts)


url_char = st.sampled_from("abcXYZ019-._~()[]!$&'*+,;=:@%аш中")
web_addresses = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{path}",
    st.sampled_from(["https", "http", "HTTPS"]),
    HOST,
    st.text(url_char, max_size=25),
).filter(is_remote)
images = st.one_of(local_paths(), web_addresses)


@st.composite
def slide_runs(draw: st.DrawFn) -> tuple[Slide, ...]:
    """Slides the format can hold: the first has a photo, text slides have a caption, a credit
    needs a caption, and a slide that lacks its credit is last or followed by a photo."""
    slides: list[Slide] = []
    for number in range(1, draw(st.integers(1, 6)) + 1):
        open_before = bool(slides) and not slides[-1].credit
        image = draw(images) if number == 1 or open_before else draw(st.none() | images)
        caption = draw(line_text) if image is None else draw(st.just("") | line_text)
        credit = draw(st.just("") | line_text) if caption else ""
        alt = draw(alt_text) if image is not None else ""
        slides.append(
            Slide(id=f"slide-{number}", image=image, alt_text=alt, caption=caption, credit=credit)
        )
    return tuple(slides)


@st.composite
def representable_essays(draw: st.DrawFn) -> Essay:
    paragraphs = draw(st.lists(line_text, unique=True, max_size=4))
    return Essay(
        title=draw(st.just("") | line_text | line_text.map(lambda text: f"# {text}")),
        standfirst=paragraphs[0] if paragraphs else "",
        body=tuple(paragraphs[1:]),
        slides=draw(slide_runs()),
    )


def round_trip(essay: Essay) -> Essay:
    exported = export_article(essay, output_folder=FOLDER)
    return import_article(exported.text.encode("utf-8"), article_folder=FOLDER).essay


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(essay=representable_essays())
def test_every_representable_essay_survives_export_and_import(essay: Essay) -> None:
    exported = export_article(essay, output_folder=FOLDER)
    assert exported.warnings == ()
    result = import_article(exported.text.encode("utf-8"), article_folder=FOLDER)
    assert result.essay == essay
    # Only text that merely starts like an image ("![") earns a note; nothing is left out.
    assert all("starts like an image" in note.message for note in result.notes)


any_text = st.text(chars(TRICKY + "\r\n \t", exclude=""), max_size=12)


def _edit_slide(essay: Essay, index: int, **update: object) -> Essay:
    slides = list(essay.slides)
    if not slides:
        return essay
    slides[index % len(slides)] = slides[index % len(slides)].model_copy(update=update)
    return essay.model_copy(update={"slides": tuple(slides)})


# Each edit takes a representable essay somewhere the format may (or may not) hold.
EDITS = {
    "notes": lambda e, i, t: _edit_slide(e, i, notes=t or "note"),
    "duration": lambda e, i, t: _edit_slide(e, i, duration_seconds=3.0),
    "caption": lambda e, i, t: _edit_slide(e, i, caption=t),
    "credit": lambda e, i, t: _edit_slide(e, i, credit=t),
    "alt": lambda e, i, t: _edit_slide(e, i, alt_text=t),
    "no image": lambda e, i, t: _edit_slide(e, i, image=None, alt_text=""),
    # In memory, local paths are normalized (the model's contract), so the edit keeps them so.
    "image": lambda e, i, t: _edit_slide(e, i, image=os.path.normpath(f"/photos/{t or 'x'}")),
    "network": lambda e, i, t: _edit_slide(e, i, image="\\\\server\\share\\a.jpg"),
    "title": lambda e, i, t: e.model_copy(update={"title": t}),
    "standfirst": lambda e, i, t: e.model_copy(update={"standfirst": t}),
    "paragraph": lambda e, i, t: e.model_copy(update={"body": (*e.body, t)}),
    "repeat": lambda e, i, t: e.model_copy(update={"body": (*e.body, e.standfirst)}),
    "language": lambda e, i, t: e.model_copy(update={"language": "uk"}),
    "source": lambda e, i, t: e.model_copy(update={"source_url": "https://a.example/"}),
    "loop": lambda e, i, t: e.model_copy(update={"presentation": Presentation(loop=True)}),
    "reverse": lambda e, i, t: e.model_copy(update={"slides": e.slides[::-1]}),
    "no slides": lambda e, i, t: e.model_copy(update={"slides": ()}),
}


@st.composite
def edited_essays(draw: st.DrawFn) -> Essay:
    essay = draw(representable_essays())
    for name in draw(st.lists(st.sampled_from(sorted(EDITS)), max_size=2)):
        index = draw(st.integers(0, 5))
        text = draw(st.one_of(any_text, line_text, st.just("![a](b.jpg)")))
        essay = EDITS[name](essay, index, text)
    return essay


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(essay=edited_essays())
def test_an_essay_exported_without_warnings_survives(essay: Essay) -> None:
    exported = export_article(essay, output_folder=FOLDER)
    renumbered = tuple(
        slide.model_copy(update={"id": f"slide-{number}"})
        for number, slide in enumerate(essay.slides, start=1)
    )
    expected = essay.model_copy(update={"slides": renumbered})
    if not exported.warnings:
        assert round_trip(essay) == expected
