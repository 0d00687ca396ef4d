"""Name everything in an essay that the article text format cannot hold, as the export warns it.

Each warning is one sentence the CLI or a dialog shows as it is. The rules mirror what
article_import reads back; tests prove that an essay with no warning survives the round trip.
Pure: no file is touched.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

from photoessay_desktop.domain.essay import Essay, Presentation, Slide
from photoessay_desktop.domain.image_ref import ImageRefKind
from photoessay_desktop.storage.article_image_target import has_control_characters, write_target
from photoessay_desktop.storage.markdown_image import ImageSyntaxError, parse_image_line

_LINE_BREAK = re.compile(r"[^\S\r\n]*(?:\r\n|\r|\n)\s*")


def one_line(text: str, *, trim: bool = True) -> str:
    """Text as one line: line breaks (and the spaces around them) become one space."""
    flat = _LINE_BREAK.sub(" ", text)
    return flat.strip() if trim else flat


def written_target(slide: Slide, folder: str) -> str | None:
    """The target the export writes for a slide's photo, or None when it writes no image line."""
    if slide.image is None:
        return None
    target = write_target(slide.image, output_folder=folder)
    return None if _LINE_BREAK.search(target) else target


def export_warnings(essay: Essay, folder: str) -> list[str]:
    """Every loss the export of this essay causes, essay-wide first, then slide by slide."""
    return [
        *_essay_warnings(essay),
        *_paragraph_warnings(essay),
        *_slide_run_warnings(essay.slides, folder),
        *(
            warning
            for number, slide in enumerate(essay.slides, start=1)
            for warning in _slide_warnings(number, slide, folder)
        ),
    ]


def _essay_warnings(essay: Essay) -> Iterator[str]:
    if essay.language is not None:
        yield f'the language ("{essay.language}") is not kept: the text format has no place for it'
    if essay.source_url is not None:
        yield "the source address is not kept: the text format has no place for it"
    if essay.presentation != Presentation():
        yield "the slideshow settings (auto-advance, loop) are not kept"
    yield from _line_warnings("the title", essay.title, may_look_like_image=True)


def _paragraph_warnings(essay: Essay) -> Iterator[str]:
    if not essay.standfirst.strip() and any(one_line(text) for text in essay.body):
        yield "the standfirst is empty, so the first body paragraph reads back as the standfirst"
    yield from _line_warnings("the standfirst", essay.standfirst)
    seen = {one_line(essay.standfirst)}
    for number, text in enumerate(essay.body, start=1):
        label = f"body paragraph {number}"
        if not one_line(text):
            yield f"{label} is empty and is left out"
            continue
        if one_line(text) in seen:
            yield f"{label} repeats an earlier paragraph, and the import drops repeats"
        seen.add(one_line(text))
        yield from _line_warnings(label, text)


def _slide_run_warnings(slides: Sequence[Slide], folder: str) -> Iterator[str]:
    if not slides:
        yield "the essay has no slides, and an article needs at least one image line to import"
        return
    if written_target(slides[0], folder) is None:
        yield (
            "slide 1 has no photo: slides begin at the first photo, so the text of the slides "
            "before it reads back as body paragraphs"
        )
    for number, (slide, following) in enumerate(itertools.pairwise(slides), start=1):
        missing = _missing_texts(slide, folder)
        if missing and written_target(following, folder) is None and _texts(following):
            yield (
                f"slide {number} has no {missing}, so the text of slide {number + 1} (which has "
                f"no photo) reads back as part of slide {number}"
            )


def _slide_warnings(number: int, slide: Slide, folder: str) -> Iterator[str]:
    label = f"slide {number}"
    if slide.notes:
        yield f"{label}: presenter notes are not kept"
    if slide.duration_seconds is not None:
        yield f"{label}: its own display time is not kept"
    yield from _image_warnings(label, slide, folder)
    yield from _line_warnings(f"the caption of {label}", slide.caption)
    yield from _line_warnings(f"the credit of {label}", slide.credit)
    caption, credit = one_line(slide.caption), one_line(slide.credit)
    if credit and not caption:
        yield f"{label} has a credit but no caption, so the credit reads back as its caption"
    if written_target(slide, folder) is None and not caption and not credit:
        yield f"{label} has no photo, caption or credit, so it is left out"


def _image_warnings(label: str, slide: Slide, folder: str) -> Iterator[str]:
    if slide.image is None:
        if slide.alt_text:
            yield f"{label}: alt text without a photo is not kept"
        return
    if _LINE_BREAK.search(slide.alt_text):
        yield f"the alt text of {label} has a line break; it is written on one line"
    target = written_target(slide, folder)
    if target is None:
        yield f"{label}: the photo path has a line break, so the photo is left out"
    elif slide.image_kind is ImageRefKind.NETWORK:
        yield f"{label}: the photo is on a network share, and the import leaves such paths out"
    elif has_control_characters(target):
        yield f"{label}: the photo path holds control characters, and the import leaves it out"
    elif target != target.strip():
        yield f"{label}: the photo path ends with a space, which the import trims"


def _line_warnings(label: str, text: str, *, may_look_like_image: bool = False) -> Iterator[str]:
    if _LINE_BREAK.search(text):
        yield f"{label} has a line break; it is written on one line"
    elif text != text.strip():
        yield f"the spaces around {label} are trimmed"
    if not may_look_like_image and _is_image_line(one_line(text)):
        yield f"{label} reads back as an image line"


def _is_image_line(text: str) -> bool:
    try:
        return parse_image_line(text) is not None
    except ImageSyntaxError:
        return False


def _missing_texts(slide: Slide, folder: str) -> str:
    count = len(_texts(slide))
    if count >= 2:
        return ""
    if count == 1 or written_target(slide, folder) is None:
        return "credit"
    return "caption or credit"


def _texts(slide: Slide) -> list[str]:
    return [text for text in (one_line(slide.caption), one_line(slide.credit)) if text]
