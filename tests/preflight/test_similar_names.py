"""similar-names: one name spelled two ways; plurals, possessives and common words pass."""

from __future__ import annotations

import pytest

from photoessay_desktop.preflight import Severity
from tests.preflight.essays import essay, findings_of, slide


def _pairs(*captions: str, body: tuple[str, ...] = ()) -> list[str]:
    text = essay(*(slide(caption) for caption in captions), body=body)
    return [f.message for f in findings_of(text, "similar-names")]


def test_a_letter_changed_in_one_caption() -> None:
    (message,) = _pairs("Mourners in Bovshiv kneel for a commander who hailed from Borshiv.")
    assert '"Borshiv"' in message and '"Bovshiv"' in message


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Zelensky", "Zelenskyy"),  # a letter added
        ("Zaluzhny", "Zaluzhyn"),  # two letters swapped
        ("Kotsiubailo", "Kotsiubaylo"),  # a letter changed
        ("Messinis", "Mesinis"),  # a letter dropped
        ("Дмитро", "Дмытро"),  # Cyrillic names have case too
    ],
)
def test_one_edit_apart_across_slides(one: str, other: str) -> None:
    found = findings_of(
        essay(slide(f"President {one} spoke."), slide(f"Later {other} left.")), "similar-names"
    )
    assert [(f.slide, f.field, f.severity) for f in found] == [(2, "caption", Severity.INFO)]
    assert f'"{other}"' in found[0].message and "slide 1 caption" in found[0].message


def test_the_spelling_used_less_is_the_one_reported() -> None:
    found = findings_of(
        essay(slide("Near Borshiv."), slide("In Bovshiv today."), slide("Back in Bovshiv.")),
        "similar-names",
    )
    assert [f.slide for f in found] == [1]


@pytest.mark.parametrize(
    "captions",
    [
        (
            "Russian forces near Bakhmut.",
            "The Russians left Bakhmut's centre.",
        ),  # plural, possessive
        ("Kyiv's mayor met Kyiv residents.",),
        ("Here the wall stands. Where is the road? There it is.",),  # sentence-initial words
        ("While it burned, residents fled.", "White smoke rose while they fled."),  # lower case too
        ("NATO and NASA met.",),  # acronyms
        ("Aris Messinis photographed Sergei Shestak.",),
        ("The Volunteer Army and the Volunteers met.",),
        ("A lake at dusk, photographed by Sigi Sagi.", "Sigi Sagi again."),  # one person's name
    ],
)
def test_no_false_positives(captions: tuple[str, ...]) -> None:
    assert _pairs(*captions) == []


def test_the_seed_words_give_only_bovshiv_and_borshiv() -> None:
    from tests.preflight.seed_essay import seed_essay

    messages = [f.message for f in findings_of(seed_essay(), "similar-names")]
    assert len(messages) == 1 and "Bovshiv" in messages[0]


def test_names_in_credits_count() -> None:
    text = essay(slide(credit="Aris Messinis / AFP"), slide(credit="Aris Mesinis / AFP"))
    found = findings_of(text, "similar-names")
    assert [(f.slide, f.field) for f in found] == [(2, "credit")]


def test_huge_and_hostile_inputs() -> None:
    many = " ".join(f"Name{chr(0x61 + i % 26)}{i}" for i in range(3000))
    assert isinstance(_pairs(many), list)
    names = " and ".join(f"Ab{chr(0x61 + a)}{chr(0x61 + b)}z" for a in range(26) for b in range(26))
    assert len(_pairs(f"Then {names} met.")) > 100  # every pair one letter apart, found fast
