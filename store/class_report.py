"""The class report: one row per student, one column per criterion (latest level and its
trend), number of sessions and average mark; in HTML, a progress chart per student."""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass, field

from sqlite_utils import Database

RANK = {"TI": 0, "I": 1, "S": 2, "TS": 3}


@dataclass
class StudentRow:
    name: str
    sessions: int
    average: float | None
    marks: list[tuple[str, float]] = field(default_factory=list)  # (date, mark)
    latest: dict[str, str] = field(default_factory=dict)  # criterion -> level
    trend: dict[str, str] = field(default_factory=dict)  # criterion -> ↗ ↘ →


def build(db: Database) -> tuple[list[str], dict[str, str], list[StudentRow]]:
    """(criterion ids, their labels, one row per student)."""
    labels = dict(db.execute("select distinct criterion, label from criteria_results "
                             "order by criterion").fetchall())
    rows = []
    for student_id, name in db.execute("select id, name from students order by name"):
        sessions = db.execute("select id, started_at, mark from sessions where student_id = ? "
                              "order by started_at", [student_id]).fetchall()
        marks = [(started[:10], mark) for _, started, mark in sessions if mark is not None]
        row = StudentRow(name, len(sessions),
                         round(sum(m for _, m in marks) / len(marks), 1) if marks else None,
                         marks)
        for criterion in labels:
            levels = [level for (level,) in db.execute(
                "select c.level from criteria_results c join sessions s on s.id = "
                "c.session_id where s.student_id = ? and c.criterion = ? order by "
                "s.started_at", [student_id, criterion])]
            if levels:
                row.latest[criterion] = levels[-1]
                if len(levels) >= 2:
                    delta = RANK[levels[-1]] - RANK[levels[-2]]
                    row.trend[criterion] = "↗" if delta > 0 else "↘" if delta < 0 else "→"
        rows.append(row)
    return list(labels), labels, rows


def to_csv(db: Database) -> str:
    criteria, labels, rows = build(db)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["eleve", "seances", "moyenne_sur_20",
                     *[f"{c} ({labels[c]})" for c in criteria]])
    for row in rows:
        writer.writerow([row.name, row.sessions, "" if row.average is None else row.average,
                         *[(row.latest.get(c, "") + (" " + row.trend[c] if c in row.trend
                                                     else "")).strip() for c in criteria]])
    return out.getvalue()


def _chart(marks: list[tuple[str, float]]) -> str:
    """An inline SVG line of the marks over time (no script, no external resource)."""
    if not marks:
        return ""
    width, height, pad = 240, 60, 6
    step = (width - 2 * pad) / max(1, len(marks) - 1)
    points = [(pad + i * step, height - pad - mark / 20 * (height - 2 * pad))
              for i, (_, mark) in enumerate(marks)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5"><title>{d} : {m:g}/20'
                   f"</title></circle>" for (x, y), (d, m) in zip(points, marks, strict=True))
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label="Progression des notes">'
            f'<polyline fill="none" stroke="#1e6fd9" stroke-width="2" points="{path}"/>'
            f"{dots}</svg>")


def to_html(db: Database) -> str:
    e = html.escape
    criteria, labels, rows = build(db)
    head = "".join(f'<th title="{e(labels[c])}">{e(labels[c])}</th>' for c in criteria)
    body = []
    for row in rows:
        cells = "".join(f'<td class="{row.latest.get(c, "")}">{row.latest.get(c, "—")} '
                        f'{row.trend.get(c, "")}</td>' for c in criteria)
        average = "—" if row.average is None else f"{row.average:g}"
        body.append(f"<tr><th>{e(row.name)}</th><td>{row.sessions}</td><td>{average}</td>"
                    f"<td>{_chart(row.marks)}</td>{cells}</tr>")
    return f"""<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bilan de la classe</title><style>
body {{ font: 15px/1.4 system-ui, sans-serif; margin: 1rem; }}
table {{ border-collapse: collapse; }} th, td {{ border: 1px solid #bbb; padding: .3rem .5rem; }}
thead th {{ font-size: .8rem; max-width: 9rem; }}
td.TI {{ background: #f9d6d3; }} td.I {{ background: #fde3c8; }}
td.S {{ background: #d8f0dc; }} td.TS {{ background: #b7e4c0; }}
.wrap {{ overflow-x: auto; }}
</style></head><body><h1>Bilan de la classe</h1>
<p>Niveau le plus récent par critère (TI, I, S, TS) et son évolution depuis la séance
précédente (↗ progrès, ↘ recul, → stable) ; courbe des notes sur 20 au fil des séances.</p>
<div class="wrap"><table><thead><tr><th>Élève</th><th>Séances</th><th>Moyenne /20</th>
<th>Progression</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>
</body></html>
"""
