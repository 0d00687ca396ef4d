"""mixed-script: look-alike letters from another script, and texts that must pass untouched."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from photoessay_desktop.preflight import Severity
from tests.preflight.essays import essay, findings_of, slide

ENGLISH = "Soldiers walk past a destroyed bridge near the front line at dawn."


def _mixed(caption: str, *, title: str = "Life in a town under fire") -> list[str]:
    return [f.message for f in findings_of(essay(slide(caption), title=title), "mixed-script")]


def test_a_cyrillic_letter_inside_a_latin_word() -> None:
    (message,) = _mixed("A Ukrainian servicemаn walks over the ruins.")
    assert '"servicemаn"' in message
    assert "U+0430 CYRILLIC SMALL LETTER A" in message
    assert 'looks like Latin "a"' in message


def test_a_lone_cyrillic_word_that_looks_latin() -> None:
    (message,) = _mixed("А Ukrainian serviceman walks over the ruins.")
    assert '"А"' in message and "U+0410 CYRILLIC CAPITAL LETTER A" in message
    assert "Cyrillic" in message and "Latin" in message


def test_a_greek_acronym_typed_for_a_latin_one() -> None:
    (message,) = _mixed("ΝΑΤΟ may have warned last week that the town could fall.")
    assert '"ΝΑΤΟ"' in message and "U+039D GREEK CAPITAL LETTER NU" in message


def test_each_word_and_each_distinct_letter_is_named() -> None:
    (message,) = _mixed("The соmmаndеr spoke.")
    for name in ("CYRILLIC SMALL LETTER O", "CYRILLIC SMALL LETTER A", "CYRILLIC SMALL LETTER IE"):
        assert name in message
    assert message.count("CYRILLIC SMALL LETTER O") == 1


def test_findings_carry_slide_field_and_severity() -> None:
    found = findings_of(essay(slide("x"), slide("Kyiv sеrvicemen")), "mixed-script")
    assert [(f.slide, f.field, f.severity) for f in found] == [(2, "caption", Severity.WARNING)]


def test_essay_texts_are_checked_too() -> None:
    found = findings_of(essay(slide(), title="Rоad to Bakhmut"), "mixed-script")
    assert [(f.slide, f.field) for f in found] == [(None, "title")]
    found = findings_of(essay(slide(), body=("Fine.", "Bаd word.")), "mixed-script")
    assert [(f.slide, f.field) for f in found] == [(None, "body[1]")]
    assert "in the body paragraph 2" in found[0].message
    found = findings_of(essay(slide(credit="Аris Messinis / AFP")), "mixed-script")
    assert [f.field for f in found] == ["credit"]
    assert '"Аris" in the credit' in found[0].message


def test_presenter_notes_are_not_published_so_not_checked() -> None:
    assert findings_of(essay(slide(notes="sеrvicemen")), "mixed-script") == []


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        "Bakhmut’s “salt mines” — and sparkling wines… 1,100 fighters; 105mm, 3½ km, café, Łódź",
        "Ukrainian President Volodymyr Zelensky said: «Слава Україні» and left the square.",
        'He told reporters "ми тут, ми тримаємо місто" before the shelling resumed.',
        "Бахмут, лютий 2023 року: українські військові на позиціях.",
        "Мирні жителі ховаються в підвалі під час обстрілу",
        "مرحبا بالعالم، هذه صورة من المدينة",
        "در این عکس می‌خواهم شهر را نشان دهم",
        "Η Ελλάδα και η Κύπρος στο Euro 2024",
        "שלום עולם, זו תמונה מהעיר",
        "这是中文报道，来自Reuters的照片",
        "東京タワーでiPhoneを買った",
        "서울에서 iPhone을 샀다",
        "हिन्दी में समाचार",
        "Kyiv-Київ, 2023",
        "123 456 — 7.8%",
        "",
        "😀👍🏽 emoji caption 🇺🇦",
    ],
)
def test_real_text_in_any_script_passes(text: str) -> None:
    assert _mixed(text) == []


def test_a_russian_text_with_a_latin_c_typed_for_the_cyrillic_preposition() -> None:
    (message,) = _mixed(
        "Он пришёл c другом", title="Жизнь в городе под обстрелом: солдаты и мирные жители"
    )
    assert '"c"' in message and "U+0063 LATIN SMALL LETTER C" in message
    assert 'looks like Cyrillic "с"' in message


def test_a_latin_brand_in_cyrillic_text_passes_when_the_essay_lacks_its_look_alikes() -> None:
    # "Apple" only looks Cyrillic through letters (palochka) a Russian text never uses.
    assert _mixed("Он купил телефон Apple в магазине", title="Жизнь в городе") == []


def test_a_quoted_cyrillic_phrase_with_a_look_alike_word_inside_passes() -> None:
    # "а" (and) alone looks Latin, but it stands inside a real Cyrillic quotation.
    assert _mixed('Residents said "а ми тут живемо" and stayed in the town.') == []


def test_a_run_of_look_alike_cyrillic_words_is_flagged_word_by_word() -> None:
    messages = _mixed("The сосоа рое was served.")
    assert len(messages) == 2
    assert '"сосоа"' in messages[0] and '"рое"' in messages[1]


def test_hostile_texts_do_not_break_the_check() -> None:
    for text in (
        "а" * 10_000,
        "sеrvicemаn " * 2_000,
        "\u0301\u200d\u200c" * 100,
        "\U0010ffff" * 50,
    ):
        _mixed(text)  # must not raise
    assert len(_mixed("sеrvicemаn " * 200)) == 200


_ASCII_WORDS = st.lists(st.text(alphabet=string.ascii_letters, min_size=1, max_size=9), max_size=12)


@settings(max_examples=60, deadline=None)
@given(_ASCII_WORDS)
def test_ascii_text_never_mixes_scripts(words: list[str]) -> None:
    assert _mixed(" ".join(words)) == []


@settings(max_examples=60, deadline=None)
@given(_ASCII_WORDS, st.text(alphabet="bcdefgh", min_size=0, max_size=5), st.integers(0, 12))
def test_one_cyrillic_a_anywhere_in_latin_text_is_found(
    words: list[str], rest: str, where: int
) -> None:
    # "а" alone is a lone look-alike word; inside a word it mixes scripts: either way, one finding.
    planted = "\u0430" + rest
    text = " ".join([*words[:where], planted, *words[where:]])
    (message,) = _mixed(text)
    assert "U+0430 CYRILLIC SMALL LETTER A" in message and f'"{planted}"' in message


def test_a_whole_caption_typed_in_look_alike_cyrillic_is_measured_against_the_essay() -> None:
    # One script fits the whole caption, so the caption alone has nothing to compare with.
    (message,) = _mixed("Сосоа")
    assert '"Сосоа"' in message and "look Latin" in message
    (message,) = _mixed("а")
    assert "U+0430 CYRILLIC SMALL LETTER A" in message


def test_a_whole_caption_in_another_script_that_looks_like_nothing_passes() -> None:
    assert _mixed("Слава Україні") == []
    assert _mixed("Ελλάδα") == []
    assert _mixed("مرحبا") == []


def test_a_cyrillic_caption_in_a_cyrillic_essay_is_not_questioned() -> None:
    assert _mixed("Сосоа", title="Жизнь в городе под обстрелом, фоторепортаж") == []
