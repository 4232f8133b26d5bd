"""`repliq scenarios essai`: a scenario tried against generic student lines reports, at the
right line of the file, what a teacher otherwise finds by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from repliq.cli import main
from scenarios.catalog import BUILTIN_DIR


@pytest.fixture
def new_scenario(tmp_path: Path) -> Path:
    assert main(["scenarios", "new", "essai-fontaine", "--dir", str(tmp_path)]) == 0
    return tmp_path / "essai-fontaine.yaml"


def lines_of(path: Path, text: str) -> list[int]:
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if text in line]


def tried_after_edit(path: Path, old: str, new: str,
                     capsys: pytest.CaptureFixture[str]) -> str:
    """Edit the teacher's file as a teacher would, try it, return what was printed."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    assert main(["scenarios", "essai", str(path)]) == 1
    return capsys.readouterr().out


def test_a_generic_keyword_is_reported_at_its_line(
        new_scenario: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tried_after_edit(new_scenario,
                           "mots_cles: [bouteilles, consommation, packs, litres]",
                           "mots_cles: [bouteilles, consommation, packs, litres,\n"
                           "                aujourd'hui]", capsys)
    [line] = lines_of(new_scenario, "aujourd'hui]")
    assert f"essai-fontaine.yaml:{line}: [problème] mot-clé « aujourd'hui » de " \
           "« consommation » trop général" in out


def test_an_objection_no_answer_can_treat_is_reported(
        new_scenario: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only a goodbye would treat this objection: no answer a student gives can."""
    out = tried_after_edit(new_scenario,
                           "      - actes: [reformulation, argument, preuve]\n"
                           "        sujets: [consommation, zero-bouteille]",
                           "      - actes: [prise_de_conge]", capsys)
    [line] = lines_of(new_scenario, "traitee_si:")
    assert f"essai-fontaine.yaml:{line}: [problème] objection « trop-cher » impossible à " \
           "traiter" in out


def test_a_fact_no_ordinary_question_reaches_is_reported(
        new_scenario: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["scenarios", "essai", str(new_scenario)])
    out = capsys.readouterr().out
    [line] = lines_of(new_scenario, "- id: corvee")
    assert f"essai-fontaine.yaml:{line}: [problème] fait « corvee »" in out


@pytest.mark.parametrize("path", sorted(BUILTIN_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_builtin_can_be_tried_and_each_finding_points_into_the_file(
        path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "essai", str(path)]) in (0, 1)
    out = capsys.readouterr().out
    length = len(path.read_text(encoding="utf-8").splitlines())
    for line in out.splitlines():
        if line.startswith(f"{path.parent.name}/") or ".yaml:" in line.split(" ")[0]:
            number = int(line.split(":")[1])
            assert 1 < number <= length, line
    # The summary always ends the trial; what the engine misreads, if anything, comes apart
    # from what the teacher should fix.
    assert out.rstrip().endswith("point(s) à vérifier dans le scénario.")


def test_a_broken_file_gives_its_problems_not_a_trial(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "casse.yaml"
    broken.write_text("id: casse\ntitre: [\n", encoding="utf-8")
    assert main(["scenarios", "essai", str(broken)]) == 1
    captured = capsys.readouterr()
    assert "casse.yaml:" in captured.out + captured.err
    assert "Essai de" not in captured.out


def test_a_probe_the_engine_misreads_is_reported_apart_from_the_file(
        new_scenario: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A closing the engine cannot read is the engine's problem, not the teacher's: it is
    listed apart, with no line of the file."""
    from dataclasses import replace

    from bot import selftest

    bank = replace(selftest.probes(), closings=("Bon, eh bien, on verra ça plus tard.",))
    monkeypatch.setattr(selftest, "probes", lambda: bank)
    main(["scenarios", "essai", str(new_scenario)])
    out = capsys.readouterr().out
    section = out.split("Ce que le moteur de Repliq comprend mal")[1]
    assert "conclusion non reconnue : « Bon, eh bien, on verra ça plus tard. »" in section
