"""One self-contained HTML page per session: transcript with speaker colours and tips, the
scorecard as a grid like the official evaluation grids, evidence linked to the turns, audio
players when audio is kept. Readable on a phone, printable to PDF; no external resource.

Pages come from Jinja2 templates with autoescaping on, so no field (a turn number, a level,
a name from an imported file) can be written unescaped; a Content-Security-Policy forbids
scripts on top of that."""

from __future__ import annotations

import base64
import math
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from bot.turn_record import TurnRecord, exchange_numbers
from scenarios.vocabulary import outcome_label

from .audio_paths import contained

LEVELS = ("TI", "I", "S", "TS")
STATUS = {"en_cours": "en cours", "terminee": "terminée", "interrompue": "interrompue"}
LEVEL_NAMES = {"TI": "Très insuffisant", "I": "Insuffisant", "S": "Satisfaisant",
               "TS": "Très satisfaisant"}
MAX_EMBEDDED_AUDIO = 20_000_000  # bytes per turn: a 2-minute WAV is ~4 MB


@cache
def environment() -> Environment:
    return Environment(loader=PackageLoader("store", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=False, keep_trailing_newline=True)


def number(value: Any) -> str:
    """A figure as the page shows it ('14.5'); anything that is not a finite number (a
    damaged row) is shown as text, escaped by the template."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return f"{value:g}" if math.isfinite(value) else "—"


def _audio(name: str | None, audio_root: Path | None) -> str:
    """The turn's audio as base64, only for a file inside the data folder's audio
    directory (a stored name pointing elsewhere embeds nothing)."""
    if not name or audio_root is None:
        return ""
    path = contained(audio_root, name)
    if path is None or not path.is_file() or path.stat().st_size > MAX_EMBEDDED_AUDIO:
        return ""
    return base64.b64encode(path.read_bytes()).decode("ascii")


def _card_view(card: dict[str, Any], turns: list[TurnRecord]) -> dict[str, Any]:
    # Scorecard evidence numbers student turns among student turns.
    student_numbers = [t.number for t in turns if t.is_student]
    criteria = []
    for c in card["criteria"]:
        evidence = []
        for item in c.get("evidence") or []:
            turn = item.get("turn")
            anchor = (student_numbers[turn - 1] if isinstance(turn, int) and
                      0 < turn <= len(student_numbers) else None)
            evidence.append({"positive": item.get("effect") == "+", "note": item.get("note"),
                             "turn": turn, "quote": item.get("quote"), "anchor": anchor})
        criteria.append({"label": c.get("label"), "weight": number(c.get("weight")),
                         "score": number(c.get("score")), "level": c.get("level"),
                         "evidence": evidence, "advice": c.get("advice")})
    return {"criteria": criteria, "total": number(card.get("total")),
            "strengths": card.get("strengths") or [], "priorities": card.get("priorities") or []}


def render(record: dict[str, Any], audio_root: Path | None = None) -> str:
    scenario = record["scenario"]
    # (Shown with the scorecard's numbering, "tour 7" for the student's seventh turn and the
    # reply to it; anchored by their place in the session.)
    turns = [{"kind": t.role.value, "who": "Élève" if t.is_student else "Client",
              "number": t.number, "exchange": exchange, "text": t.text, "tip": t.tip,
              "audio": _audio(t.audio, audio_root)}
             for t, exchange in zip(record["turns"], exchange_numbers(record["turns"]),
                                    strict=True)]
    card = record.get("scorecard")
    return environment().get_template("session.html.j2").render(
        title=scenario["title"], student=record["student"], scenario_id=scenario["id"],
        variant=record.get("variant"),
        started=str(record["started_at"] or "")[:16].replace("T", " "),
        status=STATUS.get(record["status"], record["status"] or ""),
        outcome=outcome_label(record.get("outcome"), "—"),
        levels=[(level, LEVEL_NAMES[level]) for level in LEVELS],
        card=_card_view(card, record["turns"]) if card else None, turns=turns)
