"""The shipped Unicode table, and the generator that builds it from Unicode's own data files."""

from __future__ import annotations

import importlib.util
from bisect import bisect_right
from pathlib import Path
from types import ModuleType

import pytest

from photoessay_desktop.preflight.unicode_table import (
    UNICODE_TABLE,
    load_unicode_table,
    parse_unicode_table,
)

GENERATOR = Path(__file__).resolve().parents[2] / "scripts" / "build_unicode_table.py"


@pytest.mark.parametrize(
    ("ch", "scripts"),
    [
        ("a", {"Latn"}),
        ("é", {"Latn"}),
        ("а", {"Cyrl"}),
        ("α", {"Grek"}),
        ("ש", {"Hebr"}),
        ("ب", {"Arab"}),
        ("中", {"Hani", "Hanb", "Jpan", "Kore"}),  # TR39 augmented set
        ("あ", {"Hira", "Jpan"}),
        ("한", {"Hang", "Kore"}),
        ("\U00010400", {"Dsrt"}),  # beyond the BMP: found by bisect
    ],
)
def test_script_sets(ch: str, scripts: set[str]) -> None:
    assert UNICODE_TABLE.scripts_of(ch) == scripts


@pytest.mark.parametrize("ch", [" ", "1", ",", "\u0301", "\u200d", "😀", "\U000e0001"])
def test_common_and_inherited_fit_any_script(ch: str) -> None:
    assert UNICODE_TABLE.scripts_of(ch) is None


def test_script_extensions_are_used() -> None:
    # U+0640 ARABIC TATWEEL is Common but only used with a few scripts.
    found = UNICODE_TABLE.scripts_of("\u0640")
    assert found is not None and "Arab" in found and "Latn" not in found


def test_the_flat_bmp_lookup_agrees_with_the_ranges() -> None:
    table = UNICODE_TABLE
    for cp in range(0, 0x10000, 7):
        assert table.flat[cp] is table.script_sets[bisect_right(table.starts, cp) - 1]


def test_look_alikes_names_and_pictographs() -> None:
    table = UNICODE_TABLE
    assert table.look_alike("а", "Latn") == "a"
    assert table.look_alike("А", "Latn") == "A"
    assert table.look_alike("c", "Cyrl") == "с"
    assert table.look_alike("ж", "Latn") is None
    assert table.describe("а") == "U+0430 CYRILLIC SMALL LETTER A"
    assert table.describe("\x1b") == "U+001B ESCAPE"
    assert table.script_name("Cyrl") == "Cyrillic" and table.script_name("Jpan") == "Japanese"
    assert table.is_pictographic("😀") and not table.is_pictographic("a")
    assert {"Arab", "Deva"} <= table.joiner_scripts and "Latn" not in table.joiner_scripts


def test_the_table_is_package_data_with_its_licence() -> None:
    data = Path(__file__).resolve().parents[2] / "photoessay_desktop" / "preflight" / "data"
    assert (data / "LICENSE-UNICODE.txt").read_text(encoding="utf-8").count("Unicode") > 3
    assert load_unicode_table().starts == UNICODE_TABLE.starts


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_unicode_table", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_generator_builds_a_table_from_unicode_files(tmp_path: Path) -> None:
    ucd = tmp_path / "ucd"
    _write(
        ucd / "Scripts.txt",
        "# Scripts-15.0.0.txt\n0041..005A ; Latin # L\n0061..007A ; Latin\n"
        "0410..044F ; Cyrillic # L\n0300 ; Inherited\n0020 ; Common\n0628 ; Arabic\n"
        "0640 ; Common\n",
    )
    _write(ucd / "ScriptExtensions.txt", "# ScriptExtensions-15.0.0.txt\n0640 ; Arab Syrc # Lm\n")
    _write(
        ucd / "PropertyValueAliases.txt",
        "sc ; Latn ; Latin\nsc ; Cyrl ; Cyrillic\n"
        "sc ; Arab ; Arabic\nsc ; Zyyy ; Common\nsc ; Zinh ; Inherited\nsc ; Syrc ; Syriac\n",
    )
    _write(ucd / "NameAliases.txt", "001B;ESCAPE;control\n001B;ESC;abbreviation\n")
    _write(ucd / "extracted" / "DerivedJoiningType.txt", "0628 ; D # Lo ARABIC LETTER BEH\n")
    _write(ucd / "extracted" / "DerivedCombiningClass.txt", "0300 ; 230\n")
    _write(ucd / "extracted" / "DerivedGeneralCategory.txt", "0300 ; Mn\n")
    _write(
        ucd / "emoji" / "emoji-data.txt",
        "# Used with Emoji Version 15.0\n1F600 ; Extended_Pictographic\n",
    )
    confusables = tmp_path / "confusables.txt"
    _write(confusables, "# Version: 13.0.0\n0430 ;\t0061 ;\tMA\t# a\n0410 ;\t0041 ;\tMA\n")

    text = _generator().build(ucd, confusables)
    assert "Scripts.txt 15.0.0" in text and "confusables.txt 13.0.0" in text
    table = parse_unicode_table(text)
    assert table.scripts_of("Q") == {"Latn"} and table.scripts_of("Ж") == {"Cyrl"}
    assert table.scripts_of(" ") is None and table.scripts_of("\u0300") is None
    assert table.scripts_of("\u0640") == {"Arab", "Syrc"}
    assert table.scripts_of("\u4e00") is None  # unassigned in this tiny data: any script
    assert table.look_alike("а", "Latn") == "a" and table.look_alike("a", "Cyrl") == "а"
    assert table.joiner_scripts == {"Arab"}
    assert table.is_pictographic("😀") and table.describe("\x1b") == "U+001B ESCAPE"
    assert table.word.fullmatch("cafe\u0300") is not None  # the mark is part of the word
