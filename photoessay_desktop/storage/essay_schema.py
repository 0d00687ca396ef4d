"""The JSON Schema of the project file: the domain model's schema plus the file's header fields."""

from __future__ import annotations

from typing import Any

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.storage.essay_format import FORMAT_NAME, FORMAT_VERSION


def project_file_schema() -> dict[str, Any]:
    schema = Essay.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "PhotoEssay project file (*.essay.json)"
    schema["properties"] = {
        "format": {"const": FORMAT_NAME, "description": 'Always "photoessay".'},
        "version": {
            "type": "integer",
            "minimum": 1,
            "maximum": FORMAT_VERSION,
            "description": "File format version; files from a newer PhotoEssay are refused.",
        },
        **schema["properties"],
    }
    schema["required"] = ["format", "version"]
    return schema
