"""Recording sessions turn by turn (each turn committed as it happens: a crash loses
nothing), and reading them back."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

IN_PROGRESS, FINISHED, INTERRUPTED = "en_cours", "terminee", "interrompue"
STATUS_LABELS = {IN_PROGRESS: "en cours", FINISHED: "terminée", INTERRUPTED: "interrompue"}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def student_id(db: Database, name: str) -> int:
    name = " ".join(name.split())
    row = next(db["students"].rows_where("name = ?", [name], limit=1), None)
    if row:
        return int(row["id"])
    return int(db["students"].insert({"name": name, "created_at": now()}).last_pk)


def scenario_hash(db: Database, scenario_id: str, title: str, version: str, yaml: str) -> str:
    """Keep the scenario as it was played: a review shows that day's text."""
    digest = hashlib.sha256(yaml.encode("utf-8")).hexdigest()
    db["scenarios"].insert({"hash": digest, "id": scenario_id, "title": title,
                            "version": version, "yaml": yaml}, pk="hash", ignore=True)
    return digest


class Recorder:
    """Writes one session as it is played."""

    def __init__(self, db: Database, *, student: str, scenario_id: str, title: str,
                 version: str, yaml: str, variant: str | None, seed: int, mode: str) -> None:
        self.db = db
        self.id = uuid.uuid4().hex
        self.number = 0
        self.db["sessions"].insert({
            "id": self.id, "student_id": student_id(db, student),
            "scenario_hash": scenario_hash(db, scenario_id, title, version, yaml),
            "scenario_id": scenario_id, "variant": variant, "seed": seed, "mode": mode,
            "started_at": now(), "ended_at": None, "status": IN_PROGRESS, "pid": os.getpid(),
            "host": socket.gethostname(), "outcome": None, "outcome_id": None,
            "ended_by": None, "mark": None, "notes": None})

    def turn(self, turn: dict[str, Any]) -> None:
        """Commit one turn (student or customer) now."""
        self.number += 1
        self.db["turns"].insert({
            "session_id": self.id, "number": self.number, "speaker": turn["speaker"],
            "who": turn.get("who"), "text": turn["text"],
            "acts": json.dumps(turn.get("acts", []), ensure_ascii=False),
            "entities": json.dumps(turn.get("entities", []), ensure_ascii=False),
            "topics": json.dumps(turn.get("topics", []), ensure_ascii=False),
            "state": json.dumps(turn.get("state", {}), ensure_ascii=False),
            "tip": turn.get("tip"), "at": now(), "audio": turn.get("audio"),
            "cut_customer": 1 if turn.get("cut_customer") else None})

    def finish(self, record: dict[str, Any], scorecard: dict[str, Any] | None,
               report: dict[str, Any] | None) -> None:
        with self.db.conn:
            self.db["sessions"].update(self.id, {
                "ended_at": now(), "status": FINISHED, "outcome": record.get("outcome"),
                "outcome_id": record.get("outcome_id"), "ended_by": record.get("ended_by"),
                "mark": scorecard["total"] if scorecard else None})
            if scorecard:
                save_scorecard(self.db, self.id, scorecard)
            if report:
                self.db["reports"].insert({"session_id": self.id,
                                           "report": json.dumps(report, ensure_ascii=False)},
                                          replace=True)


    def interrupt(self) -> None:
        """The student left before the end: the turns stay, the session says so."""
        with self.db.conn:
            self.db["sessions"].update(self.id, {"ended_at": now(), "status": INTERRUPTED})

    def notes(self, text: str) -> None:
        with self.db.conn:
            self.db["sessions"].update(self.id, {"notes": text})


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
    """Sessions left "en cours" by a process that no longer runs were interrupted."""
    stale = [row["id"] for row in db["sessions"].rows_where("status = ?", [IN_PROGRESS])
             if not _alive(row["pid"], row["host"])]
    with db.conn:
        for session_id in stale:
            db["sessions"].update(session_id, {"status": INTERRUPTED})
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
    """A session id from its first characters (at least 4)."""
    if len(prefix) < 4:
        return None
    rows = db.execute("select id from sessions where id like ? limit 2",
                      [prefix.lower() + "%"]).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def session_record(db: Database, session_id: str) -> dict[str, Any]:
    """Everything stored about one session, as plain data (also the export format)."""
    mark_interrupted(db)
    session = db["sessions"].get(session_id)
    student = db["students"].get(session["student_id"])["name"]
    scenario = db["scenarios"].get(session["scenario_hash"])
    turns = [
        {"number": t["number"], "speaker": t["speaker"], "who": t["who"], "text": t["text"],
         "acts": json.loads(t["acts"] or "[]"), "entities": json.loads(t["entities"] or "[]"),
         "topics": json.loads(t["topics"] or "[]"), "state": json.loads(t["state"] or "{}"),
         "tip": t["tip"], "at": t["at"], "audio": t["audio"],
         **({"cut_customer": True} if t["cut_customer"] else {})}
        for t in db["turns"].rows_where("session_id = ?", [session_id], order_by="number")]
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


def delete_sessions(db: Database, ids: list[str], audio_root: Path | None = None) -> list[str]:
    """Delete sessions with their turns, scorecards, reports and audio files; return the
    audio files removed."""
    removed: list[str] = []
    for session_id in ids:
        audio = [row["audio"] for row in db["turns"].rows_where(
            "session_id = ? and audio is not null", [session_id])]
        with db.conn:
            for table in ("turns", "scorecards", "criteria_results", "reports"):
                db.execute(f"delete from {table} where session_id = ?", [session_id])
            db.execute("delete from sessions where id = ?", [session_id])
        for name in audio:
            path = Path(name) if audio_root is None else audio_root / name
            if path.exists():
                path.unlink()
                removed.append(str(path))
            folder = path.parent  # the session's own audio folder, once empty
            if audio_root is not None and folder != audio_root and folder.is_dir() and \
                    folder.is_relative_to(audio_root) and not any(folder.iterdir()):
                folder.rmdir()
    with db.conn:  # scenarios no session refers to any more
        db.execute("delete from scenarios where hash not in (select scenario_hash from "
                   "sessions)")
        db.execute("delete from students where id not in (select student_id from sessions)")
    return removed
