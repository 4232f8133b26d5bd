"""The student's side of the kept blind plays, for tests that replay a prefix of one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.engine import start_conversation
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR

JOUEES = Path(__file__).resolve().parents[1] / "data" / "dialogues" / "jouees"


def student_lines(name: str) -> list[str]:
    """The student's lines of a kept play (its header comments left out)."""
    text = (JOUEES / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def replay(name: str, upto: int, *more: str) -> tuple[Any, list[Any]]:
    """The customer of a kept play (`name` without ".txt") and her replies to its first
    `upto` student lines, then to `more` lines: the prefix a test asserts on."""
    scenario, variant = name.split(".")[:2]
    chosen = None if variant == "base" else variant
    talk = start_conversation(load_scenario(BUILTIN_DIR / f"{scenario}.yaml", chosen), chosen, 0)
    talk.opening()
    return talk, [talk.step(line)[1] for line in [*student_lines(f"{name}.txt")[:upto], *more]]
