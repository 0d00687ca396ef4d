"""Finds the line of a value inside JSON text, given its path (`("slides", 3, "caption")`).

Used only after the text parsed as JSON, to point error messages at a line. It scans without
recursion, so a deeply nested file cannot exhaust the stack.
"""

from __future__ import annotations

import json.decoder
from collections.abc import Callable, Sequence

_WHITESPACE = " \t\n\r"
# typeshed does not declare it, but json.decoder.scanstring is the C string scanner json uses.
_scan_string: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WHITESPACE:
        pos += 1
    return pos


def _skip_value(text: str, pos: int) -> int:
    """Position just after the JSON value starting at pos (text is known to be valid JSON)."""
    if text[pos] == '"':
        return _scan_string(text, pos + 1)[1]
    if text[pos] not in "[{":
        while pos < len(text) and text[pos] not in ",]}" and text[pos] not in _WHITESPACE:
            pos += 1
        return pos
    depth = 0
    while pos < len(text):
        char = text[pos]
        if char == '"':
            pos = _scan_string(text, pos + 1)[1]
            continue
        pos += 1
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return pos
    return pos


def _find_member(text: str, pos: int, key: str) -> int | None:
    """Inside the object starting at pos ('{'), the position of the value of key."""
    pos = _skip_ws(text, pos + 1)
    while pos < len(text) and text[pos] == '"':
        name, pos = _scan_string(text, pos + 1)
        pos = _skip_ws(text, pos)
        pos = _skip_ws(text, pos + 1)  # the ':'
        if name == key:
            return pos
        pos = _skip_ws(text, _skip_value(text, pos))
        if pos < len(text) and text[pos] == ",":
            pos = _skip_ws(text, pos + 1)
    return None


def _find_item(text: str, pos: int, index: int) -> int | None:
    """Inside the array starting at pos ('['), the position of item index."""
    pos = _skip_ws(text, pos + 1)
    current = 0
    while pos < len(text) and text[pos] != "]":
        if current == index:
            return pos
        pos = _skip_ws(text, _skip_value(text, pos))
        if pos < len(text) and text[pos] == ",":
            pos = _skip_ws(text, pos + 1)
        current += 1
    return None


def line_of(text: str, path: Sequence[str | int]) -> int:
    """The 1-based line of the deepest part of path found in text (a missing key: its object)."""
    pos = _skip_ws(text, 0)
    try:
        for step in path:
            if pos >= len(text):
                break
            found: int | None = None
            if isinstance(step, str) and text[pos] == "{":
                found = _find_member(text, pos, step)
            elif isinstance(step, int) and text[pos] == "[":
                found = _find_item(text, pos, step)
            if found is None:
                break
            pos = found
    except (ValueError, IndexError):
        pass  # not JSON after all: the best line we know is where we stopped
    return text.count("\n", 0, pos) + 1
