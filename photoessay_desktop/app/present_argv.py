"""The essay and start slide of a `photoessay present` command line, read before argparse loads.

The show's first photo is decoded in a child forked as early as start-up allows (early_decode.py);
argparse and the command line's other imports would hold that fork back by 20-30 ms. This reads
only the plain forms of the options `present` declares and answers None to anything else (help,
an unknown or abbreviated option, a second essay), which just forks nothing. argparse parses the
line for real a moment later and has the last word: the CLI drops the decode if it reads the line
otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

_WITH_VALUE = frozenset({"--start", "--screen", "--auto"})
_FLAGS = frozenset({"--loop", "--presenter"})


def present_essay_and_start(arguments: Sequence[str]) -> tuple[str, int | None] | None:
    """(ESSAY, N) of `present ESSAY [--start N] [...]` (N None without --start), else None."""
    if not arguments or arguments[0] != "present":
        return None
    essay: str | None = None
    start: str | None = None
    rest = iter(arguments[1:])
    for item in rest:
        if item == "--":  # what follows is positional: the essay, alone
            after = list(rest)
            if essay is not None or len(after) != 1:
                return None
            essay = after[0]
            break
        if item.startswith("-") and item != "-":
            name, equals, value = item.partition("=")
            if name in _FLAGS and not equals:
                continue
            if name not in _WITH_VALUE:
                return None
            if not equals:
                following = next(rest, None)
                if following is None:
                    return None
                value = following
            if name == "--start":
                start = value
            continue
        if essay is not None:
            return None
        essay = item
    if essay is None:
        return None
    if start is None:
        return essay, None
    try:
        return essay, int(start)
    except ValueError:
        return None
