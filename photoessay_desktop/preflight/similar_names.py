"""The similar-names check: one name spelled two ways ("Bovshiv" and "Borshiv").

Capitalised words one edit apart (a letter changed, added, dropped or two swapped) are paired
through their one-letter deletions, so the essay is read once, not word against word. Plurals and
possessives, words the essay also writes in lower case, and pairs only ever seen at the start of a
sentence (common words such as "Here" and "Where") are not names and pass, and neither do two
words that stand side by side (one name: "Sigi Sagi").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
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
# The capital comes first (the look-behind after it) so the regex engine can skip ahead to capitals.
_NAME = re.compile(
    rf"[A-Z{re.escape(_UPPER)}](?<!{_LETTER}.){_LETTER}{{{_MIN_LENGTH - 1},}}", re.DOTALL
)
_NEXT_WORD = re.compile(rf"\s+({_LETTER}+)")
# Up to this many names, one regex of alternatives finds their lower-case uses.
_FEW = 64
_CLOSING = "\"'\u201d\u2019\u00bb)]"
_OPENING = " \t\n\"'\u201c\u2018\u00ab(["


@dataclass(slots=True)
class _Name:
    order: int
    count: int
    first: EssayText | None = None
    mid_sentence: bool = False
    lower_case_too: bool = False


def similar_name_findings(items: Sequence[EssayText], joined: str) -> list[Finding]:
    """One info finding per pair of names one letter apart, at the rarer (or later) spelling.

    `joined` is all the items' texts joined by newlines: one regex pass over it finds every
    capitalised word; only the few names in a pair are then looked up text by text.
    """
    counts = Counter(_NAME.findall(joined))
    names = {
        name: _Name(order, count)
        for order, (name, count) in enumerate(counts.items())
        if not name.isupper()  # acronyms (NATO, AFP) are not names spelled out
    }
    pairs = _close_pairs(names)
    if not pairs:
        return []
    side_by_side = _read_uses(items, joined, {name: names[name] for pair in pairs for name in pair})
    findings = []
    for one, other in pairs:
        a, b = names[one], names[other]
        if not (a.mid_sentence or b.mid_sentence) or a.lower_case_too or b.lower_case_too:
            continue
        if f"{one} {other}" in side_by_side or f"{other} {one}" in side_by_side:
            continue  # two parts of one name, as in "Sigi Sagi"
        # Report at the spelling used less (or, if as often, the one that comes later).
        if (a.count, -a.order) > (b.count, -b.order):
            one, other, a, b = other, one, b, a
        if a.first is not None and b.first is not None:  # always: each name came from an item
            findings.append(_finding(one, a.first, other, b.first))
    return findings


def _finding(odd: str, odd_first: EssayText, usual: str, usual_first: EssayText) -> Finding:
    odd_place, usual_place = odd_first.place, usual_first.place
    where = (
        f"both in {odd_place}"
        if odd_place == usual_place
        else f'{odd_place}; "{usual}" in {usual_place}'
    )
    return Finding(
        CODE,
        Severity.INFO,
        odd_first.slide,
        f'"{odd}" and "{usual}" differ by one letter ({where}): is one name spelled two ways?',
        odd_first.field,
    )


def _close_pairs(names: dict[str, _Name]) -> list[tuple[str, str]]:
    """Pairs of distinct names one edit apart, each pair once, in the order the names appear."""
    by_key: dict[str, list[str]] = {}
    for name in names:
        # A name and its one-letter deletions: two names one edit apart share one of these.
        for key in {name, *(name[:index] + name[index + 1 :] for index in range(len(name)))}:
            by_key.setdefault(key, []).append(name)
    checked: set[tuple[str, str]] = set()
    pairs: list[tuple[str, str]] = []
    for group in by_key.values():
        if len(group) < 2:
            continue
        for i, one in enumerate(group):
            for other in group[i + 1 :]:
                pair = (one, other) if names[one].order < names[other].order else (other, one)
                if pair in checked:
                    continue
                checked.add(pair)
                if _one_edit_apart(one, other) and not _plural_or_possessive(one, other):
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


def _read_uses(items: Sequence[EssayText], joined: str, wanted: dict[str, _Name]) -> set[str]:
    """Note, for the names in a pair, their first place, whether any use is mid-sentence (or in a
    credit) and whether the essay also writes the word in lower case (a common word, then, not a
    name). Returns "A B" for every two wanted names written side by side (one person's name)."""
    side_by_side: set[str] = set()
    for item in items:
        text = item.text
        for match in _NAME.finditer(text):
            entry = wanted.get(match.group())
            if entry is None:
                continue
            if entry.first is None:
                entry.first = item
            if not entry.mid_sentence:
                entry.mid_sentence = item.field == "credit" or not _opens_sentence(
                    text, match.start()
                )
            following = _NEXT_WORD.match(text, match.end())
            if following and following.group(1) in wanted:
                side_by_side.add(f"{match.group()} {following.group(1)}")
    lower = {name.lower(): entry for name, entry in wanted.items()}
    for word in _lower_case_words(joined, set(lower)):
        lower[word].lower_case_too = True
    return side_by_side


def _lower_case_words(joined: str, wanted: set[str]) -> set[str]:
    """Which of `wanted` stand as whole words in the text: one alternation for a few, else every
    word of the text once (an essay that pairs hundreds of names is rare but must not stall)."""
    if len(wanted) <= _FEW:
        alternatives = "|".join(map(re.escape, sorted(wanted, key=len, reverse=True)))
        pattern = re.compile(rf"(?<!{_LETTER})(?:{alternatives})(?!{_LETTER})")
        return set(pattern.findall(joined))
    return wanted.intersection(re.findall(rf"{_LETTER}+", joined))


def _opens_sentence(text: str, start: int) -> bool:
    """True at the start of the text or after . ! ? (past any closing and opening quotes)."""
    before = text[:start].rstrip(_OPENING).rstrip(_CLOSING)
    return not before or before[-1] in ".!?"
