"""Problems found in a scenario file, each tied to a file and a line."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ScenarioIssue:
    """One problem, worded for a teacher: `what is wrong — what was expected`."""

    file: str
    line: int
    message: str

    def __post_init__(self) -> None:
        # A message may quote the file's text, and a quoted "\ud800" is half a character
        # that no terminal or file can encode: shown as its escape instead.
        safe = self.message.encode("utf-8", "backslashreplace").decode("utf-8")
        object.__setattr__(self, "message", safe)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ScenarioError(Exception):
    """Raised when a scenario file cannot be used; carries every issue found."""

    def __init__(self, issues: list[ScenarioIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))


def display_path(path: Path) -> str:
    """The path as the teacher typed it, relative to the current folder when possible.
    Symbolic links are not followed: a link shows under its own name (and a link loop,
    which cannot be resolved, still shows)."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(os.getcwd()))
    except (ValueError, OSError):  # not under the current folder, or no current folder
        return str(path)
