"""The photo essay as immutable pydantic models: Essay, Slide and the presentation settings.

Models are frozen, so an edit makes a new value (`model_copy(update=...)`) and undo can keep the old
one. Local image paths are absolute here; the project file stores them relative (storage does that).
No Qt, no Pillow, no file access.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from photoessay_desktop.domain.image_ref import ImageRefKind, UnsafeImageRefError, image_ref_kind

Text = Annotated[str, Field(strict=True)]
# BCP 47 in its common shapes ("en", "uk", "pt-BR", "zh-Hant-TW", "sr-Latn"): strict enough to catch
# a typo, loose enough for every tag a newsroom uses.
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
MAX_SLIDE_SECONDS = 24 * 60 * 60


def _check_image(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        image_ref_kind(value)
    except UnsafeImageRefError as exc:
        raise ValueError(str(exc)) from None
    return value


class Slide(BaseModel):
    """One photo (or none) with its caption, credit, alt text and presenter notes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, Field(strict=True, min_length=1)]
    image: Text | None = None
    caption: Text = ""
    credit: Text = ""
    alt_text: Text = ""
    notes: Text = ""
    duration_seconds: Annotated[float, Field(strict=True, gt=0, le=MAX_SLIDE_SECONDS)] | None = None

    _image_is_safe = field_validator("image")(_check_image)

    @property
    def has_image(self) -> bool:
        return self.image is not None

    @property
    def image_kind(self) -> ImageRefKind | None:
        return None if self.image is None else image_ref_kind(self.image)


class Presentation(BaseModel):
    """How the slideshow runs this essay: auto-advance and looping."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    auto_advance_seconds: (
        Annotated[float, Field(strict=True, gt=0, le=MAX_SLIDE_SECONDS)] | None
    ) = None
    loop: Annotated[bool, Field(strict=True)] = False


class Essay(BaseModel):
    """A title, a standfirst, body paragraphs and an ordered run of slides."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: Text = ""
    standfirst: Text = ""
    body: tuple[Text, ...] = ()
    language: Text | None = None
    source_url: Text | None = None
    slides: tuple[Slide, ...] = ()
    presentation: Presentation = Presentation()

    @field_validator("language")
    @classmethod
    def _language_is_a_tag(cls, value: str | None) -> str | None:
        if value is not None and not _LANGUAGE.match(value):
            raise ValueError('expected a language tag such as "en" or "pt-BR"')
        return value

    @field_validator("source_url")
    @classmethod
    def _source_is_web(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            kind = image_ref_kind(value)
        except UnsafeImageRefError as exc:
            raise ValueError(str(exc)) from None
        if kind is not ImageRefKind.REMOTE:
            raise ValueError("expected an http(s) address")
        return value

    @field_validator("slides")
    @classmethod
    def _ids_are_unique(cls, slides: tuple[Slide, ...]) -> tuple[Slide, ...]:
        first_index: dict[str, int] = {}
        for index, slide in enumerate(slides):
            earlier = first_index.setdefault(slide.id, index)
            if earlier != index:
                # The index in the context lets the loader point at slides[i].id and its line.
                raise PydanticCustomError(
                    "duplicate_slide_id",
                    'duplicate slide id "{id}" (slides[{earlier}] has it too)',
                    {"id": slide.id, "index": index, "earlier": earlier},
                )
        return slides

    def slide_index(self, slide_id: str) -> int:
        """The position of the slide with this id; KeyError when there is none."""
        for index, slide in enumerate(self.slides):
            if slide.id == slide_id:
                return index
        raise KeyError(slide_id)
