"""What an essay saved in a file is called: the project file's suffix, and the file's name without
it, as window titles and prompts show it. Pure: no files are touched, and nothing heavy is
imported (the editor's opening frame uses it before the essay model loads)."""

from __future__ import annotations

from pathlib import PurePath

ESSAY_SUFFIX = ".essay.json"
# What an essay with neither a file nor a title is called.
UNTITLED_ESSAY = "Untitled essay"


def essay_display_name(path: PurePath) -> str:
    """What the window title and prompts call the essay saved at `path`."""
    return path.name.removesuffix(ESSAY_SUFFIX) or path.name
