"""The session store: one SQLite file (sqlite-utils) in the user's data folder, WAL mode so a
teacher can read while students write, a busy timeout instead of "database is locked", and a
schema version with migrations."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_data_dir
from sqlite_utils import Database

ENV_DB = "REPLIQ_DB"
BUSY_TIMEOUT_MS = 10_000


def default_path() -> Path:
    """$REPLIQ_DB, else repliq.db in the user's data folder."""
    override = os.environ.get(ENV_DB)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir("repliq", appauthor=False)) / "repliq.db"


def audio_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + "-audio")


def _v1(db: Database) -> None:
    db["students"].create({"id": int, "name": str, "created_at": str}, pk="id",
                          not_null={"name"})
    db["students"].create_index(["name"], unique=True)
    db["scenarios"].create({"hash": str, "id": str, "title": str, "version": str,
                            "yaml": str}, pk="hash")
    db["sessions"].create({
        "id": str, "student_id": int, "scenario_hash": str, "scenario_id": str,
        "variant": str, "seed": int, "mode": str, "started_at": str, "ended_at": str,
        "status": str, "pid": int, "host": str, "outcome": str, "outcome_id": str,
        "ended_by": str, "mark": float, "notes": str,
    }, pk="id", foreign_keys=[("student_id", "students", "id"),
                              ("scenario_hash", "scenarios", "hash")])
    db["sessions"].create_index(["student_id", "started_at"])
    db["sessions"].create_index(["scenario_id"])
    db["sessions"].create_index(["started_at"])
    db["turns"].create({
        "id": int, "session_id": str, "number": int, "speaker": str, "who": str, "text": str,
        "acts": str, "entities": str, "topics": str, "state": str, "tip": str, "at": str,
        "audio": str,
    }, pk="id", foreign_keys=[("session_id", "sessions", "id")])
    db["turns"].create_index(["session_id", "number"], unique=True)
    db["turns"].enable_fts(["text"], create_triggers=True, tokenize="unicode61")
    db["scorecards"].create({"session_id": str, "total": float, "card": str},
                            pk="session_id", foreign_keys=[("session_id", "sessions", "id")])
    db["criteria_results"].create({
        "session_id": str, "criterion": str, "label": str, "level": str, "score": float,
        "weight": float}, pk=("session_id", "criterion"),
        foreign_keys=[("session_id", "sessions", "id")])
    db["criteria_results"].create_index(["criterion"])
    db["reports"].create({"session_id": str, "report": str}, pk="session_id",
                         foreign_keys=[("session_id", "sessions", "id")])


def _v2(db: Database) -> None:
    # Voice sessions: the student talked over the customer on this turn (graded as listening).
    db["turns"].add_column("cut_customer", int)


# Each migration brings the schema from version i to i + 1; never edit a released one.
MIGRATIONS: list[Callable[[Database], None]] = [_v1, _v2]


def open_db(path: Path | None = None) -> Database:
    """Open (creating and migrating when needed) the store."""
    path = path or default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                                 check_same_thread=False)
    db = Database(connection)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    migrate(db)
    return db


def schema_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database) -> None:
    version = schema_version(db)
    if version > len(MIGRATIONS):
        raise RuntimeError(f"base Repliq en version {version}, plus récente que ce logiciel "
                           f"(version {len(MIGRATIONS)}) — mettez Repliq à jour")
    for number in range(version, len(MIGRATIONS)):
        with db.conn:
            db.conn.execute("BEGIN IMMEDIATE")
            if schema_version(db) == number:  # another process may have migrated meanwhile
                MIGRATIONS[number](db)
                db.conn.execute(f"PRAGMA user_version = {number + 1}")
