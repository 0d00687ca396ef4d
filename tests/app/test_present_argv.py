"""The quick read of `present`'s command line, before argparse, and the CLI's use of it.

Whatever the quick read guesses must be what argparse parses, or the CLI drops the guess; these
tests hold the two side by side on every line hypothesis can build from present's own options.
"""

from __future__ import annotations

import argparse
import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from photoessay_desktop.app import cli, early_decode
from photoessay_desktop.app.early_decode import EarlyDecode
from photoessay_desktop.app.present_argv import present_essay_and_start


@pytest.mark.parametrize(
    ("line", "guess"),
    [
        ("present a.essay.json", ("a.essay.json", None)),
        ("present a.essay.json --start 3", ("a.essay.json", 3)),
        ("present --start=0 a.essay.json", ("a.essay.json", 0)),
        (
            "present --presenter --screen 2 --auto 2.5 --loop Фото.essay.json",
            ("Фото.essay.json", None),
        ),
        ("present --start 2 -- -odd-name.essay.json", ("-odd-name.essay.json", 2)),
        ("present - ", ("-", None)),
    ],
)
def test_plain_lines_are_read(line: str, guess: tuple[str, int | None]) -> None:
    assert present_essay_and_start(line.split()) == guess


@pytest.mark.parametrize(
    "line",
    [
        "",
        "present",
        "check a.essay.json",
        "a.essay.json",
        "present --help",
        "present -h a.essay.json",
        "present --sta 3 a.essay.json",  # argparse takes abbreviations; this read does not
        "present a.essay.json b.essay.json",
        "present a.essay.json --start",
        "present a.essay.json --start two",
        "present a.essay.json --loop=yes",
        "present a.essay.json --version",
        "present -- a.essay.json b.essay.json",
        "present a.essay.json -- b.essay.json",
        "present --start " + "9" * 5000 + "x a.essay.json",
    ],
)
def test_anything_else_is_left_to_argparse(line: str) -> None:
    assert present_essay_and_start(line.split()) is None


TOKENS = st.one_of(
    st.sampled_from(
        ["--start", "--screen", "--auto", "--loop", "--presenter", "--", "-h", "--sta", "-", "x"]
    ),
    st.sampled_from(["0", "1", "12", "-1", "2.5", "٣", " 4", "nan"]),
    st.from_regex(r"--(start|screen|auto)=[0-9a-z.-]{0,3}", fullmatch=True),
    st.text(min_size=1, max_size=12),
)


@given(st.lists(TOKENS, max_size=7))
def test_a_guess_is_always_what_argparse_parses(rest: list[str]) -> None:
    arguments = ["present", *rest]
    guess = present_essay_and_start(arguments)
    if guess is None:
        return
    parser = cli.build_parser()
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            args = parser.parse_args(arguments)
        except SystemExit:
            return  # a usage error: the CLI ends, and drops the early decode with it
    assert (args.essay, args.start) == guess


class Seen:
    """What run_present was handed, and every early decode the CLI started."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.args: list[argparse.Namespace] = []
        self.started: list[EarlyDecode] = []
        real_start = early_decode.start_early_decode

        def start(ref: str, box: tuple[int, int] = early_decode.GUESSED_BOX) -> EarlyDecode | None:
            early = real_start(ref, box)
            if early is not None:
                self.started.append(early)
            return early

        def run_present(args: argparse.Namespace) -> int:
            self.args.append(args)
            return 0

        monkeypatch.setattr(early_decode, "start_early_decode", start)
        monkeypatch.setattr("photoessay_desktop.app.present_command.run_present", run_present)


def test_the_cli_forks_the_first_photo_before_parsing_and_hands_it_over(
    monkeypatch: pytest.MonkeyPatch, essay_file: Path
) -> None:
    seen = Seen(monkeypatch)
    assert cli.main(["present", str(essay_file), "--start", "2"]) == 0
    (args,) = seen.args
    (early,) = seen.started
    assert args.early_decode is early
    assert early.ref is not None and Path(early.ref).name == "p1.jpg"  # slide 2's photo
    assert early.pid == 0  # closed when the command ended: no child left behind


@pytest.mark.parametrize(
    "rest",
    [
        ["--sta", "2"],  # read by argparse only: nothing forked early
        ["--start", "9"],  # no such slide: nothing to decode
    ],
)
def test_no_early_photo_when_the_quick_read_cannot_tell(
    monkeypatch: pytest.MonkeyPatch, essay_file: Path, rest: list[str]
) -> None:
    seen = Seen(monkeypatch)
    assert cli.main(["present", str(essay_file), *rest]) == 0
    assert seen.started == []
    assert getattr(seen.args[0], "early_decode", None) is None


def test_a_usage_error_ends_the_early_decode_too(
    monkeypatch: pytest.MonkeyPatch, essay_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = Seen(monkeypatch)
    with pytest.raises(SystemExit):
        cli.main(["present", str(essay_file), "--start", "1", "--screen", "0"])
    (early,) = seen.started
    assert early.pid == 0 and early.done_fd == -1
    assert "screens are numbered from 1" in capsys.readouterr().err


def test_the_show_takes_the_clis_reading_and_reads_the_file_only_without_one(
    monkeypatch: pytest.MonkeyPatch, essay_file: Path
) -> None:
    from photoessay_desktop.app import present_command

    seen = Seen(monkeypatch)
    assert cli.main(["present", str(essay_file), "--start", "1"]) == 0
    (handed,) = seen.args
    assert handed.opening_frame is not None and handed.opening_frame.slide_index == 0
    shown: list[tuple[object, object]] = []
    monkeypatch.undo()  # the real run_present from here, with a _present that records
    monkeypatch.setattr(
        present_command,
        "_present",
        lambda args, path, opening, early: shown.append((opening, early)) or 0,
    )
    essay_file.unlink()  # read once already: the show must not need it again before loading
    assert present_command.run_present(handed) == 0
    assert shown == [(handed.opening_frame, handed.early_decode)]
    # Without the CLI's reading (another caller), the show reads the file itself.
    assert present_command.run_present(argparse.Namespace(essay=str(essay_file), start=1)) == 0
    assert shown[-1] == (None, None)  # the file is gone now: nothing to open on, nothing forked


@pytest.mark.parametrize(
    ("arguments", "collecting_inside"),
    [
        (["present", "show.essay.json"], False),  # a window: its GUI thread collects later
        (["show.essay.json"], False),  # the editor
        (["check", "show.essay.json"], True),  # no window: Python's own collection throughout
    ],
)
def test_start_up_runs_without_collections_only_for_a_window(
    monkeypatch: pytest.MonkeyPatch, arguments: list[str], collecting_inside: bool
) -> None:
    import gc

    seen: list[bool] = []

    def handler(module: str, function: str) -> cli.Handler:
        return lambda args: seen.append(gc.isenabled()) or 0

    monkeypatch.setattr(cli, "_lazy", handler)
    before = gc.isenabled()
    gc.enable()  # the test run keeps it off (tests/conftest.py): on, as in a real process
    try:
        assert cli.main(arguments) == 0
        assert seen == [collecting_inside]
        assert gc.isenabled()  # as it was before the command
    finally:
        if not before:
            gc.disable()
