"""Small essay builders for the preflight tests: an essay from just the texts that matter."""

from __future__ import annotations

from itertools import count

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.preflight import Finding, check_essay

PHOTO = "/photos/a.jpg"
_ids = count(1)


def slide(
    caption: str = "Soldiers walk past a destroyed bridge.",
    credit: str = "Aris Messinis / AFP",
    *,
    image: str | None = PHOTO,
    alt_text: str = "Two soldiers on a broken bridge",
    notes: str = "",
) -> Slide:
    """A clean photo slide unless told otherwise."""
    return Slide(
        id=f"s{next(_ids)}",
        image=image,
        caption=caption,
        credit=credit,
        alt_text=alt_text,
        notes=notes,
    )


def essay(
    *slides: Slide,
    title: str = "Life in a town under fire",
    standfirst: str = "",
    body: tuple[str, ...] = (),
) -> Essay:
    return Essay(title=title, standfirst=standfirst, body=body, slides=slides)


def codes(findings: tuple[Finding, ...] | list[Finding], code: str | None = None) -> list[str]:
    return [f.code for f in findings if code is None or f.code == code]


def findings_of(essay_: Essay, code: str) -> list[Finding]:
    """check_essay's findings with one code (image facts empty: nothing checked yet)."""
    return [f for f in check_essay(essay_, {}) if f.code == code]
