"""control-characters: invisible and direction-changing characters, and where they belong."""

from __future__ import annotations

import pytest

from photoessay_desktop.preflight import Severity
from tests.preflight.essays import essay, findings_of, slide


def _control(caption: str) -> list[str]:
    return [f.message for f in findings_of(essay(slide(caption)), "control-characters")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bakh\u200bmut", "U+200B ZERO WIDTH SPACE"),
        ("\u202eevil.jpg", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("Left\u202dright", "U+202D LEFT-TO-RIGHT OVERRIDE"),
        ("Bakhmut\u200e", "U+200E LEFT-TO-RIGHT MARK"),
        ("Bakhmut \u200f town", "U+200F RIGHT-TO-LEFT MARK"),
        ("abc\u2067x\u2069", "U+2067 RIGHT-TO-LEFT ISOLATE"),
        ("Bakh\u200dmut", "U+200D ZERO WIDTH JOINER"),
        ("Bakh\u200cmut", "U+200C ZERO WIDTH NON-JOINER"),
        ("\ufeffBakhmut", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("bell\x07", "U+0007 ALERT"),
        ("esc\x1b[31m", "U+001B ESCAPE"),
        ("next\x85line", "U+0085 NEXT LINE"),
        ("soft\u00adhyphen", "U+00AD SOFT HYPHEN"),
        ("word\u2060joiner", "U+2060 WORD JOINER"),
        ("filler\u3164", "U+3164 HANGUL FILLER"),
        ("tag\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A"),
        ("شهر\u202eabc", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("שלום \u2067abc", "U+2067 RIGHT-TO-LEFT ISOLATE"),  # unbalanced
    ],
)
def test_each_hidden_character_is_named(text: str, name: str) -> None:
    (message,) = _control(text)
    assert name in message


def test_one_finding_per_text_with_counts_and_context() -> None:
    found = findings_of(essay(slide("Bakh\u200bmut and \u200bmore\u200b")), "control-characters")
    assert [(f.slide, f.field, f.severity) for f in found] == [(1, "caption", Severity.WARNING)]
    assert "3 times" in found[0].message and 'after "Bakh"' in found[0].message
    assert found[0].message.startswith("The caption hides")


def test_every_field_is_checked_including_notes() -> None:
    text = essay(
        slide(credit="AFP\u200b", alt_text="a\u200bb", notes="n\u202e"),
        title="T\u200b",
        standfirst="S\u200b",
        body=("B\u200b",),
    )
    found = findings_of(text, "control-characters")
    assert [(f.slide, f.field) for f in found] == [
        (None, "title"),
        (None, "standfirst"),
        (None, "body[0]"),
        (1, "credit"),
        (1, "alt_text"),
        (1, "notes"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Plain text with a tab\tand a new\nline and a CRLF\r\n.",
        "می\u200cخواهم در این عکس شهر را نشان دهم",  # Persian ZWNJ
        "सत्य\u200dता और क्\u200cष",  # Devanagari joiners after virama
        "family 👨\u200d👩\u200d👧 and 👩🏽\u200d🚀 and 🏳️\u200d🌈 flags",
        "flag 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f of Scotland",
        "שלום \u200f abc",  # RLM in Hebrew text
        "مرحبا \u200e AFP \u061c",  # LRM and ALM in Arabic text
        "שלום \u2067abc\u2069 עולם",  # a balanced isolate in Hebrew text
        "Café — “quotes” …\u00a0no-break space",
    ],
)
def test_legitimate_uses_pass(text: str) -> None:
    assert _control(text) == []


def test_joiners_out_of_place_in_an_rtl_script_are_still_flagged() -> None:
    (message,) = _control("\u200cشهر")
    assert "ZERO WIDTH NON-JOINER" in message and "at the start" in message
