"""`photoessay present ESSAY`: the full-screen slideshow straight from the command line.

Start-up is tuned for the first photo: the photo's decode is forked off before Qt or pydantic is
imported, and every heavy import happens inside run_present. Bad input ends with one message on
stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from photoessay_desktop.app.early_decode import EarlyDecode
    from photoessay_desktop.storage.essay_peek import OpeningFrame

MAX_AUTO_SECONDS = 24 * 60 * 60


def add_present_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Declare `present` and its options on the CLI's subparsers (the handler is set by the CLI)."""
    parser = sub.add_parser(
        "present",
        help="show an essay as a full-screen slideshow",
        description="Show ESSAY full screen. Keys: Right/Space next, Left back, digits then Enter "
        "to jump, B black screen, O overview, ? all keys, Esc ends the show.",
    )
    parser.add_argument("essay", help="the *.essay.json file")
    parser.add_argument(
        "--start",
        type=_slide_number,
        metavar="N",
        help="start on slide N (its number in the editor; 0 is the title card)",
    )
    parser.add_argument(
        "--screen", type=_screen_number, metavar="N", help="show on screen N (1 is the first)"
    )
    parser.add_argument(
        "--auto",
        type=_seconds,
        metavar="SECONDS",
        help="advance every SECONDS unless a slide sets its own duration",
    )
    parser.add_argument("--loop", action="store_true", help="start again after the last slide")
    parser.add_argument(
        "--presenter",
        action="store_true",
        help="add the presenter view (on the other screen, or in a window to rehearse)",
    )
    return parser


def _slide_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a slide number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("slide numbers start at 1 (0 is the title card)")
    return value


def _screen_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a screen number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("screens are numbered from 1")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, got {text!r}") from None
    if not math.isfinite(value) or not 0 < value <= MAX_AUTO_SECONDS:
        raise argparse.ArgumentTypeError("expected seconds between 0 and 86400, e.g. 8 or 2.5")
    return value


def run_present(args: argparse.Namespace) -> int:
    """Run the show; 0 when it ends normally, 2 when the essay, slide or screen is wrong."""
    from photoessay_desktop.app.early_decode import start_early_decode
    from photoessay_desktop.storage.essay_peek import peek_opening_frame

    essay_path = Path(args.essay)
    early: EarlyDecode | None = None
    if hasattr(args, "opening_frame"):
        # Read, and its photo's decode forked, by the CLI before argparse loaded, when it could
        # read the line (present_argv.py): taken as it is, the file is not read again.
        opening, early = args.opening_frame, args.early_decode
    else:
        opening = peek_opening_frame(essay_path, args.start)
        if opening is not None and opening.image is not None:
            early = start_early_decode(opening.image)
    try:
        return _present(args, essay_path, opening, early)
    finally:
        if early is not None:
            early.close()


def _present(
    args: argparse.Namespace,
    essay_path: Path,
    opening: OpeningFrame | None,
    early: EarlyDecode | None,
) -> int:
    from photoessay_desktop.app.compile_cache import import_pyside
    from photoessay_desktop.settings.preferences_location import default_config_folder

    import_pyside()  # first: PySide6's import is the longest wait before the first frame
    config_folder = default_config_folder()
    shown = None
    if opening is not None:
        # The first frame goes up now; the essay model and the rest load behind it.
        from photoessay_desktop.app.opening_frame import show_opening_frame

        shown = show_opening_frame(
            opening,
            early,
            screen_number=args.screen,
            presenter=bool(args.presenter),
            config_folder=config_folder,
        )
    from photoessay_desktop.app.present_launch import launch
    from photoessay_desktop.storage.essay_file import EssayFileError, load_essay

    try:
        essay = load_essay(essay_path)
    except EssayFileError as exc:
        if shown is not None:
            shown.window.dismiss()
        print(f"photoessay: {exc}", file=sys.stderr)
        return 2
    return launch(essay, args, early, config_folder=config_folder, opening=shown)
