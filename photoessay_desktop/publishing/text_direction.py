"""Which essay languages read right to left, for the page's `dir` and the PDF's page furniture.

A plain lookup on the language tag's first subtag; each paragraph's own direction still comes
from its text (an Arabic caption in an English essay reads right to left either way).
"""

from __future__ import annotations

# Arabic, Aramaic, Sorani, Dhivehi, Persian, Hebrew (and its old code), Pashto, Sindhi, Uyghur,
# Urdu, Yiddish.
RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi"}
)


def is_right_to_left(language: str | None) -> bool:
    """True when the essay's language tag (e.g. "ar", "he-IL", "fa") is written right to left."""
    return bool(language) and str(language).split("-")[0].lower() in RTL_LANGUAGES
