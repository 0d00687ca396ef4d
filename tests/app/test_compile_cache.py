"""compile() through the compile cache gives what compile() gives, from the folder when it can.

The cache stands in for builtins.compile while PySide6 imports (app/compile_cache.py); anything it
gets wrong would break the show and the editor at start, so every answer is checked against the
real compile(), including what a damaged, foreign or unwritable folder does to it.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from photoessay_desktop.app.compile_cache import CompileCache

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "def greet(name):\n    return f'Привіт, {name}'\n\nRESULT = greet('Бахмут')\n"
real_compile = builtins.compile


def run_json(script: str, *flags: str) -> list[object]:
    """What `script` printed as JSON, run by a fresh interpreter with `flags` (e.g. -O)."""
    done = subprocess.run(
        [sys.executable, *flags, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: list[object] = json.loads(done.stdout)
    return result


def compile_through(folder: Path, source: str | bytes, filename: str = "essay.py") -> object:
    cache = CompileCache(folder)
    with cache.installed():
        return compile(source, filename, "exec")


def cached_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.code")) if folder.is_dir() else []


def test_second_compile_is_read_back_and_runs_the_same(tmp_path: Path) -> None:
    first, second = CompileCache(tmp_path), CompileCache(tmp_path)
    with first.installed():
        made = compile(SOURCE, "essay.py", "exec")
    with second.installed():
        found = compile(SOURCE, "essay.py", "exec")
    assert (first.made, first.found, second.made, second.found) == (1, 0, 0, 1)
    assert found == made == real_compile(SOURCE, "essay.py", "exec")
    namespace: dict[str, object] = {}
    exec(found, namespace)
    assert namespace["RESULT"] == "Привіт, Бахмут"


def test_compile_is_itself_again_after_the_block_even_when_it_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), CompileCache(tmp_path).installed():
        assert builtins.compile is not real_compile
        raise RuntimeError("an import failed")
    assert builtins.compile is real_compile


def test_the_callers_future_imports_are_kept_not_the_caches(tmp_path: Path) -> None:
    # An annotation naming nothing: evaluated (NameError) unless the caller's code has
    # `from __future__ import annotations`. This test module has it; the cache module too, so a
    # plain caller must not get it from there.
    source = "value: no_such_name = 1\n"
    plain_caller = "lambda source: compile(source, 'plain.py', 'exec')"
    compile_plainly = eval(real_compile(plain_caller, "caller.py", "eval", dont_inherit=True))
    with CompileCache(tmp_path).installed():
        postponed = compile(source, "future.py", "exec")  # this module's own future import
        evaluated = compile_plainly(source)
    exec(postponed, {})
    with pytest.raises(NameError):
        exec(evaluated, {})


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[: len(data) // 2], id="cut short"),
        pytest.param(lambda data: data[:-1] + bytes([data[-1] ^ 0xFF]), id="a flipped byte"),
        pytest.param(lambda data: b"\x00" * 4 + data[4:], id="wrong checksum"),
        pytest.param(lambda data: b"\xff" * 5_000_000, id="huge garbage"),
    ],
)
def test_a_damaged_file_is_compiled_again_and_replaced(tmp_path: Path, damage: object) -> None:
    compile_through(tmp_path, SOURCE)
    (path,) = cached_files(tmp_path)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    cache = CompileCache(tmp_path)
    with cache.installed():
        code = compile(SOURCE, "essay.py", "exec")
    assert (cache.made, cache.found) == (1, 0)
    assert code == real_compile(SOURCE, "essay.py", "exec")
    assert compile_through(tmp_path, SOURCE) == code  # the file was written again


def test_a_file_that_is_not_code_is_not_run(tmp_path: Path) -> None:
    import marshal
    import struct
    import zlib

    compile_through(tmp_path, SOURCE)
    (path,) = cached_files(tmp_path)
    stamp, _code = marshal.loads(path.read_bytes()[4:])
    for kept in [(stamp, 42), (stamp,), ["list"], (stamp, "print('hostile')")]:
        payload = marshal.dumps(kept)
        path.write_bytes(struct.pack("<I", zlib.crc32(payload)) + payload)
        cache = CompileCache(tmp_path)
        with cache.installed():
            code = compile(SOURCE, "essay.py", "exec")
        assert (cache.made, cache.found) == (1, 0)
        assert code == real_compile(SOURCE, "essay.py", "exec")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_in_the_folder_is_not_waited_for_but_replaced(tmp_path: Path) -> None:
    import threading

    compile_through(tmp_path, SOURCE)
    (path,) = cached_files(tmp_path)
    path.unlink()
    os.mkfifo(path)  # nobody writes to it: reading it would block the start for ever
    done: list[object] = []
    thread = threading.Thread(target=lambda: done.append(compile_through(tmp_path, SOURCE)))
    thread.daemon = True
    thread.start()
    thread.join(5)
    try:
        assert done == [real_compile(SOURCE, "essay.py", "exec")]
        assert path.is_file()
    finally:
        if thread.is_alive():  # the regression: free the reader, so compile() is itself again
            with contextlib.suppress(OSError):
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            thread.join(5)
            builtins.compile = real_compile


def test_code_made_under_another_optimisation_level_is_not_used(tmp_path: Path) -> None:
    # python -O strips asserts: its answer must not be handed to a plain python, nor the reverse.
    script = textwrap.dedent(
        f"""
        import json
        from pathlib import Path
        from photoessay_desktop.app.compile_cache import CompileCache
        cache = CompileCache(Path({str(tmp_path)!r}))
        with cache.installed():
            code = compile("assert False, 'kept'", "check.py", "exec")
        try:
            exec(code, {{}})
            asserted = False
        except AssertionError:
            asserted = True
        print(json.dumps([cache.made, cache.found, asserted]))
        """
    )

    assert run_json(script, "-O") == [1, 0, False]
    assert run_json(script) == [1, 0, True]
    assert run_json(script, "-O") == [0, 1, False]
    assert run_json(script) == [0, 1, True]


def test_a_str_subclass_is_compiled_as_compile_does(tmp_path: Path) -> None:
    class Source(str):
        pass

    cache = CompileCache(tmp_path)
    with cache.installed():
        code = compile(Source(SOURCE), Source("essay.py"), "exec")
    assert code == real_compile(SOURCE, "essay.py", "exec")
    assert (cache.made, cache.found) == (0, 0)


def test_new_source_under_the_same_name_replaces_the_old(tmp_path: Path) -> None:
    # What a PySide6 upgrade does: the same module names, other source. One file per name stays.
    compile_through(tmp_path, SOURCE)
    upgraded = SOURCE.replace("Привіт", "Hello")
    cache = CompileCache(tmp_path)
    with cache.installed():
        code = compile(upgraded, "essay.py", "exec")
    assert (cache.made, cache.found) == (1, 0)
    namespace: dict[str, object] = {}
    exec(code, namespace)
    assert namespace["RESULT"] == "Hello, Бахмут"
    assert len(cached_files(tmp_path)) == 1
    assert compile_through(tmp_path, upgraded) == code


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    for folder in (blocked, blocked / "compiled"):
        cache = CompileCache(folder)
        with cache.installed():
            code = compile(SOURCE, "essay.py", "exec")
        assert (cache.made, cache.found) == (1, 0)
        assert code == real_compile(SOURCE, "essay.py", "exec")
    assert not list(tmp_path.glob(".*"))  # no partial file left behind


def test_other_kinds_of_compile_are_passed_through_untouched(tmp_path: Path) -> None:
    cache = CompileCache(tmp_path)
    with cache.installed():
        tree = compile(SOURCE, "essay.py", "exec", ast.PyCF_ONLY_AST)
        expression = compile("1 + 1", "sum.py", "eval")
        optimised = compile("assert False", "opt.py", "exec", optimize=2)
        from_tree = compile(ast.parse("x = 1"), "tree.py", "exec")
    assert isinstance(tree, ast.Module)
    assert eval(expression) == 2
    exec(optimised, {})  # asserts stripped: optimize was honoured
    exec(from_tree, {})
    assert (cache.made, cache.found) == (0, 0)
    assert cached_files(tmp_path) == []


@given(source=st.text(max_size=200), filename=st.text(min_size=1, max_size=40))
def test_any_text_compiles_or_fails_as_compile_does(source: str, filename: str) -> None:
    import tempfile

    try:
        expected: object = real_compile(source, filename, "exec")
    except (SyntaxError, ValueError) as exc:
        expected = type(exc)
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(2):  # made, then found
            try:
                got: object = compile_through(Path(folder), source, filename)
            except (SyntaxError, ValueError) as exc:
                got = type(exc)
            assert got == expected


def test_pyside_imported_through_the_cache_works_and_the_second_start_compiles_nothing(
    tmp_path: Path,
) -> None:
    script = textwrap.dedent(
        f"""
        import json
        from pathlib import Path
        from photoessay_desktop.app.compile_cache import CompileCache
        cache = CompileCache(Path({str(tmp_path / "compiled")!r}))
        with cache.installed():
            from PySide6.QtCore import QSize
        try:  # PySide's message lists the signatures: the compiled support code at work
            QSize().scaled(1, 2, "no such mode")
        except TypeError as exc:
            message = str(exc)
        print(json.dumps([cache.made, cache.found, message, QSize(3, 4).width()]))
        """
    )

    first, second = run_json(script), run_json(script)
    assert isinstance(first[0], int) and first[0] > 0 and first[1] == 0
    assert second[:2] == [0, first[0]]
    assert second[2:] == first[2:]
    assert "Supported signatures" in str(second[2])
    assert "mode: PySide6.QtCore.Qt.AspectRatioMode" in str(second[2])
    assert second[3] == 3


def test_the_editor_imports_pyside_through_the_cache_before_anything_else(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import argparse

    from photoessay_desktop.app import compile_cache, editor_launch
    from photoessay_desktop.app.open_command import run_open

    calls: list[str] = []
    monkeypatch.setattr(compile_cache, "import_pyside", lambda: calls.append("import_pyside"))
    monkeypatch.setattr(editor_launch, "run_editor", lambda path: calls.append(f"editor {path}"))
    run_open(argparse.Namespace(essay="Фото.essay.json"))
    assert calls == ["import_pyside", "editor Фото.essay.json"]
