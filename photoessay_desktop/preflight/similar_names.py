"""The similar-names check: one name spelled two ways ("Bovshiv" and "Borshiv").

Capitalised words one edit apart (a letter changed, added, dropped or two swapped) are paired
through their one-letter deletions, so the essay is read once, not word against word. Plurals and
possessives, words the essay also writes in lower case, and pairs only ever seen at the start of a
sentence (common words such as "Here" and "Where") are not names and pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from photoessay_desktop.preflight.essay_text import EssayText
from photoessay_desktop.preflight.finding import Finding, Severity

CODE = "similar-names"
_MIN_LENGTH = 4
# Upper-case letters of the cased scripts a newsroom writes in (Latin, Greek, Coptic, Cyrillic,
# Armenian, Georgian, Latin/Greek Extended), listed once when the module loads.
_UPPER = "".join(
    ch
    for first, last in ((0xC0, 0x58F), (0x10A0, 0x10CF), (0x1E00, 0x1FFF))
    for ch in map(chr, range(first, last + 1))
    if ch.isupper()
)
_LETTER = r"[^\W\d_]"
# Group 1 is set when the word opens a sentence: at the start of the text or after . ! ? and
# space, with any opening quotes or brackets in between.
_NAME = re.compile(
    rf"(?:(^|[.!?][\"'\u201d\u2019\u00bb)\]]*\s+)|(?<!{_LETTER}))"
    rf"[\"'\u201c\u2018\u00ab(\[]*(?<!{_LETTER})"
    rf"([A-Z{re.escape(_UPPER)}]{_LETTER}{{{_MIN_LENGTH - 1},}})"
)


@dataclass(slots=True)
class _Name:
    first: EssayText
    order: int
    count: int = 0
    mid_sentence: bool = False


def similar_name_findings(texts: Iterable[EssayText]) -> list[Finding]:
    """One info finding per pair of names one letter apart, at the rarer (or later) spelling."""
    names: dict[str, _Name] = {}
    items = list(texts)
    for item in items:
        for name, initial in _names_in(item):
            entry = names.get(name)
            if entry is None:
                entry = names[name] = _Name(item, len(names))
            entry.count += 1
            entry.mid_sentence = entry.mid_sentence or not initial or item.field == "credit"
    pairs = _close_pairs(names)
    if not pairs:
        return []
    lower_words = _lower_case_uses(items, {name.lower() for pair in pairs for name in pair})
    findings = []
    for one, other in pairs:
        a, b = names[one], names[other]
        if not (a.mid_sentence or b.mid_sentence):
            continue
        if one.lower() in lower_words or other.lower() in lower_words:
            continue
        # Report at the spelling used less (or, if as often, the one that comes later).
        (odd, odd_entry), (usual, usual_entry) = sorted(
            ((one, a), (other, b)), key=lambda pair: (pair[1].count, -pair[1].order)
        )
        odd_place, usual_place = odd_entry.first.place, usual_entry.first.place
        where = (
            f"both in {odd_place}"
            if odd_place == usual_place
            else f'{odd_place}; "{usual}" in {usual_place}'
        )
        findings.append(
            Finding(
                CODE,
                Severity.INFO,
                odd_entry.first.slide,
                f'"{odd}" and "{usual}" differ by one letter ({where}): '
                "is one name spelled two ways?",
                odd_entry.first.field,
            )
        )
    return findings


def _names_in(item: EssayText) -> Iterator[tuple[str, bool]]:
    for match in _NAME.finditer(item.text):
        word = match.group(2)
        if not word.isupper():  # acronyms (NATO, AFP) are not names spelled out
            yield word, match.group(1) is not None


def _close_pairs(names: dict[str, _Name]) -> list[tuple[str, str]]:
    """Pairs of distinct names one edit apart, each pair once, in the order the names appear."""
    by_key: dict[str, list[str]] = {}
    for name in names:
        by_key.setdefault(name, []).append(name)
        for index in range(len(name)):
            by_key.setdefault(name[:index] + name[index + 1 :], []).append(name)
    seen: set[tuple[str, str]] = set()
    pairs: list[tuple[str, str]] = []
    for group in by_key.values():
        if len(group) < 2:
            continue
        for i, one in enumerate(group):
            for other in group[i + 1 :]:
                pair = (one, other) if names[one].order < names[other].order else (other, one)
                if one != other and pair not in seen and _one_edit_apart(one, other):
                    seen.add(pair)
                    if not _plural_or_possessive(one, other):
                        pairs.append(pair)
    pairs.sort(key=lambda pair: (names[pair[0]].order, names[pair[1]].order))
    return pairs


def _one_edit_apart(one: str, other: str) -> bool:
    """True for a substitution, an insertion or deletion, or a swap of two neighbouring letters."""
    if len(one) > len(other):
        one, other = other, one
    if len(other) - len(one) == 1:
        return any(other[:i] + other[i + 1 :] == one for i in range(len(other)))
    diffs = [i for i, (a, b) in enumerate(zip(one, other, strict=True)) if a != b]
    if len(diffs) == 1:
        return True
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and one[diffs[0]] == other[diffs[1]]
        and one[diffs[1]] == other[diffs[0]]
    )


def _plural_or_possessive(one: str, other: str) -> bool:
    short, long = sorted((one, other), key=len)
    return long in (short + "s", short + "S") or (long[:-1] == short[:-1] and long[-1] in "sS")


def _lower_case_uses(items: list[EssayText], wanted: set[str]) -> set[str]:
    """Which of `wanted` the essay also writes in lower case, as whole words."""
    alternatives = "|".join(map(re.escape, sorted(wanted, key=len, reverse=True)))
    pattern = re.compile(rf"(?<!{_LETTER})(?:{alternatives})(?!{_LETTER})")
    found: set[str] = set()
    for item in items:
        found.update(pattern.findall(item.text))
    return found
