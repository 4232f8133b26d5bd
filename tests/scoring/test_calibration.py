"""Calibration: for every built-in scenario, four reference students (excellent, good, weak,
poor) graded beforehand by an examiner; every criterion must fall in the examiner's range,
the mark in its band, and the marks must order excellent > bon > faible > mauvais."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from bot.engine import start_conversation
from repliq.run_cmd import converse, script_lines
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scoring.call_report import read_report
from scoring.grader import Scorecard, grade
from scoring.rubric import Level
from scoring.transcript import from_record

CALIBRATION = Path(__file__).resolve().parent.parent / "data" / "calibration"
STUDENTS = ("excellent", "bon", "faible", "mauvais")
# (The blind sets, aveugle-*, have their own test: test_calibration_blind.py.)
SCENARIOS = sorted(p.name for p in CALIBRATION.iterdir()
                   if p.is_dir() and not p.name.startswith("aveugle"))


@lru_cache(maxsize=64)
def scorecard(scenario_id: str, student: str) -> Scorecard:
    folder = CALIBRATION / scenario_id
    scenario = load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml")
    customer = start_conversation(scenario)
    record = converse(customer, script_lines(folder / f"{student}.txt"), False, io.StringIO())
    report_path = folder / f"{student}.compte-rendu.yml"
    report = read_report(report_path) if report_path.exists() else None
    return grade(from_record(record), scenario, report)


def expected(scenario_id: str) -> dict:
    return YAML(typ="safe").load((CALIBRATION / scenario_id / "expected.yml")
                                 .read_text(encoding="utf-8"))


def test_every_builtin_scenario_is_calibrated() -> None:
    assert set(SCENARIOS) == {p.stem for p in BUILTIN_DIR.glob("*.yaml")}
    for scenario_id in SCENARIOS:
        for student in STUDENTS:
            assert (CALIBRATION / scenario_id / f"{student}.txt").is_file()


@pytest.mark.parametrize("scenario_id", SCENARIOS)
@pytest.mark.parametrize("student", STUDENTS)
def test_levels_and_mark_match_the_examiner(scenario_id: str, student: str) -> None:
    target = expected(scenario_id)[student]
    card = scorecard(scenario_id, student)
    low, high = target["note"]
    problems = []
    if not low <= card.total <= high:
        problems.append(f"note {card.total} hors de [{low}, {high}]")
    for result in card.criteria:
        allowed = [Level(level) for level in target["criteres"][result.id]]
        if not allowed[0].rank <= result.level.rank <= allowed[-1].rank:
            problems.append(f"{result.id} : {result.level.value} hors de "
                            f"{[a.value for a in allowed]} (score {result.score:.2f})")
    assert not problems, problems


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_marks_order_the_students(scenario_id: str) -> None:
    marks = [scorecard(scenario_id, student).total for student in STUDENTS]
    assert marks == sorted(marks, reverse=True) and len(set(marks)) == 4, marks


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_grade_command_prints_each_calibration_scorecard(
        scenario_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from repliq.cli import main

    for student in STUDENTS:
        out = tmp_path / f"{student}.json"
        report = CALIBRATION / scenario_id / f"{student}.compte-rendu.yml"
        extra = ["--compte-rendu", str(report)] if report.exists() else []
        assert main(["run", scenario_id, "--script",
                     str(CALIBRATION / scenario_id / f"{student}.txt"), "--json", str(out),
                     *extra]) == 0
        capsys.readouterr()
        assert main(["grade", str(out), *extra]) == 0
        printed = capsys.readouterr().out
        assert "Critère du référentiel" in printed and "Note :" in printed
        assert f"Note : {scorecard(scenario_id, student).total:g} / 20" in printed
