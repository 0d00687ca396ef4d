"""Splits a text into words and resolves the script of each, as UTS #39 section 5.1 does.

A word's resolved script set is the intersection of its characters' augmented Script_Extensions
(Common and Inherited fit any script); an empty set means the word mixes scripts. Scripts written
without spaces (Chinese, Japanese, Thai...) end a word where another script begins, so "iPhoneを"
is two words, not one mixed word. Pure text analysis; it reports nothing itself.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from photoessay_desktop.preflight.unicode_table import UnicodeTable

ZWNJ = "\u200c"
ZWJ = "\u200d"
# Scripts written without spaces between words: a change of script there is a word boundary.
_UNSPACED = frozenset(
    {"Hani", "Hanb", "Jpan", "Kore", "Hira", "Kana", "Hang", "Bopo", "Thai", "Laoo", "Khmr", "Mymr"}
    | {"Yiii", "Tang", "Nshu"}
)
_LATIN = frozenset({"Latn"})
_ASCII_LETTER = re.compile("[A-Za-z]")


class Word(NamedTuple):
    """A run of letters, marks, digits and joiners; `scripts` is None when it fits any script.

    `position` is the word's place among the text's words (it orders findings).
    """

    text: str
    position: int
    scripts: frozenset[str] | None


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


class WordScripts:
    """Splits texts into words for one check run, resolving each distinct word only once.

    Essays repeat their words (places, agencies, names) from caption to caption, so the cache
    turns most words into one dictionary look-up. Made per run: it holds no essay between runs.
    """

    def __init__(self, table: UnicodeTable) -> None:
        self.table = table
        self._parts: dict[str, tuple[tuple[str, frozenset[str] | None], ...]] = {}

    def split(self, text: str) -> list[Word]:
        """The words of a text in order, each with its resolved script set."""
        words: list[Word] = []
        for token in self.table.word.findall(text):
            parts = self._parts.get(token)
            if parts is None:
                parts = self._parts[token] = self._resolve(token)
            for part, scripts in parts:
                words.append(Word(part, len(words), scripts))
        return words

    def _resolve(self, token: str) -> tuple[tuple[str, frozenset[str] | None], ...]:
        if token.isascii():
            return ((token, _LATIN if _ASCII_LETTER.search(token) else None),)
        resolved: frozenset[str] | None = None
        unspaced = False
        for ch in set(token):
            found = self.table.scripts_of(ch)
            if found is not None:
                unspaced = unspaced or not found.isdisjoint(_UNSPACED)
                resolved = found if resolved is None else resolved & found
        if resolved is not None and not resolved and unspaced:
            return self._split_at_unspaced(token)
        return ((token, resolved),)

    def _split_at_unspaced(self, token: str) -> tuple[tuple[str, frozenset[str] | None], ...]:
        """Cut a token where a script written without spaces meets another script."""
        parts: list[tuple[str, frozenset[str] | None]] = []
        start = 0
        resolved: frozenset[str] | None = None
        for index, ch in enumerate(token):
            split, resolved_next = _merge(resolved, self.table.scripts_of(ch))
            if split and index > start:
                parts.append((token[start:index], resolved))
                start = index
            resolved = resolved_next
        parts.append((token[start:], resolved))
        return tuple(parts)


def script_counts(words: list[Word]) -> Counter[str]:
    """Roughly how many letters each script could claim: each word counts for its scripts."""
    counts: Counter[str] = Counter()
    for word in words:
        if word.scripts:
            for code in word.scripts:
                counts[code] += len(word.text)
    return counts


def dominant_script(counts: Counter[str], prefer: str | None = None) -> str | None:
    """The script most letters belong to; a tie goes to `prefer`, then to the code's order."""
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code], code != prefer, code))


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
