"""Golden conversations: every scripted dialogue (tests/data/dialogues/ and the calibration
students) played under three seeds, with what the customer said and thought at each turn,
is kept in tests/data/golden/. A change to the customer that is meant to be invisible (a
refactoring) must leave them byte for byte; a change meant to be seen rewrites them with
`REPLIQ_UPDATE_GOLDEN=1 pytest tests/bot/test_golden_dialogues.py`, and the diff shows what
students will meet."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from bot.engine import start_conversation
from repliq.run_cmd import converse, script_lines
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR

from .test_dialogues import header

DATA = Path(__file__).resolve().parent.parent / "data"
GOLDEN = DATA / "golden"
SEEDS = (0, 1, 2)
SCRIPTS = sorted([*(DATA / "dialogues").glob("*.txt"), *(DATA / "calibration").glob("*/*.txt")])


def _name(path: Path) -> str:
    if path.parent.parent.name == "calibration":
        return f"{path.parent.name}.calibration-{path.stem}"
    return path.stem


def _scenario_id(path: Path) -> str:
    return path.parent.name if path.parent.parent.name == "calibration" \
        else path.name.split(".")[0]


def played(path: Path, seed: int) -> list[dict[str, Any]]:
    """The conversation as one line per turn: who spoke, what, what it did, and the
    customer's mood, patience, phase, events and outcome after it."""
    variant = header(path, "variante")
    scenario = load_scenario(BUILTIN_DIR / f"{_scenario_id(path)}.yaml", variant)
    record = converse(start_conversation(scenario, variant, seed), script_lines(path),
                      echo_student=False, out=io.StringIO())
    turns = [{"who": turn.get("who", "student"), "text": turn["text"], "acts": turn["acts"],
              "state": {key: turn["state"][key] for key in (
                  "speaker", "mood", "patience", "phase", "events", "outcome",
                  "outcome_type", "price_offered", "facts_revealed", "objections_raised",
                  "objections_pending", "ended")}}
             for turn in record["turns"]]
    return [*turns, {"outcome": record["outcome"], "outcome_id": record["outcome_id"],
                     "ended_by": record["ended_by"]}]


def _golden_path(path: Path, seed: int) -> Path:
    return GOLDEN / f"{_name(path)}.seed{seed}.jsonl"


def _lines(turns: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(turn, ensure_ascii=False, sort_keys=True) + "\n"
                   for turn in turns)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("path", SCRIPTS, ids=[_name(p) for p in SCRIPTS])
def test_the_conversation_is_the_golden_one(path: Path, seed: int) -> None:
    golden = _golden_path(path, seed)
    now = _lines(played(path, seed))
    if os.environ.get("REPLIQ_UPDATE_GOLDEN") == "1":
        golden.write_text(now, encoding="utf-8")
    assert golden.is_file(), f"{golden} manque : REPLIQ_UPDATE_GOLDEN=1 pour l'écrire"
    expected = golden.read_text(encoding="utf-8").splitlines()
    for number, (old, new) in enumerate(zip(expected, now.splitlines(), strict=False), 1):
        assert new == old, f"{golden.name}, tour {number} a changé"
    assert len(now.splitlines()) == len(expected), f"{golden.name} : nombre de tours changé"


def test_every_golden_file_belongs_to_a_script() -> None:
    expected = {_golden_path(path, seed).name for path in SCRIPTS for seed in SEEDS}
    assert {path.name for path in GOLDEN.glob("*.jsonl")} == expected
