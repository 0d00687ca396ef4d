"""Imports PySide6 with the source it compiles at every start compiled once, then read back.

shiboken6 keeps its signature support (fourteen modules) as source text inside its binary and
runs compile() on each of them every time it is imported: 22-30 ms of a 70-100 ms import here,
on the way to the show's first photo and the editor's first paint. While PySide6 imports,
compile() here answers from a folder of marshalled code objects, as Python's own __pycache__ does
for modules on disk. Each file holds the source it was compiled from and everything else
compile() reads (file name, flags, the interpreter's bytecode version and optimisation level),
and is used only when all of them are the same; a file that is missing, unreadable, damaged or
out of date is compiled the usual way and replaced. The folder only ever saves time, and holds
one file per compiled name and Python (a PySide6 upgrade replaces its files). Like __pycache__,
it is trusted as the user's own: the CRC in each file catches damage, not tampering.
"""

from __future__ import annotations
import __future__

import builtins
import contextlib
import importlib
import importlib.util
import marshal
import os
import struct
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

from photoessay_desktop.storage.regular_file import open_regular_file


def _future_flags() -> int:
    """The flags compile() takes over from its caller's code when dont_inherit is false: the
    __future__ features (CPython's PyCF_MASK). Calls with any other flag are not kept."""
    flags = 0
    for name in __future__.all_feature_names:
        flags |= getattr(__future__, name).compiler_flag
    return flags


_FUTURE_FLAGS = _future_flags()
_FORMAT = 2
# What a kept answer is for: format, bytecode version, optimisation level, file name, flags, source.
_Stamp = tuple[int, bytes, int, str, int, str | bytes]
_CHECKSUM = struct.Struct("<I")  # CRC-32 of the rest: a damaged file is not handed to marshal


class CompileCache:
    """compile()'s answers for "exec" source kept in `folder`; counts what it found and made."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self.found = 0  # code objects read back from the folder
        self.made = 0  # code objects compiled (and written, where the folder allows)

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        """builtins.compile answers from the folder inside the block, and is itself again after."""
        original = builtins.compile

        def compile_cached(
            source: Any,
            filename: Any,
            mode: str,
            flags: int = 0,
            dont_inherit: bool = False,
            optimize: int = -1,
            **options: Any,
        ) -> Any:
            if not dont_inherit:
                # What compile() would have taken from its caller, the frame below this one; not
                # from this module, whose own __future__ imports are not the caller's.
                with contextlib.suppress(ValueError):  # called from C with no frame: none
                    flags |= sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
            plain = mode == "exec" and not options and optimize == -1 and not flags & ~_FUTURE_FLAGS
            # Exact types only: marshal cannot keep a subclass of str (nor would it come back).
            kept_types = type(source) in (str, bytes) and type(filename) is str
            if not plain or not kept_types:
                return original(source, filename, mode, flags, True, optimize, **options)
            return self._code(original, source, filename, flags)

        # For the start-up thread, once: not reentrant. Another thread compiling meanwhile gets
        # the same answers compile() would give.
        builtins.compile = compile_cached
        try:
            yield
        finally:
            if builtins.compile is compile_cached:  # never undo someone else's replacement
                builtins.compile = original

    def _code(self, compile_: Any, source: str | bytes, filename: str, flags: int) -> Any:
        # optimize=-1 means the interpreter's own -O level: asserts and docstrings depend on it.
        level = sys.flags.optimize
        stamp: _Stamp = (_FORMAT, importlib.util.MAGIC_NUMBER, level, filename, flags, source)
        name = zlib.crc32(repr(stamp[:5]).encode("utf-8", "surrogatepass"))
        path = self._folder / f"{name:08x}.code"
        code = _read_code(path, stamp)
        if code is not None:
            self.found += 1
            return code
        code = compile_(source, filename, "exec", flags, True, -1)
        self.made += 1
        _write_code(path, stamp, code)
        return code


def _read_code(path: Path, stamp: _Stamp) -> CodeType | None:
    try:
        with open_regular_file(path) as handle:  # a pipe put there would block the start
            data = handle.read()
    except OSError:
        return None
    size = _CHECKSUM.size
    if len(data) <= size or _CHECKSUM.unpack_from(data)[0] != zlib.crc32(data[size:]):
        return None  # cut short or damaged: marshal would read it as something else
    try:
        kept = marshal.loads(data[size:])
    except (ValueError, EOFError, TypeError):
        return None
    # Another source under the same name (PySide6 was upgraded), another Python: not this one.
    if not isinstance(kept, tuple) or len(kept) != 2 or kept[0] != stamp:
        return None
    code = kept[1]
    return code if isinstance(code, CodeType) else None


def _write_code(path: Path, stamp: _Stamp, code: CodeType) -> None:
    try:
        payload = marshal.dumps((stamp, code))
    except ValueError:  # not marshallable (no code compile() makes): just not kept
        return
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # the user's own, as a cache
        partial.write_bytes(_CHECKSUM.pack(zlib.crc32(payload)) + payload)
        os.replace(partial, path)  # a process reading it meanwhile sees the old file or the new
    except OSError:  # a read-only or full disk: the answer is just not kept
        with contextlib.suppress(OSError):
            partial.unlink()


def default_compile_folder() -> Path:
    """Where compiled code is kept by default: in the platform's per-user cache folder."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("PhotoEssay", appauthor=False)) / "compiled"


def import_pyside(folder: Path | None = None) -> ModuleType:
    """Import PySide6.QtCore (and shiboken6 under it) with compile() answering from `folder`
    (default_compile_folder() if None). Call it before anything else imports PySide6."""
    if "PySide6.QtCore" in sys.modules:  # imported already: nothing compiles any more
        return sys.modules["PySide6.QtCore"]
    with CompileCache(folder or default_compile_folder()).installed():
        return importlib.import_module("PySide6.QtCore")
