"""Numbers in a scenario are finite and of a sensible size: `.inf` or `.nan` weights used to
pass the validator and crash grading, and weights of 1e308 gave a silent 0/20."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import start_conversation
from repliq.cli import main
from repliq.rehearsal import Rehearsal
from scenarios import load_scenario
from scenarios.schema import SCHEMA_PATH
from scenarios.template import render_template
from scenarios.validate import check_file
from scoring.grader import grade
from scoring.transcript import from_record

WEIGHTS = ("  total_poids: 100", "      poids: 30\n", "      poids: 30\n", "      poids: 40\n")


def template(folder: Path, name: str, *changes: tuple[str, str]) -> Path:
    """The template of `repliq scenarios new`, with each (old, new) replaced once."""
    text = render_template(name, SCHEMA_PATH)
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_run_with_infinite_weights_prints_the_problems_and_exits_1(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    path = template(tmp_path, "infini", ("total_poids: 100", "total_poids: .inf"),
                    ("      poids: 30\n", "      poids: .nan\n"))
    assert main(["run", "infini.yaml", "--no-save"]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"infini.yaml:{line_of(path, 'total_poids')}: « total_poids » vaut l'infini (.inf) — "
        "attendu : un nombre fini, plus de 0 et au plus 1 000 (la somme déclarée des poids "
        "(ex. 100))",
        f"infini.yaml:{line_of(path, '.nan')}: « poids » vaut une valeur indéfinie (.nan) — "
        "attendu : un nombre fini, plus de 0 et au plus 1 000 (le poids du critère)",
    ]
    assert captured.out == ""


def test_absurd_weight_is_refused_instead_of_a_silent_zero(tmp_path: Path) -> None:
    path = template(tmp_path, "enorme", ("      poids: 40\n", "      poids: 1e308\n"))
    assert [f"{i.line}: {i.message}" for i in check_file(path)] == [
        f"{line_of(path, '1e308')}: « poids » vaut 1e+308 — attendu : au plus 1 000 (le poids "
        "du critère)"]


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("prix_catalogue: 39", "prix_catalogue: 1e12",
     "« prix_catalogue » vaut 1 000 000 000 000 — attendu : au plus 1 000 000 000 (le prix de "
     "départ de l'offre de l'étudiant)"),
    ("prix_catalogue: 39", "prix_catalogue: -.inf",
     "« prix_catalogue » vaut moins l'infini (-.inf) — attendu : un nombre fini, au moins 0 et "
     "au plus 1 000 000 000 (le prix de départ de l'offre de l'étudiant)"),
    ("duree_cible_min: 15", "duree_cible_min: 1e20",
     "« duree_cible_min » vaut 1e+20 — attendu : un nombre fini, au moins "
     "1 et au plus 120 (la durée cible de l'entretien en minutes)"),
    ("humeur_initiale: 60", "humeur_initiale: .nan",
     "« humeur_initiale » vaut une valeur indéfinie (.nan) — attendu : un nombre fini, au moins "
     "0 et au plus 100 (l'humeur au début, de 0 (furieux) à 100 (enthousiaste))"),
    ('version: "1.0"', "version: .inf",
     "« version » doit être du texte, pas l'infini (.inf) — attendu : la version du scénario "
     "(ex. \"1.0\")"),
    ("packs_par_semaine: 10", "packs_par_semaine: [1, 2]",
     "« packs_par_semaine » doit être du texte ou un nombre, pas une liste"),
    ("negociation.budget_client: 30", "negociation.budget_client: .inf",
     "avec la variante « budget-serre », « budget_client » vaut l'infini (.inf) — attendu : un "
     "nombre fini, au moins 0 et au plus 1 000 000 000 (le prix que le client est prêt à payer "
     "(sa valeur de réserve))"),
])
def test_non_finite_and_absurd_numbers_anywhere_are_refused_with_the_bound(
        tmp_path: Path, key: str, value: str, expected: str) -> None:
    path = template(tmp_path, "nombres", (key, value))
    assert [f"{i.line}: {i.message}" for i in check_file(path)] == [
        f"{line_of(path, value)}: {expected}"]


def test_weights_at_their_bound_grade_like_the_usual_ones(tmp_path: Path) -> None:
    usual = template(tmp_path / "a", "poids")
    largest = template(tmp_path / "b", "poids", *zip(WEIGHTS, (
        "  total_poids: 1000", "      poids: 300\n", "      poids: 300\n",
        "      poids: 400\n"), strict=True))
    marks = []
    for path in (usual, largest):
        assert check_file(path) == []
        scenario = load_scenario(path)
        rehearsal = Rehearsal(start_conversation(scenario))
        rehearsal.open()
        for line in ("Bonjour madame Roche, Paul Martin, de la société AquaPro.",
                     "Combien de bouteilles achetez-vous par semaine ?",
                     "Qui s'occupe d'acheter l'eau ?"):
            rehearsal.say(line)
        marks.append(grade(from_record({"variant": None, **rehearsal.record()}), scenario).total)
    assert marks[0] == marks[1]
    assert marks[0] > 0
