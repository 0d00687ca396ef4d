"""The `photoessay` command: argument parsing and dispatch to one module per subcommand.

Subcommands that need no window (check, import, export --format markdown/html, schema) must not
import Qt, so every handler is imported only when its subcommand runs. Bad input ends with a
message on stderr and an exit code, never a traceback.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from photoessay_desktop import __version__
from photoessay_desktop.app.present_argv import present_essay_and_start

if TYPE_CHECKING:
    import argparse

    from photoessay_desktop.app.early_decode import EarlyDecode
    from photoessay_desktop.storage.essay_peek import OpeningFrame

    Handler = Callable[[argparse.Namespace], int]
    _Opening = tuple[OpeningFrame | None, EarlyDecode | None]
COMMANDS = ("import", "export", "check", "schema", "present")


def _add_import(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "import",
        help="turn article text copied from a CMS into a project file",
        description="Import article text (title, standfirst, body, then image, caption and credit "
        "lines) into a new project file. An existing output file is replaced atomically.",
    )
    parser.add_argument("article", help="the article text file (UTF-8)")
    parser.add_argument("-o", "--output", required=True, help="the *.essay.json file to write")
    parser.add_argument(
        "--language", help='the article\'s language as a BCP 47 tag, e.g. "en" or "uk"'
    )
    parser.set_defaults(handler=_lazy("photoessay_desktop.app.import_command", "run_import"))


def _add_check(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "check",
        help="list an essay's editorial findings (preflight)",
        description="Check an essay as an editor would. Exit 0 when there is no error (with "
        "--strict: no warning either), 1 otherwise, 2 when the file cannot be read as an essay.",
    )
    parser.add_argument("essay", help="the *.essay.json file")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.set_defaults(handler=_lazy("photoessay_desktop.app.check_command", "run_check"))


def _add_schema(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "schema",
        help="print the JSON Schema of the project file",
        description="Print the JSON Schema of the *.essay.json project file format.",
    )
    parser.set_defaults(handler=_lazy("photoessay_desktop.app.schema_command", "run_schema"))


def _add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from photoessay_desktop.app.export_command import add_export_arguments

    parser = sub.add_parser(
        "export",
        help="export an essay as a web page folder, a PDF for review or article text",
        description="Export an essay. Exit 0 when done, 1 when the export failed, 2 when the "
        "essay cannot be read. Nothing is fetched from other sites.",
    )
    add_export_arguments(parser)
    parser.set_defaults(handler=_lazy("photoessay_desktop.app.export_command", "run_export"))


def _add_present(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from photoessay_desktop.app.present_command import add_present_parser

    handler = _lazy("photoessay_desktop.app.present_command", "run_present")
    add_present_parser(sub).set_defaults(handler=handler)


def _lazy(module: str, function: str) -> Handler:
    def run(args: argparse.Namespace) -> int:
        import importlib

        handler: Handler = getattr(importlib.import_module(module), function)
        return handler(args)

    return run


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="photoessay",
        description="A desktop viewer and editor for news photo essays. "
        "`photoessay [ESSAY]` opens the editor; the commands below work without a window.",
        usage="photoessay [ESSAY]\n       photoessay COMMAND [ARGS...]",
    )
    parser.add_argument("--version", action="version", version=f"photoessay {__version__}")
    # prog is set explicitly: argparse would otherwise build it from the two-line usage above.
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", prog="photoessay")
    _add_import(sub)
    _add_check(sub)
    _add_schema(sub)
    _add_export(sub)
    _add_present(sub)
    return parser


def build_open_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="photoessay",
        description="Open the editor, on ESSAY if given (see `photoessay --help` for commands).",
    )
    parser.add_argument("essay", nargs="?", help="the *.essay.json file to open")
    parser.add_argument("--version", action="version", version=f"photoessay {__version__}")
    parser.set_defaults(handler=_lazy("photoessay_desktop.app.open_command", "run_open"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    collecting = gc.isenabled()
    early = None
    try:
        # A window's start-up is mostly imports, and Python's collector would walk the growing
        # heap again and again meanwhile: 5 ms before the show's first frame, about 18 before
        # the show is ready (measured). The show and the editor then collect on their GUI
        # thread (gui_thread_collector.py); commands without a window keep Python's own.
        if _opens_window(arguments):
            gc.disable()
        # `present` starts decoding its first photo now, on the other core, before argparse and
        # the rest load (early_decode.py); argparse has the last word on what the line says.
        guess = present_essay_and_start(arguments)
        quick = None if guess is None else _read_opening(*guess)
        early = None if quick is None else quick[1]
        return _run(arguments, guess, quick)
    finally:
        if early is not None:
            early.close()  # idempotent: the show closes it when it has its photo
        if collecting:
            gc.enable()


def _opens_window(arguments: list[str]) -> bool:
    return _opens_editor(arguments) or arguments[:1] == ["present"]


def _opens_editor(arguments: list[str]) -> bool:
    return not arguments or (
        arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version")
    )


def _read_opening(essay: str, start: int | None) -> _Opening:
    """The frame the show opens on, by the quick read of the file, and its photo's decode."""
    from pathlib import Path

    from photoessay_desktop.app.early_decode import start_early_decode
    from photoessay_desktop.storage.essay_peek import peek_opening_frame

    opening = peek_opening_frame(Path(essay), start)
    image = None if opening is None else opening.image
    return opening, None if image is None else start_early_decode(image)


def _run(arguments: list[str], guess: tuple[str, int | None] | None, quick: _Opening | None) -> int:
    parser = build_open_parser() if _opens_editor(arguments) else build_parser()
    args = parser.parse_args(arguments)
    if quick is not None:
        if (getattr(args, "essay", None), getattr(args, "start", None)) == guess:
            args.opening_frame, args.early_decode = quick  # the show reads the file no more
        elif quick[1] is not None:
            quick[1].close()  # argparse read the line otherwise: that photo is not the show's
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
