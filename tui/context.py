"""What the screens share during one rehearsal: the choices made on Accueil, the running
conversation and its result. Wiring only; the rules live in bot/, scoring/ and store/."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scenarios.model import Scenario


@dataclass
class Choice:
    student: str
    path: Path
    scenario: Scenario  # with the variant applied
    variant: str | None
    mode: str  # "entrainement" or "examen"
    seed: int = field(default_factory=lambda: random.randrange(1_000_000))


@dataclass
class InterviewEnd:
    """What the interview left: its transcript, grade, call report and stored session."""

    record: dict[str, Any]
    scorecard: dict[str, Any] | None
    report: dict[str, Any] | None
    session_id: str | None
