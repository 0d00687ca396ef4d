"""Unicode facts the text checks need and Python's unicodedata lacks: scripts, look-alikes, emoji.

Read once from the generated data/unicode_table.txt (see scripts/build_unicode_table.py) into an
immutable table. It answers questions about single characters; it decides nothing about texts.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.resources import files

# TR39 treats these as belonging to every script.
_ANY_SCRIPT = frozenset({"Zyyy", "Zinh", "Zzzz"})
# TR39 "augmented script sets": Japanese and Korean mix scripts by design.
_AUGMENT = {
    "Hani": ("Hanb", "Jpan", "Kore"),
    "Hira": ("Jpan",),
    "Kana": ("Jpan",),
    "Hang": ("Kore",),
    "Bopo": ("Hanb",),
}
_FLAT_LIMIT = 0x10000
# Names for the augmented sets, which are not Script values and so not in the data file.
_AUGMENTED_NAMES = {"Jpan": "Japanese", "Kore": "Korean", "Hanb": "Han with Bopomofo"}


@dataclass(frozen=True, slots=True)
class UnicodeTable:
    """Script sets by code point range, plus look-alikes, joiner scripts and pictographs."""

    starts: tuple[int, ...]
    script_sets: tuple[
        frozenset[str] | None, ...
    ]  # None: any script (Common, Inherited, unassigned)
    script_names: Mapping[str, str]
    joiner_scripts: frozenset[str]
    pictographic_starts: tuple[int, ...]
    pictographic_ends: tuple[int, ...]
    control_names: Mapping[int, str]
    look_alikes: Mapping[int, Mapping[str, str]]
    # The script sets of the Basic Multilingual Plane one per code point: a list index is several
    # times faster than the bisect the rest of Unicode needs, and text checks look up every letter.
    flat: tuple[frozenset[str] | None, ...]
    # Matches any character whose script set leaves out Latin (and every character beyond the BMP,
    # which keeps the class a bitmap): the cheap test that a Latin text needs no closer look.
    not_latin: re.Pattern[str]
    # A word: letters, digits, combining marks (BMP), joiners, and anything astral (kept a bitmap).
    word: re.Pattern[str]
    # Compiled on first use per script by outside_script(); a memo, not state: same input, same
    # pattern. Only the BMP is listed (so the class stays a bitmap); every astral character matches.
    _outside: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    def outside_script(self, code: str) -> re.Pattern[str]:
        """A pattern matching any character that does not fit script `code` (astral: always)."""
        pattern = self._outside.get(code)
        if pattern is None:
            parts = [_class_range(0x10000, 0x10FFFF)]
            for index, found in enumerate(self.script_sets):
                start = self.starts[index]
                if start >= _FLAT_LIMIT:
                    break
                if found is not None and code not in found:
                    last = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else 0xFFFF
                    parts.append(_class_range(start, min(last, 0xFFFF)))
            pattern = self._outside[code] = re.compile("[" + "".join(parts) + "]")
        return pattern

    def scripts_of(self, ch: str) -> frozenset[str] | None:
        """The augmented Script_Extensions of a character; None when it fits every script."""
        cp = ord(ch)
        if cp < _FLAT_LIMIT:
            return self.flat[cp]
        return self.script_sets[bisect_right(self.starts, cp) - 1]

    def script_name(self, code: str) -> str:
        """ "Cyrillic" for "Cyrl"; the code itself when unknown."""
        name = self.script_names.get(code) or _AUGMENTED_NAMES.get(code, code)
        return name.replace("_", " ")

    def look_alike(self, ch: str, script: str) -> str | None:
        """The text in `script` that UTS #39 says looks like `ch`, or None."""
        return self.look_alikes.get(ord(ch), {}).get(script)

    def is_pictographic(self, ch: str) -> bool:
        """True for Extended_Pictographic characters (emoji and their kin)."""
        cp = ord(ch)
        index = bisect_right(self.pictographic_starts, cp) - 1
        return index >= 0 and cp <= self.pictographic_ends[index]

    def describe(self, ch: str) -> str:
        """ "U+0430 CYRILLIC SMALL LETTER A": how a message names one character."""
        cp = ord(ch)
        name = unicodedata.name(ch, "") or self.control_names.get(cp, "unnamed character")
        return f"U+{cp:04X} {name}"


def _augmented(codes: str) -> frozenset[str] | None:
    found = set(codes.split())
    if found & _ANY_SCRIPT:
        return None
    for code in list(found):
        found.update(_AUGMENT.get(code, ()))
    return frozenset(found)


def _pair(line: str) -> tuple[str, str]:
    key, value = line.split(" ", 1)
    return key, value


def _class_range(first: int, last: int) -> str:
    return f"\\U{first:08X}" if first == last else f"\\U{first:08X}-\\U{last:08X}"


def parse_unicode_table(text: str) -> UnicodeTable:
    """Build the table from the generated file's text (sections start with "@name")."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        if line.startswith("@"):
            current = sections.setdefault(line[1:].strip(), [])
        elif line and not line.startswith("#"):
            current.append(line)
    starts: list[int] = []
    sets: list[frozenset[str] | None] = []
    shared: dict[str, frozenset[str] | None] = {}
    for line in sections["scripts"]:
        first, codes = line.split(" ", 1)
        starts.append(int(first, 16))
        sets.append(shared.setdefault(codes, _augmented(codes)))
    pictographic = [tuple(int(cp, 16) for cp in line.split()) for line in sections["pictographic"]]
    controls = {int(cp, 16): name for cp, name in (ln.split(" ", 1) for ln in sections["controls"])}
    look_alikes: dict[int, dict[str, str]] = {}
    for line in sections["confusables"]:
        cp, *pairs = line.split()
        look_alikes[int(cp, 16)] = {
            code: "".join(chr(int(part, 16)) for part in value.split("+"))
            for code, value in (pair.split("=") for pair in pairs)
        }
    flat: list[frozenset[str] | None] = []
    for index, found in enumerate(sets):
        end = starts[index + 1] if index + 1 < len(starts) else _FLAT_LIMIT
        flat.extend([found] * (min(end, _FLAT_LIMIT) - starts[index]))
        if end >= _FLAT_LIMIT:
            break
    marks = [
        _class_range(first, min(last, 0xFFFF))
        for first, last in (tuple(int(cp, 16) for cp in ln.split()) for ln in sections["marks"])
        if first < _FLAT_LIMIT
    ]
    word = re.compile("[\\w\u200c\u200d" + "".join(marks) + _class_range(0x10000, 0x10FFFF) + "]+")
    not_latin = [_class_range(0x10000, 0x10FFFF)]
    for index, found in enumerate(sets):
        if found is not None and "Latn" not in found and starts[index] < 0x10000:
            last = starts[index + 1] - 1 if index + 1 < len(starts) else 0x10FFFF
            not_latin.append(_class_range(starts[index], min(last, 0xFFFF)))
    return UnicodeTable(
        starts=tuple(starts),
        script_sets=tuple(sets),
        script_names=dict(_pair(line) for line in sections["names"]),
        joiner_scripts=frozenset(" ".join(sections["joiners"]).split()),
        pictographic_starts=tuple(first for first, _ in pictographic),
        pictographic_ends=tuple(last for _, last in pictographic),
        control_names=controls,
        look_alikes=look_alikes,
        flat=tuple(flat),
        word=word,
        not_latin=re.compile("[" + "".join(not_latin) + "]"),
    )


def load_unicode_table() -> UnicodeTable:
    """The table shipped with the package."""
    data = files("photoessay_desktop.preflight").joinpath("data", "unicode_table.txt")
    return parse_unicode_table(data.read_text(encoding="utf-8"))


UNICODE_TABLE = load_unicode_table()
