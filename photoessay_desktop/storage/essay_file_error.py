"""The one error a project file can raise on load or save, worded for the person who opened it."""

from __future__ import annotations

from pathlib import Path


class EssayFileError(Exception):
    """A project file that cannot be read or written; str() is the whole message for the user.

    The message names the file and, where they apply, the line and the field path
    (`slides[3].caption`), so someone fixing the file by hand knows where to look.
    """

    def __init__(
        self,
        path: Path | str,
        problem: str,
        *,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.field = field
        self.line = line
        super().__init__(self._render())

    def _render(self) -> str:
        where = [str(self.path)]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(self.field)
        return ": ".join([*where, self.problem])
