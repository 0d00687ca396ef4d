"""The mixed-script check: look-alike letters from another script, following UTS #39.

Two cases are flagged. A word whose letters share no script ("serviceman" typed with a Cyrillic
U+0430), and a word written wholly in another script whose letters all look like letters of the
text's dominant script (a lone Cyrillic U+0410 in English) while the words around it are not.
A real quotation in another script (words with letters that look like nothing in the text) passes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from photoessay_desktop.preflight.essay_text import EssayText
from photoessay_desktop.preflight.finding import Finding, Severity
from photoessay_desktop.preflight.script_words import (
    Word,
    WordScripts,
    dominant_script,
    script_counts,
    shared_script,
)
from photoessay_desktop.preflight.unicode_table import UnicodeTable

CODE = "mixed-script"
# Letters enough to tell which script an essay is written in (its title and standfirst, mostly).
_ENOUGH_LETTERS = 400


def may_mix_scripts(text: str, table: UnicodeTable) -> bool:
    """Cheap test: False means the text is Latin (or script-neutral) throughout."""
    return not text.isascii() and table.not_latin.search(text) is not None


# Writes the message about one word: (word, the text's dominant script, field label, table).
_Describe = Callable[[Word, str | None, str, UnicodeTable], str]


class MixedScriptCheck:
    """The check for one run over an essay: words and look-alike verdicts are worked out once.

    `essay_uses(ch)` tells whether the essay's published texts use a character; it is asked only
    about the look-alikes of words in another script.
    """

    def __init__(
        self,
        table: UnicodeTable,
        essay_uses: Callable[[str], bool],
        essay_texts: Sequence[EssayText],
    ) -> None:
        self._table = table
        self._words = WordScripts(table)
        self._essay_uses = essay_uses
        self._essay_texts = essay_texts
        self._essay_script: str | None = None
        self._alike: dict[tuple[str, str], bool] = {}
        self._messages: dict[tuple[_Describe, str, str | None, str], str] = {}

    def findings(self, item: EssayText) -> list[Finding]:
        """Findings for one text, in the order its words come.

        The text's dominant script is the yardstick; a text written in one script only (a whole
        caption typed in look-alike Cyrillic, say) is measured against the essay's script instead.
        """
        text, table = item.text, self._table
        if not may_mix_scripts(text, table):
            return []
        essay = self.essay_script()
        if shared_script(text, table):
            # One script fits the whole text: it can only look like the essay's script, and
            # not at all when it is written in that script.
            if essay is None or table.outside_script(essay).search(text) is None:
                return []
            words = self._words.split(text)
            # One script throughout makes the whole text one run: stop at its first real word.
            if not all(self._looks_like(word, essay) for word in words if word.scripts):
                return []
            dominant: str | None = essay
        else:
            words = self._words.split(text)
            dominant = dominant_script(script_counts(words), prefer=essay) or essay
        placed = [
            (word.position, self._finding(item, _mixed_word_message, word, dominant))
            for word in words
            if word.scripts is not None and not word.scripts
        ]
        placed.extend(
            (word.position, self._finding(item, _look_alike_message, word, dominant))
            for word in _look_alike_words(words, dominant, self._looks_like)
        )
        placed.sort(key=lambda pair: pair[0])
        return [finding for _, finding in placed]

    def essay_script(self) -> str | None:
        """The script most of the essay is written in, read from its first texts (cached)."""
        if self._essay_script is None:
            counts: Counter[str] = Counter()
            for item in self._essay_texts:
                counts.update(script_counts(self._words.split(item.text)))
                if counts.total() >= _ENOUGH_LETTERS:
                    break
            self._essay_script = dominant_script(counts) or ""
        return self._essay_script or None

    def _finding(
        self, item: EssayText, describe: _Describe, word: Word, dominant: str | None
    ) -> Finding:
        """A finding whose message is written once per word, however many texts repeat it."""
        key = (describe, word.text, dominant, item.label)
        message = self._messages.get(key)
        if message is None:
            message = self._messages[key] = describe(word, dominant, item.label, self._table)
        return Finding(CODE, Severity.WARNING, item.slide, message, item.field)

    def _looks_like(self, word: Word, script: str) -> bool:
        key = (word.text, script)
        verdict = self._alike.get(key)
        if verdict is None:
            verdict = self._alike[key] = _looks_like(word, script, self._table, self._essay_uses)
        return verdict


def _letter_scripts(word: Word, table: UnicodeTable) -> list[tuple[str, frozenset[str]]]:
    pairs = []
    for ch in word.text:
        scripts = table.scripts_of(ch)
        if scripts is not None:
            pairs.append((ch, scripts))
    return pairs


def _mixed_word_message(word: Word, dominant: str | None, label: str, table: UnicodeTable) -> str:
    letters = _letter_scripts(word, table)
    counts: Counter[str] = Counter(code for _, scripts in letters for code in scripts)
    # The word's own script is the one most of its letters share; a tie goes to the text's script.
    main = min(counts, key=lambda code: (-counts[code], code != dominant, code))
    odd = list(dict.fromkeys(ch for ch, scripts in letters if main not in scripts))
    odd_names = ", ".join(_describe_with_look_alike(ch, main, table) for ch in odd)
    others = sorted({table.script_name(_main_code(table.scripts_of(ch))) for ch in odd})
    return (
        f'The word "{word.text}" in the {label} mixes {" and ".join(others)} letters '
        f"into {table.script_name(main)}: {odd_names}. Retype the word in one script."
    )


def _look_alike_words(
    words: list[Word], dominant: str | None, looks_like: Callable[[Word, str], bool]
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
        run_all_alike = run_all_alike and looks_like(word, dominant)
    if run and run_all_alike:
        flagged.extend(run)
    return flagged


def _looks_like(
    word: Word, script: str, table: UnicodeTable, essay_uses: Callable[[str], bool]
) -> bool:
    """Every letter has a look-alike in `script` that readers know: ASCII, or used in the essay.

    Asking for letters the essay itself uses keeps rare look-alikes (the Cyrillic palochka for a
    Latin "l") from turning every Latin brand name in a Russian text into a finding.
    """
    letters = [ch for ch, _ in _letter_scripts(word, table)]
    if not letters:
        return False
    for ch in letters:
        alike = table.look_alike(ch, script)
        if alike is None or not all(
            c.isascii() or essay_uses(c) or essay_uses(c.swapcase()) for c in alike
        ):
            return False
    return True


def _look_alike_message(word: Word, dominant: str | None, label: str, table: UnicodeTable) -> str:
    script = dominant or ""
    own = table.script_name(_main_code(word.scripts))
    letters = ", ".join(
        _describe_with_look_alike(ch, script, table)
        for ch in dict.fromkeys(ch for ch, _ in _letter_scripts(word, table))
    )
    return (
        f'The word "{word.text}" in the {label} is written in {own} letters that '
        f"look {table.script_name(script)}: {letters}. Retype it if it is meant to be "
        f"{table.script_name(script)}."
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
