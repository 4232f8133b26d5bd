"""The rubric quotes the référentiel word for word and covers every criterion of blocs 1
and 2; scenarios may only weight criteria a conversation can show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scenarios.validate import check_file
from scoring.rubric import Level, rubric

from ..conftest import ROOT

SEED = next((ROOT.parent / "shared" / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("’", "'"))


def test_every_label_and_competence_is_quoted_verbatim_from_the_referentiel() -> None:
    section = _flat(SEED.split("2.2 – Référentiel de certification")[1].split("Bloc 3")[0])
    for criterion in rubric().criteria:
        assert _flat(criterion.label) in section, criterion.id
        assert _flat(criterion.competence) in section, criterion.id


def test_the_grid_is_complete_and_every_assessed_criterion_has_four_levels() -> None:
    criteria = rubric().criteria
    assert len([c for c in criteria if c.bloc == 1]) == 20
    assert len([c for c in criteria if c.bloc == 2]) == 16
    for criterion in criteria:
        if criterion.assessed:
            assert set(criterion.levels) == set(Level), criterion.id
        else:
            assert criterion.reason, criterion.id


def test_scenario_weighting_a_criterion_a_conversation_cannot_show_is_refused(
        tmp_path: Path) -> None:
    from repliq.cli import main

    assert main(["scenarios", "new", "grille", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "grille.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "critere: b1.diagnostic", "critere: b1.analyse_portefeuille")
    path.write_text(text, encoding="utf-8")
    messages = [issue.message for issue in check_file(path)]
    assert any("« b1.analyse_portefeuille » ne s'observe pas dans un entretien" in m
               for m in messages), messages


@pytest.mark.parametrize("level", list(Level))
def test_levels_have_french_names(level: Level) -> None:
    assert rubric().level_names[level]


def test_every_assessed_criterion_is_made_of_known_observations_weighing_one() -> None:
    from scoring.observations import Observer

    known = {name for name in dir(Observer) if not name.startswith("_")} | {"report"}
    for criterion in rubric().criteria:
        if not criterion.assessed:
            assert not criterion.recipe, criterion.id
            continue
        assert criterion.recipe, criterion.id
        assert set(criterion.recipe) <= known, (criterion.id, set(criterion.recipe) - known)
        assert abs(sum(criterion.recipe.values()) - 1.0) < 1e-9, criterion.id


def test_every_fault_touches_criteria_of_the_grid() -> None:
    assessed = {c.id for c in rubric().criteria if c.assessed}
    rules = rubric().misconduct
    assert rules.touched_cap < rules.repeated_cap <= rules.others_cap < 1
    for kind, rule in rules.kinds.items():
        assert rule.criteria and set(rule.criteria) <= assessed, kind
