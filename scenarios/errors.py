"""Problems found in a scenario file, each tied to a file and a line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ScenarioIssue:
    """One problem, worded for a teacher: `what is wrong — what was expected`."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ScenarioError(Exception):
    """Raised when a scenario file cannot be used; carries every issue found."""

    def __init__(self, issues: list[ScenarioIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))


def display_path(path: Path) -> str:
    """The path as the teacher typed it, relative to the current folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
