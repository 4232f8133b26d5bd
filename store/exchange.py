"""Export and import of sessions: a student hands their JSON export to the teacher, who
imports the class's files into one database.

Exports come from outside, so an import trusts nothing: each file is read with a size bound,
checked against the export schema (store/export_model.py) before the database is touched,
and written in one transaction — all of the file or nothing, so a refused file can be
imported again once corrected. CSV cells are neutralised against spreadsheet formulas and
Markdown escapes HTML: what a student typed is shown, never run."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlite_utils import Database

from bot.turn_record import TurnRecord

from .audio_paths import contained
from .export_model import CONTROL, SessionRecord, describe, parse_export
from .sessions import (
    export_data,
    save_scorecard,
    scenario_hash,
    session_record,
    student_id,
    turn_row,
)

MAX_FILE_BYTES = 50_000_000  # a whole class's year of sessions is a few MB


class ExportFileError(ValueError):
    """A file that cannot be imported; nothing of it was changed."""


def bundle(db: Database, ids: list[str]) -> dict[str, Any]:
    return {"format": "repliq-export", "version": 1,
            "sessions": [export_data(session_record(db, session_id)) for session_id in ids]}


def to_json(db: Database, ids: list[str]) -> str:
    data = export_data(session_record(db, ids[0])) if len(ids) == 1 else bundle(db, ids)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- CSV for French spreadsheets --------------------------------------------------------
# LibreOffice and Excel in French expect ';' between cells and a decimal comma; the UTF-8
# byte order mark makes Excel read accents right. Formula neutralisation follows OWASP's
# "CSV injection" rule: a text cell starting with = + - @ or a tab/carriage return gets a
# leading apostrophe, so the spreadsheet shows it as text instead of evaluating it.
CSV_BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: str | None) -> str:
    text = value or ""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return csv_text(str(value))  # a damaged row: shown, never evaluated
    return f"{value:g}".replace(".", ",")


def csv_document(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows(rows)
    return CSV_BOM + out.getvalue()


def to_csv(db: Database, ids: list[str]) -> str:
    """One row per turn, with the session's columns: opens in a spreadsheet."""
    rows = [["seance", "eleve", "scenario", "variante", "debut", "statut", "issue", "note",
             "tour", "locuteur", "texte", "actes", "conseil"]]
    for session_id in ids:
        r = session_record(db, session_id)
        for turn in r["turns"]:
            student = turn.is_student
            rows.append([r["id"], csv_text(r["student"]), csv_text(r["scenario_id"]),
                         csv_text(r["variant"]), csv_text(r["started_at"]),
                         csv_text(r["status"]), csv_text(r["outcome"]), csv_number(r["mark"]),
                         csv_number(turn.number), "étudiant" if student else "client",
                         csv_text(turn.text),
                         csv_text(" ".join(map(str, turn.acts)) if student else ""),
                         csv_text(turn.tip)])
    return csv_document(rows)


# --- Markdown ---------------------------------------------------------------------------
def md_text(value: object) -> str:
    """Text shown literally by a Markdown renderer or a terminal: control characters and
    escape sequences dropped, HTML escaped (no tag or script runs),
    line breaks kept inside the list item, Markdown's own markup characters escaped."""
    text = CONTROL.sub("", str(value if value is not None else ""))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|#":
        text = text.replace(char, "\\" + char)
    return "  \n   ".join(text.splitlines()) if "\n" in text or "\r" in text else text


def to_markdown(db: Database, ids: list[str]) -> str:
    parts = []
    for session_id in ids:
        r = session_record(db, session_id)
        m = md_text
        variant = f" (variante {m(r['variant'])})" if r["variant"] else ""
        mark = "—" if r["mark"] is None else m(f"{r['mark']:g}")
        lines = [f"# {m(r['scenario']['title'])}", "",
                 f"- Élève : {m(r['student'])}", f"- Scénario : {m(r['scenario_id'])}{variant}",
                 f"- Début : {m(r['started_at'])} — statut : {m(r['status'])} — issue : "
                 f"{m(r['outcome'] or '—')}", f"- Note : {mark} / 20", "", "## Transcription",
                 ""]
        for turn in r["turns"]:
            who = "**Élève**" if turn.is_student else "**Client**"
            lines.append(f"{m(turn.number)}. {who} : {m(turn.text)}")
            if turn.tip:
                lines.append(f"   - *Conseil : {m(turn.tip)}*")
        card = r["scorecard"]
        if card:
            lines += ["", "## Bilan", "", "| critère | niveau | note /20 |", "|---|---|---|"]
            lines += [f"| {m(c['label'])} | {m(c['level'])} | {m(c['score'])} |"
                      for c in card["criteria"]]
            lines += ["", f"**Note : {m(card['total'])} / 20**"]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts) + "\n"


# --- Import -----------------------------------------------------------------------------
def read_export(path: Path) -> list[SessionRecord]:
    """The checked sessions of one file; ExportFileError (French, naming the file and the
    field) for anything that is not a complete, well-formed Repliq export."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ExportFileError(f"{path} : c'est un dossier — attendu : des fichiers JSON "
                                  f"(par exemple {path}/*.json)")
        if not stat.S_ISREG(info.st_mode):
            raise ExportFileError(f"{path} : pas un fichier ordinaire — attendu : un export "
                                  "JSON de Repliq")
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)  # bounded even if the size lies
    except FileNotFoundError:
        raise ExportFileError(f"{path} : fichier introuvable") from None
    except OSError as error:
        raise ExportFileError(f"{path} : illisible ({error.strerror or error}) — attendu : "
                              "un fichier lisible") from None
    if len(raw) > MAX_FILE_BYTES:
        raise ExportFileError(f"{path} : fichier trop gros (plus de "
                              f"{MAX_FILE_BYTES // 1_000_000} Mo) — attendu : un export "
                              "Repliq")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ExportFileError(f"{path} : fichier binaire ou non UTF-8 — attendu : un export "
                              "JSON de Repliq") from None
    try:
        return parse_export(text)
    except json.JSONDecodeError as exc:
        raise ExportFileError(f"{path}:{exc.lineno}: JSON corrompu ou tronqué ({exc.msg}) — "
                              "attendu : un export JSON complet de Repliq") from None
    except ValidationError as exc:
        lines = describe(exc)
        raise ExportFileError(f"{path} : " + "\n  ".join(
            ["export refusé, rien n'a été importé :", *lines])) from None
    except ValueError as exc:
        raise ExportFileError(f"{path} : {exc}") from None


@dataclass
class FileResult:
    path: Path
    added: int = 0  # new sessions
    completed: int = 0  # sessions already here with fewer turns (a recovery file)
    skipped: int = 0  # identical sessions already here
    error: str | None = None  # why the file was refused; nothing of it was written


def _stored_turns(db: Database, session_id: str) -> list[tuple[int, str, str]]:
    return [(row[0], row[1], row[2]) for row in db.execute(
        "select number, speaker, text from turns where session_id = ? order by number",
        [session_id]).fetchall()]


def _turn_row(session_id: str, turn: TurnRecord, audio_root: Path | None) -> dict[str, Any]:
    # An audio name is kept only when it resolves inside this machine's audio folder for
    # that very session (a recovery file from this machine); an import brings no path in.
    audio = None
    if turn.audio and audio_root is not None and turn.audio.startswith(session_id + "/"):
        path = contained(audio_root, turn.audio)
        audio = turn.audio if path is not None and path.is_file() else None
    return turn_row(session_id, replace(turn, audio=audio))


def _session_fields(s: SessionRecord) -> dict[str, Any]:
    return {"variant": s.variant, "seed": s.seed, "mode": s.mode.value if s.mode else None,
            "started_at": s.started_at, "ended_at": s.ended_at, "status": s.status.value,
            "outcome": s.outcome.value if s.outcome else None, "outcome_id": s.outcome_id,
            "ended_by": s.ended_by, "mark": s.mark, "notes": s.notes}


def _write_extras(db: Database, s: SessionRecord) -> None:
    if s.scorecard is not None:
        save_scorecard(db, s.id, s.scorecard.model_dump(mode="json"))
    if s.report is not None:
        db["reports"].insert({"session_id": s.id, "report": json.dumps(
            s.report, ensure_ascii=False)}, replace=True)


def _turns(s: SessionRecord) -> list[TurnRecord]:
    """The schema-checked turns as every layer has them. The schema lets a state or an
    entity be any JSON value; a turn needs objects there (no Repliq writes anything else)."""
    turns = []
    for position, turn in enumerate(s.turns, start=1):
        try:
            turns.append(TurnRecord.from_dict(turn.model_dump(mode="json")))
        except (TypeError, ValueError) as error:
            raise ExportFileError(f"export refusé, rien n'a été importé :\n  séance "
                                  f"{s.id[:8]}, turns[{position}]: {error}") from None
    return turns


def _import_session(db: Database, s: SessionRecord, audio_root: Path | None) -> str:
    """Write one checked session: 'added', 'completed' or 'skipped'. Raises ExportFileError
    when a session with this id holds other content."""
    existing = db.execute("select s.id, st.name from sessions s join students st on "
                          "st.id = s.student_id where s.id = ?", [s.id]).fetchone()
    turns = _turns(s)
    mine = [(t.number, t.role.value, t.text) for t in turns]
    if existing is not None:
        stored = _stored_turns(db, s.id)
        same_student = existing[1] == " ".join(s.student.split())
        if not same_student or mine[:len(stored)] != stored:
            raise ExportFileError(f"la séance {s.id[:8]} est déjà dans la base avec un contenu "
                                  "différent — attendu : le même export, ou une séance "
                                  "complétée (fichier de récupération)")
        if len(stored) == len(mine):
            return "skipped"
        # A recovery file: the same session, with the turns the store could not write.
        db["turns"].insert_all(_turn_row(s.id, t, audio_root) for t in turns[len(stored):])
        db["sessions"].update(s.id, _session_fields(s))
        _write_extras(db, s)
        return "completed"
    scenario = s.scenario
    digest = scenario_hash(db, scenario.id, scenario.title, scenario.version, scenario.yaml)
    db["sessions"].insert({"id": s.id, "student_id": student_id(db, s.student),
                           "scenario_hash": digest,
                           "scenario_id": s.scenario_id or scenario.id, "pid": None,
                           "host": None, **_session_fields(s)})
    db["turns"].insert_all(_turn_row(s.id, t, audio_root) for t in turns)
    _write_extras(db, s)
    return "added"


def import_file(db: Database, path: Path, audio_root: Path | None = None) -> FileResult:
    """Import one file in one transaction: all of its sessions or none."""
    result = FileResult(path)
    try:
        sessions = read_export(path)
        with db.atomic():
            for s in sessions:
                kind = _import_session(db, s, audio_root)
                setattr(result, kind, getattr(result, kind) + 1)
    except ExportFileError as error:
        result.added = result.completed = result.skipped = 0
        result.error = str(error) if str(error).startswith(str(path)) else f"{path} : {error}"
    except sqlite3.IntegrityError as error:
        result.added = result.completed = result.skipped = 0
        result.error = f"{path} : incohérent avec la base ({error}) — rien n'a été importé"
    return result


def import_files(db: Database, paths: list[Path], audio_root: Path | None = None
                 ) -> list[FileResult]:
    """Each file on its own: a refused file changes nothing, the others are imported."""
    return [import_file(db, path, audio_root) for path in paths]
