"""Writes the essay back as article text (Markdown) through storage's article format, atomically.

The format itself is storage's (export_article); this only writes the file beside its target and
moves it into place, so a failed export never leaves half a file. No Qt, no pixels.
"""

from __future__ import annotations

from pathlib import Path

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.publishing.export_control import ExportControl, ExportResult
from photoessay_desktop.publishing.staged_output import staged_file
from photoessay_desktop.storage.article_export import export_article


def export_text(
    essay: Essay, target: Path, *, control: ExportControl | None = None
) -> ExportResult:
    """Write essay as article text at target (UTF-8, LF), photo paths relative to its folder."""
    control = control or ExportControl()
    control.report(0, 1, "Writing the article text")
    article = export_article(essay, output_folder=target.parent)
    with staged_file(target) as temp:
        temp.write_text(article.text, encoding="utf-8", newline="\n")
        control.report(1, 1, "Moving the text into place")
    return ExportResult(str(target), article.warnings)
