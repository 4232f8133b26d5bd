"""Recording sessions turn by turn (each turn committed as it happens: a crash loses
nothing), and reading them back."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import socket
import sqlite3
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.turn_record import Role, TurnRecord

from .audio_paths import contained, session_folder
from .db import BUSY_TIMEOUT_MS, default_path, open_db, store_problem
from .errors import StoreError, StoreUnavailable
from .export_model import Status
from .recovery import RecoveryFile, is_volatile

IN_PROGRESS, FINISHED, INTERRUPTED = (Status.IN_PROGRESS.value, Status.FINISHED.value,
                                     Status.INTERRUPTED.value)
STATUS_LABELS = {IN_PROGRESS: "en cours", FINISHED: "terminée", INTERRUPTED: "interrompue"}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def student_id(db: Database, name: str) -> int:
    name = " ".join(name.split())
    row = next(db["students"].rows_where("name = ?", [name], limit=1), None)
    if row:
        return int(row["id"])
    return int(db["students"].insert({"name": name, "created_at": now()}).last_pk)


def yaml_digest(yaml: str) -> str:
    """The key of a scenario text in the scenarios table."""
    return hashlib.sha256(yaml.encode("utf-8")).hexdigest()


def scenario_hash(db: Database, scenario_id: str, title: str, version: str, yaml: str) -> str:
    """Keep the scenario as it was played: a review shows that day's text."""
    digest = yaml_digest(yaml)
    db["scenarios"].insert({"hash": digest, "id": scenario_id, "title": title,
                            "version": version, "yaml": yaml}, pk="hash", ignore=True)
    return digest


def turn_row(session_id: str, turn: TurnRecord) -> dict[str, Any]:
    """A numbered turn as a row of the turns table (lists and the state as JSON text). One
    shape for the recorder and for imports; what the table has no column for (the sentences,
    the voice's timings) is not kept."""
    if turn.number is None:
        raise ValueError("a turn is stored with its number")
    return {"session_id": session_id, "number": turn.number, "speaker": turn.role.value,
            "who": turn.who, "text": turn.text,
            "acts": json.dumps(turn.acts, ensure_ascii=False),
            "entities": json.dumps(turn.entities, ensure_ascii=False),
            "topics": json.dumps(turn.topics, ensure_ascii=False),
            "state": json.dumps(turn.state, ensure_ascii=False),
            "tip": turn.tip, "at": turn.at, "audio": turn.audio,
            "cut_customer": 1 if turn.cut_customer else None}


def turn_from_row(row: dict[str, Any]) -> TurnRecord:
    """A row of the turns table as a turn (the inverse of turn_row)."""
    return TurnRecord(number=row["number"], role=Role(row["speaker"]), who=row["who"],
                      text=row["text"], acts=json.loads(row["acts"] or "[]"),
                      entities=json.loads(row["entities"] or "[]"),
                      topics=json.loads(row["topics"] or "[]"),
                      state=json.loads(row["state"] or "{}"), tip=row["tip"], at=row["at"],
                      audio=row["audio"], cut_customer=bool(row["cut_customer"]))


def export_data(record: dict[str, Any]) -> dict[str, Any]:
    """A session_record as plain JSON data: what export and recovery files hold."""
    return {**record, "turns": [turn.as_dict() for turn in record["turns"]]}


Warn = Callable[[str], None]
# What a write to the store may raise: SQLite's own errors, the operating system's (disk,
# permissions), and the store errors of store/db.py (the guarded connection's translations).
STORE_FAULTS: tuple[type[BaseException], ...] = (sqlite3.Error, OSError, StoreError)
# Once a write has failed, later turns retry without waiting the full busy timeout on each:
# a lock held by another program must not freeze the conversation for 10 s a turn.
DEGRADED_BUSY_TIMEOUT_MS = 250


@dataclass(frozen=True)
class Saved:
    """Where a session ended up once finished or interrupted."""

    session_id: str
    in_database: bool
    recovery: Path | None  # the recovery file, when the base could not take the session

    def line(self) -> str:
        """One French line for the student."""
        short = self.session_id[:8]
        if self.in_database:
            return f"Séance enregistrée : {short} (repliq sessions show {short})"
        if self.recovery is not None:
            return (f"Séance gardée hors de la base, dans {self.recovery} — pour la remettre "
                    f"dans l'historique : repliq sessions import {self.recovery}")
        return ("Séance non enregistrée : ni la base ni aucun dossier de secours ne peut être "
                "écrit")


def _reason(error: BaseException, path: Path) -> str:
    if isinstance(error, sqlite3.Error):
        error = store_problem(error, path) or error
    if isinstance(error, StoreError):
        return str(error)
    if isinstance(error, OSError):
        return f"la base {path} est inaccessible ({error.strerror or error})"
    return f"la base {path} est inaccessible ({error})"


class Recorder:
    """Writes one session as it is played, each turn committed as it happens.

    A store fault (full disk, read-only support, lock held past the busy timeout, damaged
    page) never stops the rehearsal: every turn is also kept in memory, the whole session
    goes to a recovery file (store/recovery.py) rewritten on each later turn, and the
    student is told once, through `on_warning`, where it is and how to import it. Each later
    turn retries the base; when it works again, the missing turns are written in order and
    nothing is duplicated (the base's own count is read first)."""

    def __init__(self, db: Database | None, *, student: str, scenario_id: str, title: str,
                 version: str, yaml: str, variant: str | None, seed: int, mode: str,
                 on_warning: Warn | None = None, db_path: Path | None = None,
                 problem: BaseException | None = None) -> None:
        self.db = db
        self.db_path = db_path or (getattr(db.conn, "store_path", None) if db else None) \
            or default_path()
        self.id = uuid.uuid4().hex
        self.number = 0
        self.on_warning = on_warning
        self._lock = threading.RLock()  # the keyboard and the microphone threads both write
        self._student = " ".join(student.split())
        digest = yaml_digest(yaml)
        self._scenario = {"hash": digest, "id": scenario_id, "title": title,
                          "version": version, "yaml": yaml}
        # The session as the base holds it, in session_record's field order.
        self._session: dict[str, Any] = {
            "id": self.id, "scenario_hash": digest, "scenario_id": scenario_id,
            "variant": variant, "seed": seed, "mode": mode, "started_at": now(),
            "ended_at": None, "status": IN_PROGRESS, "outcome": None, "outcome_id": None,
            "ended_by": None, "mark": None, "notes": None}
        self._rows: list[dict[str, Any]] = []  # every turn, as rows of the turns table
        self._scorecard: dict[str, Any] | None = None
        self._report: dict[str, Any] | None = None
        self._in_db = False  # the session's row is in the base
        self._stored = 0  # turns known to be in the base
        self._degraded = False
        self._recovery = RecoveryFile(self.db_path, self.id)
        self._told: Path | None = None  # the recovery file the student was told about
        self._warned = False
        if db is None:
            self._fail(problem or StoreUnavailable(f"la base {self.db_path} est indisponible"))
        else:
            self._attempt(self._sync)

    @classmethod
    def start(cls, path: Path | None, *, student: str, scenario_id: str, title: str,
              version: str, yaml: str, variant: str | None, seed: int, mode: str,
              on_warning: Warn | None = None) -> Recorder:
        """Open the base and start recording; when the base cannot be opened, the session is
        recorded in memory and in a recovery file instead (the rehearsal goes on)."""
        path = path or default_path()
        fields: dict[str, Any] = {
            "student": student, "scenario_id": scenario_id, "title": title,
            "version": version, "yaml": yaml, "variant": variant, "seed": seed, "mode": mode,
            "on_warning": on_warning, "db_path": path}
        try:
            db = open_db(path)
        except STORE_FAULTS as error:
            return cls(None, problem=error, **fields)
        return cls(db, **fields)

    # -- what the front ends call ----------------------------------------------------------
    @property
    def in_database(self) -> bool:
        """Everything said so far is in the base."""
        return self._in_db and not self._degraded

    @property
    def recovery_path(self) -> Path | None:
        return self._recovery.path

    def turn(self, turn: TurnRecord) -> None:
        """Commit one turn (student or customer) now. Never raises for a store fault."""
        with self._lock:
            self.number += 1
            # Numbered on a copy: the rehearsal's own turn stays as played (--json shape).
            self._rows.append(turn_row(self.id, replace(turn, number=self.number, at=now())))
            self._attempt(self._sync)

    def finish(self, record: dict[str, Any], scorecard: dict[str, Any] | None,
               report: dict[str, Any] | None) -> Saved:
        with self._lock:
            self._session.update({
                "ended_at": now(), "status": FINISHED, "outcome": record.get("outcome"),
                "outcome_id": record.get("outcome_id"), "ended_by": record.get("ended_by"),
                "mark": scorecard["total"] if scorecard else None})
            self._scorecard, self._report = scorecard, report
            return self._close()

    def interrupt(self) -> Saved:
        """The student left before the end: the turns stay, the session says so."""
        with self._lock:
            self._session.update({"ended_at": now(), "status": INTERRUPTED})
            return self._close()

    def notes(self, text: str) -> None:
        with self._lock:
            self._session["notes"] = text
            self._attempt(self._write_session_fields)

    def record(self) -> dict[str, Any]:
        """The whole session in session_record's shape."""
        with self._lock:
            turns = [turn_from_row(row) for row in self._rows]
            return {"format": "repliq-session", "version": 1, **self._session,
                    "student": self._student, "scenario": dict(self._scenario),
                    "turns": turns, "scorecard": self._scorecard, "report": self._report}

    # -- writing ---------------------------------------------------------------------------
    def _connect(self) -> Database:
        if self.db is None:  # the base could not be opened at the start: try again
            self.db = open_db(self.db_path)
            self.db.execute(f"PRAGMA busy_timeout = {DEGRADED_BUSY_TIMEOUT_MS}")
        return self.db

    def _sync(self) -> None:
        """Bring the base up to what was said: the session row, then the missing turns."""
        db = self._connect()
        if not self._in_db:
            with db.atomic():
                db["sessions"].insert({
                    **self._session, "student_id": student_id(db, self._student),
                    "scenario_hash": scenario_hash(
                        db, self._scenario["id"], self._scenario["title"],
                        self._scenario["version"], self._scenario["yaml"]),
                    "pid": os.getpid(), "host": socket.gethostname()}, ignore=True)
            self._in_db = True
        stored = self._stored
        if self._degraded:
            # A failed commit may still have reached the disk: the base says what it holds.
            stored = db.execute("SELECT coalesce(max(number), 0) FROM turns WHERE "
                                "session_id = ?", [self.id]).fetchone()[0]
        pending = self._rows[stored:]
        if len(pending) == 1:
            db["turns"].insert(pending[0])
        elif pending:
            with db.atomic():
                db["turns"].insert_all(pending)
        self._stored = len(self._rows)

    def _write_session_fields(self) -> None:
        self._sync()
        db = self._connect()
        with db.atomic():
            db["sessions"].update(self.id, {key: self._session[key] for key in (
                "ended_at", "status", "outcome", "outcome_id", "ended_by", "mark", "notes")})
            if self._scorecard:
                save_scorecard(db, self.id, self._scorecard)
            if self._report:
                db["reports"].insert({"session_id": self.id, "report": json.dumps(
                    self._report, ensure_ascii=False)}, replace=True)

    def _close(self) -> Saved:
        if self._attempt(self._write_session_fields):
            removed = self._recovery.remove()
            if removed is not None and self._warned:
                self._say(f"la base fonctionne de nouveau : la séance {self.id[:8]} y est "
                          f"complète ; le fichier de secours {removed} est supprimé")
            return Saved(self.id, True, None)
        return Saved(self.id, False, self._recovery.path)

    def _attempt(self, action: Callable[[], None]) -> bool:
        try:
            action()
        except STORE_FAULTS as error:
            self._fail(error)
            return False
        if self._degraded:
            self._degraded = False
            with contextlib.suppress(*STORE_FAULTS):
                if self.db is not None:
                    self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return True

    def _fail(self, error: BaseException) -> None:
        self._degraded = True
        if self.db is not None:
            with contextlib.suppress(*STORE_FAULTS):
                self.db.rollback()  # a failed statement must not leave a transaction open
            with contextlib.suppress(*STORE_FAULTS):
                self.db.execute(f"PRAGMA busy_timeout = {DEGRADED_BUSY_TIMEOUT_MS}")
        path = self._recovery.save(export_data(self.record()))
        if self._warned and (path is None or path == self._told):
            return
        self._warned, self._told = True, path
        reason = _reason(error, self.db_path)
        if path is None:
            why = self._recovery.error.strerror if self._recovery.error else "?"
            self._say(f"{reason} ; l'entretien continue, mais la séance n'est gardée qu'en "
                      f"mémoire (aucun dossier n'accepte le fichier de secours : {why})")
            return
        volatile = " (dossier temporaire : importez-la avant d'éteindre)" \
            if is_volatile(path) else ""
        self._say(f"{reason} ; l'entretien continue, rien n'est perdu : séance gardée dans "
                  f"{path}{volatile} — pour la remettre dans l'historique : repliq sessions "
                  f"import {path}")

    def _say(self, line: str) -> None:
        if self.on_warning is not None:
            with contextlib.suppress(Exception):  # a broken front end must not stop a turn
                self.on_warning(line)


def save_scorecard(db: Database, session_id: str, card: dict[str, Any]) -> None:
    db["scorecards"].insert({"session_id": session_id, "total": card["total"],
                             "card": json.dumps(card, ensure_ascii=False)}, replace=True)
    db["criteria_results"].insert_all(
        ({"session_id": session_id, "criterion": c["id"], "label": c["label"],
          "level": c["level"], "score": c["score"], "weight": c.get("weight")}
         for c in card["criteria"]), replace=True)


def _alive(pid: int | None, host: str | None) -> bool:
    if not pid or host != socket.gethostname():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def mark_interrupted(db: Database) -> int:
    """Sessions left "en cours" by a process that no longer runs were interrupted. Only a
    label: when the base cannot be written (read-only, busy), reading goes on without it."""
    stale = [row["id"] for row in db["sessions"].rows_where("status = ?", [IN_PROGRESS])
             if not _alive(row["pid"], row["host"])]
    if not stale:
        return 0
    try:
        with db.atomic():
            for session_id in stale:
                db["sessions"].update(session_id, {"status": INTERRUPTED})
    except (StoreUnavailable, sqlite3.OperationalError):
        return 0
    return len(stale)


@dataclass
class SessionSummary:
    id: str
    student: str
    scenario_id: str
    variant: str | None
    mode: str
    started_at: str
    status: str
    outcome: str | None
    mark: float | None
    turns: int


SUMMARY_SQL = """
select s.id, st.name as student, s.scenario_id, s.variant, s.mode, s.started_at, s.status,
       s.outcome, s.mark,
       (select count(*) from turns t where t.session_id = s.id) as turns
from sessions s join students st on st.id = s.student_id
"""


def list_sessions(db: Database, student: str | None = None, scenario: str | None = None,
                  since: str | None = None, limit: int = 200) -> list[SessionSummary]:
    mark_interrupted(db)
    where, params = [], []
    if student:
        where.append("st.name = ?")
        params.append(student)
    if scenario:
        where.append("s.scenario_id = ?")
        params.append(scenario)
    if since:
        where.append("s.started_at >= ?")
        params.append(since)
    sql = SUMMARY_SQL + (" where " + " and ".join(where) if where else "") + \
        " order by s.started_at desc, s.id limit ?"
    rows = db.execute(sql, [*params, limit]).fetchall()
    return [SessionSummary(*row) for row in rows]


def find_session(db: Database, prefix: str) -> str | None:
    """A session id from its first characters (at least 4). Only hexadecimal digits are
    accepted: '%' or '_' would be SQL wildcards and match any session."""
    prefix = prefix.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{4,32}", prefix):
        return None
    rows = db.execute("select id from sessions where id like ? limit 2",
                      [prefix + "%"]).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def session_record(db: Database, session_id: str) -> dict[str, Any]:
    """Everything stored about one session: plain data (the export format) but for the
    turns, which are TurnRecords (export_data gives the file's shape)."""
    mark_interrupted(db)
    session = db["sessions"].get(session_id)
    student = db["students"].get(session["student_id"])["name"]
    scenario = db["scenarios"].get(session["scenario_hash"])
    turns = [turn_from_row(t) for t in db["turns"].rows_where(
        "session_id = ?", [session_id], order_by="number")]
    card_row = next(db["scorecards"].rows_where("session_id = ?", [session_id]), None)
    report_row = next(db["reports"].rows_where("session_id = ?", [session_id]), None)
    fields = {k: v for k, v in session.items() if k not in ("student_id", "pid", "host")}
    return {
        "format": "repliq-session", "version": 1, **fields, "student": student,
        "scenario": {"hash": scenario["hash"], "id": scenario["id"],
                     "title": scenario["title"], "version": scenario["version"],
                     "yaml": scenario["yaml"]},
        "turns": turns,
        "scorecard": json.loads(card_row["card"]) if card_row else None,
        "report": json.loads(report_row["report"]) if report_row else None,
    }


def search(db: Database, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """Turns whose words match `text` (SQLite full-text search), most relevant first."""
    query = " ".join(f'"{word}"' for word in text.replace('"', " ").split())
    if not query:
        return []
    sql = """
    select t.session_id, t.number, t.speaker, t.text, st.name as student, s.scenario_id,
           s.started_at, snippet(turns_fts, 0, '[', ']', '…', 12) as extract
    from turns_fts join turns t on t.rowid = turns_fts.rowid
    join sessions s on s.id = t.session_id join students st on st.id = s.student_id
    where turns_fts match ? order by rank limit ?
    """
    cursor = db.execute(sql, [query, limit])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def delete_sessions(db: Database, ids: list[str], audio_root: Path) -> list[str]:
    """Delete sessions with their turns, scorecards, reports and audio files; return the
    audio files removed. Only files inside `audio_root` are ever removed: a stored name that
    points elsewhere (an old or crafted row) is left alone."""
    removed: list[str] = []
    for session_id in ids:
        audio = [row["audio"] for row in db["turns"].rows_where(
            "session_id = ? and audio is not null", [session_id])]
        with db.atomic():
            for table in ("turns", "scorecards", "criteria_results", "reports"):
                db.execute(f"delete from {table} where session_id = ?", [session_id])
            db.execute("delete from sessions where id = ?", [session_id])
        folders: set[Path] = set()
        for name in audio:
            path = contained(audio_root, name)
            if path is None:
                continue
            if path.is_file():
                path.unlink()
                removed.append(str(path))
            folder = session_folder(audio_root, path)
            if folder is not None:
                folders.add(folder)
        for folder in folders:  # the session's own audio folder, once empty
            if folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
                folder.rmdir()
    with db.atomic():  # scenarios and students no session refers to any more
        db.execute("delete from scenarios where hash not in (select scenario_hash from "
                   "sessions)")
        db.execute("delete from students where id not in (select student_id from sessions)")
    return removed
