"""Faults in the store keep the conversation going and lose nothing: a full disk, a read-only
base, a lock held too long, a base that cannot be opened, a damaged or truncated file. Real
SQLite files throughout; full disks and read-only supports are real tmpfs mounts (the tests
run as root: a read-only mount is what stops root, chmod does not), skipped elsewhere."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.turn_record import Role, TurnRecord
from store.db import open_db
from store.errors import StoreCorrupt, StoreTooNew, StoreUnavailable
from store.exchange import to_json
from store.export_model import parse_export
from store.recovery import candidate_folders
from store.repair import diagnose, recover_cli, repair
from store.sessions import Recorder, list_sessions, session_record

ROOT = Path(__file__).resolve().parent.parent.parent
DIALOGUE = ROOT / "tests" / "data" / "dialogues" / "e4-copieur-cabinet.bon.txt"
MARKER = re.compile(rb"M\d\dx\d\d\dQ")  # in turn texts only (the FTS index lower-cases it)
PAGE = 4096


# --- helpers ----------------------------------------------------------------------------------
def new_recorder(path: Path | None, messages: list[str], student: str = "Léa Morel"
                 ) -> Recorder:
    return Recorder.start(path, student=student, scenario_id="e4-copieur-cabinet",
                          title="Un copieur", version="1", yaml="id: e4-copieur-cabinet\n",
                          variant=None, seed=0, mode="entrainement",
                          on_warning=messages.append)


def say(recorder: Recorder, text: str, speaker: str = "student") -> None:
    role = Role(speaker)
    recorder.turn(TurnRecord(role=role, who=None if role is Role.STUDENT else "client",
                             text=text, acts=["salutation"], state={"mood": 50}))


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A real small filesystem (root only): skipped with the reason otherwise."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("monter un tmpfs demande d'être root (disque plein, lecture seule)")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                           str(folder)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"mount tmpfs impossible ici : {done.stderr.strip()}")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True,
                          check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill(folder: Path) -> Path:
    """Write zeros until the filesystem is full; return the filler (delete it to free)."""
    filler = folder / "remplissage"
    with filler.open("wb", buffering=0) as file:
        chunk = b"\0" * 65536
        while chunk:
            try:
                file.write(chunk)
            except OSError as error:
                assert error.errno == errno.ENOSPC
                chunk = chunk[:len(chunk) // 2]
    return filler


def read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder, home and temporary folder of this test (never the real
    ones): the recovery file's fallbacks are checked in them."""
    for name in ("donnees", "maison", "temp"):
        (tmp_path / name).mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "donnees"))
    monkeypatch.setenv("HOME", str(tmp_path / "maison"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "temp"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    return tmp_path


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "repliq", *args], cwd=ROOT,
                          capture_output=True, text=True, env=env or dict(os.environ),
                          check=False)


def recovery_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("seance-*.json"))


# --- a write failure mid-session -------------------------------------------------------------
def test_disk_full_mid_session_keeps_the_conversation_and_catches_up(
        tmp_path: Path, homes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three turns in the base, the disk fills up, five more turns: no exception, one
    warning naming the recovery file (in the temporary folder, the only writable place
    left), which holds every turn and passes the import schema. Space comes back: the next
    turn writes the six missing ones in order, finish succeeds and the file is removed."""
    with tmpfs(tmp_path / "cle", "2m") as disk:
        (disk / "maison").mkdir()  # the home and the data folder share the full disk
        monkeypatch.setenv("HOME", str(disk / "maison"))
        monkeypatch.setenv("XDG_DATA_HOME", str(disk / "donnees"))
        path = disk / "repliq.db"
        messages: list[str] = []
        recorder = new_recorder(path, messages)
        for number in range(1, 4):
            say(recorder, f"réplique {number}")
        assert messages == [] and recorder.in_database
        filler = fill(disk)
        for number in range(4, 9):
            say(recorder, f"réplique {number} " + "longue " * 400)  # too big for what is left
        assert len(messages) == 1, messages
        [recovery] = recovery_files(homes / "temp")
        assert "disque plein" in messages[0] and f"repliq sessions import {recovery}" in \
            messages[0]
        assert candidate_folders(path)[-1] == recovery.parent
        [saved] = parse_export(recovery.read_text(encoding="utf-8"))
        assert [t.number for t in saved.turns] == list(range(1, 9))
        assert not recorder.in_database
        filler.unlink()
        say(recorder, "réplique 9")
        assert recorder.in_database
        done = recorder.finish({"outcome": "success", "outcome_id": "accord"}, None, None)
        assert done.in_database and not recovery.exists()
        assert "fonctionne de nouveau" in messages[-1]
        db = open_db(path)
        record = session_record(db, recorder.id)
        assert [t.number for t in record["turns"]] == list(range(1, 10))
        assert record["turns"][3].text.startswith("réplique 4 ")
        assert record == recorder.record()  # the recovery file's shape is the export's
        db.conn.close()


def test_disk_full_from_the_start_repliq_run_plays_and_keeps_everything(
        tmp_path: Path, homes: Path) -> None:
    """`repliq run` on a full disk: the whole conversation is played and graded, stderr
    says once where the session is kept, and that file holds every turn of the transcript
    (the same as --json) and imports into another base."""
    with tmpfs(tmp_path / "plein", "1m") as disk:
        path = disk / "repliq.db"
        open_db(path).conn.close()
        (disk / "maison").mkdir()
        fill(disk)
        env = {**os.environ, "REPLIQ_DB": str(path), "HOME": str(disk / "maison"),
               "XDG_DATA_HOME": str(disk / "donnees"), "TMPDIR": str(homes / "temp")}
        out = tmp_path / "transcription.json"
        run = cli("run", "e4-copieur-cabinet", "--script", str(DIALOGUE), "--json", str(out),
                  env=env)
        assert run.returncode == 0, run.stderr
        assert "Issue : réussite" in run.stdout and "Note :" in run.stdout
        warnings = [line for line in run.stderr.splitlines() if line.strip()]
        assert len(warnings) == 1, run.stderr
        [recovery] = recovery_files(homes / "temp")
        assert f"repliq sessions import {recovery}" in warnings[0]
        assert f"Séance gardée hors de la base, dans {recovery}" in run.stdout
        [saved] = parse_export(recovery.read_text(encoding="utf-8"))
        played = json.loads(out.read_text(encoding="utf-8"))["turns"]
        assert [t.text for t in saved.turns] == [t["text"] for t in played]
        assert saved.status == "terminee" and saved.scorecard is not None
    imported = cli("sessions", "import", str(recovery), "--base", str(tmp_path / "autre.db"))
    assert imported.returncode == 0, imported.stderr
    db = open_db(tmp_path / "autre.db")
    assert len(session_record(db, saved.id)["turns"]) == len(played)


def test_a_lock_held_past_the_busy_timeout_does_not_stop_the_session(tmp_path: Path,
                                                                    homes: Path) -> None:
    """Another program holds the write lock: the turn waits the busy timeout (shortened
    here), then the session goes on in memory and in the recovery file; once the lock is
    released the next turn writes everything, nothing twice."""
    path = tmp_path / "verrou.db"
    messages: list[str] = []
    recorder = new_recorder(path, messages)
    assert recorder.db is not None
    recorder.db.execute("PRAGMA busy_timeout = 50")
    say(recorder, "avant le verrou")
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    say(recorder, "pendant le verrou", "customer")
    say(recorder, "toujours pendant")
    assert len(messages) == 1 and "occupée" in messages[0]
    [recovery] = recovery_files(tmp_path / "recuperation")  # next to the base
    assert len(json.loads(recovery.read_text(encoding="utf-8"))["turns"]) == 3
    other.rollback()
    other.close()
    say(recorder, "après le verrou")
    db = open_db(path)
    texts = [t.text for t in session_record(db, recorder.id)["turns"]]
    assert texts == ["avant le verrou", "pendant le verrou", "toujours pendant",
                     "après le verrou"]
    assert recorder.interrupt().in_database and not recovery.exists()


def test_a_page_damaged_mid_session_does_not_stop_it(tmp_path: Path, homes: Path) -> None:
    """The b-tree's interior pages are overwritten while a session is being recorded: the
    next turns meet "malformed", the student is told to run `reparer`, and every turn is in
    the recovery file."""
    path = tmp_path / "abimee.db"
    build_base(path, sessions=3)
    messages: list[str] = []
    recorder = new_recorder(path, messages)
    say(recorder, "avant")
    data = bytearray(path.read_bytes())
    for page in range(2, len(data) // PAGE + 1):
        if data[(page - 1) * PAGE] in (0x02, 0x05):  # interior pages of tables and indexes
            data[(page - 1) * PAGE:page * PAGE] = os.urandom(PAGE)
    path.write_bytes(bytes(data))
    with contextlib.closing(sqlite3.connect(path)) as other:  # its cache is now stale
        other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for number in range(3):
        say(recorder, f"après {number}")
    assert len(messages) == 1 and "repliq sessions reparer" in messages[0]
    assert recorder.recovery_path is not None and not recorder.in_database
    [saved] = parse_export(recorder.recovery_path.read_text(encoding="utf-8"))
    assert [t.text for t in saved.turns] == ["avant", "après 0", "après 1", "après 2"]


def test_a_base_that_cannot_be_opened_records_in_memory_then_catches_up(
        tmp_path: Path, homes: Path) -> None:
    """--base in a folder that does not exist: the folder is not created, the session is
    kept in the data folder's recovery file; when the folder appears, the next turn opens
    the base and writes every turn."""
    path = tmp_path / "cours" / "classe.db"
    messages: list[str] = []
    recorder = new_recorder(path, messages)
    say(recorder, "bonjour")
    assert not path.parent.exists()
    assert len(messages) == 1 and "n'existe pas" in messages[0]
    [recovery] = recovery_files(homes / "donnees" / "repliq" / "recuperation")
    assert [t.text for t in parse_export(recovery.read_text(encoding="utf-8"))[0].turns] == \
        ["bonjour"]
    path.parent.mkdir()
    say(recorder, "vous allez bien ?")
    saved = recorder.finish({"outcome": "unfinished"}, None, None)
    assert saved.in_database and not recovery.exists()
    db = open_db(path)
    assert [t.text for t in session_record(db, recorder.id)["turns"]] == \
        ["bonjour", "vous allez bien ?"]


def test_the_recorder_writes_exactly_what_session_record_reads(tmp_path: Path) -> None:
    messages: list[str] = []
    recorder = new_recorder(tmp_path / "ok.db", messages)
    recorder.notes("mes notes")
    say(recorder, "Bonjour madame Martin.")
    recorder.turn(TurnRecord(role=Role.CUSTOMER, who="client", text="Bonjour.",
                             acts=["fait:volume"], state={"mood": 55}, cut_customer=True))
    recorder.finish({"outcome": "partial", "outcome_id": "x", "ended_by": "student"}, None,
                    {"contact": "Mme Martin"})
    assert messages == []
    assert session_record(open_db(tmp_path / "ok.db"), recorder.id) == recorder.record()


# --- opening checks ---------------------------------------------------------------------------
def test_open_refuses_a_missing_folder_without_creating_it(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable, match="n'existe pas"):
        open_db(tmp_path / "a" / "b" / "c.db")
    assert not (tmp_path / "a").exists()


def test_open_creates_only_the_default_data_folder(tmp_path: Path, homes: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REPLIQ_DB")
    open_db().conn.close()
    assert (homes / "donnees" / "repliq" / "repliq.db").is_file()


@pytest.mark.parametrize(("content", "expected"), [
    (b"", None),  # an empty file is a new base
    (b"bonjour, je ne suis pas une base", "pas un fichier de base SQLite"),
    (b"SQLite format 3\x00" + b"\x10\x00", "tronqué"),
])
def test_open_names_what_is_wrong_with_the_file(tmp_path: Path, content: bytes,
                                                expected: str | None) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(content)
    if expected is None:
        open_db(path).conn.close()
        return
    with pytest.raises(StoreCorrupt, match=expected) as caught:
        open_db(path)
    assert str(path) in str(caught.value) and "repliq sessions reparer" in str(caught.value)


def test_open_refuses_a_newer_or_foreign_base(tmp_path: Path) -> None:
    newer = tmp_path / "future.db"
    open_db(newer).execute("PRAGMA user_version = 99")
    with pytest.raises(StoreTooNew, match="mettez Repliq à jour"):
        open_db(newer)
    foreign = tmp_path / "autre.db"
    with contextlib.closing(sqlite3.connect(foreign)) as connection:
        connection.execute("CREATE TABLE clients (nom TEXT)")
    with pytest.raises(StoreUnavailable, match="pas une base Repliq"):
        open_db(foreign)
    assert sqlite3.connect(foreign).execute("SELECT count(*) FROM sqlite_master").fetchone() \
        == (1,)  # nothing of Repliq's was added to someone else's base


def test_read_only_base(tmp_path: Path, homes: Path) -> None:
    """A base on a read-only support (a read-only remount: root ignores chmod, so that is
    the honest way to stop root): reading commands say so in one line with exit code 3,
    and `repliq run` plays the whole session and keeps it in the data folder's recovery
    file, the base itself untouched."""
    with tmpfs(tmp_path / "ro", "4m") as disk:
        path = disk / "repliq.db"
        messages: list[str] = []
        first = new_recorder(path, messages)
        say(first, "une séance d'avant")
        first.finish({"outcome": "unfinished"}, None, None)
        assert first.db is not None
        first.db.conn.close()
        before = path.read_bytes()
        read_only(disk)
        with pytest.raises(StoreUnavailable, match="lecture seule"):
            open_db(path)
        listed = cli("sessions", "list", "--base", str(path))
        assert listed.returncode == 3, listed
        assert len(listed.stderr.strip().splitlines()) == 1
        assert "lecture seule" in listed.stderr
        env = {**os.environ, "REPLIQ_DB": str(path)}
        out = tmp_path / "transcription.json"
        run = cli("run", "e4-copieur-cabinet", "--script", str(DIALOGUE), "--json", str(out),
                  env=env)
        assert run.returncode == 0 and "Note :" in run.stdout, run.stderr
        [recovery] = recovery_files(homes / "donnees" / "repliq" / "recuperation")
        assert "lecture seule" in run.stderr and str(recovery) in run.stderr
        [saved] = parse_export(recovery.read_text(encoding="utf-8"))
        played = json.loads(out.read_text(encoding="utf-8"))["turns"]
        assert [t.text for t in saved.turns] == [t["text"] for t in played]
        assert path.read_bytes() == before


# --- damaged bases ------------------------------------------------------------------------
def build_base(path: Path, sessions: int = 6, turns: int = 40) -> list[str]:
    """A base whose turn texts carry unique markers, fully checkpointed (no -wal)."""
    ids = []
    messages: list[str] = []
    for s in range(sessions):
        recorder = new_recorder(path, messages, student=f"Élève {s}")
        for n in range(1, turns + 1):
            say(recorder, f"M{s:02d}x{n:03d}Q combien de pages imprimez-vous par mois",
                "student" if n % 2 else "customer")
        recorder.finish({"outcome": "success"}, None, None)
        assert recorder.db is not None
        recorder.db.conn.close()
        ids.append(recorder.id)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert messages == []
    return ids


def turn_leaf_pages(path: Path) -> list[int]:
    data = path.read_bytes()
    return [n for n in range(2, len(data) // PAGE + 1)
            if data[(n - 1) * PAGE] == 0x0D and MARKER.search(data[(n - 1) * PAGE:n * PAGE])]


def damage(path: Path, how: str) -> set[bytes]:
    """Damage the base; return the markers still on intact pages (what must come back)."""
    data = bytearray(path.read_bytes())
    if how == "page":
        page = turn_leaf_pages(path)[2]
        data[(page - 1) * PAGE:page * PAGE] = os.urandom(PAGE)
    elif how == "entete":
        data[:PAGE] = os.urandom(PAGE)  # the header and the schema
    elif how == "tronquee":
        data = data[:(len(data) * 6 // 10 // PAGE) * PAGE + 1234]
    path.write_bytes(bytes(data))
    whole_pages = bytes(data[:len(data) // PAGE * PAGE])
    return set(MARKER.findall(whole_pages))


def stored_markers(path: Path) -> set[bytes]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return {MARKER.search(text.encode()).group(0)  # type: ignore[union-attr]
                for (text,) in connection.execute("SELECT text FROM turns")}


@pytest.mark.parametrize("how", ["page", "entete", "tronquee"])
def test_damaged_base_every_command_says_reparer_then_reparer_restores(
        tmp_path: Path, how: str) -> None:
    path = tmp_path / "classe.db"
    ids = build_base(path)
    export = tmp_path / "export.json"
    export.write_text(to_json(open_db(path), [ids[0]]), encoding="utf-8")
    expected = damage(path, how)
    base = ["--base", str(path)]
    commands = [["sessions", "list"], ["sessions", "students"]]
    if how == "page":  # every command once; the other damages with two of them
        commands += [["sessions", "show", ids[1][:8]], ["sessions", "search", "pages"],
                     ["sessions", "export", "--all", "--format", "json"],
                     ["sessions", "import", str(export)], ["sessions", "delete", ids[2][:8]],
                     ["class", "report", "--format", "csv"]]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda command: cli(*command, *base), commands))
    for command, result in zip(commands, results, strict=True):
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 3, (command, result.stderr)
        assert len(lines) == 1 and "repliq sessions reparer" in lines[0], (command, lines)
        assert "Traceback" not in result.stderr and str(path) in lines[0]
    repaired = cli("sessions", "reparer", *base)
    assert repaired.returncode == 0, repaired.stderr
    assert "réparée" in repaired.stdout and "Original gardé" in repaired.stdout
    [backup] = tmp_path.glob("classe.avant-reparation-*.db")
    assert backup.stat().st_size > 0
    assert stored_markers(path) == expected  # every turn of the intact pages, nothing else
    assert diagnose(path) is None
    listed = cli("sessions", "list", *base)
    assert listed.returncode == 0 and listed.stderr == ""
    found = cli("sessions", "search", "imprimez", *base)
    assert found.returncode == 0 and "[imprimez]" in found.stdout  # FTS index rebuilt


def test_reparer_on_a_healthy_base_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "saine.db"
    build_base(path, sessions=2, turns=4)
    before = path.read_bytes()
    done = cli("sessions", "reparer", "--base", str(path))
    assert done.returncode == 0 and "est saine" in done.stdout and "2 séance(s)" in done.stdout
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*avant-reparation*")) == []


def test_reparer_reads_the_wal_and_keeps_it_with_the_backup(tmp_path: Path) -> None:
    """Turns committed but not yet checkpointed live in the -wal file: a damaged main file
    loses none of them, and the backup keeps its -wal beside it."""
    path = tmp_path / "wal.db"
    build_base(path, sessions=2, turns=10)
    db = open_db(path)
    db.execute("PRAGMA wal_autocheckpoint = 0")
    recorder = Recorder(db, student="Élève WAL", scenario_id="e4-copieur-cabinet",
                        title="Un copieur", version="1", yaml="id: e4-copieur-cabinet\n",
                        variant=None, seed=0, mode="entrainement")
    for n in range(1, 31):
        say(recorder, f"M99x{n:03d}Q encore une réplique")
    copy = tmp_path / "copie.db"  # the files as a crash would leave them
    copy.write_bytes(path.read_bytes())
    Path(f"{copy}-wal").write_bytes(Path(f"{path}-wal").read_bytes())
    db.conn.close()
    data = bytearray(copy.read_bytes())
    data[:PAGE] = os.urandom(PAGE)
    copy.write_bytes(bytes(data))
    report = repair(copy)
    assert not report.healthy and report.backup is not None
    assert Path(f"{report.backup}-wal").exists() and not Path(f"{copy}-wal").exists()
    assert {m for m in stored_markers(copy) if m.startswith(b"M99")} == \
        {f"M99x{n:03d}Q".encode() for n in range(1, 31)}
    assert report.sessions == 3


def test_sessions_whose_fiche_was_lost_come_back_as_placeholders(tmp_path: Path) -> None:
    """The page holding the sessions and students rows is destroyed: their turns are kept
    under visible placeholder sessions rather than hidden in the base."""
    path = tmp_path / "fiches.db"
    build_base(path, sessions=2, turns=6)
    data = bytearray(path.read_bytes())
    for page in range(2, len(data) // PAGE + 1):
        chunk = data[(page - 1) * PAGE:page * PAGE]
        if chunk[0] == 0x0D and b"terminee" in chunk:  # the sessions table's leaf
            data[(page - 1) * PAGE:page * PAGE] = os.urandom(PAGE)
    path.write_bytes(bytes(data))
    report = repair(path)
    assert report.placeholder_sessions == 2 and report.turns == 12
    db = open_db(path)
    sessions = list_sessions(db)
    assert len(sessions) == 2 and all(s.turns == 6 for s in sessions)
    assert session_record(db, sessions[0].id)["scenario"]["id"] == "inconnu"


def test_corruption_met_after_the_open_check_is_a_store_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the quick-check size only the small tables are checked at open: damage in
    the turns met later by a query is still a StoreCorrupt naming `reparer`."""
    path = tmp_path / "grande.db"
    ids = build_base(path)
    damage(path, "page")
    monkeypatch.setattr("store.db.QUICK_CHECK_MAX_BYTES", 0)
    db = open_db(path)
    with pytest.raises(StoreCorrupt, match="repliq sessions reparer"):
        for session_id in ids:
            session_record(db, session_id)


@pytest.mark.skipif(recover_cli() is None,
                    reason="l'outil sqlite3 de cette machine ne sait pas faire .recover "
                           "(compilé sans sqlite_dbpage, comme sous Debian et Ubuntu)")
def test_reparer_uses_sqlite3_recover_when_it_works(tmp_path: Path) -> None:
    path = tmp_path / "cli.db"
    build_base(path)
    expected = damage(path, "page")
    report = repair(path)
    assert report.method == "sqlite3 .recover"
    assert stored_markers(path) == expected


FAKE_SQLITE3 = """#!{python}
# `sqlite3 BASE .recover` as SQLite's own tool prints it, from a healthy copy of the base
# (this machine's tool cannot run .recover), plus one orphan row in lost_and_found; any
# other use goes to the real tool.
import os, sqlite3, sys
if sys.argv[-1] != ".recover":
    os.execv({real!r}, [{real!r}, *sys.argv[1:]])
source = os.environ.get("FAKE_RECOVER_FROM") or sys.argv[1]
connection = sqlite3.connect(source)
for line in connection.iterdump():  # tables and rows; the FTS index is rebuilt anyway
    if not any(word in line for word in ("turns_fts", "sqlite_master", "writable_schema")):
        print(line)
print("CREATE TABLE lost_and_found(rootpgno INTEGER, pgno INTEGER, nfield INTEGER, "
      "id INTEGER, " + ", ".join(f"c{{i}}" for i in range(14)) + ");")
print("INSERT INTO lost_and_found VALUES (0, 9, 14, 9999, NULL, '{session}', 999, "
      "'student', NULL, 'M77x001Q orpheline', '[]', '[]', '[]', '{{}}', NULL, NULL, NULL, "
      "NULL);")
"""


def test_reparer_plumbing_with_a_sqlite3_tool_that_can_recover(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The `.recover` path end to end (output replayed by the real tool into a scratch base,
    tables read back, lost_and_found rows attributed by shape) with a stand-in for the
    recovery itself, since Debian's sqlite3 cannot run it."""
    import shutil

    real = shutil.which("sqlite3")
    if real is None:
        pytest.skip("outil sqlite3 absent (paquet Debian sqlite3)")
    path = tmp_path / "cli.db"
    ids = build_base(path, sessions=2, turns=6)
    healthy = tmp_path / "saine.db"
    healthy.write_bytes(path.read_bytes())
    tools = tmp_path / "outils"
    tools.mkdir()
    fake = tools / "sqlite3"
    fake.write_text(FAKE_SQLITE3.format(python=sys.executable, real=real, session=ids[0]),
                    encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_RECOVER_FROM", str(healthy))
    recover_cli.cache_clear()
    try:
        damage(path, "entete")
        report = repair(path)
    finally:
        recover_cli.cache_clear()
    assert report.method == "sqlite3 .recover" and report.turns == 13
    assert b"M77x001Q" in stored_markers(path)
    db = open_db(path)
    assert session_record(db, ids[0])["turns"][-1].number == 999


def test_the_entretien_screen_shows_the_store_warning(tmp_path: Path, homes: Path,
                                                      monkeypatch: pytest.MonkeyPatch
                                                      ) -> None:
    """In the application, a base that cannot be written is a notification: the student
    reads where the session is kept, and goes on talking."""
    import asyncio

    from textual.widgets import Input

    from tui.app import RepliqApp
    from tui.screens.entretien import EntretienScreen

    monkeypatch.setenv("REPLIQ_CONFIG_DIR", str(tmp_path / "config"))

    async def play() -> list[str]:
        app = RepliqApp(db=tmp_path / "absent" / "repliq.db", preload=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, EntretienScreen)
            app.screen.query_one("#say", Input).value = "Bonjour madame Martin."
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen.rehearsal is not None
            assert len(app.screen.rehearsal.turns) >= 2  # the customer answered
            return [n.message for n in app._notifications]

    notes = asyncio.run(play())
    assert any("repliq sessions import" in note for note in notes), notes
    [recovery] = recovery_files(homes / "donnees" / "repliq" / "recuperation")
    texts = [t.text for t in parse_export(recovery.read_text(encoding="utf-8"))[0].turns]
    assert "Bonjour madame Martin." in texts
