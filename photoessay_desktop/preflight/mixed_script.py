"""The mixed-script check: look-alike letters from another script, following UTS #39.

Two cases are flagged. A word whose letters share no script ("serviceman" typed with a Cyrillic
U+0430), and a word written wholly in another script whose letters all look like letters of the
text's dominant script (a lone Cyrillic U+0410 in English) while the words around it are not.
A real quotation in another script (words with letters that look like nothing in the text) passes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Set

from photoessay_desktop.preflight.essay_text import EssayText
from photoessay_desktop.preflight.finding import Finding, Severity
from photoessay_desktop.preflight.script_words import (
    Word,
    dominant_script,
    script_counts,
    shared_script,
    split_words,
)
from photoessay_desktop.preflight.unicode_table import UnicodeTable

CODE = "mixed-script"


def may_mix_scripts(text: str, table: UnicodeTable) -> bool:
    """Cheap test: False means the text is Latin (or script-neutral) throughout."""
    return not text.isascii() and table.not_latin.search(text) is not None


def mixed_script_findings(
    item: EssayText, table: UnicodeTable, alphabet: Callable[[], Set[str]]
) -> list[Finding]:
    """Findings for one text; `alphabet` gives every character the essay uses (asked for lazily)."""
    text = item.text
    if not may_mix_scripts(text, table) or shared_script(text, table):
        return []
    dominant = dominant_script(script_counts(text, table))
    words = split_words(text, table)
    placed = [
        (word.start, _mixed_word_finding(item, word, dominant, table))
        for word in words
        if word.scripts is not None and not word.scripts
    ]
    placed.extend(
        (word.start, _look_alike_finding(item, word, dominant, table))
        for word in _look_alike_words(words, dominant, table, alphabet)
    )
    placed.sort(key=lambda pair: pair[0])
    return [finding for _, finding in placed]


def _letter_scripts(word: Word, table: UnicodeTable) -> list[tuple[str, frozenset[str]]]:
    pairs = []
    for ch in word.text:
        scripts = table.scripts_of(ch)
        if scripts is not None:
            pairs.append((ch, scripts))
    return pairs


def _mixed_word_finding(
    item: EssayText, word: Word, dominant: str | None, table: UnicodeTable
) -> Finding:
    letters = _letter_scripts(word, table)
    counts: Counter[str] = Counter(code for _, scripts in letters for code in scripts)
    # The word's own script is the one most of its letters share; a tie goes to the text's script.
    main = min(counts, key=lambda code: (-counts[code], code != dominant, code))
    odd = list(dict.fromkeys(ch for ch, scripts in letters if main not in scripts))
    odd_names = ", ".join(_describe_with_look_alike(ch, main, table) for ch in odd)
    others = sorted({table.script_name(_main_code(table.scripts_of(ch))) for ch in odd})
    return Finding(
        CODE,
        Severity.WARNING,
        item.slide,
        f'{_capitalised(item.place)}: the word "{word.text}" mixes {" and ".join(others)} letters '
        f"into {table.script_name(main)}: {odd_names}. Retype the word in one script.",
        item.field,
    )


def _look_alike_words(
    words: list[Word],
    dominant: str | None,
    table: UnicodeTable,
    alphabet: Callable[[], Set[str]],
) -> list[Word]:
    """Words in another script that look like the dominant one, unless part of a real quotation.

    Consecutive words in the same other script form a run; the run is flagged only when every word
    in it is a look-alike, so one confusable word inside a genuine quotation passes.
    """
    if dominant is None:
        return []
    flagged: list[Word] = []
    run: list[Word] = []
    run_all_alike = True
    run_scripts: frozenset[str] = frozenset()
    for word in words:
        if word.scripts is None or not word.scripts:
            continue  # digits and the like belong to no run; mixed words are reported apart
        if dominant in word.scripts or not (run_scripts & word.scripts):
            if run and run_all_alike:
                flagged.extend(run)
            run, run_all_alike, run_scripts = [], True, frozenset()
            if dominant in word.scripts:
                continue
        run.append(word)
        run_scripts = run_scripts & word.scripts if run_scripts else word.scripts
        run_all_alike = run_all_alike and _looks_like(word, dominant, table, alphabet)
    if run and run_all_alike:
        flagged.extend(run)
    return flagged


def _looks_like(
    word: Word, script: str, table: UnicodeTable, alphabet: Callable[[], Set[str]]
) -> bool:
    """Every letter has a look-alike in `script` that readers know: ASCII, or used in the essay.

    Asking for letters the essay itself uses keeps rare look-alikes (the Cyrillic palochka for a
    Latin "l") from turning every Latin brand name in a Russian text into a finding.
    """
    letters = [ch for ch, _ in _letter_scripts(word, table)]
    if not letters:
        return False
    used = alphabet()
    for ch in letters:
        alike = table.look_alike(ch, script)
        if alike is None or not all(
            c.isascii() or c in used or c.swapcase() in used for c in alike
        ):
            return False
    return True


def _look_alike_finding(
    item: EssayText, word: Word, dominant: str | None, table: UnicodeTable
) -> Finding:
    script = dominant or ""
    own = table.script_name(_main_code(word.scripts))
    letters = ", ".join(
        _describe_with_look_alike(ch, script, table)
        for ch in dict.fromkeys(ch for ch, _ in _letter_scripts(word, table))
    )
    return Finding(
        CODE,
        Severity.WARNING,
        item.slide,
        f'{_capitalised(item.place)}: the word "{word.text}" is written in {own} letters that '
        f"look {table.script_name(script)}: {letters}. Retype it if it is meant to be "
        f"{table.script_name(script)}.",
        item.field,
    )


def _describe_with_look_alike(ch: str, script: str, table: UnicodeTable) -> str:
    alike = table.look_alike(ch, script)
    described = table.describe(ch)
    if alike is None:
        return described
    return f'{described} (looks like {table.script_name(script)} "{alike}")'


def _main_code(scripts: frozenset[str] | None) -> str:
    """One script to name for a set: the first that is not an augmented Japanese/Korean/Han set."""
    if not scripts:
        return "Zyyy"
    plain = sorted(code for code in scripts if code not in ("Jpan", "Kore", "Hanb"))
    return plain[0] if plain else sorted(scripts)[0]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
