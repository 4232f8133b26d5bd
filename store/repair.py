"""`repliq sessions reparer`: rebuild a damaged base from what can still be read.

1. A healthy base (full `PRAGMA integrity_check`, FTS index check, known schema) is left
   untouched.
2. Otherwise the original is copied next to it first (with its -wal, where the last
   committed turns may still be): `repliq.avant-reparation-AAAAMMJJ-HHMMSS.db`.
3. The rows are salvaged from that copy:
   - with SQLite's own recovery, `sqlite3 … .recover`, when the `sqlite3` command line tool
     can run it (it needs the sqlite_dbpage table, which Debian's and Ubuntu's builds leave
     out: there the next method is used);
   - else page by page, in Python (no maintained package exposes SQLite's recovery API:
     apsw and sqlean.py were checked; the API lives in the command line tool only): the
     file and its WAL (committed frames only, checksums
     verified) are read as the SQLite file format describes them
     (https://sqlite.org/fileformat2.html); each table's b-tree is followed from the schema,
     and leaf pages no b-tree reaches any more (a damaged interior page, a lost schema) are
     attributed by the shape of their rows. Every record is decoded strictly (its header must
     account for its exact length), so a page of garbage yields nothing rather than nonsense.
4. A new base is built with the current schema (migrations, FTS index rebuilt), the rows are
   loaded, sessions whose student or scenario row was lost get a visible placeholder ("Élève
   inconnu (réparation)") rather than disappearing, and `PRAGMA integrity_check` must say ok
   before the new file replaces the damaged one.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import mmap
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .db import (
    MIGRATIONS,
    SQLITE_MAGIC,
    StoreCorrupt,
    check_header,
    open_db,
)
from .errors import StoreTooNew, StoreUnavailable

# The tables of the current schema, columns in their CREATE TABLE order (store/db.py).
COLUMNS: dict[str, tuple[str, ...]] = {
    "students": ("id", "name", "created_at"),
    "scenarios": ("hash", "id", "title", "version", "yaml"),
    "sessions": ("id", "student_id", "scenario_hash", "scenario_id", "variant", "seed", "mode",
                 "started_at", "ended_at", "status", "pid", "host", "outcome", "outcome_id",
                 "ended_by", "mark", "notes"),
    "turns": ("id", "session_id", "number", "speaker", "who", "text", "acts", "entities",
              "topics", "state", "tip", "at", "audio", "cut_customer"),
    "scorecards": ("session_id", "total", "card"),
    "criteria_results": ("session_id", "criterion", "label", "level", "score", "weight"),
    "reports": ("session_id", "report"),
}
# INTEGER PRIMARY KEY columns are the rowid: SQLite stores NULL in the record instead.
ROWID_ALIAS = {"students": "id", "turns": "id"}
# Columns added by later migrations: rows written before them are shorter.
MIN_FIELDS = {"turns": 13}
LOAD_ORDER = ("students", "scenarios", "sessions", "turns", "scorecards", "criteria_results",
              "reports")
STATUSES = {"en_cours", "terminee", "interrompue", None}
UNKNOWN_STUDENT = "Élève inconnu (réparation)"
UNKNOWN_SCENARIO_ID = "inconnu"
UNKNOWN_SCENARIO_HASH = hashlib.sha256(b"repliq: scenario lost in a repair").hexdigest()

METHOD_CLI = "sqlite3 .recover"
METHOD_PAGES = "lecture page à page"


@dataclass(frozen=True)
class RepairReport:
    """What `reparer` did, for the French summary printed by repliq/repair_cmd.py."""

    path: Path
    healthy: bool
    sessions: int
    turns: int
    problem: str = ""  # what was wrong
    backup: Path | None = None
    method: str = ""
    placeholder_sessions: int = 0  # sessions rebuilt around turns whose session was lost
    placeholder_students: int = 0
    placeholder_scenarios: int = 0
    integrity: str = "ok"


@dataclass
class Salvage:
    """Rows read from a damaged base: per table, rowid -> values in COLUMNS order."""

    method: str
    tables: dict[str, dict[int, tuple[Any, ...]]] = field(
        default_factory=lambda: {name: {} for name in COLUMNS})

    def add(self, table: str, rowid: int, values: list[Any] | tuple[Any, ...]) -> None:
        columns = COLUMNS[table]
        row = list(values)[:len(columns)] + [None] * (len(columns) - len(values))
        if table in ROWID_ALIAS:
            row[columns.index(ROWID_ALIAS[table])] = rowid
        self.tables[table].setdefault(rowid, tuple(row))


# --- diagnosis ----------------------------------------------------------------------------
def _count(connection: sqlite3.Connection, sql: str) -> int:
    return int(connection.execute(sql).fetchone()[0])


def diagnose(path: Path) -> str | None:
    """None for a healthy Repliq base, else what is wrong (French, short). Reads only."""
    if not path.is_file():
        raise StoreUnavailable(f"aucune base à réparer : {path} n'existe pas — indiquez-la "
                               "avec --base FICHIER")
    try:
        check_header(path)
    except StoreCorrupt as error:
        found = re.search(r"endommagée \((.*)\) — ", str(error))
        return found.group(1) if found else str(error)
    try:
        connection = sqlite3.connect(str(path))
    except sqlite3.Error as error:
        raise StoreUnavailable(f"impossible d'ouvrir {path} ({error})") from error
    try:
        version = _count(connection, "PRAGMA user_version")
        if version > len(MIGRATIONS):
            raise StoreTooNew(path, version, len(MIGRATIONS))
        rows = connection.execute("PRAGMA integrity_check").fetchall()
        if [tuple(row) for row in rows] != [("ok",)]:
            return f"{len(rows)} problème(s) d'intégrité, dont : {str(rows[0][0])[:100]}"
        tables = {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = (set(COLUMNS) | {"turns_fts"}) - tables if version else set()
        if missing:
            return f"tables manquantes : {', '.join(sorted(missing))}"
        if version:
            # The full-text index is separate from the turns: it can be stale on its own.
            connection.execute("INSERT INTO turns_fts(turns_fts) VALUES ('integrity-check')")
            connection.rollback()
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        connection.close()
    return None


def _totals(path: Path) -> tuple[int, int]:
    connection = sqlite3.connect(str(path))
    try:
        return (_count(connection, "SELECT count(*) FROM sessions"),
                _count(connection, "SELECT count(*) FROM turns"))
    except sqlite3.Error:
        return 0, 0
    finally:
        connection.close()


# --- reading the file format --------------------------------------------------------------
def _varint(data: bytes | mmap.mmap, offset: int) -> tuple[int, int]:
    """SQLite's big-endian varint: (value, offset after it). Raises IndexError at the end."""
    value = 0
    for index in range(8):
        byte = data[offset + index]
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, offset + index + 1
    return (value << 8) | data[offset + 8], offset + 9


_INT_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


def decode_record(payload: bytes) -> list[Any] | None:
    """The values of one record, or None unless the header accounts for every byte."""
    try:
        header_size, position = _varint(payload, 0)
        if header_size < 1 or header_size > len(payload):
            return None
        types = []
        while position < header_size:
            kind, position = _varint(payload, position)
            types.append(kind)
        if position != header_size:
            return None
        values: list[Any] = []
        position = header_size
        for kind in types:
            if kind == 0:
                values.append(None)
                continue
            if kind in _INT_SIZES:
                size = _INT_SIZES[kind]
                chunk = payload[position:position + size]
                if len(chunk) != size:
                    return None
                values.append(int.from_bytes(chunk, "big", signed=True))
            elif kind == 7:
                size = 8
                chunk = payload[position:position + 8]
                if len(chunk) != 8:
                    return None
                values.append(struct.unpack(">d", chunk)[0])
            elif kind in (8, 9):
                values.append(kind - 8)
                continue
            elif kind in (10, 11):
                return None
            else:
                size = (kind - 12) // 2 if kind % 2 == 0 else (kind - 13) // 2
                chunk = payload[position:position + size]
                if len(chunk) != size:
                    return None
                values.append(bytes(chunk) if kind % 2 == 0 else chunk.decode("utf-8"))
            position += size
        return values if position == len(payload) else None
    except (IndexError, UnicodeDecodeError, struct.error):
        return None


def _wal_pages(wal: Path, page_size: int | None) -> tuple[int | None, dict[int, bytes]]:
    """(page size, page number -> latest committed image) from a WAL file; frames after the
    last valid commit, or failing their checksum, are ignored as SQLite itself would."""
    try:
        data = wal.read_bytes()
    except OSError:
        return page_size, {}
    if len(data) < 32:
        return page_size, {}
    magic, _version, size, _seq, salt1, salt2, check1, check2 = struct.unpack(">8I", data[:32])
    if magic not in (0x377F0682, 0x377F0683) or size < 512 or size & (size - 1):
        return page_size, {}
    order = ">" if magic & 1 else "<"

    def checksum(chunk: bytes, s0: int, s1: int) -> tuple[int, int]:
        for x0, x1 in struct.iter_unpack(f"{order}II", chunk):
            s0 = (s0 + x0 + s1) & 0xFFFFFFFF
            s1 = (s1 + x1 + s0) & 0xFFFFFFFF
        return s0, s1

    s0, s1 = checksum(data[:24], 0, 0)
    if (s0, s1) != (check1, check2):
        return page_size, {}
    committed: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    offset = 32
    while offset + 24 + size <= len(data):
        number, commit, f_salt1, f_salt2, f_check1, f_check2 = struct.unpack(
            ">6I", data[offset:offset + 24])
        if (f_salt1, f_salt2) != (salt1, salt2):
            break
        image = data[offset + 24:offset + 24 + size]
        s0, s1 = checksum(data[offset:offset + 8] + image, s0, s1)
        if (s0, s1) != (f_check1, f_check2):
            break
        pending[number] = image
        if commit:
            committed.update(pending)
            pending = {}
        offset += 24 + size
    return size, committed


class PageFile:
    """A damaged database read page by page: the main file overlaid with its WAL."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = path.open("rb")
        size = os.fstat(self._file.fileno()).st_size
        self._data: bytes | mmap.mmap = mmap.mmap(self._file.fileno(), 0,
                                                  access=mmap.ACCESS_READ) if size else b""
        self.header = bytes(self._data[:100])
        self.header_ok = self.header.startswith(SQLITE_MAGIC) and len(self.header) == 100
        header_size = None
        reserved = 0
        if self.header_ok:
            header_size = int.from_bytes(self.header[16:18], "big")
            header_size = 65536 if header_size == 1 else header_size
            if header_size < 512 or header_size & (header_size - 1):
                header_size = None
            else:
                reserved = self.header[20]
        wal_size, self.wal = _wal_pages(Path(f"{path}-wal"), header_size)
        self.page_size = header_size or wal_size or 0
        if not self.page_size:
            self.wal = {}
            self.page_size = self._guess_page_size()
        self.usable = self.page_size - (reserved if reserved < 64 else 0)
        self.pages = max([len(self._data) // self.page_size, *self.wal.keys()], default=0)

    def close(self) -> None:
        if isinstance(self._data, mmap.mmap):
            self._data.close()
        self._file.close()

    def _guess_page_size(self) -> int:
        """The header is gone: the size with which the most records decode (a wrong size
        cuts pages across cells, and strict decoding then yields almost nothing)."""
        best, best_rows = 4096, 0
        for size in (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512):
            self.page_size = self.usable = size
            self.pages = len(self._data) // size
            rows = sum(1 for number in range(2, min(self.pages, 200) + 1)
                       for _ in self.rows(number))
            if rows > best_rows:
                best, best_rows = size, rows
        return best

    def page(self, number: int) -> bytes | None:
        if number in self.wal:
            return self.wal[number]
        start = (number - 1) * self.page_size
        if number < 1 or start + self.page_size > len(self._data):
            return None
        return bytes(self._data[start:start + self.page_size])

    def kind(self, number: int) -> int | None:
        page = self.page(number)
        return None if page is None else page[100 if number == 1 else 0]

    def children(self, number: int) -> list[int]:
        """Child pages of an interior table page (none for a leaf or an unreadable page)."""
        page = self.page(number)
        base = 100 if number == 1 else 0
        if page is None or page[base] != 0x05:
            return []
        try:
            cells = int.from_bytes(page[base + 3:base + 5], "big")
            found = [int.from_bytes(page[base + 8:base + 12], "big")]
            for index in range(cells):
                pointer = int.from_bytes(page[base + 12 + 2 * index:base + 14 + 2 * index],
                                         "big")
                found.append(int.from_bytes(page[pointer:pointer + 4], "big"))
        except IndexError:
            return []
        return [child for child in found if 1 <= child <= self.pages]

    def leaves(self, root: int) -> list[int]:
        """The leaf pages of the table b-tree at `root`, skipping what cannot be read."""
        leaves, seen, todo = [], set(), [root]
        while todo:
            number = todo.pop()
            if number in seen or not 1 <= number <= self.pages:
                continue
            seen.add(number)
            kind = self.kind(number)
            if kind == 0x0D:
                leaves.append(number)
            elif kind == 0x05:
                todo.extend(self.children(number))
        return leaves

    def _payload(self, page: bytes, offset: int, total: int) -> bytes | None:
        """The record of one table-leaf cell: its local part and its overflow chain."""
        usable = self.usable
        most = usable - 35
        if total <= most:
            local = total
        else:
            least = ((usable - 12) * 32 // 255) - 23
            local = least + (total - least) % (usable - 4)
            if local > most:
                local = least
        payload = bytearray(page[offset:offset + local])
        if len(payload) != local:
            return None
        if total > local:
            following = int.from_bytes(page[offset + local:offset + local + 4], "big")
            seen: set[int] = set()
            while len(payload) < total:
                if following in seen or not 2 <= following <= self.pages:
                    return None
                seen.add(following)
                overflow = self.page(following)
                if overflow is None:
                    return None
                following = int.from_bytes(overflow[:4], "big")
                payload += overflow[4:usable][:total - len(payload)]
        return bytes(payload)

    def rows(self, number: int) -> Iterator[tuple[int, list[Any]]]:
        """(rowid, values) of each readable cell of a table leaf page."""
        page = self.page(number)
        base = 100 if number == 1 else 0
        if page is None or page[base] != 0x0D:
            return
        cells = int.from_bytes(page[base + 3:base + 5], "big")
        for index in range(min(cells, self.page_size // 4)):
            try:
                pointer = int.from_bytes(page[base + 8 + 2 * index:base + 10 + 2 * index],
                                         "big")
                if not base + 8 <= pointer < self.page_size:
                    continue
                total, position = _varint(page, pointer)
                rowid, position = _varint(page, position)
            except IndexError:
                continue
            if rowid >= 1 << 63:
                rowid -= 1 << 64
            payload = self._payload(page, position, total)
            values = decode_record(payload) if payload is not None else None
            if values is not None:
                yield rowid, values

    def freelist(self) -> set[int]:
        """Pages the base had freed: their old rows must not come back (deleted sessions)."""
        if not self.header_ok:
            return set()
        pages: set[int] = set()
        trunk = int.from_bytes(self.header[32:36], "big")
        while trunk and trunk not in pages and 1 <= trunk <= self.pages:
            pages.add(trunk)
            page = self.page(trunk)
            if page is None:
                break
            count = min(int.from_bytes(page[4:8], "big"), (self.usable - 8) // 4)
            for index in range(count):
                leaf = int.from_bytes(page[8 + 4 * index:12 + 4 * index], "big")
                if 1 <= leaf <= self.pages:
                    pages.add(leaf)
            trunk = int.from_bytes(page[:4], "big")
        return pages


# --- attributing rows -----------------------------------------------------------------------
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")


def _hex32(value: Any) -> bool:
    return isinstance(value, str) and _HEX32.fullmatch(value) is not None


def _text(value: Any, optional: bool = True) -> bool:
    return isinstance(value, str) or (optional and value is None)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) or value is None


SHAPES: dict[str, Callable[[list[Any]], bool]] = {
    "students": lambda v: len(v) == 3 and v[0] is None and _text(v[1], False) and _text(v[2]),
    "scenarios": lambda v: len(v) == 5 and isinstance(v[0], str)
    and _HEX64.fullmatch(v[0]) is not None and _text(v[1], False) and _text(v[4], False),
    "sessions": lambda v: len(v) == 17 and _hex32(v[0]) and _number(v[1]) and _text(v[2])
    and _text(v[3]) and _text(v[7], False) and v[9] in STATUSES,
    "turns": lambda v: len(v) in (13, 14) and v[0] is None and _hex32(v[1])
    and isinstance(v[2], int) and v[2] >= 1 and v[3] in ("student", "customer")
    and _text(v[5], False) and all(_text(x) for x in v[6:12]),
    "scorecards": lambda v: len(v) == 3 and _hex32(v[0]) and _number(v[1])
    and isinstance(v[2], str) and v[2].startswith("{"),
    "criteria_results": lambda v: len(v) == 6 and _hex32(v[0]) and _text(v[1], False)
    and _text(v[3]) and _number(v[4]),
    "reports": lambda v: len(v) == 2 and _hex32(v[0]) and isinstance(v[1], str)
    and v[1].startswith("{"),
}


def _owned_shape(table: str, values: list[Any]) -> bool:
    """A row found in the table's own b-tree: only its length is checked."""
    return MIN_FIELDS.get(table, len(COLUMNS[table])) <= len(values) <= len(COLUMNS[table])


def _attribute(values: list[Any]) -> str | None:
    matches = [table for table, shape in SHAPES.items() if shape(values)]
    return matches[0] if len(matches) == 1 else None


def salvage_pages(path: Path) -> Salvage:
    """Every row that can be read from `path` (and its -wal), page by page."""
    salvage = Salvage(METHOD_PAGES)
    pages = PageFile(path)
    try:
        owner: dict[int, str] = {}  # leaf page -> table ('' for tables that are not ours)
        for leaf in pages.leaves(1):
            owner[leaf] = ""
        roots: dict[str, int] = {}
        for leaf in list(owner):
            for _rowid, values in pages.rows(leaf):
                if len(values) == 5 and values[0] == "table" and isinstance(values[3], int):
                    roots[str(values[1])] = values[3]
        for table, root in roots.items():
            for leaf in pages.leaves(root):
                owner.setdefault(leaf, table if table in COLUMNS else "")
        free = pages.freelist()
        orphans = []
        for number in range(1, pages.pages + 1):
            if number in free or pages.kind(number) != 0x0D:
                continue
            table = owner.get(number)
            if table is None:
                orphans.append(number)
            elif table:
                for rowid, values in pages.rows(number):
                    if _owned_shape(table, values):
                        salvage.add(table, rowid, values)
        # Pages no b-tree reaches any more come last: a row already found in its own
        # table wins over a copy on a stray page.
        for number in orphans:
            for rowid, values in pages.rows(number):
                table = _attribute(values)
                if table is not None:
                    salvage.add(table, rowid, values)
    finally:
        pages.close()
    return salvage


# --- the sqlite3 command line tool ----------------------------------------------------------
@functools.cache
def recover_cli() -> str | None:
    """The `sqlite3` tool, if its `.recover` works here (it needs sqlite_dbpage)."""
    tool = shutil.which("sqlite3")
    if tool is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe.db"
        with contextlib.closing(sqlite3.connect(probe)) as connection:
            connection.execute("CREATE TABLE t (x)")
            connection.execute("INSERT INTO t VALUES (1)")
            connection.commit()
        try:
            done = subprocess.run([tool, str(probe), ".recover"], capture_output=True,
                                  text=True, timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
    return tool if done.returncode == 0 and "COMMIT" in done.stdout else None


def salvage_cli(path: Path, tool: str, work: Path) -> Salvage | None:
    """Rows recovered by `sqlite3 path .recover`, replayed into a scratch base and read
    back; None when the tool fails (partial output is never trusted)."""
    scratch = work / "recover.db"
    try:
        with subprocess.Popen([tool, str(path), ".recover"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL) as recover:
            replay = subprocess.run([tool, "-bail", str(scratch)], stdin=recover.stdout,
                                    capture_output=True, check=False)
            if recover.stdout is not None:
                recover.stdout.close()
        if recover.returncode != 0 or replay.returncode != 0:
            return None
    except OSError:
        return None
    salvage = Salvage(METHOD_CLI)
    with contextlib.closing(sqlite3.connect(scratch)) as connection:
        tables = {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in COLUMNS:
            if table not in tables:
                continue
            for rowid, *values in connection.execute(f"SELECT rowid, * FROM [{table}]"):
                if _owned_shape(table, values):
                    salvage.add(table, rowid, values)
        if "lost_and_found" in tables:
            names = [row[1] for row in connection.execute(
                "PRAGMA table_info(lost_and_found)")]
            fields = [name for name in names if re.fullmatch(r"c\d+", name)]
            for row in connection.execute(
                    f"SELECT id, nfield, {', '.join(fields)} FROM lost_and_found"):
                rowid, count, values = row[0], row[1], list(row[2:2 + row[1]])
                table = _attribute(values) if count == len(values) else None
                if table is not None and rowid is not None:
                    salvage.add(table, rowid, values)
    return salvage


# --- rebuilding -------------------------------------------------------------------------------
def _insert(connection: sqlite3.Connection, table: str, rows: list[tuple[Any, ...]]) -> None:
    columns = COLUMNS[table]
    names = ", ".join(f"[{name}]" for name in columns)
    marks = ", ".join("?" for _ in columns)
    connection.executemany(f"INSERT OR IGNORE INTO [{table}] ({names}) VALUES ({marks})", rows)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def rebuild(salvage: Salvage, target: Path) -> RepairReport:
    """A new base at `target` (current schema) holding the salvaged rows."""
    db = open_db(target)
    db.conn.close()
    connection = sqlite3.connect(str(target))
    try:
        connection.execute("PRAGMA foreign_keys = OFF")  # rows come in table order
        tables = salvage.tables
        with connection:
            _insert(connection, "students", list(tables["students"].values()))
            _insert(connection, "scenarios", list(tables["scenarios"].values()))
            _insert(connection, "sessions", list(tables["sessions"].values()))
            turns = sorted(tables["turns"].values(), key=lambda t: (str(t[1]), t[2] or 0))
            _insert(connection, "turns", turns)
            for table in ("scorecards", "criteria_results", "reports"):
                _insert(connection, table, list(tables[table].values()))
            # Turns (or a scorecard) whose session row was lost: a placeholder session keeps
            # them visible and exportable instead of hidden in the base.
            lost_sessions = connection.execute(
                "SELECT session_id, min(at) FROM (SELECT session_id, at FROM turns UNION ALL "
                "SELECT session_id, NULL FROM scorecards UNION ALL SELECT session_id, NULL "
                "FROM reports UNION ALL SELECT session_id, NULL FROM criteria_results) WHERE "
                "session_id NOT IN (SELECT id FROM sessions) GROUP BY session_id").fetchall()
            for session_id, started in lost_sessions:
                connection.execute(
                    "INSERT INTO sessions (id, student_id, scenario_hash, scenario_id, "
                    "started_at, status) VALUES (?, NULL, ?, ?, ?, 'interrompue')",
                    [session_id, UNKNOWN_SCENARIO_HASH, UNKNOWN_SCENARIO_ID,
                     started or _now()])
            lost_students = [row[0] for row in connection.execute(
                "SELECT DISTINCT student_id FROM sessions WHERE student_id IS NULL OR "
                "student_id NOT IN (SELECT id FROM students)")]
            for number, missing in enumerate(lost_students, start=1):
                name = UNKNOWN_STUDENT if number == 1 else f"{UNKNOWN_STUDENT} {number}"
                cursor = connection.execute(
                    "INSERT INTO students (name, created_at) VALUES (?, ?)", [name, _now()])
                if missing is None:
                    connection.execute("UPDATE sessions SET student_id = ? WHERE student_id "
                                       "IS NULL", [cursor.lastrowid])
                else:
                    connection.execute("UPDATE sessions SET student_id = ? WHERE student_id "
                                       "= ?", [cursor.lastrowid, missing])
            lost_scenarios = connection.execute(
                "SELECT DISTINCT scenario_hash, scenario_id FROM sessions WHERE "
                "scenario_hash IS NULL OR scenario_hash NOT IN (SELECT hash FROM "
                "scenarios)").fetchall()
            for digest, scenario_id in lost_scenarios:
                digest = digest or UNKNOWN_SCENARIO_HASH
                connection.execute(
                    "INSERT OR IGNORE INTO scenarios (hash, id, title, version, yaml) VALUES "
                    "(?, ?, ?, '', ?)", [digest, scenario_id or UNKNOWN_SCENARIO_ID,
                                         "Scénario inconnu (réparation)",
                                         "# texte du scénario perdu lors de la réparation\n"])
                connection.execute("UPDATE sessions SET scenario_hash = ? WHERE scenario_hash "
                                   "IS NULL", [digest])
        connection.execute("INSERT INTO turns_fts(turns_fts) VALUES ('rebuild')")
        connection.commit()
        connection.execute("PRAGMA foreign_keys = ON")
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        rows = [tuple(row) for row in connection.execute("PRAGMA integrity_check")]
        integrity = "ok"
        if rows != [("ok",)] or broken:
            integrity = f"{len(rows) + len(broken)} problème(s) : {(broken or rows)[0]}"
        try:
            connection.execute("INSERT INTO turns_fts(turns_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as error:
            integrity = f"index plein texte : {error}"
        connection.rollback()
        # The new file must not need a -wal beside it when it takes the old one's place.
        connection.execute("PRAGMA journal_mode = DELETE")
        return RepairReport(
            path=target, healthy=False, method=salvage.method,
            sessions=_count(connection, "SELECT count(*) FROM sessions"),
            turns=_count(connection, "SELECT count(*) FROM turns"),
            placeholder_sessions=len(lost_sessions),
            placeholder_students=len(lost_students),
            placeholder_scenarios=len(lost_scenarios), integrity=integrity)
    finally:
        connection.close()


def _backup(path: Path, stamp: str) -> Path:
    backup = path.with_name(f"{path.stem}.avant-reparation-{stamp}{path.suffix or '.db'}")
    try:
        shutil.copy2(path, backup)
        wal = Path(f"{path}-wal")
        if wal.exists():  # committed turns not yet checkpointed live there
            shutil.copy2(wal, Path(f"{backup}-wal"))
    except OSError as error:
        with contextlib.suppress(OSError):
            backup.unlink()
        raise StoreUnavailable(f"impossible de garder une copie de {path} avant de la réparer "
                               f"({error.strerror}) — libérez de la place ou vérifiez les "
                               "droits ; rien n'a été modifié") from error
    return backup


def repair(path: Path, use_cli: bool = True) -> RepairReport:
    """Check `path`; if it is damaged, keep a copy and replace it by a rebuilt base."""
    problem = diagnose(path)
    if problem is None:
        sessions, turns = _totals(path)
        return RepairReport(path=path, healthy=True, sessions=sessions, turns=turns)
    if not os.access(path.parent, os.W_OK):
        raise StoreUnavailable(f"le dossier de {path} est en lecture seule : la base ne peut "
                               "pas être réparée sur place — copiez-la ailleurs puis relancez")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = _backup(path, stamp)
    target = path.with_name(f".{path.name}.reparation-{stamp}")
    tool = recover_cli() if use_cli else None
    salvage = None
    try:
        with tempfile.TemporaryDirectory() as work:
            # Salvage reads a private copy: the backup itself stays exactly as it was found.
            source = Path(work) / "source.db"
            shutil.copy2(backup, source)
            if Path(f"{backup}-wal").exists():
                shutil.copy2(Path(f"{backup}-wal"), Path(f"{source}-wal"))
            if tool is not None:
                salvage = salvage_cli(source, tool, Path(work))
            if salvage is None:
                salvage = salvage_pages(source)
        report = rebuild(salvage, target)
        if report.integrity != "ok":
            raise StoreCorrupt(path, f"la base reconstruite ne passe pas la vérification "
                                     f"({report.integrity}) ; l'original est intact, copie : "
                                     f"{backup}")
        for suffix in ("-wal", "-shm"):
            # The old WAL belongs to the damaged file: replayed into the new one it would
            # damage it again. Its content is in the backup.
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").unlink()
        os.replace(target, path)
    except BaseException:
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    with contextlib.suppress(OSError):
        descriptor = os.open(path.parent, os.O_RDONLY)
        os.fsync(descriptor)
        os.close(descriptor)
    return RepairReport(
        path=path, healthy=False, problem=problem, backup=backup, method=report.method,
        sessions=report.sessions, turns=report.turns,
        placeholder_sessions=report.placeholder_sessions,
        placeholder_students=report.placeholder_students,
        placeholder_scenarios=report.placeholder_scenarios, integrity=report.integrity)
