"""One self-contained HTML page per session: transcript with speaker colours and tips, the
scorecard as a grid like the official evaluation grids, evidence linked to the turns, audio
players when audio is kept. Readable on a phone, printable to PDF; no external resource."""

from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import Any

LEVELS = ("TI", "I", "S", "TS")
STATUS = {"en_cours": "en cours", "terminee": "terminée", "interrompue": "interrompue"}
OUTCOMES = {"success": "réussite", "partial": "réussite partielle", "failure": "échec",
            "unfinished": "inachevé"}
LEVEL_NAMES = {"TI": "Très insuffisant", "I": "Insuffisant", "S": "Satisfaisant",
               "TS": "Très satisfaisant"}

STYLE = """
:root { --student: #e8f1ff; --customer: #f3f3f3; --ink: #1d1d1f; --muted: #5f6368;
  --ti: #b3261e; --i: #c05a00; --s: #1e7b34; --ts: #0b5d1e; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 54rem; padding: 1rem; }
h1 { font-size: 1.5rem; margin: .2rem 0; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.meta { color: var(--muted); margin: 0; }
.turn { border-radius: .8rem; padding: .6rem .9rem; margin: .5rem 0; max-width: 90%; }
.student { background: var(--student); margin-left: auto; }
.customer { background: var(--customer); }
.who { font-weight: 600; font-size: .85rem; color: var(--muted); }
.tip { font-size: .9rem; border-left: 3px solid #f5a623; padding-left: .5rem; margin-top: .3rem; }
table.grid { border-collapse: collapse; width: 100%; font-size: .95rem; }
.grid th, .grid td { border: 1px solid #bbb; padding: .4rem; vertical-align: top; }
.grid td.level { text-align: center; width: 3.2rem; }
.grid td.on { font-weight: 700; color: #fff; }
.on.TI { background: var(--ti); } .on.I { background: var(--i); }
.on.S { background: var(--s); } .on.TS { background: var(--ts); }
.total { font-size: 1.3rem; font-weight: 700; }
.evidence { font-size: .9rem; margin: .2rem 0 .2rem 1rem; padding: 0; }
.evidence li { list-style: none; }
.plus::before { content: "+ "; } .minus::before { content: "− "; }
audio { width: 100%; }
@media print { .turn { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
@media (max-width: 40rem) { .grid td.level { width: 2.2rem; font-size: .8rem; } }
"""


def _audio(path: str | None, audio_root: Path | None) -> str:
    if not path:
        return ""
    file = Path(path) if audio_root is None else audio_root / path
    if not file.exists():
        return ""
    data = base64.b64encode(file.read_bytes()).decode("ascii")
    return f'<audio controls src="data:audio/wav;base64,{data}"></audio>'


def render(record: dict[str, Any], audio_root: Path | None = None) -> str:
    e = html.escape
    scenario = record["scenario"]
    rows = []
    for turn in record["turns"]:
        kind = "student" if turn["speaker"] == "student" else "customer"
        who = "Élève" if kind == "student" else "Client"
        tip = f'<div class="tip">Conseil : {e(turn["tip"])}</div>' if turn.get("tip") else ""
        rows.append(f'<div class="turn {kind}" id="tour-{turn["number"]}">'
                    f'<div class="who">{turn["number"]}. {who}</div>{e(turn["text"])}'
                    f'{_audio(turn.get("audio"), audio_root)}{tip}</div>')
    card = record.get("scorecard")
    grid = "<p>Pas de bilan : la séance n'a pas été évaluée.</p>"
    if card:
        # Student turns are numbered among student turns in the scorecard.
        student_numbers = [t["number"] for t in record["turns"] if t["speaker"] == "student"]
        head = "".join(f'<th title="{LEVEL_NAMES[level]}">{level}</th>' for level in LEVELS)
        body = []
        for c in card["criteria"]:
            cells = "".join(
                f'<td class="level {level}{" on" if level == c["level"] else ""}">'
                f'{"✔ " + level if level == c["level"] else ""}</td>' for level in LEVELS)
            items = []
            for item in c["evidence"]:
                anchor = ""
                if item["turn"] and item["turn"] <= len(student_numbers):
                    anchor = (f' — <a href="#tour-{student_numbers[item["turn"] - 1]}">tour '
                              f'{item["turn"]}</a> : « {e(item["quote"])} »')
                css = "plus" if item["effect"] == "+" else "minus"
                items.append(f'<li class="{css}">{e(item["note"])}{anchor}</li>')
            advice = f"<p><strong>À faire :</strong> {e(c['advice'])}</p>" if c.get(
                "advice") else ""
            body.append(f'<tr><td><strong>{e(c["label"])}</strong> (poids {c["weight"]:g}, '
                        f'{c["score"]:g}/20)<ul class="evidence">{"".join(items)}</ul>'
                        f'{advice}</td>{cells}</tr>')
        strengths = "".join(f"<li>{e(s)}</li>" for s in card.get("strengths", []))
        priorities = "".join(f"<li>{e(p)}</li>" for p in card.get("priorities", []))
        grid = (f'<table class="grid"><thead><tr><th>Critère</th>{head}</tr></thead>'
                f'<tbody>{"".join(body)}</tbody></table>'
                f'<p class="total">Note : {card["total"]:g} / 20</p>'
                f"<h3>Points forts</h3><ul>{strengths}</ul>"
                f"<h3>Priorités</h3><ul>{priorities}</ul>")
    variant = f" — variante {e(record['variant'])}" if record.get("variant") else ""
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(scenario["title"])} — {e(record["student"])}</title>
<style>{STYLE}</style></head>
<body>
<header><h1>{e(scenario["title"])}</h1>
<p class="meta">Élève : <strong>{e(record["student"])}</strong> · scénario {e(scenario["id"])}
{variant} · {e(record["started_at"][:16].replace("T", " "))} · séance
{e(STATUS.get(record["status"], record["status"] or ""))} · issue :
{e(OUTCOMES.get(record.get("outcome") or "", "—"))}</p></header>
<main>
<h2>Bilan</h2>
{grid}
<h2>Transcription</h2>
{"".join(rows)}
</main></body></html>
"""
