"""The session store: one SQLite file (sqlite-utils) in the user's data folder, WAL mode so a
teacher can read while students write, a busy timeout instead of "database is locked", and a
schema version with migrations.

Opening checks the file before trusting it: a damaged, truncated, foreign, newer or
unwritable base raises a StoreError whose French message says what to do (store/errors.py),
never a raw sqlite3 exception. The connection keeps that promise afterwards: a damaged page
met later by any query, a full disk or a lock held too long also become StoreErrors."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlite_utils import Database

from .errors import StoreCorrupt, StoreError, StoreTooNew, StoreUnavailable

ENV_DB = "REPLIQ_DB"
BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA quick_check reads every page: about 430 MB/s warm on the reference machine, so
# 366 ms for a school's 10 000 sessions (158 MB) but under 40 ms up to 16 MB (about a
# thousand sessions). Above that, only the small tables are checked at each open (7 ms for
# 10 000 sessions) and damage met later in `turns` is still reported as StoreCorrupt by the
# connection; `repliq sessions reparer` runs the full integrity check.
QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024
SMALL_TABLES = ("students", "scenarios", "sessions")
REPLIQ_TABLES = {"students", "scenarios", "sessions", "turns", "scorecards",
                 "criteria_results", "reports"}


def data_dir() -> Path:
    """The user's data folder (the only folder Repliq creates for its base)."""
    return Path(user_data_dir("repliq", appauthor=False))


def default_path() -> Path:
    """$REPLIQ_DB, else repliq.db in the user's data folder."""
    override = os.environ.get(ENV_DB)
    if override:
        return Path(override).expanduser()
    return data_dir() / "repliq.db"


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


# --- sqlite3 errors as store errors ---------------------------------------------------------
# Primary result codes (https://sqlite.org/rescode.html); Python 3.11 exposes them on every
# sqlite3.Error as `sqlite_errorcode` (the extended code: the primary one is its low byte).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 10, 11, 13, 14
SQLITE_PROTOCOL, SQLITE_AUTH, SQLITE_NOTADB = 15, 23, 26


def store_problem(error: sqlite3.Error, path: Path) -> StoreError | None:
    """The store error an sqlite3 error stands for, or None for a programming error (bad
    SQL, a constraint) that must stay what it is."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(error)
    if code == SQLITE_NOTADB or "file is not a database" in text:
        return StoreCorrupt(path, "ce n'est pas un fichier de base SQLite")
    if code == SQLITE_CORRUPT or "malformed" in text:
        return StoreCorrupt(path, "image disque endommagée")
    if code == SQLITE_FULL or "database or disk is full" in text:
        return StoreUnavailable(f"disque plein : la base {path} ne peut plus être écrite — "
                                "libérez de la place puis relancez")
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH) or "readonly" in text:
        return StoreUnavailable(f"la base {path} est en lecture seule (fichier, dossier ou "
                                "support protégé) — vérifiez ses droits, ou copiez-la dans "
                                "un dossier où vous pouvez écrire")
    if code == SQLITE_CANTOPEN:
        return StoreUnavailable(f"impossible d'ouvrir la base {path} (dossier absent ou droits "
                                "insuffisants) — vérifiez le chemin et les droits")
    if code == SQLITE_IOERR:
        return StoreUnavailable(f"erreur d'entrée-sortie sur la base {path} (support retiré "
                                "ou défaillant ?) — vérifiez le disque puis relancez")
    if code in (SQLITE_BUSY, SQLITE_LOCKED, SQLITE_PROTOCOL) or "locked" in text:
        return StoreUnavailable(f"la base {path} est occupée par un autre programme depuis "
                                f"plus de {BUSY_TIMEOUT_MS // 1000} s — fermez-le puis "
                                "relancez")
    return None


@contextlib.contextmanager
def _translated(path: Path) -> Iterator[None]:
    """A store fault met by any SQLite call becomes the StoreError that says what to do;
    other SQLite errors (a bug of ours) go on as they are."""
    try:
        yield
    except sqlite3.Error as error:
        problem = store_problem(error, path)
        if problem is None:
            raise
        raise problem from error


class GuardedCursor(sqlite3.Cursor):
    """A cursor whose store faults (damage, full disk, lock) surface as StoreErrors, even
    when met row by row long after the base was opened."""

    def _path(self) -> Path:
        return getattr(self.connection, "store_path", Path("?"))

    def execute(self, sql: str, parameters: Any = (), /) -> GuardedCursor:
        with _translated(self._path()):
            return super().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> GuardedCursor:
        with _translated(self._path()):
            return super().executemany(sql, parameters)

    def executescript(self, script: str, /) -> GuardedCursor:
        with _translated(self._path()):
            return super().executescript(script)

    def fetchone(self) -> Any:
        with _translated(self._path()):
            return super().fetchone()

    def fetchmany(self, size: int | None = None) -> list[Any]:
        with _translated(self._path()):
            return super().fetchmany(self.arraysize if size is None else size)

    def fetchall(self) -> list[Any]:
        with _translated(self._path()):
            return super().fetchall()

    def __next__(self) -> Any:
        with _translated(self._path()):
            return super().__next__()


class GuardedConnection(sqlite3.Connection):
    """sqlite3.Connection.execute() builds a plain cursor in C, so each entry point is
    routed through GuardedCursor here; commit and rollback can fail on a full disk too."""

    store_path: Path = Path("?")

    def cursor(self, factory: Any = GuardedCursor) -> Any:  # type: ignore[override]
        return super().cursor(factory)

    def execute(self, sql: str, parameters: Any = (), /) -> GuardedCursor:  # type: ignore[override]
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /  # type: ignore[override]
                    ) -> GuardedCursor:
        return self.cursor().executemany(sql, parameters)

    def executescript(self, script: str, /) -> GuardedCursor:  # type: ignore[override]
        return self.cursor().executescript(script)

    def commit(self) -> None:
        with _translated(self.store_path):
            super().commit()

    def rollback(self) -> None:
        with _translated(self.store_path):
            super().rollback()

    def __exit__(self, *exc: Any) -> Any:
        with _translated(self.store_path):
            return super().__exit__(*exc)


# --- opening ---------------------------------------------------------------------------------
def _check_place(path: Path) -> None:
    """The folder must exist (only the default data folder is created) and be writable:
    SQLite writes its -wal and -shm files next to the base."""
    folder = path.parent
    if path.is_dir():
        raise StoreUnavailable(f"{path} est un dossier — attendu : un fichier de base, par "
                               "exemple classe.db")
    if not folder.is_dir():
        if folder.resolve() == data_dir().resolve():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreUnavailable(f"impossible de créer le dossier de données {folder} "
                                       f"({error.strerror}) — vérifiez les droits") from error
        else:
            raise StoreUnavailable(f"le dossier {folder} n'existe pas — créez-le d'abord, ou "
                                   "choisissez une autre base avec --base")
    if path.exists() and not os.access(path, os.R_OK):
        raise StoreUnavailable(f"la base {path} n'est pas lisible (droits insuffisants) — "
                               "vérifiez ses droits")
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(folder, os.W_OK):
        raise StoreUnavailable(f"la base {path} est en lecture seule (fichier, dossier ou "
                               "support protégé) — vérifiez ses droits, ou copiez-la dans un "
                               "dossier où vous pouvez écrire")


def _page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def check_header(path: Path) -> None:
    """The first 100 bytes and the length of the file, before SQLite reads anything: a
    foreign file or a truncated copy is named as such, not as a cryptic SQLite error."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return  # a new base
    if size == 0:
        return  # SQLite treats an empty file as a new base
    with path.open("rb") as file:
        header = file.read(100)
    if not SQLITE_MAGIC.startswith(header[:len(SQLITE_MAGIC)]):
        raise StoreCorrupt(path, "ce n'est pas un fichier de base SQLite")
    if len(header) < 100:
        raise StoreCorrupt(path, f"fichier tronqué : {size} octets")
    page = _page_size(header)
    if page < 512 or page > 65536 or page & (page - 1):
        raise StoreCorrupt(path, "en-tête illisible (taille de page invalide)")
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 32:
        return  # recent pages live in the WAL: the main file may legitimately be shorter
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96] and pages > 0
    if size % page or (header_valid and size < pages * page):
        expected = f", {pages * page} attendus" if header_valid else ""
        raise StoreCorrupt(path, f"fichier tronqué : {size} octets{expected}")


def _quick_check(db: Database, path: Path) -> None:
    tables = [None] if path.stat().st_size <= QUICK_CHECK_MAX_BYTES else list(SMALL_TABLES)
    for table in tables:
        pragma = "PRAGMA quick_check" if table is None else f"PRAGMA quick_check({table})"
        rows = db.conn.execute(pragma).fetchall()
        if [tuple(row) for row in rows] != [("ok",)]:
            first = str(rows[0][0]) if rows else "vérification impossible"
            raise StoreCorrupt(path, f"vérification : {first[:120]}")


def connect(path: Path) -> Database:
    """A guarded connection to `path`, without any check or migration (repair uses it)."""
    with _translated(path):
        connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                                     check_same_thread=False, factory=GuardedConnection)
    connection.store_path = path
    return Database(connection)


def open_db(path: Path | None = None) -> Database:
    """Open (creating and migrating when needed) the store. Raises StoreCorrupt,
    StoreTooNew or StoreUnavailable with a French message naming the file."""
    path = path or default_path()
    _check_place(path)
    check_header(path)
    db = connect(path)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        # FULL: each committed turn survives a power cut (the WAL is fsynced at each commit;
        # with NORMAL, only at checkpoints: the last turns could be lost, never corrupted).
        # Measured with benchmarks/store_durability.py (WAL, 5 runs of 200 turns, ext4 on a
        # virtual disk): FULL 0.57 ms per turn (median; 95th percentile 2.0 ms), NORMAL
        # 0.25 ms (0.5 ms). A turn is committed at most every few seconds: the 0.3 ms buy the
        # promise of docs/store.md, no reply already said is lost.
        db.execute("PRAGMA synchronous = FULL")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # parses the schema
        version = schema_version(db)
        if version > len(MIGRATIONS):
            raise StoreTooNew(path, version, len(MIGRATIONS))
        if version == 0:
            foreign = {name for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                "'sqlite_%'")} - REPLIQ_TABLES
            if foreign:
                raise StoreUnavailable(f"{path} n'est pas une base Repliq (tables : "
                                       f"{', '.join(sorted(foreign)[:5])}) — choisissez un "
                                       "autre fichier avec --base")
        if path.stat().st_size:
            _quick_check(db, path)
        migrate(db)
    except BaseException:
        db.conn.close()
        raise
    return db


def schema_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database) -> None:
    version = schema_version(db)
    if version > len(MIGRATIONS):
        raise StoreTooNew(Path(getattr(db.conn, "store_path", "?")), version, len(MIGRATIONS))
    for number in range(version, len(MIGRATIONS)):
        with db.conn:
            db.conn.execute("BEGIN IMMEDIATE")
            if schema_version(db) == number:  # another process may have migrated meanwhile
                MIGRATIONS[number](db)
                db.conn.execute(f"PRAGMA user_version = {number + 1}")
