"""The command line as a teacher uses it: French help, exit codes, messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from repliq.cli import main

SUBCOMMANDS = ["list", "show", "validate", "schema", "new"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "repliq", *args], capture_output=True,
                          text=True, check=False)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("repliq ")


def test_repliq_alone_without_a_terminal_lists_the_scenarios() -> None:
    # (Piped or scripted, there is no screen to draw the application on: the summary says
    # what to play and that a terminal opens the full-screen application.)
    result = run()
    assert result.returncode == 0
    assert "e4-copieur-cabinet" in result.stdout
    assert "repliq scenarios show e4-copieur-cabinet" in result.stdout
    assert "ouvre l'application plein écran" in result.stdout


def test_help_is_french_with_examples() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage : repliq")
    assert "afficher cette aide et quitter" in result.stdout
    assert "exemples :" in result.stdout


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_subcommand_has_french_help_with_an_example(
        name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["scenarios", name, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage : repliq scenarios {name}")
    assert "exemple" in out
    assert f"repliq scenarios {name}" in out.split("exemple")[1]


def test_unknown_command_is_explained_in_french() -> None:
    result = run("scenarios", "lister")
    assert result.returncode == 2
    assert "choix invalide" in result.stderr
    assert "'list'" in result.stderr


def test_new_writes_a_template_that_validates(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "new", "vente-fontaine", "--dir", str(tmp_path)]) == 0
    written = tmp_path / "vente-fontaine.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=file://")
    assert "id: vente-fontaine" in text
    assert main(["scenarios", "validate", str(written)]) == 0
    assert "1 fichier vérifié : aucun problème." in capsys.readouterr().out


def test_new_refuses_to_overwrite_and_bad_ids(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "new", "doublon", "--dir", str(tmp_path)]) == 0
    assert main(["scenarios", "new", "doublon", "--dir", str(tmp_path)]) == 1
    assert "existe déjà" in capsys.readouterr().err
    assert main(["scenarios", "new", "Mon Scénario", "--dir", str(tmp_path)]) == 2
    assert "identifiant « Mon Scénario » invalide" in capsys.readouterr().err


def test_validate_exits_1_on_a_missing_path(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "validate", str(tmp_path / "nulle-part.yaml")]) == 1
    assert "fichier introuvable" in capsys.readouterr().out


def test_show_unknown_scenario_lists_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "show", "inexistant"]) == 1
    assert "scénario introuvable" in capsys.readouterr().err


def test_schema_check_detects_a_stale_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from scenarios import schema

    assert main(["scenarios", "schema", "--check"]) == 0
    stale = tmp_path / "schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr("repliq.scenarios_cmd.SCHEMA_PATH", stale)
    assert main(["scenarios", "schema", "--check"]) == 1
    assert "n'est plus à jour" in capsys.readouterr().err
    monkeypatch.setattr(schema, "SCHEMA_PATH", stale)
    monkeypatch.setattr("repliq.scenarios_cmd.write_schema", lambda: schema.write_schema(stale))
    assert main(["scenarios", "schema", "--write"]) == 0
    assert main(["scenarios", "schema", "--check"]) == 0


def test_schema_prints_json_for_editors(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["scenarios", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Scénario Repliq"
