"""What a teacher sees when a path is not an ordinary, readable scenario file: a device, a
pipe, a folder, a link loop, a file they may not read. Always one French line for that path,
never a traceback, never a read that does not end; the other scenarios still list and play."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from repliq.cli import main
from scenarios.catalog import entries
from scenarios.schema import SCHEMA_PATH
from scenarios.template import render_template
from scenarios.yamlfile import MAX_BYTES, read_limited

from ..conftest import ROOT

NOT_A_FILE = ("pas un fichier ordinaire — attendu : le chemin d'un scénario, un fichier .yaml "
              "enregistré sur le disque")
LOOP = ("fichier illisible (lien symbolique qui boucle sur lui-même) — attendu : un fichier "
        ".yaml existant et lisible")
REFUSED = ("fichier illisible (lecture non autorisée par les droits du fichier) — attendu : un "
           "fichier .yaml existant et lisible")
EMPTY_FOLDER = ("dossier sans aucun fichier de scénario (.yaml ou .yml), sous-dossiers compris "
                "— attendu : un dossier qui contient des scénarios, ou le chemin d'un fichier "
                ".yaml")


def scenario(folder: Path, scenario_id: str) -> Path:
    """A valid scenario (the template of `repliq scenarios new`)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{scenario_id}.yaml"
    path.write_text(render_template(scenario_id, SCHEMA_PATH), encoding="utf-8")
    return path


def repliq(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, with a time limit: a regression that reads
    /dev/zero or waits on a pipe must fail the test, not hang or exhaust the machine."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "repliq", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], Path]:
    """Make a file unreadable as `chmod 000` does for a teacher's account.

    The tests run as root, and root reads a file whatever its mode, so under root the
    kernel's answer to an ordinary user is given instead: opening that one path raises the
    PermissionError (EACCES) the kernel raises. Run as an ordinary user, nothing is
    simulated and the real refusal is exercised."""

    def make(path: Path) -> Path:
        path.chmod(0)
        if os.geteuid() == 0:
            real_open = os.open

            def refusing_open(file: object, flags: int, *args: object, **kwargs: object) -> int:
                if os.path.abspath(os.fspath(file)) == os.path.abspath(path):  # type: ignore
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
                return real_open(file, flags, *args, **kwargs)  # type: ignore[arg-type]

            monkeypatch.setattr(os, "open", refusing_open)
        return path

    return make


# --- devices, pipes, sizes --------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    done = repliq("scenarios", "validate", "/dev/zero", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [f"/dev/zero:1: ce chemin désigne un périphérique, "
                                        f"{NOT_A_FILE}"]
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "tube.yaml")
    scenario(tmp_path / "dossier", "bon")
    os.mkfifo(tmp_path / "dossier" / "tube.yaml")
    done = repliq("scenarios", "validate", "tube.yaml", "dossier", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"tube.yaml:1: ce chemin désigne un tube nommé (FIFO), {NOT_A_FILE}",
        f"dossier/tube.yaml:1: ce chemin désigne un tube nommé (FIFO), {NOT_A_FILE}",
    ]
    assert "2 problèmes dans 2 fichiers sur 3." in done.stderr


def test_read_is_bounded_even_when_the_size_on_disk_says_small(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A file that grows after it was measured (or a size that lies): the read stops at the
    # limit instead of trusting the size.
    path = tmp_path / "grossit.yaml"
    path.write_bytes(b"x" * (MAX_BYTES + 10))
    real_fstat = os.fstat

    def small_fstat(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, *list(info)[1:6], 10, *list(info)[7:]))

    monkeypatch.setattr(os, "fstat", small_fstat)
    with pytest.raises(Exception) as raised:
        read_limited(path, "grossit.yaml")
    assert str(raised.value) == ("grossit.yaml:1: fichier trop volumineux (plus de 1 Mo) — "
                                 "attendu : un scénario de moins de 1 Mo")


# --- folders ----------------------------------------------------------------------------


def test_folder_named_like_a_file_is_checked_as_a_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    scenario(tmp_path / "x.yaml", "dedans")
    assert main(["scenarios", "validate", "x.yaml"]) == 0
    assert capsys.readouterr().out == "1 fichier vérifié : aucun problème.\n"


@pytest.mark.parametrize("name", ["vide", "x.yaml"])
def test_empty_folder_says_no_scenario_was_found_and_exits_1(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name / "sous-dossier").mkdir(parents=True)
    (tmp_path / name / "notes.txt").write_text("pas un scénario", encoding="utf-8")
    assert main(["scenarios", "validate", name]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"{name}:1: {EMPTY_FOLDER}"]
    assert captured.err == "Aucun fichier de scénario vérifié.\n"
    assert "aucun problème" not in captured.out


def test_empty_folder_beside_a_valid_file_still_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    scenario(tmp_path, "bon")
    (tmp_path / "vide").mkdir()
    assert main(["scenarios", "validate", "bon.yaml", "vide"]) == 1
    assert capsys.readouterr().out.splitlines() == [f"vide:1: {EMPTY_FOLDER}"]


# --- symbolic links ---------------------------------------------------------------------


def test_link_loop_given_to_validate_is_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "boucle.yaml").symlink_to("boucle.yaml")
    assert main(["scenarios", "validate", "boucle.yaml"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"boucle.yaml:1: {LOOP}"]
    assert captured.err == "1 problème dans 1 fichier sur 1.\n"


def test_link_loop_and_broken_link_in_a_folder_are_reported_beside_the_others(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "cours"
    scenario(folder, "bon")
    (folder / "a-boucle.yaml").symlink_to("b-boucle.yaml")
    (folder / "b-boucle.yaml").symlink_to("a-boucle.yaml")
    (folder / "casse.yaml").symlink_to("parti.yaml")
    assert main(["scenarios", "validate", "cours"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"cours/a-boucle.yaml:1: {LOOP}",
        f"cours/b-boucle.yaml:1: {LOOP}",
        "cours/casse.yaml:1: fichier illisible (lien symbolique vers un fichier qui n'existe "
        "pas) — attendu : un fichier .yaml existant et lisible",
    ]
    assert captured.err == "3 problèmes dans 3 fichiers sur 4.\n"


def test_link_loop_in_the_personal_folder_does_not_break_the_listing(
        isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario(isolated_user_dirs, "ma-situation")
    (isolated_user_dirs / "boucle.yaml").symlink_to("boucle.yaml")
    assert main(["scenarios", "list"]) == 0
    out = capsys.readouterr().out
    assert "ma-situation  (personnel)" in out
    assert "boucle.yaml : invalide (1 problème)" in out
    assert main(["run", "boucle", "--no-save"]) == 1
    assert capsys.readouterr().err.endswith(f"boucle.yaml:1: {LOOP}\n")


# --- files the teacher may not read -----------------------------------------------------


def test_unreadable_file_is_one_line_for_validate(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unreadable: Callable[[Path], Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    unreadable(scenario(tmp_path, "secret"))
    assert main(["scenarios", "validate", "secret.yaml"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"secret.yaml:1: {REFUSED}"]
    assert "Traceback" not in captured.err


def test_unreadable_file_in_the_personal_folder_shows_as_a_problem_and_the_rest_plays(
        isolated_user_dirs: Path, tmp_path: Path, unreadable: Callable[[Path], Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    scenario(isolated_user_dirs, "ma-situation")
    secret = unreadable(scenario(isolated_user_dirs, "secret"))

    assert main(["scenarios", "list"]) == 0
    out = capsys.readouterr().out
    assert "ma-situation  (personnel)" in out and "e4-copieur-cabinet" in out
    assert f"⚠ {secret} : invalide (1 problème)" in out

    assert main([]) == 0  # bare `repliq`, not on a terminal: the same listing
    out = capsys.readouterr().out
    assert "ma-situation  (personnel)" in out and f"⚠ {secret} : invalide" in out

    assert main(["run", "secret", "--no-save"]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"{secret}:1: {REFUSED}"]

    script = tmp_path / "script.txt"
    script.write_text("Bonjour madame, je suis Paul, de la société AquaPro.\n",
                      encoding="utf-8")
    assert main(["run", "ma-situation", "--script", str(script), "--no-save"]) == 0
    assert "Note :" in capsys.readouterr().out


def test_quick_listing_does_not_trust_its_cache_for_a_file_made_unreadable(
        isolated_user_dirs: Path, unreadable: Callable[[Path], Path]) -> None:
    path = scenario(isolated_user_dirs, "secret")
    first = {e.path.stem: e for e in entries(quick=True)}
    assert first["secret"].scenario is not None  # now in the start-up cache
    unreadable(path)  # chmod changes no time stamp: the cache key still matches
    again = {e.path.stem: e for e in entries(quick=True)}
    assert again["secret"].scenario is None
    assert [issue.message for issue in again["secret"].problems] == [REFUSED]
