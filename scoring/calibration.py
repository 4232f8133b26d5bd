"""How close Repliq's grades come to an examiner's on a calibration set: students played
against the engine and graded beforehand by an examiner who never saw Repliq's grades
(tests/data/calibration/aveugle-*/, issue 14). Measured per scenario: rank correlation of the
/20 marks, mean gap, gaming cases marked above the examiner, criteria within one level."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from statistics import mean

from ruamel.yaml import YAML
from scipy.stats import spearmanr

from .grader import Scorecard
from .rubric import Level
from .transcript import Transcript

# The students who try to game the grade (issue 14): none may be marked more than
# GAMING_MARGIN points above the examiner.
GAMING = ("bourrage", "poli-sans-vendre", "insulte-cachee", "hors-politique")
GAMING_MARGIN = 2.0
# Targets of issue 14, per scenario.
MIN_RANK_CORRELATION = 0.9
MAX_MEAN_GAP = 1.5
MIN_WITHIN_ONE_LEVEL = 0.9


@dataclass(frozen=True)
class Graded:
    """One student: the examiner's marks beside Repliq's."""

    scenario: str
    student: str
    examiner_mark: float
    examiner_levels: dict[str, Level]
    card: Scorecard
    transcript: Transcript  # the conversation as replayed and graded

    @property
    def gap(self) -> float:
        return self.card.total - self.examiner_mark

    @property
    def levels_within_one(self) -> list[bool]:
        return [abs(c.level.rank - self.examiner_levels[c.id].rank) <= 1
                for c in self.card.criteria if c.id in self.examiner_levels]


@dataclass(frozen=True)
class Figures:
    scenario: str
    students: int
    rank_correlation: float
    mean_gap: float
    gaming_over: list[tuple[str, float]]  # (student, points above the examiner) beyond margin
    within_one_level: float

    @property
    def on_target(self) -> bool:
        return (self.rank_correlation >= MIN_RANK_CORRELATION and
                self.mean_gap <= MAX_MEAN_GAP and not self.gaming_over and
                self.within_one_level >= MIN_WITHIN_ONE_LEVEL)


def _yaml(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=256)
def graded(folder: Path, student: str) -> Graded:
    """Play the student's script against the engine (seed 0) and grade it, with the call report
    beside it when there is one."""
    from bot.engine import start_conversation
    from repliq.run_cmd import converse, script_lines
    from scenarios import load_scenario
    from scenarios.catalog import BUILTIN_DIR

    from .call_report import read_report
    from .grader import grade
    from .transcript import from_record

    scenario = load_scenario(BUILTIN_DIR / f"{folder.name}.yaml")
    record = converse(start_conversation(scenario), script_lines(folder / f"{student}.txt"),
                      False, io.StringIO())
    report_path = folder / f"{student}.compte-rendu.yml"
    report = read_report(report_path) if report_path.exists() else None
    transcript = from_record(record)
    card = grade(transcript, scenario, report)
    examiner = _yaml(folder / "examinateur.yml")[student]
    return Graded(folder.name, student, float(examiner["note"]),
                  {k: Level(v) for k, v in examiner["criteres"].items()}, card, transcript)


def students(folder: Path) -> list[str]:
    return sorted(_yaml(folder / "examinateur.yml"))


def measure(folder: Path) -> Figures:
    rows = [graded(folder, student) for student in students(folder)]
    correlation = spearmanr([r.examiner_mark for r in rows], [r.card.total for r in rows])
    within = [ok for r in rows for ok in r.levels_within_one]
    return Figures(folder.name, len(rows), float(correlation.statistic),
                   mean(abs(r.gap) for r in rows),
                   [(r.student, r.gap) for r in rows
                    if r.student in GAMING and r.gap > GAMING_MARGIN],
                   sum(within) / len(within))


def report(root: Path) -> str:
    """The figures of every scenario of a calibration set, and each student's marks."""
    lines = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        figures = measure(folder)
        lines.append(f"{figures.scenario}: rang {figures.rank_correlation:.2f} "
                     f"(cible ≥ {MIN_RANK_CORRELATION}), écart moyen {figures.mean_gap:.2f} "
                     f"(≤ {MAX_MEAN_GAP}), critères à un niveau près "
                     f"{figures.within_one_level:.0%} (≥ {MIN_WITHIN_ONE_LEVEL:.0%}), "
                     f"triche au-dessus de +{GAMING_MARGIN:g} : "
                     + (", ".join(f"{s} {g:+.1f}" for s, g in figures.gaming_over) or "aucune"))
        for student in students(folder):
            row = graded(folder, student)
            off = [f"{c.id.split('.')[1]} {c.level.value}≠{row.examiner_levels[c.id].value}"
                   for c in row.card.criteria if c.id in row.examiner_levels
                   and abs(c.level.rank - row.examiner_levels[c.id].rank) > 1]
            lines.append(f"    {student:17} examinateur {row.examiner_mark:5.1f}  Repliq "
                         f"{row.card.total:5.1f}  écart {row.gap:+5.1f}  "
                         + " ".join(off))
    return "\n".join(lines)
