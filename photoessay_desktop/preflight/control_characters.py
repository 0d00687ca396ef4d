"""The control-characters check: invisible or direction-changing characters hidden in a text.

Joiners (ZWJ, ZWNJ) pass where the script uses them (Persian, Indic scripts, emoji sequences);
direction marks and balanced embeddings or isolates pass in text with right-to-left letters; tag
characters pass inside an emoji flag. Everything else in the set is reported, once per text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from photoessay_desktop.preflight.essay_text import EssayText
from photoessay_desktop.preflight.finding import Finding, Severity
from photoessay_desktop.preflight.script_words import ZWJ, ZWNJ
from photoessay_desktop.preflight.unicode_table import UnicodeTable

CODE = "control-characters"

# Tab, line feed and carriage return are ordinary; the other C0/C1 controls are not. The rest are
# invisible format characters and fillers (Default_Ignorable code points a newsroom text never
# needs): soft hyphen, Hangul and Khmer fillers, zero-width space, bidi controls, word joiner,
# invisible operators, BOM, interlinear annotation, musical formatting, tags.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0"
    "\ufff9-\ufffb\U0001d173-\U0001d17a\U000e0000-\U000e007f]"
)
_RTL_LETTERS = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM
_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u2066": "\u2069", "\u2067": "\u2069"}
_OPENERS["\u2068"] = "\u2069"
_CLOSERS = frozenset(_OPENERS.values())
_BLACK_FLAG = "\U0001f3f4"
_CANCEL_TAG = "\U000e007f"
_EMOJI_MODIFIERS = frozenset(chr(cp) for cp in range(0x1F3FB, 0x1F400)) | {"\ufe0f"}


def may_hide_characters(text: str) -> bool:
    """Cheap test: False means the text certainly has no character this check looks at."""
    return _SUSPECT.search(text) is not None


def control_character_findings(item: EssayText, table: UnicodeTable) -> list[Finding]:
    """At most one finding for one text, naming each kind of hidden character and where it sits."""
    text = item.text
    if _SUSPECT.search(text) is None:
        return []
    rtl = _RTL_LETTERS.search(text) is not None
    balanced = rtl and _balanced(text)
    flagged: Counter[str] = Counter()
    first_at: dict[str, int] = {}
    for match in _SUSPECT.finditer(text):
        ch, index = match.group(), match.start()
        if _allowed(text, index, table, rtl=rtl, balanced=balanced):
            continue
        flagged[ch] += 1
        first_at.setdefault(ch, index)
    if not flagged:
        return []
    parts = [_describe(text, ch, first_at[ch], flagged[ch], table) for ch in first_at]
    return [
        Finding(
            CODE,
            Severity.WARNING,
            item.slide,
            f"The {item.label} hides invisible or direction-changing "
            f"characters: {'; '.join(parts)}. Delete them.",
            item.field,
        )
    ]


def _allowed(text: str, index: int, table: UnicodeTable, *, rtl: bool, balanced: bool) -> bool:
    ch = text[index]
    if ch in (ZWJ, ZWNJ):
        return _joiner_in_context(text, index, table)
    if ch in _MARKS:
        return rtl
    if ch in _OPENERS or ch in _CLOSERS:
        return balanced
    if "\U000e0020" <= ch <= _CANCEL_TAG:
        return _in_emoji_flag(text, index)
    return False


def _balanced(text: str) -> bool:
    """Every embedding or isolate opened in the text is closed, and nothing is closed unopened."""
    stack: list[str] = []
    for ch in text:
        if ch in _OPENERS:
            stack.append(_OPENERS[ch])
        elif ch in _CLOSERS and (not stack or stack.pop() != ch):
            return False
    return not stack


def _joiner_in_context(text: str, index: int, table: UnicodeTable) -> bool:
    before = index - 1
    while before >= 0 and (text[before] in _EMOJI_MODIFIERS or _is_mark(text[before])):
        before -= 1
    if before < 0 or index + 1 >= len(text):
        return False
    previous, following = text[before], text[index + 1]
    if text[index] == ZWJ and table.is_pictographic(previous) and table.is_pictographic(following):
        return True
    return _joining_letter(previous, table) and _joining_letter(following, table)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def _joining_letter(ch: str, table: UnicodeTable) -> bool:
    if unicodedata.category(ch)[0] not in "LM":
        return False
    scripts = table.scripts_of(ch)
    return scripts is not None and not scripts.isdisjoint(table.joiner_scripts)


def _in_emoji_flag(text: str, index: int) -> bool:
    """Tags spelling a subdivision flag: black flag, tag letters, cancel tag."""
    start = index
    while start > 0 and "\U000e0020" <= text[start - 1] <= _CANCEL_TAG:
        start -= 1
    end = index
    while end + 1 < len(text) and "\U000e0020" <= text[end + 1] < _CANCEL_TAG:
        end += 1
    if text[index] != _CANCEL_TAG and end + 1 < len(text):
        end += 1
    return start > 0 and text[start - 1] == _BLACK_FLAG and text[end] == _CANCEL_TAG


def _describe(text: str, ch: str, index: int, count: int, table: UnicodeTable) -> str:
    times = f"{count} times, first" if count > 1 else ""
    before = " ".join(_SUSPECT.sub("", text[max(0, index - 16) : index]).split()[-2:])
    where = f'after "{before}"' if before else "at the start"
    return f"{table.describe(ch)} ({times} {where})".replace("( ", "(")
