"""The failure classes real students ran into, on lines written for this test by a writer who
never saw the engine (tests/data/understanding-cases.yml): firmness is not rudeness and
contempt is, a refusal is no offer, a figure the customer gave is quoted and not offered,
clipped lines and goodbyes are read, closings are recognised and English is not one, polite
requests are no counterpart requests, and a short answer is read against the customer's line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from bot.engine import understander
from bot.frame import Context
from bot.understand import Understander, Understanding
from scenarios import load_scenario
from scenarios.catalog import find

CASES_FILE = Path(__file__).resolve().parent.parent / "data" / "understanding-cases.yml"
CASES: list[dict[str, Any]] = YAML(typ="safe").load(CASES_FILE.read_text(encoding="utf-8"))[
    "cases"]


@lru_cache(maxsize=8)
def engine(scenario_id: str) -> Understander:
    return understander().for_scenario(load_scenario(find(scenario_id)))


def reading(u: Understanding) -> dict[str, Any]:
    frame, acts = u.frame, {act.value for act in u.acts}
    offer = frame.offer
    return {
        "rude": u.rudeness.sure,
        "refusal": frame.refusal,
        "offer": None if offer is None else
        offer.amount if offer.amount is not None else {"percent": offer.percent},
        "quoted": sorted(frame.quoted),
        "goodbye": "prise_de_conge" in acts,
        "closing": "demande_engagement" in acts,
        "answers_question": frame.answers_question,
        "accepts_proposal": frame.accepts_proposal,
        "refuses_proposal": frame.refuses_proposal,
        "time_range": next(([e.value["debut"], e.value["fin"]] for e in u.entities
                            if e.type == "plage_horaire"), None),
        "acts": acts,
    }


def _expected(key: str, value: Any) -> Any:
    if key == "quoted":
        return sorted(float(v) for v in value)
    if key == "offer" and isinstance(value, int | float):
        return float(value)
    if key == "offer" and isinstance(value, dict):
        return {"percent": float(value["percent"])}
    return value


def test_the_cases_cover_every_failure_class() -> None:
    classes = {case["class"] for case in CASES}
    assert classes == {"firmness_not_rude", "rude", "refusal", "figures", "short_lines",
                       "closing", "polite_request", "english_or_nonsense", "context_answer"}
    assert all(sum(c["class"] == name for c in CASES) >= 12 for name in classes)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['class']}-{i}" for i, c in enumerate(CASES)])
def test_the_line_is_read_as_a_teacher_reads_it(case: dict[str, Any]) -> None:
    u = engine(case["scenario"]).understand(case["student"],
                                            Context.after(case.get("customer") or ""))
    got = reading(u)
    for key, value in case["expected"].items():
        if key == "acts_include":
            assert set(value) <= got["acts"], (case["student"], got["acts"])
        elif key == "acts_absent":
            assert not set(value) & got["acts"], (case["student"], got["acts"])
        else:
            assert got[key] == _expected(key, value), (case["student"], key, got[key])
