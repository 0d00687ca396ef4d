"""`photoessay check ESSAY [--json] [--strict]`: the editorial checks, for people and for scripts.

Exit 0 when there is no error (with --strict: no warning either), 1 otherwise, 2 when the file
cannot be read as an essay. Never imports Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.domain.image_facts import ImageFacts
from photoessay_desktop.imaging.image_facts_reader import read_image_facts
from photoessay_desktop.preflight.finding import Finding, Severity
from photoessay_desktop.preflight.run_checks import check_essay
from photoessay_desktop.storage.essay_file import EssayFileError, load_essay


def gather_image_facts(essay: Essay) -> dict[str, ImageFacts]:
    """Header facts for every distinct image reference (remote ones are never fetched)."""
    refs = {slide.image for slide in essay.slides if slide.image is not None}
    return {ref: read_image_facts(ref) for ref in sorted(refs)}


def exit_code(findings: tuple[Finding, ...], *, strict: bool) -> int:
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(finding.severity in failing for finding in findings) else 0


def _as_json(path: Path, essay: Essay, findings: tuple[Finding, ...]) -> str:
    payload = {
        "file": str(path),
        "slides": len(essay.slides),
        "findings": [
            {
                "code": finding.code,
                "severity": finding.severity.value,
                "slide": finding.slide,
                "message": finding.message,
            }
            for finding in findings
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)


def _as_text(path: Path, essay: Essay, findings: tuple[Finding, ...]) -> str:
    lines = [f"{path}: {len(essay.slides)} slides"]
    for finding in findings:
        where = "essay" if finding.slide is None else f"slide {finding.slide}"
        lines.append(f"  {where:<9} {finding.severity.value:<8} {finding.code}: {finding.message}")
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    summary = ", ".join(
        f"{count} {severity.value}{'s' if count != 1 and severity is not Severity.INFO else ''}"
        for severity, count in counts.items()
    )
    lines.append(f"  {summary}" if findings else "  no findings")
    return "\n".join(lines)


def run_check(args: argparse.Namespace) -> int:
    path = Path(args.essay)
    try:
        essay = load_essay(path)
    except EssayFileError as exc:
        print(f"photoessay check: {exc}", file=sys.stderr)
        return 2
    findings = check_essay(essay, gather_image_facts(essay))
    render = _as_json if args.json else _as_text
    print(render(path, essay, findings))
    return exit_code(findings, strict=args.strict)
