"""`photoessay import ARTICLE -o ESSAY`: article text copied from a CMS to a project file.

Reports each dropped duplicate paragraph and unsafe image on stderr; replaces an existing output
atomically, like Save. Exit 0 on success, 2 when the article cannot be imported, 1 when the
project file cannot be written. Never imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pydantic import ValidationError

from photoessay_desktop.domain.essay import Essay
from photoessay_desktop.storage.article_import import ArticleImportError, import_article_file
from photoessay_desktop.storage.essay_file import EssayFileError, save_essay


def run_import(args: argparse.Namespace) -> int:
    source = Path(args.article)
    target = Path(args.output)
    try:
        imported = import_article_file(source)
    except ArticleImportError as exc:
        print(f"photoessay import: {exc}", file=sys.stderr)
        return 2
    essay = imported.essay
    if args.language:
        try:
            essay = Essay.model_validate({**essay.model_dump(), "language": args.language})
        except ValidationError:
            print(
                f'photoessay import: --language "{args.language}" is not a language tag '
                'such as "en" or "pt-BR"',
                file=sys.stderr,
            )
            return 2
    for note in imported.notes:
        where = f"{source}: line {note.line}" if note.line is not None else str(source)
        print(f"photoessay import: {where}: {note.message}", file=sys.stderr)
    try:
        save_essay(essay, target)
    except EssayFileError as exc:
        print(f"photoessay import: {exc}", file=sys.stderr)
        return 1
    slides = essay.slides
    photos = sum(1 for slide in slides if slide.image is not None)
    print(f"Imported {len(slides)} slides ({photos} with a photo) into {target}")
    return 0
