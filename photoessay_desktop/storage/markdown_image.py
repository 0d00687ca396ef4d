"""Read and write one CommonMark image, `![alt](target "title")`, standing alone on a line.

Targets, titles, backslash escapes and entity references follow the CommonMark spec (a raw
target may hold balanced parentheses, a `<...>` target may hold spaces); inline markup inside the
alt text (emphasis, code spans, nested links) is kept as written, not interpreted. Pure string
work: it never opens a file and never decides whether a target is safe (domain.image_ref does).
"""

from __future__ import annotations

import html.entities
import re
import string
from dataclasses import dataclass

# CommonMark's ASCII punctuation: the only characters a backslash escapes.
_PUNCTUATION = frozenset(string.punctuation)
_ESCAPE_OR_ENTITY = re.compile(
    r"\\([!-/:-@\[-`{-~])"
    r"|&(?:#[xX]([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));"
)
_ENTITY_AHEAD = re.compile(r"&(?:#[xX][0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});")
# Escaped in alt text so that any CommonMark reader, not only ours, sees the same plain text:
# brackets end the label; code spans, HTML and emphasis would otherwise bind tighter or vanish.
_ALT_SPECIALS = frozenset("[]`<*_")
_POINTY_SPECIALS = frozenset("<>")
_SPACES = " \t"
# Runs of characters a scanner has no decision to make about, skipped in one step so that a
# megabyte-long data: address costs a regex match, not a Python loop over every character.
_ALT_PLAIN = re.compile(r"[^\\\[\]]+")
_POINTY_PLAIN = re.compile(r"[^\\<>]+")
_RAW_PLAIN = re.compile(r"[^\\()\x00-\x20\x7f]+")
_TITLE_PLAIN = {
    '"': re.compile(r'[^\\"]+'),
    "'": re.compile(r"[^\\']+"),
    "(": re.compile(r"[^\\()]+"),
}


@dataclass(frozen=True)
class MarkdownImage:
    """The parts of an image line after escapes and entity references are resolved."""

    alt: str
    target: str
    title: str | None = None


class ImageSyntaxError(ValueError):
    """A line that starts like an image (`![`) but is not one; str() says what is wrong."""


def parse_image_line(line: str) -> MarkdownImage | None:
    """The image a whole (already trimmed) line holds, or None when it does not start with `![`.

    Raises ImageSyntaxError when the line starts with `![` but is not exactly one image, so the
    caller can tell the user why it was read as text.
    """
    if not line.startswith("!["):
        return None
    alt_end = _closing_bracket(line, 2)
    pos = alt_end + 1
    if pos >= len(line) or line[pos] != "(":
        raise ImageSyntaxError("no (address) follows the ] of the alt text")
    raw_target, pos = _read_destination(line, _skip_spaces(line, pos + 1))
    raw_title, pos = _read_optional_title(line, pos)
    if pos >= len(line) or line[pos] != ")":
        raise ImageSyntaxError(_unclosed_message(raw_target))
    if pos + 1 != len(line):
        raise ImageSyntaxError("more text follows the image on the same line")
    return MarkdownImage(
        alt=unescape(line[2:alt_end]),
        target=unescape(raw_target),
        title=None if raw_title is None else unescape(raw_title),
    )


def format_image_line(alt: str, target: str) -> str:
    """An image line that parse_image_line (and any CommonMark reader) reads back as alt, target.

    Neither may hold a line break ("\\n" or "\\r"): a line cannot.
    """
    return f"![{_escape(alt, _ALT_SPECIALS)}]({_format_target(target)})"


def unescape(text: str) -> str:
    """Resolve CommonMark backslash escapes and entity references (`&amp;`, `&#233;`, `&#xE9;`)."""
    return _ESCAPE_OR_ENTITY.sub(_resolve, text)


def _resolve(match: re.Match[str]) -> str:
    escaped, hex_code, decimal_code, name = match.groups()
    if escaped is not None:
        return escaped
    if name is not None:
        return html.entities.html5.get(f"{name};", match.group(0))
    code = int(hex_code, 16) if hex_code is not None else int(decimal_code)
    # CommonMark replaces NUL, surrogates and numbers past Unicode with U+FFFD.
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return "\ufffd"
    return chr(code)


def _closing_bracket(line: str, pos: int) -> int:
    depth = 0
    while (pos := _next_special(line, pos, _ALT_PLAIN)) < len(line):
        if line[pos] == "]":
            if depth == 0:
                return pos
            depth -= 1
        else:
            depth += 1
        pos += 1
    raise ImageSyntaxError("the [ that opens the alt text is never closed with ]")


def _next_special(line: str, pos: int, plain: re.Pattern[str]) -> int:
    """The next unescaped character that plain does not match, or len(line)."""
    while (pos := _skip(plain, line, pos)) < len(line):
        if line[pos] != "\\":
            return pos
        # A backslash escapes ASCII punctuation only; before anything else it is a plain character.
        escapes = pos + 1 < len(line) and line[pos + 1] in _PUNCTUATION
        pos += 2 if escapes else 1
    return pos


def _skip(plain: re.Pattern[str], line: str, pos: int) -> int:
    match = plain.match(line, pos)
    return pos if match is None else match.end()


def _skip_spaces(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in _SPACES:
        pos += 1
    return pos


def _read_destination(line: str, pos: int) -> tuple[str, int]:
    if pos < len(line) and line[pos] == "<":
        return _read_pointy_destination(line, pos + 1)
    return _read_raw_destination(line, pos)


def _read_pointy_destination(line: str, start: int) -> tuple[str, int]:
    pos = _next_special(line, start, _POINTY_PLAIN)
    if pos < len(line) and line[pos] == ">":
        return line[start:pos], pos + 1
    raise ImageSyntaxError("the < that opens the address is never closed with >")


def _read_raw_destination(line: str, start: int) -> tuple[str, int]:
    pos, depth = start, 0
    while (pos := _next_special(line, pos, _RAW_PLAIN)) < len(line):
        if line[pos] == "(":
            depth += 1
        elif line[pos] == ")" and depth:
            depth -= 1
        else:  # the image's own ), a space or a control character ends the address
            break
        pos += 1
    if depth:
        raise ImageSyntaxError("the address has a ( that is never closed")
    return line[start:pos], pos


def _read_optional_title(line: str, pos: int) -> tuple[str | None, int]:
    after_spaces = _skip_spaces(line, pos)
    # A title must be set apart from the address by a space.
    if after_spaces == pos or after_spaces >= len(line) or line[after_spaces] not in "\"'(":
        return None, after_spaces
    opener = line[after_spaces]
    closer = ")" if opener == "(" else opener
    start = after_spaces + 1
    # Inside a (title) an unescaped ( is not allowed, so it stops the scan too.
    end = _next_special(line, start, _TITLE_PLAIN[opener])
    if end < len(line) and line[end] == closer:
        return line[start:end], _skip_spaces(line, end + 1)
    raise ImageSyntaxError(f"the title that opens with {opener} is never closed with {closer}")


def _unclosed_message(raw_target: str) -> str:
    if "(" in raw_target and not raw_target.startswith("<"):
        # "(x.jpg(1)": the ) the writer meant for the image closed the address's own (.
        return (
            "the ( before the address is never closed with ): the address has a ( without "
            "its own ); write it as \\( or put the address in <...>"
        )
    return "the ( before the address is never closed with )"


def _is_space_or_control(char: str) -> bool:
    return char == " " or ord(char) < 0x20 or ord(char) == 0x7F


def _format_target(target: str) -> str:
    if _fits_raw(target):
        return _escape(target, frozenset())
    return f"<{_escape(target, _POINTY_SPECIALS)}>"


def _fits_raw(target: str) -> bool:
    if not target or target.startswith("<"):
        return False
    if any(char.isspace() or _is_space_or_control(char) for char in target):
        return False
    depth = 0
    for char in target:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _escape(text: str, specials: frozenset[str]) -> str:
    out: list[str] = []
    for index, char in enumerate(text):
        following = text[index + 1 : index + 2]
        if char == "\\":
            # A backslash before punctuation (or before the closing bracket we write next) would
            # escape it; elsewhere it is an ordinary character and stays readable (C:\photos).
            out.append("\\\\" if not following or following in _PUNCTUATION else "\\")
        elif char in specials or (char == "&" and _ENTITY_AHEAD.match(text, index)):
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)
