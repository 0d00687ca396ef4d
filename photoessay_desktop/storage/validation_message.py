"""Turns a pydantic ValidationError on a project file into one sentence a person can act on.

`slides[3].caption: expected text` rather than pydantic's developer-facing wording; only the first
problem is described in full, with a count of the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError
from pydantic_core import ErrorDetails

_PLAIN = {
    "string_type": "expected text",
    "missing": "is missing",
    "extra_forbidden": "is not a field PhotoEssay knows",
    "tuple_type": "expected a list",
    "list_type": "expected a list",
    "model_type": "expected an object",
    "model_attributes_type": "expected an object",
    "dict_type": "expected an object",
    "bool_type": "expected true or false",
    "float_type": "expected a number",
    "int_type": "expected a whole number",
    "string_too_short": "must not be empty",
    "finite_number": "expected a finite number",
}


@dataclass(frozen=True)
class ValidationMessage:
    problem: str
    field: str | None
    location: tuple[str | int, ...]


def field_path(location: tuple[str | int, ...]) -> str:
    """`("slides", 3, "caption")` -> `slides[3].caption`."""
    text = ""
    for step in location:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def _problem(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind in _PLAIN:
        return _PLAIN[kind]
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind in ("greater_than", "less_than_equal", "greater_than_equal", "less_than"):
        return f"is out of range ({error['msg'].lower()})"
    return str(error["msg"])


def _location(error: ErrorDetails) -> tuple[str | int, ...]:
    location = tuple(step for step in error["loc"] if isinstance(step, str | int))
    context = error.get("ctx") or {}
    if error["type"] == "duplicate_slide_id" and isinstance(context.get("index"), int):
        # The domain reports the whole list; the person needs the exact slide.
        return (*location, context["index"], "id")
    return location


def describe_validation_error(exc: ValidationError) -> ValidationMessage:
    errors = exc.errors(include_url=False)
    first = errors[0]
    location = _location(first)
    problem = _problem(first)
    if len(errors) > 1:
        more = len(errors) - 1
        problem += f" (and {more} more problem{'s' if more > 1 else ''})"
    return ValidationMessage(problem, field_path(location) or None, location)
