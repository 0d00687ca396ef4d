"""`photoessay schema`: prints the JSON Schema of the project file."""

from __future__ import annotations

import argparse
import json
import sys

from photoessay_desktop.storage.essay_schema import project_file_schema


def run_schema(_args: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(project_file_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0
