"""The blind calibration sets (tests/data/calibration/aveugle-N, issue 14): students played
against the engine by writers who saw only the students' brief, graded beforehand by examiners
who never saw Repliq's grades. On the sets the grade was tuned on, Repliq's marks must meet the
targets of issue 14 (rank, mean gap, gaming, criteria within one level); no scorecard of any
calibration student may say an expectation was missed while its evidence credits what it says
was missing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scenarios.catalog import BUILTIN_DIR
from scoring.calibration import (
    GAMING,
    MIN_WITHIN_ONE_LEVEL,
    graded,
    measure,
    students,
)
from scoring.grader import Scorecard

CALIBRATION = Path(__file__).resolve().parent.parent / "data" / "calibration"
# The tuning sets: the grade was adjusted while looking at them (each after it had been
# measured once, fresh). A set written after them is the measure (docs/grading.md); it is
# checked here only for contradictions and texts.
TUNING = [CALIBRATION / f"aveugle-{n}"
          for n in (1, 2, 3, 4, 5, 6, 7, 8, 11, 13, 14, 15, 16, 18, 19, 20, 21, 22, 23, 24, 26,
                    27, 28, 30, 31, 33, 35, 37, 42)]
# Fresh sets that met every target when measured, never tuned on: held there.
FRESH_ON_TARGET = [CALIBRATION / f"aveugle-{n}" for n in (12, 17, 32, 34, 38, 39)]
# Sets that do not reach every target yet (docs/grading.md): the copier's rank correlation on
# aveugle-9 (a weak student 2.5 points above the examiner), an insult to the prospect himself
# the examiner of aveugle-10 judged harder (+3), an insult to head office the director and the
# grade heard but the examiner of aveugle-25 sanctioned harder (+2.5; over the sets, Repliq
# grades the event's hidden insult a point below the examiners), and the same with the
# director's own fair called "un marché de ploucs" in aveugle-29 (+2.5, levels that match the
# examiner's but for one), and the event's rank correlation on aveugle-36 (0.88: a student
# who holds her project over the director's ceiling and contradicts him, graded two points
# above the examiner), and the copier's student of aveugle-40 who went below the floor and
# stacked promises (examiner 2.5, Repliq 5 for levels that match but one: +2.5), and the
# prospect of aveugle-41 told web agencies are "une bande de charlatans… vous vous êtes fait
# plumer" (+3.0; heard as contempt, the same words in aveugle-6 and -16 were graded 3 and 4
# points under their examiners, who sanctioned them less than an insult to him). Held at the
# figures reached so they do not slip back.
REACHING = [CALIBRATION / f"aveugle-{n}" for n in (9, 10, 25, 29, 36, 40, 41)]
MAX_MEAN_GAP_REACHED = 1.65
MIN_RANK_REACHED = 0.85
MAX_GAMING_REACHED = 3.0
SCENARIOS = sorted(p.name for p in TUNING[0].iterdir() if p.is_dir())
EVERY_SET = [folder for blind in sorted(CALIBRATION.glob("aveugle-*"))
             for folder in sorted(blind.iterdir()) if folder.is_dir()]


@pytest.mark.parametrize("blind", sorted(CALIBRATION.glob("aveugle-*")), ids=lambda p: p.name)
def test_each_set_has_the_quality_range_and_the_gaming_cases(blind: Path) -> None:
    scenarios = sorted(p.name for p in blind.iterdir() if p.is_dir())
    assert set(scenarios) == {p.stem for p in BUILTIN_DIR.glob("*.yaml")}
    for scenario in scenarios:
        names = set(students(blind / scenario))
        assert len(names) >= 8
        assert {"excellent", "bon", "faible", "tres-faible", "prix-tenu", *GAMING} <= names


@pytest.mark.parametrize("folder", [t / s for t in (*TUNING, *FRESH_ON_TARGET)
                                    for s in SCENARIOS],
                         ids=lambda f: f"{f.parent.name}/{f.name}")
def test_marks_meet_the_targets_on_the_tuning_sets(folder: Path) -> None:
    """Rank correlation ≥ 0.9, mean gap ≤ 1.5 points, no gaming case more than 2 points above
    the examiner, ≥ 90 % of criteria within one level (scoring/calibration.py)."""
    figures = measure(folder)
    assert figures.on_target, figures


@pytest.mark.parametrize("folder", [r / s for r in REACHING for s in SCENARIOS],
                         ids=lambda f: f"{f.parent.name}/{f.name}")
def test_marks_hold_the_figures_reached_on_the_sets_not_yet_on_target(folder: Path) -> None:
    figures = measure(folder)
    assert figures.rank_correlation >= MIN_RANK_REACHED, figures
    assert figures.within_one_level >= MIN_WITHIN_ONE_LEVEL, figures
    assert figures.mean_gap <= MAX_MEAN_GAP_REACHED, figures
    assert all(over <= MAX_GAMING_REACHED for _, over in figures.gaming_over), figures


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
