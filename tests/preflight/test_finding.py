"""The Finding record and Severity enum the CLI and the editor read."""

from __future__ import annotations

import dataclasses
import json

import pytest

from photoessay_desktop.preflight import Finding, Severity
from photoessay_desktop.preflight.finding import finding_order


def test_severity_is_a_string_enum_with_the_three_levels() -> None:
    assert [s.value for s in Severity] == ["error", "warning", "info"]
    assert Severity("warning") is Severity.WARNING
    assert json.dumps({"severity": Severity.ERROR}) == '{"severity": "error"}'


def test_finding_is_frozen_with_the_agreed_fields() -> None:
    finding = Finding("missing-credit", Severity.WARNING, 2, "Photo has no credit.", "credit")
    assert [f.name for f in dataclasses.fields(Finding)] == [
        "code",
        "severity",
        "slide",
        "message",
        "field",
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.slide = 3  # type: ignore[misc]


def test_order_is_essay_first_then_slide_then_severity() -> None:
    def make(slide: int | None, severity: Severity) -> Finding:
        return Finding("x", severity, slide, "m", None)

    shuffled = [
        make(2, Severity.INFO),
        make(1, Severity.WARNING),
        make(None, Severity.INFO),
        make(2, Severity.ERROR),
        make(None, Severity.WARNING),
    ]
    ordered = sorted(shuffled, key=finding_order)
    assert [(f.slide, f.severity.value) for f in ordered] == [
        (None, "warning"),
        (None, "info"),
        (1, "warning"),
        (2, "error"),
        (2, "info"),
    ]
