"""Splits a text into words and resolves the script of each, as UTS #39 section 5.1 does.

A word's resolved script set is the intersection of its characters' augmented Script_Extensions
(Common and Inherited fit any script); an empty set means the word mixes scripts. Scripts written
without spaces (Chinese, Japanese, Thai...) end a word where another script begins, so "iPhoneを"
is two words, not one mixed word. Pure text analysis; it reports nothing itself.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from photoessay_desktop.preflight.unicode_table import UnicodeTable

ZWNJ = "\u200c"
ZWJ = "\u200d"
# Scripts written without spaces between words: a change of script there is a word boundary.
_UNSPACED = frozenset(
    {"Hani", "Hanb", "Jpan", "Kore", "Hira", "Kana", "Hang", "Bopo", "Thai", "Laoo", "Khmr", "Mymr"}
    | {"Yiii", "Tang", "Nshu"}
)


@dataclass(frozen=True, slots=True)
class Word:
    """A run of letters, marks, digits and joiners; `scripts` is None when it fits any script."""

    text: str
    start: int
    scripts: frozenset[str] | None


def _is_word_char(ch: str) -> bool:
    return ch in (ZWJ, ZWNJ) or unicodedata.category(ch)[0] in "LMN"


def _merge(
    current: frozenset[str] | None, new: frozenset[str] | None
) -> tuple[bool, frozenset[str] | None]:
    """(starts a new word?, resolved set) when `new` follows a word resolved to `current`."""
    if current is None:
        return False, new
    if new is None:
        return False, current
    both = current & new
    if not both and (current & _UNSPACED or new & _UNSPACED):
        return True, new
    return False, both


def split_words(text: str, table: UnicodeTable) -> list[Word]:
    """The words of a text in order, each with its resolved script set."""
    words: list[Word] = []
    start = -1
    resolved: frozenset[str] | None = None
    for index, ch in enumerate(text):
        if not _is_word_char(ch):
            if start >= 0:
                words.append(Word(text[start:index], start, resolved))
                start = -1
            continue
        scripts = table.scripts_of(ch)
        if start < 0:
            start, resolved = index, scripts
            continue
        split, merged = _merge(resolved, scripts)
        if split:
            words.append(Word(text[start:index], start, resolved))
            start = index
        resolved = merged
    if start >= 0:
        words.append(Word(text[start:], start, resolved))
    return words


def script_counts(text: str, table: UnicodeTable) -> Counter[str]:
    """How many letters of the text each script could claim (a letter may count for several)."""
    counts: Counter[str] = Counter()
    for ch, times in Counter(text).items():
        if unicodedata.category(ch)[0] != "L":
            continue
        scripts = table.scripts_of(ch)
        if scripts is not None:
            for code in scripts:
                counts[code] += times
    return counts


def dominant_script(counts: Counter[str]) -> str | None:
    """The script most letters belong to (ties broken by code, so the answer is stable)."""
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code], code))


def shared_script(text: str, table: UnicodeTable) -> bool:
    """True when one script fits every character: then no word can mix scripts or stand apart.

    Any shared script must fit the first character that is not Latin-or-neutral, so only its
    scripts are tried, each with one regex search; astral text falls back to a loop.
    """
    first = table.not_latin.search(text)
    if first is None:
        return True
    scripts = table.scripts_of(first.group())
    if scripts is not None and first.group() < "\U00010000":
        return any(table.outside_script(code).search(text) is None for code in sorted(scripts))
    return _shared_script_slowly(text, table)


def _shared_script_slowly(text: str, table: UnicodeTable) -> bool:
    common: frozenset[str] | None = None
    for ch in set(text):
        if ch.isascii():
            # ASCII letters are Latin and the rest fits any script; no lookup needed.
            if ch.isalpha():
                common = frozenset({"Latn"}) if common is None else common & {"Latn"}
        else:
            scripts = table.scripts_of(ch)
            if scripts is not None:
                common = scripts if common is None else common & scripts
        if common is not None and not common:
            return False
    return True
