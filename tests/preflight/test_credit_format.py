"""credit-format: credits that break the "Name / Agency" pattern of the essay's other credits."""

from __future__ import annotations

import pytest

from photoessay_desktop.preflight import Severity
from tests.preflight.essays import essay, findings_of, slide

HOUSE = ("Aris Messinis / AFP", "Alex Babenko / Reuters", "Sergei Shestak / AFP")


def _credit_findings(*credits: str) -> list[tuple[int | None, str]]:
    found = findings_of(essay(*(slide(credit=credit) for credit in credits)), "credit-format")
    assert all(f.severity is Severity.INFO and f.field == "credit" for f in found)
    return [(f.slide, f.message) for f in found]


@pytest.mark.parametrize(
    ("credit", "says"),
    [
        ("Anatolii Stepanov, AFP", 'with ", "'),
        ("Anatolii Stepanov - AFP", 'with " - "'),
        ("Anatolii Stepanov – AFP", 'with " – "'),
        ("Anatolii Stepanov | AFP", 'with " | "'),
        ("Anatolii Stepanov/AFP", 'with "/"'),
        ("Photo: Anatolii Stepanov / AFP", 'starts with "Photo:"'),
        ("Photograph by Anatolii Stepanov / AFP", 'starts with "Photograph by"'),
        ("© Anatolii Stepanov / AFP", 'starts with "©"'),
        ("Photo by Anatolii Stepanov / AFP", 'starts with "Photo by"'),
        ("Credit: Anatolii Stepanov / AFP", 'starts with "Credit:"'),
        ("PHOTO - Anatolii Stepanov / AFP", 'starts with "PHOTO -"'),
        ("Anatolii Stepanov / AFP.", 'ends with "."'),
        ("Anatolii Stepanov / AFP,", 'ends with ","'),
        ("Anatolii  Stepanov / AFP", "stray spaces"),
        (" Anatolii Stepanov / AFP", "stray spaces"),
        ("Anatolii Stepanov / AFP ", "stray spaces"),
        ("Anatolii Stepanov /\tAFP", "stray spaces"),
    ],
)
def test_a_credit_breaking_the_pattern(credit: str, says: str) -> None:
    ((number, message),) = _credit_findings(*HOUSE, credit)
    assert number == 4
    assert says in message and credit in message


def test_the_other_separator_message_shows_the_house_pattern() -> None:
    ((_, message),) = _credit_findings(*HOUSE, "Anatolii Stepanov, AFP")
    assert '" / "' in message and '"Aris Messinis / AFP"' in message


def test_several_problems_in_one_finding() -> None:
    ((_, message),) = _credit_findings(*HOUSE, "Photo: Anatolii Stepanov, AFP.")
    assert "Photo:" in message and '", "' in message and 'ends with "."' in message


@pytest.mark.parametrize(
    "credit",
    [
        "Reuters",
        "president.gov.ua",
        "Rylchuk Yurii / Ukrinform / ABACA via Reuters Connect",
        "A.P.",
        "John Smith Jr. / AP",
        "Олександр Клименко / Reuters",
        "Christoph Soeder / dpa / picture alliance",
        "Picture Alliance / dpa",
        "Image Bank / Getty Images",
        "Photothek / Getty Images",
    ],
)
def test_fine_credits(credit: str) -> None:
    assert _credit_findings(*HOUSE, credit) == []


def test_the_seed_credits_are_fine() -> None:
    from tests.preflight.seed_essay import seed_essay

    assert findings_of(seed_essay(), "credit-format") == []


def test_the_house_separator_is_what_most_credits_use() -> None:
    found = _credit_findings("A B, AFP", "C D, Reuters", "E F, AP", "G H / AFP")
    assert [number for number, _ in found] == [4]
    assert '"/"' not in found[0][1] and '", "' in found[0][1]


def test_a_tie_goes_to_name_slash_agency() -> None:
    assert [n for n, _ in _credit_findings("A B, AFP", "G H / AFP")] == [1]


def test_prefixes_used_by_most_credits_are_the_house_style() -> None:
    assert _credit_findings("Photo: A B / AFP", "Photo: C D / AP", "Photo: E F / AFP") == []


def test_empty_credits_are_missing_credit_not_format() -> None:
    assert _credit_findings("", "  ") == []
