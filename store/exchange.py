"""Export and import of sessions: a student hands their JSON export to the teacher, who
imports the class's files into one database (duplicates detected, nothing half-imported)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .sessions import save_scorecard, scenario_hash, session_record, student_id

SESSION_FIELDS = ("id", "scenario_id", "variant", "seed", "mode", "started_at", "ended_at",
                  "status", "outcome", "outcome_id", "ended_by", "mark", "notes", "student",
                  "scenario", "turns", "scorecard", "report")


class ExportFileError(ValueError):
    """A file that cannot be imported; nothing was changed."""


def bundle(db: Database, ids: list[str]) -> dict[str, Any]:
    return {"format": "repliq-export", "version": 1,
            "sessions": [session_record(db, session_id) for session_id in ids]}


def to_json(db: Database, ids: list[str]) -> str:
    data = session_record(db, ids[0]) if len(ids) == 1 else bundle(db, ids)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_csv(db: Database, ids: list[str]) -> str:
    """One row per turn, with the session's columns: opens in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["seance", "eleve", "scenario", "variante", "debut", "statut", "issue",
                     "note", "tour", "locuteur", "texte", "actes", "conseil"])
    for session_id in ids:
        r = session_record(db, session_id)
        for turn in r["turns"]:
            writer.writerow([r["id"], r["student"], r["scenario_id"], r["variant"] or "",
                             r["started_at"], r["status"], r["outcome"] or "",
                             "" if r["mark"] is None else r["mark"], turn["number"],
                             "étudiant" if turn["speaker"] == "student" else "client",
                             turn["text"], " ".join(turn["acts"]) if turn["speaker"] ==
                             "student" else "", turn["tip"] or ""])
    return out.getvalue()


def to_markdown(db: Database, ids: list[str]) -> str:
    parts = []
    for session_id in ids:
        r = session_record(db, session_id)
        lines = [f"# {r['scenario']['title']}", "",
                 f"- Élève : {r['student']}", f"- Scénario : {r['scenario_id']}"
                 + (f" (variante {r['variant']})" if r["variant"] else ""),
                 f"- Début : {r['started_at']} — statut : {r['status']} — issue : "
                 f"{r['outcome'] or '—'}", f"- Note : {r['mark'] if r['mark'] is not None else '—'}"
                 " / 20", "", "## Transcription", ""]
        for turn in r["turns"]:
            who = "**Élève**" if turn["speaker"] == "student" else "**Client**"
            lines.append(f"{turn['number']}. {who} : {turn['text']}")
            if turn["tip"]:
                lines.append(f"   - *Conseil : {turn['tip']}*")
        card = r["scorecard"]
        if card:
            lines += ["", "## Bilan", "", "| critère | niveau | note /20 |", "|---|---|---|"]
            lines += [f"| {c['label']} | {c['level']} | {c['score']:g} |"
                      for c in card["criteria"]]
            lines += ["", f"**Note : {card['total']:g} / 20**"]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts) + "\n"


def _sessions_in(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict) and data.get("format") == "repliq-session":
        return [data]
    if isinstance(data, dict) and data.get("format") == "repliq-export":
        return list(data.get("sessions") or [])
    raise ExportFileError("ce n'est pas un export Repliq — attendu : un fichier écrit par "
                       "« repliq sessions export ID --format json »")


def read_export(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExportFileError(f"{path} : fichier introuvable") from None
    except UnicodeDecodeError:
        raise ExportFileError(f"{path} : fichier binaire ou non UTF-8 — attendu : un export "
                           "JSON de Repliq") from None
    except json.JSONDecodeError as exc:
        raise ExportFileError(f"{path}:{exc.lineno}: JSON corrompu ou tronqué ({exc.msg}) — "
                           "attendu : un export JSON complet de Repliq") from None
    try:
        sessions = _sessions_in(data)
    except ExportFileError as exc:
        raise ExportFileError(f"{path} : {exc}") from None
    for index, session in enumerate(sessions, start=1):
        missing = [k for k in ("id", "student", "scenario", "turns", "started_at")
                   if k not in session]
        if missing or not isinstance(session.get("turns"), list) or not isinstance(
                session.get("scenario"), dict) or "yaml" not in session["scenario"]:
            raise ExportFileError(f"{path} : séance n° {index} incomplète ("
                               f"{', '.join(missing) or 'scénario ou tours'} manquant) — "
                               "attendu : un export complet de Repliq")
    return sessions


def import_files(db: Database, paths: list[Path]) -> tuple[int, int]:
    """Import every session of every file in one transaction: (added, already there).
    Raises ExportFileError and changes nothing when any file is unusable."""
    sessions = [session for path in paths for session in read_export(path)]
    added = skipped = 0
    with db.conn:
        for s in sessions:
            if db["sessions"].count_where("id = ?", [s["id"]]):
                skipped += 1
                continue
            scenario = s["scenario"]
            digest = scenario_hash(db, scenario["id"], scenario.get("title", ""),
                                   scenario.get("version", ""), scenario["yaml"])
            db["sessions"].insert({
                "id": s["id"], "student_id": student_id(db, s["student"]),
                "scenario_hash": digest, "scenario_id": s.get("scenario_id", scenario["id"]),
                "variant": s.get("variant"), "seed": s.get("seed"), "mode": s.get("mode"),
                "started_at": s["started_at"], "ended_at": s.get("ended_at"),
                "status": s.get("status"), "pid": None, "host": None,
                "outcome": s.get("outcome"), "outcome_id": s.get("outcome_id"),
                "ended_by": s.get("ended_by"), "mark": s.get("mark"), "notes": s.get("notes")})
            db["turns"].insert_all({
                "session_id": s["id"], "number": t["number"], "speaker": t["speaker"],
                "who": t.get("who"), "text": t["text"],
                "acts": json.dumps(t.get("acts", []), ensure_ascii=False),
                "entities": json.dumps(t.get("entities", []), ensure_ascii=False),
                "topics": json.dumps(t.get("topics", []), ensure_ascii=False),
                "state": json.dumps(t.get("state", {}), ensure_ascii=False),
                "tip": t.get("tip"), "at": t.get("at"), "audio": t.get("audio"),
                "cut_customer": 1 if t.get("cut_customer") else None}
                for t in s["turns"])
            if s.get("scorecard"):
                save_scorecard(db, s["id"], s["scorecard"])
            if s.get("report"):
                db["reports"].insert({"session_id": s["id"], "report": json.dumps(
                    s["report"], ensure_ascii=False)})
            added += 1
    return added, skipped
