"""What a check reports: a code, how serious it is, where it is (slide and field) and a message.

Plain frozen values that the CLI prints and the editor lists; nothing here knows how checks work.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.StrEnum):
    """How much a finding matters: errors stop publication, warnings want a look, info is a hint."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info: the order findings are listed in."""
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an editor should look at.

    `slide` is 1-based, or None for the essay's own texts (title, standfirst, body). `field` names
    what the editor should focus: "title", "standfirst", "body[2]" (0-based, as in the project
    file), "caption", "credit", "alt_text", "notes" or "image"; None when no one field is at fault.
    """

    code: str
    severity: Severity
    slide: int | None
    message: str
    field: str | None


def finding_order(finding: Finding) -> tuple[int, int]:
    """Sort key: essay findings first, then by slide; errors before warnings before info."""
    return (0 if finding.slide is None else finding.slide, finding.severity.rank)
