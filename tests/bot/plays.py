"""The student's side of the kept blind plays, for tests that replay a prefix of one."""

from __future__ import annotations

from pathlib import Path

JOUEES = Path(__file__).resolve().parents[1] / "data" / "dialogues" / "jouees"


def student_lines(name: str) -> list[str]:
    """The student's lines of a kept play (its header comments left out)."""
    text = (JOUEES / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
