"""The blind calibration set (tests/data/calibration/aveugle-1, issue 14): students played
against the engine by writers who saw only the students' brief, graded beforehand by examiners
who never saw Repliq's grades. Repliq's marks must rank the students as the examiners did, and
criteria must fall within one level of theirs; no scorecard of any calibration student may say
an expectation was missed while its evidence credits what it says was missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scenarios.catalog import BUILTIN_DIR
from scoring.calibration import (
    GAMING,
    MIN_RANK_CORRELATION,
    MIN_WITHIN_ONE_LEVEL,
    graded,
    measure,
    students,
)
from scoring.grader import Scorecard

CALIBRATION = Path(__file__).resolve().parent.parent / "data" / "calibration"
# The tuning set: the grade was adjusted while looking at it. aveugle-2 was written and graded
# after, to measure (docs/grading.md); it is checked here only for contradictions.
BLIND = CALIBRATION / "aveugle-1"
SCENARIOS = sorted(p.name for p in BLIND.iterdir() if p.is_dir())
EVERY_SET = [folder for blind in sorted(CALIBRATION.glob("aveugle-*"))
             for folder in sorted(blind.iterdir()) if folder.is_dir()]
# Not yet the targets of issue 14 (mean gap ≤ 1.5, no gaming case more than 2 points above the
# examiner): the figures reached so far, held so that they do not slip back. The closing note
# and docs/grading.md give them per scenario.
MAX_MEAN_GAP_REACHED = 2.0
MAX_GAMING_OVER_REACHED = 3.0


def test_the_set_has_the_quality_range_and_the_gaming_cases() -> None:
    assert set(SCENARIOS) == {p.stem for p in BUILTIN_DIR.glob("*.yaml")}
    for scenario in SCENARIOS:
        names = set(students(BLIND / scenario))
        assert len(names) >= 8
        assert {"excellent", "bon", "faible", "tres-faible", "prix-tenu", *GAMING} <= names


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_marks_rank_the_students_as_the_examiner_did(scenario: str) -> None:
    figures = measure(BLIND / scenario)
    assert figures.rank_correlation >= MIN_RANK_CORRELATION, figures
    assert figures.within_one_level >= MIN_WITHIN_ONE_LEVEL, figures
    assert figures.mean_gap <= MAX_MEAN_GAP_REACHED, figures
    assert all(gap <= MAX_GAMING_OVER_REACHED for _, gap in figures.gaming_over), figures


def _contradictions(card: Scorecard) -> list[str]:
    """A missed expectation whose missing parts the sheet credits elsewhere as done."""
    credited = {e.note.lower() for c in card.criteria for e in c.evidence if e.positive}
    facts = " ".join(n for n in credited if n.startswith("fait découvert :"))
    found = []
    for criterion in card.criteria:
        for e in criterion.evidence:
            missing = re.search(r"\(manque : (.*)\)$", e.note)
            if e.positive or not missing:
                continue
            for part in missing.group(1).split(", "):
                fact = re.match(r"fait découvert « (.*) »", part)
                said = fact.group(1).lower() in facts if fact else \
                    _CREDIT.get(part.lower(), part.lower()) in credited
                if said:
                    found.append(f"{criterion.id}: {e.note}")
    return found


# What the observations call the parts of an expectation's condition.
_CREDIT = {"l'étudiant s'est présenté (nom, entreprise)": "présentation",
           "objet de l'appel ou de la visite annoncé": "objet annoncé"}


@pytest.mark.parametrize("folder", EVERY_SET, ids=lambda f: f"{f.parent.name}/{f.name}")
def test_no_scorecard_says_an_expectation_was_missed_and_credits_it(folder: Path) -> None:
    for student in students(folder):
        card = graded(folder, student).card
        assert not _contradictions(card), (student, _contradictions(card))
