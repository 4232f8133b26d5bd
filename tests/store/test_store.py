"""The session store as students and teachers rely on it: nothing lost on a crash, no
"database is locked", faithful export and import, and deletion that leaves nothing behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from repliq.cli import main
from store.db import MIGRATIONS, audio_dir, open_db, schema_version
from store.exchange import import_files, to_json
from store.sessions import INTERRUPTED, list_sessions, session_record

ROOT = Path(__file__).resolve().parent.parent.parent
DIALOGUE = ROOT / "tests" / "data" / "dialogues" / "e4-copieur-cabinet.bon.txt"


def play(db: Path, script: Path = DIALOGUE, student: str = "Léa Morel") -> None:
    env = {**os.environ, "REPLIQ_DB": str(db), "REPLIQ_STUDENT": student}
    subprocess.run([sys.executable, "-m", "repliq", "run", "e4-copieur-cabinet", "--script",
                    str(script)], env=env, check=True, capture_output=True, text=True)


def test_schema_is_versioned_and_wal(tmp_path: Path) -> None:
    db = open_db(tmp_path / "a.db")
    assert schema_version(db) == len(MIGRATIONS) == 2
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    open_db(tmp_path / "a.db")  # reopening migrates nothing and loses nothing
    assert schema_version(db) == 2


def test_a_version_1_base_is_migrated_without_losing_a_session(tmp_path: Path) -> None:
    """A base written before voice sessions (schema 1) opens in this version: its sessions
    are kept and its turns gain the interruption column."""
    import sqlite3

    from sqlite_utils import Database

    path = tmp_path / "ancienne.db"
    play(path)
    with sqlite3.connect(path) as connection:  # back to what version 1 wrote
        connection.execute("alter table turns drop column cut_customer")
        connection.execute("PRAGMA user_version = 1")
    assert schema_version(Database(sqlite3.connect(path))) == 1
    db = open_db(path)
    assert schema_version(db) == 2
    [summary] = list_sessions(db)
    record = session_record(db, summary.id)
    assert len(record["turns"]) > 4 and "cut_customer" in db["turns"].columns_dict


def test_killed_session_keeps_every_turn_and_shows_as_interrupted(tmp_path: Path) -> None:
    db_path = tmp_path / "crash.db"
    env = {**os.environ, "REPLIQ_DB": str(db_path), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "repliq", "run", "e4-copieur-cabinet"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                               env=env)
    assert process.stdin is not None and process.stdout is not None
    lines = ["Bonjour madame Martin.", "Je suis Léa Morel, de Bureau Plus.",
             "Combien de pages imprimez-vous par mois ?"]
    for line in lines:
        process.stdin.write(line + "\n")
        process.stdin.flush()
    deadline = time.time() + 60
    seen = 0
    # The customer speaks first (her greeting), then answers each line: wait for all of it.
    while seen < len(lines) + 1 and time.time() < deadline:
        seen += process.stdout.readline().count("Mme Claire Martin :")
    time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    db = open_db(db_path)
    [summary] = list_sessions(db)
    assert summary.status == INTERRUPTED
    record = session_record(db, summary.id)
    students = [t.text for t in record["turns"] if t.is_student]
    assert students == lines
    assert any("12 000" in t.text for t in record["turns"] if t.is_customer)


def test_two_writers_and_a_reader_never_see_database_is_locked(tmp_path: Path) -> None:
    db_path = tmp_path / "shared.db"
    open_db(db_path)
    env = {**os.environ, "REPLIQ_DB": str(db_path)}
    writers = [subprocess.Popen([sys.executable, "-m", "repliq", "run", "e4-copieur-cabinet",
                                 "--script", str(DIALOGUE), "--eleve", name], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
               for name in ("Élève A", "Élève B")]
    errors = []
    while any(w.poll() is None for w in writers):
        reader = subprocess.run([sys.executable, "-m", "repliq", "sessions", "list"], env=env,
                                capture_output=True, text=True)
        errors.append(reader.stderr)
    errors += [w.stderr.read() for w in writers if w.stderr]
    assert all(w.returncode == 0 for w in writers)
    assert not any("locked" in e for e in errors), errors
    assert len(list_sessions(open_db(db_path))) == 2


def test_export_import_round_trip_preserves_every_field(tmp_path: Path) -> None:
    source = tmp_path / "eleve.db"
    play(source)
    db = open_db(source)
    [summary] = list_sessions(db)
    original = session_record(db, summary.id)
    export = tmp_path / "export.json"
    export.write_text(to_json(db, [summary.id]), encoding="utf-8")
    teacher = open_db(tmp_path / "classe.db")
    [first] = import_files(teacher, [export])
    assert (first.added, first.skipped, first.error) == (1, 0, None)
    assert session_record(teacher, summary.id) == original
    [again] = import_files(teacher, [export])
    assert (again.added, again.skipped) == (0, 1)  # the same file twice adds nothing
    assert len(list_sessions(teacher)) == 1


@pytest.mark.parametrize("content", ['{"format": "repliq-session", "id": "x"', '{"a": 1}',
                                     "\x89PNG\r\n", '{"format": "repliq-export", "sessions": '
                                     '[{"id": "y"}]}'])
def test_corrupted_or_foreign_file_changes_nothing(tmp_path: Path, content: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Each file is imported whole or not at all: the good file goes in, the bad one is
    refused with its name, and nothing of it is written."""
    source = tmp_path / "eleve.db"
    play(source)
    good = tmp_path / "good.json"
    assert main(["sessions", "export", "--all", "--format", "json", "--sortie", str(good),
                 "--base", str(source)]) == 0
    bad = tmp_path / "bad.json"
    bad.write_bytes(content.encode("latin-1", errors="replace"))
    target = tmp_path / "classe.db"
    assert main(["sessions", "import", str(bad), str(good), "--base", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"{bad} :" in err or f"{bad}:" in err
    assert "rien de ce fichier n'a été importé" in err
    assert len(list_sessions(open_db(target))) == 1
    [result] = import_files(open_db(target), [bad])
    assert result.error and result.added == 0


def test_delete_older_than_leaves_no_orphans(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "old.db"
    play(db_path)
    play(db_path, student="Tom Petit")
    db = open_db(db_path)
    old, recent = sorted(s.id for s in list_sessions(db))
    audio = audio_dir(db_path)
    audio.mkdir()
    (audio / "tour-1.wav").write_bytes(b"RIFF")
    db.execute("update turns set audio = 'tour-1.wav' where session_id = ? and number = 1",
               [old])
    db.execute("update sessions set started_at = '2020-01-01T00:00:00+00:00' where id = ?",
               [old])
    db.conn.commit()
    assert main(["sessions", "delete", "--plus-vieilles-que", "90j", "--base",
                 str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "1 séance(s) supprimée(s)" in out and "tour-1.wav" in out
    assert not (audio / "tour-1.wav").exists()
    assert [s.id for s in list_sessions(db)] == [recent]
    for table in ("turns", "scorecards", "criteria_results", "reports"):
        orphans = db.execute(f"select count(*) from {table} where session_id not in "
                             "(select id from sessions)").fetchone()[0]
        assert orphans == 0, table
    assert db.execute("select count(*) from turns_fts").fetchone()[0] == \
        db.execute("select count(*) from turns").fetchone()[0]


def test_list_show_search_and_students(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "vue.db"
    play(db_path)
    base = ["--base", str(db_path)]
    assert main(["sessions", "list", "--eleve", "Léa Morel", *base]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert "e4-copieur-cabinet" in line and "terminée" in line and "/20" in line
    assert main(["sessions", "show", line[:8], *base]) == 0
    shown = capsys.readouterr().out
    assert "combien de pages imprimez-vous par mois" in shown and "Note :" in shown
    assert main(["sessions", "search", "pages", "imprimez", *base]) == 0
    assert "[imprimez]" in capsys.readouterr().out
    assert main(["sessions", "students", *base]) == 0
    assert "Léa Morel" in capsys.readouterr().out
    assert main(["sessions", "show", "zzzz", *base]) == 1


def test_no_save_records_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "essai.db"
    env = {**os.environ, "REPLIQ_DB": str(db_path)}
    subprocess.run([sys.executable, "-m", "repliq", "run", "e4-copieur-cabinet", "--script",
                    str(DIALOGUE), "--no-save"], env=env, check=True, capture_output=True)
    assert not db_path.exists() or list_sessions(open_db(db_path)) == []


def test_exports_in_every_format(tmp_path: Path) -> None:
    db_path = tmp_path / "formats.db"
    play(db_path)
    base = ["--base", str(db_path)]
    for fmt in ("md", "csv", "json", "html"):
        out = tmp_path / f"seance.{fmt}"
        assert main(["sessions", "export", "--all", "--format", fmt, "--sortie", str(out),
                     *base]) == 0
        text = out.read_text(encoding="utf-8")
        assert "combien de pages imprimez-vous par mois" in text
    assert json.loads((tmp_path / "seance.json").read_text())["format"] == "repliq-session"
    report = tmp_path / "classe.html"
    assert main(["class", "report", "--sortie", str(report), *base]) == 0
    assert "Léa Morel" in report.read_text(encoding="utf-8")
    assert main(["class", "report", "--format", "csv", "--sortie", str(tmp_path / "c.csv"),
                 *base]) == 0
