"""A pipe, a socket or a device named as an essay or an article gets a message, never a hang.

Every read here runs in a thread with a deadline: a regression would block in open() for ever
(a pipe nobody writes to), and the test must fail, not wait for the suite's timeout.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from photoessay_desktop.domain.essay import Essay, Slide
from photoessay_desktop.storage.article_import import import_article_file
from photoessay_desktop.storage.article_import_error import ArticleImportError
from photoessay_desktop.storage.essay_file import load_essay, save_essay
from photoessay_desktop.storage.essay_file_error import EssayFileError
from photoessay_desktop.storage.essay_peek import peek_essay_outline, peek_opening_frame
from photoessay_desktop.storage.regular_file import NotRegularFileError, open_regular_file

# Pipes, sockets and /dev/zero as this tests them are POSIX.
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file kinds")
T = TypeVar("T")


def within(seconds: float, call: Callable[[], T]) -> T:
    """call() on a thread; fails the test if it has not returned within `seconds`."""
    outcome: list[tuple[bool, object]] = []

    def run() -> None:
        try:
            outcome.append((True, call()))
        except BaseException as exc:
            outcome.append((False, exc))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"still blocked after {seconds} s"
    ok, value = outcome[0]
    if not ok:
        raise value  # type: ignore[misc]
    return value  # type: ignore[return-value]


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "Бахмут.essay.json"
    os.mkfifo(path)
    yield path
    # Unblock a reader left behind by a failed test, so its thread can end.
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return
    os.close(descriptor)


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "s.essay.json"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def test_a_plain_file_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "Фото текст.txt"
    path.write_bytes("Бахмут\n".encode())
    with open_regular_file(path) as handle:
        assert handle.read() == "Бахмут\n".encode()
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    with open_regular_file(link) as handle:
        assert handle.read(2) == "Б".encode()


def test_a_pipe_nobody_writes_to_is_refused_at_once(fifo: Path) -> None:
    with pytest.raises(NotRegularFileError):
        within(5, lambda: open_regular_file(fifo))
    link = fifo.with_name("link.essay.json")
    link.symlink_to(fifo)
    with pytest.raises(NotRegularFileError):
        within(5, lambda: open_regular_file(link))


def test_a_socket_and_an_endless_device_are_refused(unix_socket: Path) -> None:
    with pytest.raises(NotRegularFileError):
        within(5, lambda: open_regular_file(unix_socket))
    with pytest.raises(EssayFileError, match="is a pipe, socket or device, not an essay file"):
        load_essay(unix_socket)
    with pytest.raises(NotRegularFileError):
        within(5, lambda: open_regular_file(Path("/dev/zero")))


def test_folders_and_missing_files_raise_what_they_always_did(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        open_regular_file(tmp_path)
    with pytest.raises(FileNotFoundError):
        open_regular_file(tmp_path / "missing.essay.json")


def test_an_essay_that_is_a_pipe_or_device_gets_a_message(fifo: Path) -> None:
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(EssayFileError, match="is a pipe, socket or device, not an essay file"):
            within(5, lambda path=path: load_essay(path))


def test_the_quick_reads_leave_a_pipe_to_the_loader(fifo: Path, tmp_path: Path) -> None:
    assert within(5, lambda: peek_opening_frame(fifo, None)) is None
    assert within(5, lambda: peek_essay_outline(fifo)) is None
    # And a real essay still reads (the quick read and the loader open files the same way).
    path = tmp_path / "real.essay.json"
    save_essay(Essay(title="Бахмут", slides=(Slide(id="s1", caption="Руїни"),)), path)
    outline = peek_essay_outline(path)
    assert outline is not None and outline.title == "Бахмут"


def test_an_article_that_is_a_pipe_or_device_gets_a_message(fifo: Path) -> None:
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(ArticleImportError, match="pipe, socket or device"):
            within(5, lambda path=path: import_article_file(path))
