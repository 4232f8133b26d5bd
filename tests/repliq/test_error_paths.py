"""One error path for the whole command line: bad options, unreadable inputs, unwritable
outputs, hostile text and faults end with one French line and a documented exit code,
never a traceback on screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from repliq import sessions_cmd
from repliq.cli import main
from repliq.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_USAGE
from store.db import open_db

SCENARIO = "e4-copieur-cabinet"


def repliq(*args: str, env: dict[str, str] | None = None, stdout: int | None = None,
           timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "repliq", *args], capture_output=stdout is None,
                          stdout=stdout, stderr=subprocess.PIPE if stdout is not None else None,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})},
                          check=False)


def one_french_line(stderr: str) -> None:
    assert "Traceback" not in stderr and 'File "' not in stderr
    assert stderr.strip(), "a refusal must say why"


@pytest.mark.parametrize(("option", "value"), [
    ("--seed", str(10**38)), ("--seed", "-1"), ("--seed", "trois"),
    ("--rasa", "notaurl"), ("--rasa", "ftp://serveur"), ("--rasa", "http://h:99999"),
    ("--eleve", ""), ("--eleve", "   "), ("--eleve", "Léa\x1b[2J"),
])
def test_wrong_option_values_are_refused_by_the_parser(
        option: str, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["run", SCENARIO, option, value, "--no-save"])
    assert exit_.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert "valeur invalide pour" in err and "attendu" in err


def test_a_script_that_is_not_utf8_is_refused(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "repliques.txt"
    script.write_bytes("Bonjour, je suis Léo de Bureau Plus.\n".encode("utf-16"))
    assert main(["run", SCENARIO, "--script", str(script), "--no-save"]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "n'est pas en UTF-8" in err
    one_french_line(err)


def test_blank_lines_and_unicode_separators_do_not_make_turns(tmp_path: Path) -> None:
    script = tmp_path / "repliques.txt"
    script.write_text("Bonjour madame,\u2028je suis Léo\vde Bureau Plus.\n   \n\f\n"
                      "Combien de pages imprimez-vous par mois ?\n", encoding="utf-8")
    out = tmp_path / "t.json"
    assert main(["run", SCENARIO, "--script", str(script), "--no-save", "--json",
                 str(out)]) == 0
    turns = json.loads(out.read_text(encoding="utf-8"))["turns"]
    said = [t["text"] for t in turns if t["speaker"] == "student"]
    assert said == ["Bonjour madame, je suis Léo de Bureau Plus.",
                    "Combien de pages imprimez-vous par mois ?"]


def test_lines_after_the_end_of_the_conversation_are_said_unplayed(tmp_path: Path) -> None:
    # (A script writer took lines after the goodbye for heard: nothing said they were not.)
    script = tmp_path / "repliques.txt"
    script.write_text("Bonjour Madame, Léa Martin de Bureau Plus, merci de me recevoir.\n"
                      "Merci, au revoir Madame, bonne journée.\nEncore une chose.\n\n"
                      "Et une autre.\n", encoding="utf-8")
    result = repliq("run", SCENARIO, "--script", str(script), "--no-save")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "(Entretien terminé : 2 répliques du script non jouées.)" in out
    assert "Encore une chose" not in out


@pytest.mark.parametrize("where", ["dossier-absent/t.json", "."])
def test_an_unwritable_json_output_is_refused_before_the_conversation(
        tmp_path: Path, where: str, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "s.txt"
    script.write_text("Bonjour madame.\n", encoding="utf-8")
    target = tmp_path / where
    assert main(["run", SCENARIO, "--script", str(script), "--no-save", "--json",
                 str(target)]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert "Bonjour madame" not in captured.out  # nothing was played
    assert "attendu" in captured.err
    assert not (tmp_path / "dossier-absent").exists()  # no folder tree grown


def test_export_to_a_missing_folder_is_one_french_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["class", "report", "--sortie", str(tmp_path / "x" / "y.html"), "--base",
                 str(tmp_path / "c.db")]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "dossier introuvable" in err
    one_french_line(err)


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    """A student line (or a name) carrying ESC/OSC sequences is stored and shown without
    them: echo, list, show and search."""
    db_path = tmp_path / "e.db"
    script = tmp_path / "s.txt"
    script.write_text("Bonjour \x1b]0;PIRATE\x07madame \x1b[2J\x9b31m, je suis Léo.\n",
                      encoding="utf-8")
    env = {"REPLIQ_DB": str(db_path), "REPLIQ_STUDENT": "Léa"}
    run = repliq("run", SCENARIO, "--script", str(script), env=env)
    assert run.returncode == 0, run.stderr
    assert "\x1b" not in run.stdout and "\x9b" not in run.stdout and "\x07" not in run.stdout
    assert "Bonjour ]0;PIRATEmadame [2J31m, je suis Léo." in run.stdout
    stored = open_db(db_path).execute("select text from turns where speaker = 'student'"
                                      ).fetchone()[0]
    assert "\x1b" not in stored
    # A row written by an older version may still hold them: the display strips them.
    db = open_db(db_path)
    db.execute("update turns set text = 'ok \x1b[31mrouge\x1b]8;;http://x\x07' where "
               "speaker = 'student'")
    db.execute("update students set name = 'Léa\x1b[2J'")
    db.conn.commit()
    session = db.execute("select id from sessions").fetchone()[0]
    for command in (["sessions", "list"], ["sessions", "show", session[:8]],
                    ["sessions", "search", "rouge"], ["sessions", "students"],
                    ["sessions", "export", session[:8], "--format", "md"]):
        shown = repliq(*command, env=env)
        assert shown.returncode == 0, shown.stderr
        assert "\x1b" not in shown.stdout, command


def test_a_full_stdout_is_one_french_line(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = repliq("scenarios", "list", stdout=full.fileno())
    assert result.returncode == EXIT_INPUT
    assert "impossible d'écrire sur la sortie standard" in result.stderr
    one_french_line(result.stderr)


def test_a_terminal_that_is_not_utf8_gets_question_marks_not_a_crash() -> None:
    result = repliq("scenarios", "show", SCENARIO, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "?" in result.stdout


def test_an_unexpected_fault_is_logged_not_shown(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REPLIQ_CONFIG_DIR", str(tmp_path / "config"))

    def broken(args: object) -> int:
        raise ZeroDivisionError("division par zéro dans un calcul")

    monkeypatch.setattr(sessions_cmd, "cmd_students", broken)
    assert main(["sessions", "students", "--base", str(tmp_path / "b.db")]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    one_french_line(err)
    assert "erreur inattendue" in err and "repliq.log" in err
    log = (tmp_path / "config" / "repliq.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "ZeroDivisionError" in log


@pytest.mark.parametrize("value", ["99999999999999999999j", "90 jours", "-3j", "1e9j"])
def test_absurd_retention_is_refused(tmp_path: Path, value: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(["sessions", "delete", f"--plus-vieilles-que={value}", "--base",
                     str(tmp_path / "b.db")])
    except SystemExit as exit_:
        code = exit_.code
    assert code == EXIT_USAGE
    assert "durée invalide" in capsys.readouterr().err


def test_importing_a_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    assert main(["sessions", "import", str(folder), "--base", str(tmp_path / "b.db")]) == 1
    err = capsys.readouterr().err
    assert "c'est un dossier" in err
    one_french_line(err)


@pytest.mark.parametrize("content", [
    '{"scenario": "e4-copieur-cabinet", "turns": [{"speaker": "student", "text": null}]}',
    '{"scenario": "e4-copieur-cabinet", "turns": [{"speaker": "student", "text": "a", '
    '"state": 5}]}',
    "[" * 100_000,
])
def test_a_hand_edited_transcript_is_refused_in_one_line(
        tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.json"
    path.write_text(content, encoding="utf-8")
    assert main(["grade", str(path)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert str(path) in err
    one_french_line(err)
